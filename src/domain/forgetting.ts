/**
 * What forgetting a child does to a signal's record and cards, as the other domain modules share it.
 * Leaf module: `signal.ts` and `forget-child.ts` both build on it.
 */
import { showsChildIdentity } from './identity-views';
import type { Delivery, DeliveryView, Signal } from './signal';

/**
 * Cards whose content changes when the child is forgotten: those that name the child, and the
 * worker's bounced notice, whose "send to leerplicht" needs the child.
 */
export function changesWhenForgotten(view: DeliveryView): boolean {
  return showsChildIdentity(view) || view === 'bounced_notice';
}

/**
 * Whether the card Teams shows for this delivery may name the child, so it must be drawn again
 * when the child is forgotten: the card it should show does, or the card Teams last confirmed does
 * (an update away from it, say to "taken", that is still on its way or failed for good).
 */
export function showsChildInTeams(delivery: Delivery): boolean {
  if (delivery.activityId === undefined) return false;
  return changesWhenForgotten(delivery.view) || (delivery.shownView !== undefined && changesWhenForgotten(delivery.shownView));
}

/**
 * A card queued to be drawn again without the child (`redraw` forgets what Teams showed) that
 * Teams has not confirmed since: the name may still be in that chat. Only a redraw leaves a sent
 * message (`activityId`) without a confirmed view.
 */
export function awaitsRedraw(delivery: Delivery): boolean {
  return delivery.activityId !== undefined && delivery.shownView === undefined;
}

/**
 * Makes a card Teams already shows pending again, so the dispatcher draws it anew (in place)
 * without the child. A card that failed before is tried again: a name left in a chat matters
 * more than the earlier failure.
 */
export function redraw(delivery: Delivery, at: string): Delivery {
  const next: Delivery = {
    ...delivery,
    status: delivery.status === 'failed' ? 'sent' : delivery.status,
    attempts: 0,
    // A card on its way keeps its lease; the redraw follows once Teams confirms it.
    nextAttemptAt: delivery.nextAttemptAt !== undefined && delivery.nextAttemptAt > at ? delivery.nextAttemptAt : at,
  };
  delete next.shownView;
  delete next.lastError;
  return next;
}

/**
 * The signal without the child's identity: the identity is dropped, the moment recorded, and
 * every card in Teams that showed it (or a step that needs it) is queued to be redrawn.
 * Derived fields are left to the caller (`withDispatchDue`).
 */
export function withoutChild(signal: Signal, at: string): Signal {
  // Keyed on the record, not on the identity: a store's backstop may have deleted the identity
  // already, and the cards in Teams must still be drawn again.
  if (signal.redactedAt) return signal;
  const next: Signal = {
    ...signal,
    redactedAt: at,
    timeline: [...signal.timeline, { at, type: 'redacted' }],
    deliveries: signal.deliveries.map((d) => (showsChildInTeams(d) ? redraw(d, at) : d)),
  };
  delete next.child;
  delete next.redactAt;
  return next;
}

/**
 * Whether a card drawn at `now` may still show the child: only until the moment to forget it
 * (`redactAt`), whether or not the forgetting job has run yet. Whatever order the jobs run in
 * after downtime, a card drawn late never shows a name that should be gone.
 */
export function childVisibleAt(signal: Signal, now: Date): boolean {
  return signal.child !== undefined && (signal.redactAt === undefined || now.toISOString() < signal.redactAt);
}

/** The signal as a card drawn at `now` may show it: without the child once `childVisibleAt` says no. */
export function asVisibleAt(signal: Signal, now: Date): Signal {
  if (signal.child === undefined || childVisibleAt(signal, now)) return signal;
  const shown = { ...signal };
  delete shown.child;
  return shown;
}
