import type { ChildIdentity } from './child';
import { DomainError, ErrorCodes } from './errors';
import type { SupportRecord } from './support';

/**
 * A signal's life for one child (see docs: issued -> delivered -> acknowledged -> supported).
 * Later states (routing, bounce, redaction) join this union as they are built.
 */
export type SignalState = 'issued' | 'delivered' | 'acknowledged' | 'supported';

export type TimelineEventType =
  | 'issued'
  | 'delivered'
  | 'delivery_failed'
  | 'acknowledged'
  | 'support_recorded'
  | 'support_changed';

/** One step in a signal's life: who (a member id) did what, when. Never the child's data. */
export interface TimelineEvent {
  at: string;
  type: TimelineEventType;
  actorId?: string;
  /** e.g. the recipient of a delivery. */
  subjectId?: string;
}

/**
 * What a recipient's card should show. The dispatcher makes Teams match it: it sends the
 * card when there is none yet and updates the sent message in place otherwise.
 */
export type DeliveryView = 'signal' | 'taken' | 'support_form' | 'supported';

/** One recipient's card for this signal: the signal document is its own outbox. */
export interface Delivery {
  recipientId: string;
  recipientName: string;
  rank: 'primary' | 'backup';
  /** The card the recipient should see. */
  view: DeliveryView;
  /** The card Teams confirmed showing; work is pending while it differs from `view`. */
  shownView?: DeliveryView;
  status: 'pending' | 'sent' | 'failed';
  conversationId?: string;
  /** Teams' id of the sent message: needed to update (and later redact) the card in place. */
  activityId?: string;
  attempts: number;
  /** When the dispatcher may next work on it; also a lease while one dispatcher is busy. */
  nextAttemptAt?: string;
  lastError?: string;
}

export interface Acknowledgement {
  by: string;
  byName: string;
  at: string;
}

export interface Signal {
  id: string;
  reference: string;
  municipalityId: string;
  schoolId: string;
  /** Present until the signal is redacted. */
  child?: ChildIdentity;
  issuedBy: string;
  issuedAt: string;
  state: SignalState;
  stateChangedAt: string;
  acknowledgement?: Acknowledgement;
  support?: SupportRecord;
  timeline: TimelineEvent[];
  deliveries: Delivery[];
  /** Earliest `nextAttemptAt` of pending deliveries; indexed so a relay tick finds due work. */
  dispatchDueAt?: string;
}

export interface Recipient {
  id: string;
  name: string;
  rank: 'primary' | 'backup';
}

export function isDeliveryPending(delivery: Delivery): boolean {
  return delivery.status !== 'failed' && delivery.view !== delivery.shownView;
}

/** Recomputes `dispatchDueAt`: derived, stored only so the store can index it. */
export function withDispatchDue(signal: Signal): Signal {
  const due = signal.deliveries
    .filter(isDeliveryPending)
    .map((d) => d.nextAttemptAt ?? signal.stateChangedAt)
    .sort()[0];
  const next = { ...signal };
  if (due === undefined) delete next.dispatchDueAt;
  else next.dispatchDueAt = due;
  return next;
}

export function issueSignal(input: {
  id: string;
  reference: string;
  child: ChildIdentity;
  municipalityId: string;
  schoolId: string;
  issuedBy: string;
  recipients: Recipient[];
  now: Date;
}): Signal {
  const at = input.now.toISOString();
  return withDispatchDue({
    id: input.id,
    reference: input.reference,
    municipalityId: input.municipalityId,
    schoolId: input.schoolId,
    child: input.child,
    issuedBy: input.issuedBy,
    issuedAt: at,
    state: 'issued',
    stateChangedAt: at,
    timeline: [{ at, type: 'issued', actorId: input.issuedBy }],
    deliveries: input.recipients.map((r) => ({
      recipientId: r.id,
      recipientName: r.name,
      rank: r.rank,
      view: 'signal',
      status: 'pending',
      attempts: 0,
      nextAttemptAt: at,
    })),
  });
}

/**
 * A contact picks the signal up for the school. Pressing again as the same contact is a no-op
 * (a double click or a Teams retry); anyone else gets SIGNAL.ALREADY_ACKNOWLEDGED.
 */
