/**
 * A signal's outbox: each recipient's card (`Delivery`), what it should show and what Teams has
 * confirmed, and the bookkeeping of the dispatcher's attempts, leases, sends in doubt and admin
 * alerts. The state machine (`signal.ts`) decides what each card should show; this module keeps
 * track of getting it there.
 */
import { awaitsRedraw, changesWhenForgotten, redraw } from './forgetting';
import { countsAsAttempt } from './call-attempts';
import {
  isAtSchoolUnseen,
  isContactCardAt,
  withDispatchDue,
  type Delivery,
  type Actor,
  type DeliveryView,
  type Recipient,
  type RecipientRole,
  type Signal,
} from './signal';

export function isDeliveryPending(delivery: Delivery): boolean {
  return delivery.status !== 'failed' && delivery.view !== delivery.shownView;
}

/**
 * A new card for a recipient. Contacts get a card per school; messages that come on top of the
 * main card (a worker's notice, a reminder) carry their purpose in the key.
 */
export function newDelivery(role: RecipientRole, recipient: Recipient, view: DeliveryView, at: string, schoolId?: string, purpose?: string): Delivery {
  return {
    key: [role, recipient.id, ...(schoolId ? [schoolId] : []), ...(purpose ? [purpose] : role === 'vt_worker' ? [view] : [])].join(':'),
    recipientId: recipient.id,
    recipientName: recipient.name,
    role,
    ...(recipient.rank ? { rank: recipient.rank } : {}),
    ...(schoolId ? { schoolId } : {}),
    view,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: at,
  };
}

/** Adds deliveries, keeping an existing card (and its Teams message) for the same key. */
export function withDeliveries(existing: Delivery[], added: Delivery[], at: string, view: (d: Delivery) => DeliveryView): Delivery[] {
  const byKey = new Map(existing.map((d) => [d.key, d]));
  for (const d of added) {
    const known = byKey.get(d.key);
    byKey.set(d.key, known ? { ...known, view: view(known), nextAttemptAt: laterOf(known.nextAttemptAt, at) } : d);
  }
  return [...byKey.values()];
}

/**
 * Points deliveries matching `which` at a new view. The card the actor pressed on already shows
 * it: the answer to the press replaced that message, so it counts as shown. Only that message:
 * pressed elsewhere (the support reminder, a copy of the card), their card still shows what it
 * showed, perhaps the child's name, and is updated like anyone else's.
 */
export function retarget(signal: Signal, which: (d: Delivery) => boolean, view: DeliveryView, at: string, actor?: Actor): Delivery[] {
  return signal.deliveries.map((d) => {
    if (!which(d)) return d;
    if (actor && answeredInPlace(d, actor)) return { ...d, view, shownView: view };
    // A card still being sent keeps its lease: the update follows once Teams has it.
    return { ...d, view, nextAttemptAt: laterOf(d.nextAttemptAt, at) };
  });
}

/** Whether the answer to the actor's press replaced this delivery's card, and all of it: no copy elsewhere. */
function answeredInPlace(delivery: Delivery, actor: Actor): boolean {
  return (
    delivery.recipientId === actor.id &&
    delivery.activityId !== undefined &&
    delivery.activityId === actor.onMessage &&
    (delivery.copies ?? []).length === 0
  );
}

export function laterOf(a: string | undefined, b: string): string {
  return a !== undefined && a > b ? a : b;
}

export type DeliveryOutcome =
  | {
      key: string;
      kind: 'shown';
      view: DeliveryView;
      conversationId: string;
      activityId: string;
      /** The card shown was drawn while the child was still known: redrawn if it was forgotten meanwhile. */
      renderedWithChild?: boolean;
    }
  | { key: string; kind: 'retry'; error: string; retryAt: Date; inDoubt?: boolean }
  /** Never sent: its recipient no longer holds the role the card was for (see `stillHoldsRoleFor`). */
  | { key: string; kind: 'withheld' }
  | { key: string; kind: 'failed'; error: string; inDoubt?: boolean };

/** One more send whose outcome is unknown, when `inDoubt`. */
function withDoubt(delivery: Delivery, inDoubt: boolean | undefined): Delivery {
  return inDoubt ? { ...delivery, inDoubtSends: (delivery.inDoubtSends ?? 0) + 1 } : delivery;
}

