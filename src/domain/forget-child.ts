import { withDispatchDue, type Delivery, type Recipient, type Signal } from './signal';
import { newDelivery, retarget } from './signal.deliveries';
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

/**
 * Cards that may have a copy in Teams the bot cannot redraw: more sends in doubt than copies whose
 * id it learned. Only cards of the roles whose cards name the child.
 */
export function withUnaccountedCopies(signal: Signal): Delivery[] {
  return signal.deliveries.filter(
    (d) => (d.role === 'school_contact' || d.role === 'leerplicht') && (d.inDoubtSends ?? 0) > (d.copies?.length ?? 0),
  );
}

/**
 * Cards with a copy nobody can redraw that no admin was told about yet: after the child was
 * forgotten, a send in doubt can still be recorded (an answer that came late, a lease that ran out).
 */
export function withUnalertedCopies(signal: Signal): Delivery[] {
  const alerted = new Set(signal.deliveries.filter((d) => d.view === 'name_alert').map((d) => d.about));
  return withUnaccountedCopies(signal).filter((card) => !alerted.has(card.key));
}

/**
 * When the child is forgotten, every copy that may still name it and cannot be redrawn is
 * reported to every admin (once per card), by reference: someone must ask the recipient to
 * delete it. Nothing is said about a copy the bot can redraw.
 */
export function alertUnaccountedCopies(signal: Signal, admins: Recipient[], sendAtDate: Date): Signal {
  const at = sendAtDate.toISOString();
  const alerted = new Set(signal.deliveries.filter((d) => d.view === 'name_alert').map((d) => `${d.recipientId}|${d.about}`));
  const alerts = withUnaccountedCopies(signal).flatMap((card) =>
    admins
      .filter((admin) => !alerted.has(`${admin.id}|${card.key}`))
      .map((admin) => ({ ...newDelivery('admin', admin, 'name_alert', at, undefined, `name_alert:${card.key}`), about: card.key })),
  );
  return alerts.length === 0 ? signal : withDispatchDue({ ...signal, deliveries: [...signal.deliveries, ...alerts] });
}
