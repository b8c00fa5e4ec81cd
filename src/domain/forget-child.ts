import { newDelivery, retarget, withDispatchDue, type Recipient, type Signal } from './signal';
import { withoutChild } from './forgetting';

/**
 * Forgets the child of a signal: at its `redactAt` (end of the pick-up day, or the latest moment
 * after issue) or at once when it ends without a school. What remains is anonymous: school, times,
 * counts, support categories, the reference code.
 *
 * A signal still waiting for leerplicht cannot be routed without a name: it ends as `unroutable`
 * (`expired`), the officers' cards close and the issuing worker is told by reference code.
 */
export function forgetChild(signal: Signal, now: Date, worker?: Recipient, sendAtDate: Date = now): Signal {
  if (signal.redactedAt) return signal;
  const at = now.toISOString();
  if (signal.state !== 'awaiting_routing') return withDispatchDue(withoutChild(signal, at));
  const closed = retarget(signal, (d) => d.role === 'leerplicht', 'route_closed', at);
  const expired: Signal = {
    ...signal,
    state: 'unroutable',
    stateChangedAt: at,
    unroutable: { by: 'system', byName: '', at, reason: 'expired' },
    timeline: [...signal.timeline, { at, type: 'unroutable' }],
    // The worker's notice is a new message: it waits for the working window like any other.
    deliveries: worker ? [...closed, newDelivery('vt_worker', worker, 'unroutable_notice', sendAtDate.toISOString())] : closed,
  };
  return withDispatchDue(withoutChild(expired, at));
}

/** Whether the moment to forget the child has come (whether or not a store's backstop already deleted it). */
export function isForgetDue(signal: Signal, now: Date): boolean {
  return signal.redactedAt === undefined && signal.redactAt !== undefined && signal.redactAt <= now.toISOString();
}

/** How long after the latest moment to forget a store keeps an identity by itself (the backstop's margin). */
const BACKSTOP_MARGIN_MS = 24 * 60 * 60 * 1000;
/** For a record without a planned moment (written before forgetting existed): two weeks after issue. */
const BACKSTOP_WITHOUT_PLAN_MS = 14 * 24 * 60 * 60 * 1000;

/**
 * When a store deletes an identity on its own should the forgetting job not have run: a day after
 * the latest moment planned at issue. Computed from the record as issued, never extended.
 */
export function identityExpiresAt(signal: Pick<Signal, 'issuedAt' | 'redactAt'>): Date {
  if (signal.redactAt) return new Date(Date.parse(signal.redactAt) + BACKSTOP_MARGIN_MS);
  return new Date(Date.parse(signal.issuedAt) + BACKSTOP_WITHOUT_PLAN_MS + BACKSTOP_MARGIN_MS);
}
