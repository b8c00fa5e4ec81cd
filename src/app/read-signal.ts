import { DomainError, ErrorCodes, isDomainError } from '../domain/errors';
import type { Signal } from '../domain/signal';
import type { AuditLog, Clock, SignalStore } from '../ports';

export interface ReadSignalDeps {
  signals: SignalStore;
  audit: AuditLog;
  clock: Clock;
}

/**
 * A read that shows a signal to someone, checked against their rights and audited whether it
 * was allowed or refused (every read of a child's identity leaves a trace; never the identity).
 */
export async function readSignalAs<Who>(
  deps: ReadSignalDeps,
  request: { actorId: string; signalId: string; action: string; origin?: string | undefined },
  authorize: (signal: Signal) => Promise<Who>,
): Promise<{ signal: Signal; who: Who }> {
  let objectId = request.signalId;
  const record = (result: 'ok' | 'refused') =>
    deps.audit.append({
      at: deps.clock.now().toISOString(),
      actorId: request.actorId,
      action: request.action,
      objectId,
      result,
      ...(request.origin ? { origin: request.origin } : {}),
    });
  try {
    const found = await deps.signals.get(request.signalId);
    if (!found) throw new DomainError(ErrorCodes.signalNotFound, { signalId: request.signalId });
    objectId = found.value.reference;
    const who = await authorize(found.value);
    await record('ok');
    return { signal: found.value, who };
  } catch (error) {
    if (isDomainError(error)) await record('refused');
    throw error;
  }
}