/** Records what the dispatcher achieved; safe to apply again to a newer version of the signal. */
export function applyDeliveryOutcomes(signal: Signal, outcomes: DeliveryOutcome[], now: Date): Signal {
  const at = now.toISOString();
  const timeline = [...signal.timeline];
  let reachedSchool = false;
  const deliveries = signal.deliveries.map((d): Delivery => {
    const outcome = outcomes.find((o) => o.key === d.key);
    if (!outcome) return d;
    if (outcome.kind === 'shown') {
      if (d.status !== 'sent') {
        timeline.push({ at, type: 'delivered', subjectId: d.recipientId });
        reachedSchool ||= d.role === 'school_contact' && d.schoolId === signal.schoolId;
      }
      const next: Delivery = {
        ...d,
        status: 'sent',
        shownView: outcome.view,
        conversationId: outcome.conversationId,
        activityId: outcome.activityId,
        attempts: 0,
      };
      delete next.nextAttemptAt;
      delete next.leaseId;
      delete next.lastError;
      // A card withdrawn from someone who lost the role stays withdrawn, whatever it was meant to show.
      if (outcome.view === 'access_ended') next.view = 'access_ended';
      // The child was forgotten while this card was on its way: Teams shows a name that must go,
      // whatever the card should show by now.
      if (outcome.renderedWithChild && !signal.child && (changesWhenForgotten(outcome.view) || changesWhenForgotten(d.view))) return redraw(next, at);
      return next;
    }
    if (outcome.kind === 'withheld') {
      const withheld: Delivery = { ...d, view: 'access_ended', shownView: 'access_ended' };
      delete withheld.nextAttemptAt;
      delete withheld.leaseId;
      delete withheld.lastError;
      return withheld;
    }
    if (outcome.kind === 'retry') {
      const retry: Delivery = {
        ...withDoubt(d, outcome.inDoubt),
        attempts: countsAsAttempt(outcome.error) ? d.attempts + 1 : d.attempts,
        nextAttemptAt: outcome.retryAt.toISOString(),
        lastError: outcome.error,
      };
      delete retry.leaseId;
      return retry;
    }
    timeline.push({ at, type: 'delivery_failed', subjectId: d.recipientId });
    const failed: Delivery = { ...withDoubt(d, outcome.inDoubt), status: 'failed', lastError: outcome.error };
    delete failed.nextAttemptAt;
    delete failed.leaseId;
    return failed;
  });
  const becameDelivered = reachedSchool && signal.state === 'issued';
  const next: Signal = {
    ...signal,
    deliveries,
    timeline,
    ...(becameDelivered ? { state: 'delivered' as const, stateChangedAt: at } : {}),
  };
  // Nobody at the school can be reached: the coordinators should hear it now, not at the deadline.
  const cards = deliveries.filter(isContactCardAt(signal.schoolId));
  const escalateAt = next.schedule?.escalateAt;
  if (isAtSchoolUnseen(next) && cards.length > 0 && cards.every((d) => d.status === 'failed') && escalateAt && escalateAt > at) {
    next.schedule = { ...next.schedule!, escalateAt: at };
  }
  return withDispatchDue(next);
}

/** What an admin's alert is about, each with its own purpose in the alert's key. */
const ALERT_PURPOSES = { delivery_alert: 'alert', name_alert: 'name_alert' } as const satisfies Partial<Record<DeliveryView, string>>;
type AlertView = keyof typeof ALERT_PURPOSES;

/**
 * Which alert a failed card calls for: a card that could not be delivered, or — once the child is
 * forgotten — a card Teams refused to draw again, which may still name the child.
 */
function alertViewFor(signal: Signal, failed: Delivery): AlertView {
  return signal.redactedAt && awaitsRedraw(failed) ? 'name_alert' : 'delivery_alert';
}

/**
 * Tells every admin about each card that failed for good (not about their own alerts, which
 * would loop): who, in which role, why — never the child. Once per kind of alert and card: a card
 * reported as undelivered earlier is reported again when, after forgetting, the name could not
 * be taken off it.
 */
export function alertAdmins(signal: Signal, admins: Recipient[], now: Date, sendAtDate: Date = now): Signal {
  const at = sendAtDate.toISOString();
  const alerted = new Set(signal.deliveries.filter((d) => d.about).map((d) => `${d.recipientId}|${d.view}|${d.about}`));
  const alerts = signal.deliveries
    .filter((d) => d.status === 'failed' && d.role !== 'admin')
    .flatMap((failed) => {
      const view = alertViewFor(signal, failed);
      return admins
        .filter((admin) => !alerted.has(`${admin.id}|${view}|${failed.key}`))
        .map((admin) => ({ ...newDelivery('admin', admin, view, at, undefined, `${ALERT_PURPOSES[view]}:${failed.key}`), about: failed.key }));
    });
  return alerts.length === 0 ? signal : withDispatchDue({ ...signal, deliveries: [...signal.deliveries, ...alerts] });
}

/** Whether some delivery is waiting for the dispatcher at `now`. */
export function hasDueDeliveries(signal: Signal, now: Date): boolean {
  return signal.dispatchDueAt !== undefined && signal.dispatchDueAt <= now.toISOString();
}

/** Holds pending deliveries for one dispatcher until `until`, so no other instance sends them too. */
export function leaseDueDeliveries(signal: Signal, now: Date, until: Date, leaseId?: string): Signal {
  const nowIso = now.toISOString();
  return withDispatchDue({
    ...signal,
    deliveries: signal.deliveries.map((d) =>
      isDeliveryPending(d) && (d.nextAttemptAt ?? '') <= nowIso
        ? // A lease that ran out with no outcome: its dispatcher died (or hung) perhaps after
          // Teams took the message, so a new send may make a second copy.
          { ...withDoubt(d, d.leaseId !== undefined && d.activityId === undefined), nextAttemptAt: until.toISOString(), ...(leaseId ? { leaseId } : {}) }
        : d,
    ),
  });
}

