import { DomainError, ErrorCodes, isDomainError } from '../domain/errors';
import type { Signal } from '../domain/signal';
import type { AuditLog, Clock, SignalStore } from '../ports';
import { auditTrail, type AuditedRequest } from './audit-trail';

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
  request: AuditedRequest,
  authorize: (signal: Signal) => Promise<Who>,
): Promise<{ signal: Signal; who: Who }> {
  const trail = auditTrail(deps.audit, request, () => deps.clock.now());
  try {
    const found = await deps.signals.get(request.signalId);
    if (!found) throw new DomainError(ErrorCodes.signalNotFound, { signalId: request.signalId });
    trail.about(found.value.reference);
    const who = await authorize(found.value);
    await trail.record('ok');
    return { signal: found.value, who };
  } catch (error) {
    if (isDomainError(error)) await trail.record('refused');
    throw error;
  }
}