export function acknowledge(signal: Signal, by: { id: string; name: string }, now: Date): Signal {
  if (signal.acknowledgement) {
    if (signal.acknowledgement.by === by.id) return signal;
    throw new DomainError(ErrorCodes.alreadyAcknowledged, { signalId: signal.id });
  }
  const at = now.toISOString();
  return withDispatchDue({
    ...signal,
    state: 'acknowledged',
    stateChangedAt: at,
    acknowledgement: { by: by.id, byName: by.name, at },
    timeline: [...signal.timeline, { at, type: 'acknowledged', actorId: by.id }],
    deliveries: signal.deliveries.map((d) =>
      d.recipientId === by.id
        ? // The invoke answer already shows the support form to this contact.
          { ...d, view: 'support_form', shownView: d.activityId ? 'support_form' : d.shownView }
        : // A card still being sent keeps its lease: the update follows once Teams has it.
          { ...d, view: 'taken', nextAttemptAt: laterOf(d.nextAttemptAt, at) },
    ),
  });
}

export function recordSupport(
  signal: Signal,
  by: { id: string; name: string },
  support: Pick<SupportRecord, 'categories' | 'priorConcern'>,
  now: Date,
  sameSchoolDay: (a: Date, b: Date) => boolean,
): Signal {
  if (!signal.acknowledgement) throw new DomainError(ErrorCodes.notAcknowledged, { signalId: signal.id });
  const at = now.toISOString();
  const previous = signal.support;
  if (previous && !sameSchoolDay(new Date(previous.firstRecordedAt), now)) {
    throw new DomainError(ErrorCodes.supportLocked, { signalId: signal.id });
  }
  return withDispatchDue({
    ...signal,
    state: 'supported',
    stateChangedAt: previous ? signal.stateChangedAt : at,
    support: {
      ...support,
      by: by.id,
      byName: by.name,
      firstRecordedAt: previous?.firstRecordedAt ?? at,
      recordedAt: at,
    },
    timeline: [...signal.timeline, { at, type: previous ? 'support_changed' : 'support_recorded', actorId: by.id }],
    deliveries: signal.deliveries.map((d) =>
      d.recipientId === by.id ? { ...d, view: 'supported', shownView: d.activityId ? 'supported' : d.shownView } : d,
    ),
  });
}

function laterOf(a: string | undefined, b: string): string {
  return a !== undefined && a > b ? a : b;
}

export type DeliveryOutcome =
  | { recipientId: string; kind: 'shown'; view: DeliveryView; conversationId: string; activityId: string }
  | { recipientId: string; kind: 'retry'; error: string; retryAt: Date }
  | { recipientId: string; kind: 'failed'; error: string };

/** Records what the dispatcher achieved; safe to apply again to a newer version of the signal. */
export function applyDeliveryOutcomes(signal: Signal, outcomes: DeliveryOutcome[], now: Date): Signal {
  const at = now.toISOString();
  const timeline = [...signal.timeline];
  let firstDelivery = false;
  const deliveries = signal.deliveries.map((d): Delivery => {
    const outcome = outcomes.find((o) => o.recipientId === d.recipientId);
    if (!outcome) return d;
    if (outcome.kind === 'shown') {
      if (d.status !== 'sent') {
        timeline.push({ at, type: 'delivered', subjectId: d.recipientId });
        firstDelivery = true;
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
      delete next.lastError;
      return next;
    }
    if (outcome.kind === 'retry') {
      return { ...d, attempts: d.attempts + 1, nextAttemptAt: outcome.retryAt.toISOString(), lastError: outcome.error };
    }
    timeline.push({ at, type: 'delivery_failed', subjectId: d.recipientId });
    const failed: Delivery = { ...d, status: 'failed', lastError: outcome.error };
    delete failed.nextAttemptAt;
    return failed;
  });
  const becameDelivered = firstDelivery && signal.state === 'issued';
  return withDispatchDue({
    ...signal,
    deliveries,
    timeline,
    ...(becameDelivered ? { state: 'delivered' as const, stateChangedAt: at } : {}),
  });
}

/** Whether some delivery is waiting for the dispatcher at `now`. */
export function hasDueDeliveries(signal: Signal, now: Date): boolean {
  return signal.dispatchDueAt !== undefined && signal.dispatchDueAt <= now.toISOString();
}

/** Holds pending deliveries for one dispatcher until `until`, so no other instance sends them too. */
export function leaseDueDeliveries(signal: Signal, now: Date, until: Date): Signal {
  const nowIso = now.toISOString();
  return withDispatchDue({
    ...signal,
    deliveries: signal.deliveries.map((d) =>
      isDeliveryPending(d) && (d.nextAttemptAt ?? '') <= nowIso ? { ...d, nextAttemptAt: until.toISOString() } : d,
    ),
  });
}
