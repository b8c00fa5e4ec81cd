import { isDomainError } from '../domain/errors';
import { type Signal } from '../domain/signal';
import { leaseDueDeliveries } from '../domain/signal.deliveries';
import type { AuditLog, Clock, SignalStore } from '../ports';
import type { Dispatcher } from './dispatcher';
import { auditTrail, type AuditedRequest } from './audit-trail';
import { mutateSignal } from './mutate-signal';

export interface ChangeSignalDeps {
  signals: SignalStore;
  audit: AuditLog;
  dispatcher: Dispatcher;
  clock: Clock;
}

/** `action` is the audit action, e.g. `signal.forward`. */
export type ChangeRequest = AuditedRequest;

/**
 * One state change as every use case makes it: the actor's rights checked against the version
 * being written over, then the pure change and the card work it causes in one conditional write,
 * the new deliveries leased to this instance and dispatched at once, and an audit entry whether it
 * was allowed or refused. Re-applied on a concurrent write; a change that returns the signal as it was
 * (a repeated press) writes and sends nothing.
 */
export async function changeSignal<Who>(
  deps: ChangeSignalDeps,
  request: ChangeRequest,
  authorize: (signal: Signal) => Promise<Who>,
  change: (current: Signal, who: Who, now: Date) => Signal,
): Promise<Signal> {
  const { signals, audit, dispatcher, clock } = deps;
  const now = clock.now();
  const trail = auditTrail(audit, request, () => now);
  try {
    const lease = dispatcher.lease(now);
    const { before, after } = await mutateSignal(signals, request.signalId, async (current) => {
      trail.about(current.reference);
      // Rights are checked against the very version this write replaces: a signal that moved
      // to another school meanwhile is refused, not changed on a stale permission.
      const who = await authorize(current);
      const changed = change(current, who, now);
      return changed === current ? current : leaseDueDeliveries(changed, now, lease.until, lease.id);
    });
    if (after.value !== before) dispatcher.start(after.value, lease);
    await trail.record('ok');
    return after.value;
  } catch (error) {
    if (isDomainError(error)) await trail.record('refused');
    throw error;
  }
}
