import type { SignalTimeline } from './calendar/time-policy';
import { amsterdamDay } from './calendar-date';
import type { ChildIdentity } from './child';
import { DomainError, ErrorCodes } from './errors';
import { withoutChild } from './forgetting';
import { isDeliveryPending, laterOf, newDelivery, retarget, withDeliveries } from './signal.deliveries';
import type { ClosingReason, Route, UnroutableReason } from './routing';
import type { SupportRecord } from './support';

/**
 * A signal's life for one child:
 * issued (school known) or awaiting_routing (via leerplicht) -> delivered -> acknowledged ->
 * supported; a school may bounce it ("niet onze leerling") back to leerplicht (awaiting_routing)
 * or to the issuing worker (bounced); leerplicht may find no school (unroutable, final).
 */
export type SignalState =
  | 'awaiting_routing'
  | 'issued'
  | 'delivered'
  | 'acknowledged'
  | 'supported'
  | 'bounced'
  | 'unroutable';

export type TimelineEventType =
  | 'issued'
  | 'to_leerplicht'
  | 'forwarded'
  | 'delivered'
  | 'delivery_failed'
  | 'acknowledged'
  | 'support_recorded'
  | 'support_changed'
  | 'bounced'
  | 'unroutable'
  | 'reminded'
  | 'escalated'
  | 'escalation_taken'
  | 'support_overdue'
  | 'redacted';

/** One step in a signal's life: who (a member id) did what, when. Never the child's data. */
export interface TimelineEvent {
  at: string;
  type: TimelineEventType;
  actorId?: string;
  /** The recipient of a delivery, or the school a step concerns. */
  subjectId?: string;
}

/**
 * What a recipient's card should show. The dispatcher makes Teams match it: it sends the
 * card when there is none yet and updates the sent message in place otherwise.
 */
export type DeliveryView =
  // school contacts
  | 'signal'
  | 'taken'
  | 'support_form'
  | 'supported'
  | 'withdrawn'
  // anyone whose role for the signal's school or municipality ended before the card reached them
  | 'access_ended'
  // leerplicht officers
  | 'route'
  | 'routed'
  | 'route_closed'
  // the issuing Veilig Thuis worker
  | 'bounced_notice'
  | 'bounce_rerouted'
  | 'unroutable_notice'
  // reminders (new messages) to school contacts
  | 'reminder'
  | 'support_reminder'
  // the municipality's coordinators
  | 'escalation'
  | 'escalation_taken'
  // the admins, when the municipality has no coordinator to escalate to
  | 'escalation_no_coordinator'
  // admins: a card that could not be delivered
  | 'delivery_alert'
  // admins: a card that still names a forgotten child because Teams refused to draw it again
  | 'name_alert';

export type RecipientRole = 'school_contact' | 'leerplicht' | 'vt_worker' | 'coordinator' | 'admin';

/** One recipient's card for this signal: the signal document is its own outbox. */
export interface Delivery {
  /** Unique within the signal: one card per recipient, role and (for contacts) school. */
  key: string;
  recipientId: string;
  recipientName: string;
  role: RecipientRole;
  /** School contacts: primary or backup at `schoolId`. */
  rank?: 'primary' | 'backup';
  /** School contacts: the school this card belongs to. */
  schoolId?: string;
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
  /** Which dispatch holds the lease: two instances leasing at the same millisecond stay apart. */
  leaseId?: string;
  lastError?: string;
  /** An admin's alert: the key of the delivery that failed (not delivered, or the name not removed from it). */
  about?: string;
  /**
   * Sends whose outcome is unknown (cancelled or cut off after they went out, or a lease that ran
   * out with no word from its dispatcher): each may have left a message in the chat whose id the
   * bot never learned. Counted before the next try, so forgetting knows a copy may exist.
   */
  inDoubtSends?: number;
  /** Ids of such copies learned later (a button pressed on one): redrawn with the card. */
  copies?: string[];
}

/** Who did something, as the directory names them. */
export interface Actor {
  id: string;
  name: string;
  /**
   * The message whose button they pressed (Teams' replyToId), when they acted from a card: the
   * answer to the press replaces that message, and no other (see `retarget`).
   */
  onMessage?: string;
}

export interface Acknowledgement {
  by: string;
  byName: string;
  at: string;
}

export interface Signal {
  id: string;
  reference: string;
  /** Signals issued together for one household share this id. */
  householdId?: string;
  /** The municipality responsible for the signal (and, via leerplicht, whose officers route it). */
  municipalityId: string;
  route: Route;
  /** The school the signal is at now; absent while it waits for routing, was bounced, or has none. */
  schoolId?: string;
  /** Schools that answered "niet onze leerling": never offered or sent to again. */
  triedSchoolIds: string[];
  /**
   * Present until the child is forgotten (`redactedAt`). Stores keep it apart from the rest of the
   * signal (its own row or document) so it can be deleted without losing the anonymous record.
   */
  child?: ChildIdentity;
  /** When the child's identity is to be forgotten; set at issue (the latest moment), moved earlier at pick-up. */
  redactAt?: string;
  /** When the child's identity was forgotten: from then on `child` is absent. */
  redactedAt?: string;
  /** Support can be recorded until then, on the card without the child. */
  supportClosesAt?: string;
  issuedBy: string;
  issuedAt: string;
  state: SignalState;
  stateChangedAt: string;
  forwarding?: { by: string; byName: string; at: string; schoolId: string };
  bounce?: { by: string; byName: string; at: string; schoolId: string };
  /** `by` is `system` when the signal expired waiting for leerplicht. */
  unroutable?: { by: string; byName: string; at: string; reason: ClosingReason };
  acknowledgement?: Acknowledgement;
  support?: SupportRecord;
  /** The deadlines set when the signal reached its school; each is removed once acted on. */
  schedule?: Schedule;
  escalation?: { at: string; takenBy?: { by: string; byName: string; at: string } };
  timeline: TimelineEvent[];
  deliveries: Delivery[];
  /** Earliest `nextAttemptAt` of pending deliveries; indexed so a relay tick finds due work. */
  dispatchDueAt?: string;
  /** Earliest deadline still to act on; indexed so a scheduler tick finds due work. */
  nextDeadlineAt?: string;
}

/** When a signal that reached a school must be seen, and what happens when it is not (ISO instants). */
export interface Schedule {
  /** Acknowledgement target. */
  dueAt: string;
  /** Contacts are reminded then, unless someone picked it up. */
  remindAt?: string;
  /** Coordinators are told then, unless someone picked it up. */
  escalateAt?: string;
  /** Support should be recorded by then (48 hours after issue). */
  supportDeadline: string;
  /** The contact who picked it up is reminded then, unless support was recorded. */
  supportRemindAt?: string;
}

/** The instants a time policy computed for a signal reaching a school (the calendar's timeline). */
export type ScheduleTimes = SignalTimeline;

export interface Recipient {
  id: string;
  name: string;
  rank?: 'primary' | 'backup';
}

export type IssueTarget =
  | { route: 'direct'; schoolId: string; contacts: Recipient[] }
  | { route: 'leerplicht'; officers: Recipient[] };

/** Reminders are messages of their own, on top of the card: they are never turned into another card. */
export const isReminder = (d: Delivery) => d.view === 'reminder' || d.view === 'support_reminder';

/** A contact's main card about the signal at this school. */
export const isContactCardAt = (schoolId: string | undefined) => (d: Delivery) =>
  d.role === 'school_contact' && d.schoolId === schoolId && !isReminder(d);

/**
 * Recomputes `dispatchDueAt` and `nextDeadlineAt`: derived, stored only so the store can index
 * them. Reminders and escalation are pending only while the school has not picked it up; the
 * support reminder only while support is missing.
 */
export function withDispatchDue(signal: Signal): Signal {
  const due = signal.deliveries
    .filter(isDeliveryPending)
    .map((d) => d.nextAttemptAt ?? signal.stateChangedAt)
    .sort()[0];
  const next = { ...signal };
  if (due === undefined) delete next.dispatchDueAt;
  else next.dispatchDueAt = due;
  const deadline = pendingDeadlines(signal).sort()[0];
  if (deadline === undefined) delete next.nextDeadlineAt;
  else next.nextDeadlineAt = deadline;
  return next;
}

export function isAtSchoolUnseen(signal: Signal): boolean {
  return (signal.state === 'issued' || signal.state === 'delivered') && !signal.acknowledgement;
}

function scheduleDeadlines(signal: Signal): string[] {
  const s = signal.schedule;
  if (!s) return [];
  return [
    ...(isAtSchoolUnseen(signal) && s.remindAt ? [s.remindAt] : []),
    ...(isAtSchoolUnseen(signal) && s.escalateAt ? [s.escalateAt] : []),
    ...((signal.state === 'acknowledged' || isAtSchoolUnseen(signal)) && s.supportRemindAt ? [s.supportRemindAt] : []),
  ];
}

/** Every deadline still to act on, the moment to forget the child included. */
function pendingDeadlines(signal: Signal): string[] {
  return [...scheduleDeadlines(signal), ...(!signal.redactedAt && signal.redactAt ? [signal.redactAt] : [])];
}

/** The deadlines for a signal that reaches a school now; contacts' cards wait for the working window. */
function scheduleFrom(times: ScheduleTimes): Schedule {
  // A signal that reaches the school shortly before its due time gets no reminder ahead of its card.
  const remind = times.remindAt > times.deliverAt;
  return {
    dueAt: times.dueAt.toISOString(),
    ...(remind ? { remindAt: times.remindAt.toISOString() } : {}),
    escalateAt: times.escalateAt.toISOString(),
    supportDeadline: times.supportDeadline.toISOString(),
    supportRemindAt: times.supportReminderAt.toISOString(),
  };
}

function contactDeliveries(contacts: Recipient[], schoolId: string, at: string): Delivery[] {
  return contacts.map((c) => newDelivery('school_contact', { ...c, rank: c.rank ?? 'primary' }, 'signal', at, schoolId));
}

export function issueSignal(input: {
  id: string;
  reference: string;
  householdId?: string;
  child: ChildIdentity;
  municipalityId: string;
  issuedBy: string;
  target: IssueTarget;
  now: Date;
  /** Direct: the school's deadlines; cards wait for `deliverAt` (the working window). */
  times?: ScheduleTimes;
  /** Via leerplicht: when the officers' cards may go out (their working window). */
  deliverAt?: Date;
  /** When the child is forgotten at the latest, and until when support can be recorded. */
  forget?: { atTheLatest: Date; supportClosesAt: Date };
}): Signal {
  const at = input.now.toISOString();
  const { target } = input;
  const direct = target.route === 'direct';
  const sendAt = (direct ? input.times?.deliverAt : input.deliverAt)?.toISOString() ?? at;
  return withDispatchDue({
    id: input.id,
    reference: input.reference,
    ...(input.householdId ? { householdId: input.householdId } : {}),
    municipalityId: input.municipalityId,
    route: target.route,
    ...(direct ? { schoolId: target.schoolId } : {}),
    triedSchoolIds: [],
    child: input.child,
    ...(input.forget
      ? { redactAt: input.forget.atTheLatest.toISOString(), supportClosesAt: input.forget.supportClosesAt.toISOString() }
      : {}),
    issuedBy: input.issuedBy,
    issuedAt: at,
    state: direct ? 'issued' : 'awaiting_routing',
    stateChangedAt: at,
    timeline: [
      { at, type: 'issued', actorId: input.issuedBy, ...(direct ? { subjectId: target.schoolId } : {}) },
      ...(direct ? [] : [{ at, type: 'to_leerplicht' as const, actorId: input.issuedBy, subjectId: input.municipalityId }]),
    ],
    ...(direct && input.times ? { schedule: scheduleFrom(input.times) } : {}),
    deliveries: direct
      ? contactDeliveries(target.contacts, target.schoolId, sendAt)
      : target.officers.map((o) => newDelivery('leerplicht', o, 'route', sendAt)),
  });
}

/** Leerplicht forwards a waiting signal to a school. The first officer to act wins. */
export function forwardToSchool(
  signal: Signal,
  officer: Actor,
  schoolId: string,
  contacts: Recipient[],
  now: Date,
  times?: ScheduleTimes,
): Signal {
  requireAwaitingRouting(signal);
  requireChild(signal);
  if (signal.triedSchoolIds.includes(schoolId)) throw new DomainError(ErrorCodes.schoolTried, { signalId: signal.id, schoolId });
  const at = now.toISOString();
  const sendAt = times?.deliverAt.toISOString() ?? at;
  const routed = retarget(signal, (d) => d.role === 'leerplicht', 'routed', at, officer);
  return withDispatchDue({
    ...signal,
    schoolId,
    state: 'issued',
    stateChangedAt: at,
    forwarding: { by: officer.id, byName: officer.name, at, schoolId },
    ...(times ? { schedule: scheduleFrom(times) } : {}),
    timeline: [...signal.timeline, { at, type: 'forwarded', actorId: officer.id, subjectId: schoolId }],
    deliveries: withDeliveries(routed, contactDeliveries(contacts, schoolId, sendAt), sendAt, () => 'signal'),
  });
}

/**
 * Acts on every deadline that has passed: reminds the school's contacts, escalates to the
 * municipality's coordinators, reminds the contact who picked it up to record support. Each
 * deadline is acted on once (it is removed), and only while it still matters.
 */
export function applyDueDeadlines(signal: Signal, now: Date, coordinators: Recipient[], sendAtDate: Date = now, admins: Recipient[] = []): Signal {
  const schedule = signal.schedule;
  if (!schedule) return signal;
  const at = now.toISOString();
  // Normally now; later when the scheduler catches up in quiet time (the messages wait for 07:00).
  const sendAt = sendAtDate.toISOString();
  const due = (deadline: string | undefined) => deadline !== undefined && deadline <= at;
  const unseen = isAtSchoolUnseen(signal);
  const next: Signal = { ...signal, schedule: { ...schedule }, timeline: [...signal.timeline], deliveries: [...signal.deliveries] };
  const nextSchedule = next.schedule as Schedule;
  const contactsHere = signal.deliveries.filter((d) => isContactCardAt(signal.schoolId)(d) && d.view === 'signal' && d.status !== 'failed');

  if (due(schedule.remindAt) && unseen) {
    for (const c of contactsHere) {
      next.deliveries.push(newDelivery('school_contact', { id: c.recipientId, name: c.recipientName }, 'reminder', sendAt, c.schoolId, 'reminder'));
    }
    next.timeline.push({ at, type: 'reminded' });
  }
  if (due(schedule.remindAt) || !unseen) delete nextSchedule.remindAt;

  if (due(schedule.escalateAt) && unseen) {
    // One escalation card per coordinator per school: a signal escalated again at a next school
    // gets new cards instead of colliding with the old ones.
    next.deliveries.push(
      ...(coordinators.length > 0
        ? coordinators.map((c) => newDelivery('coordinator', c, 'escalation', sendAt, signal.schoolId))
        : // Nobody to tell in the municipality: the admins hear it, so it is never left with nobody.
          admins.map((a) => newDelivery('admin', a, 'escalation_no_coordinator', sendAt, signal.schoolId))),
    );
    next.escalation = { at };
    next.timeline.push({ at, type: 'escalated' });
  }
  if (due(schedule.escalateAt) || !unseen) delete nextSchedule.escalateAt;

  const ack = signal.acknowledgement;
  if (due(schedule.supportRemindAt) && ack && signal.state === 'acknowledged') {
    next.deliveries.push(newDelivery('school_contact', { id: ack.by, name: ack.byName }, 'support_reminder', sendAt, signal.schoolId, 'support_reminder'));
    next.timeline.push({ at, type: 'support_overdue' });
  } else if (due(schedule.supportRemindAt) && unseen) {
    // Nobody picked it up, so nobody to remind: the miss is still recorded for the digest.
    next.timeline.push({ at, type: 'support_overdue' });
  }
  if (due(schedule.supportRemindAt) || signal.state === 'supported') delete nextSchedule.supportRemindAt;

  const changed = JSON.stringify(next.schedule) !== JSON.stringify(schedule) || next.deliveries.length !== signal.deliveries.length;
  return changed ? withDispatchDue(next) : signal;
}

/** A coordinator takes an escalation on ("Ik neem contact op"); the others' cards say who. */
export function takeEscalation(signal: Signal, coordinator: Actor, now: Date): Signal {
  const escalation = signal.escalation;
  if (!escalation) throw new DomainError(ErrorCodes.notEscalated, { signalId: signal.id });
  if (escalation.takenBy) {
    if (escalation.takenBy.by === coordinator.id) return signal;
    throw new DomainError(ErrorCodes.escalationTaken, { signalId: signal.id });
  }
  const at = now.toISOString();
  return withDispatchDue({
    ...signal,
    escalation: { ...escalation, takenBy: { by: coordinator.id, byName: coordinator.name, at } },
    timeline: [...signal.timeline, { at, type: 'escalation_taken', actorId: coordinator.id }],
    deliveries: retarget(signal, (d) => d.role === 'coordinator', 'escalation_taken', at, coordinator),
  });
}

/**
 * Leerplicht finds no school: the signal ends, the worker is told by reference code. The child's
 * identity is dropped at once: nobody needs it any more.
 */
export function closeUnroutable(signal: Signal, officer: Actor, reason: UnroutableReason, worker: Recipient, now: Date): Signal {
  requireAwaitingRouting(signal);
  const at = now.toISOString();
  const closed = retarget(signal, (d) => d.role === 'leerplicht', 'route_closed', at, officer);
  return withDispatchDue(
    withoutChild(
      {
        ...signal,
        state: 'unroutable',
        stateChangedAt: at,
        unroutable: { by: officer.id, byName: officer.name, at, reason },
        timeline: [...signal.timeline, { at, type: 'unroutable', actorId: officer.id }],
        deliveries: [...closed, newDelivery('vt_worker', worker, 'unroutable_notice', at)],
      },
      at,
    ),
  );
}

/**
 * A school contact answers "niet onze leerling" before anyone picked it up. The school is marked
 * as tried and every card there loses the child's name; the signal goes back to leerplicht when
 * it came that way, otherwise to the issuing worker.
 */
export function bounce(signal: Signal, contact: Actor, worker: Recipient, now: Date, leerplicht?: { officers: Recipient[]; deliverAt: Date }): Signal {
  const schoolId = signal.schoolId;
  if (!schoolId || (signal.state !== 'issued' && signal.state !== 'delivered')) {
    if (signal.acknowledgement) throw new DomainError(ErrorCodes.alreadyAcknowledged, { signalId: signal.id });
    throw new DomainError(ErrorCodes.notAtSchool, { signalId: signal.id });
  }
  // After it was forgotten there is no child to send on: nobody could route it without a name.
  requireChild(signal);
  const at = now.toISOString();
  const viaLeerplicht = signal.route === 'leerplicht';
  let deliveries = retarget(signal, isContactCardAt(schoolId), 'withdrawn', at, contact);
  if (viaLeerplicht) {
    // The officers as the directory names them now: new ones get a card, and one who left gets
    // none (the dispatcher checks each recipient's role before a card names the child).
    deliveries = retarget({ ...signal, deliveries }, (d) => d.role === 'leerplicht', 'route', at);
    if (leerplicht) {
      const sendAt = leerplicht.deliverAt.toISOString();
      deliveries = withDeliveries(deliveries, leerplicht.officers.map((o) => newDelivery('leerplicht', o, 'route', sendAt)), sendAt, () => 'route');
    }
  } else {
    deliveries = [...deliveries, newDelivery('vt_worker', worker, 'bounced_notice', at)];
  }
  const next: Signal = {
    ...signal,
    state: viaLeerplicht ? 'awaiting_routing' : 'bounced',
    stateChangedAt: at,
    triedSchoolIds: [...signal.triedSchoolIds, schoolId],
    bounce: { by: contact.id, byName: contact.name, at, schoolId },
    timeline: [...signal.timeline, { at, type: 'bounced', actorId: contact.id, subjectId: schoolId }],
    deliveries,
  };
  delete next.schoolId;
  return withDispatchDue(next);
}

/** After a direct signal bounced, the issuing worker lets leerplicht find the school. */
export function sendToLeerplicht(signal: Signal, worker: Actor, officers: Recipient[], now: Date, deliverAt?: Date): Signal {
  if (signal.state !== 'bounced') throw new DomainError(ErrorCodes.notBounced, { signalId: signal.id });
  requireChild(signal);
  // Handing it to nobody would leave it waiting unseen while the worker believes it is in hand.
  if (officers.length === 0) throw new DomainError(ErrorCodes.noRecipients, { signalId: signal.id });
  const at = now.toISOString();
  const sendAt = deliverAt?.toISOString() ?? at;
  const noticed = retarget(signal, (d) => d.role === 'vt_worker' && d.view === 'bounced_notice', 'bounce_rerouted', at, worker);
  return withDispatchDue({
    ...signal,
    route: 'leerplicht',
    state: 'awaiting_routing',
    stateChangedAt: at,
    timeline: [...signal.timeline, { at, type: 'to_leerplicht', actorId: worker.id, subjectId: signal.municipalityId }],
    deliveries: withDeliveries(noticed, officers.map((o) => newDelivery('leerplicht', o, 'route', sendAt)), sendAt, () => 'route'),
  });
}

/** Leerplicht may still act: nobody forwarded it or closed it yet. */
export function requireAwaitingRouting(signal: Signal): void {
  if (signal.state === 'awaiting_routing') return;
  if (signal.state === 'unroutable') throw new DomainError(ErrorCodes.alreadyClosed, { signalId: signal.id });
  throw new DomainError(ErrorCodes.alreadyRouted, { signalId: signal.id });
}

/** Steps that put the child in front of someone need the child: refused once it is forgotten. */
export function requireChild(signal: Signal): void {
  if (!signal.child) throw new DomainError(ErrorCodes.redacted, { signalId: signal.id });
}

/**
 * A contact picks the signal up for the school. Pressing again as the same contact is a no-op
 * (a double click or a Teams retry); anyone else gets SIGNAL.ALREADY_ACKNOWLEDGED.
 */
export function acknowledge(signal: Signal, by: Actor, now: Date, forgetAt?: Date): Signal {
  if (signal.acknowledgement) {
    if (signal.acknowledgement.by === by.id) return signal;
    throw new DomainError(ErrorCodes.alreadyAcknowledged, { signalId: signal.id });
  }
  if (signal.state !== 'issued' && signal.state !== 'delivered') throw new DomainError(ErrorCodes.notAtSchool, { signalId: signal.id });
  requireChild(signal);
  const at = now.toISOString();
  // Picked up: the name is needed for this school day only, never longer than the latest moment.
  const redactAt = forgetAt && signal.redactAt ? earlierOf(signal.redactAt, forgetAt.toISOString()) : (signal.redactAt ?? forgetAt?.toISOString());
  const atSchool = isContactCardAt(signal.schoolId);
  const taken = retarget(signal, (d) => atSchool(d) && d.recipientId !== by.id, 'taken', at);
  return withDispatchDue({
    ...signal,
    state: 'acknowledged',
    stateChangedAt: at,
    acknowledgement: { by: by.id, byName: by.name, at },
    ...(redactAt ? { redactAt } : {}),
    ...(signal.schedule ? { schedule: withSupportReminderAfterPickUp(signal.schedule, now) } : {}),
    timeline: [...signal.timeline, { at, type: 'acknowledged', actorId: by.id }],
    deliveries: retarget({ ...signal, deliveries: taken }, (d) => atSchool(d) && d.recipientId === by.id, 'support_form', at, by),
  });
}

/** A contact who picked the signal up gets a day to record support before being reminded of it. */
const SUPPORT_REMINDER_AFTER_PICK_UP_MS = 24 * 60 * 60 * 1000;

/**
 * The support reminder comes at the 48-hour moment, but never sooner than a day after Gezien: a
 * contact who picked it up late is not reminded right away. The message itself still waits for the
 * working window.
 */
function withSupportReminderAfterPickUp(schedule: Schedule, pickedUpAt: Date): Schedule {
  if (!schedule.supportRemindAt) return schedule;
  const earliest = new Date(pickedUpAt.getTime() + SUPPORT_REMINDER_AFTER_PICK_UP_MS).toISOString();
  return { ...schedule, supportRemindAt: laterOf(schedule.supportRemindAt, earliest) };
}

/**
 * Support may be changed on the calendar day (Europe/Amsterdam) it was first recorded, and not
 * after: what a school did is then fixed for the figures. Nothing recorded yet may always be.
 */
export function canChangeSupport(signal: Signal, now: Date): boolean {
  return !signal.support || amsterdamDay(new Date(signal.support.firstRecordedAt)) === amsterdamDay(now);
}

export function recordSupport(signal: Signal, by: Actor, support: Pick<SupportRecord, 'categories' | 'priorConcern'>, now: Date): Signal {
  if (!signal.acknowledgement) throw new DomainError(ErrorCodes.notAcknowledged, { signalId: signal.id });
  const at = now.toISOString();
  if (signal.supportClosesAt && at > signal.supportClosesAt) throw new DomainError(ErrorCodes.supportClosed, { signalId: signal.id });
  const previous = signal.support;
  if (!canChangeSupport(signal, now)) {
    throw new DomainError(ErrorCodes.supportLocked, { signalId: signal.id });
  }
  const atSchool = isContactCardAt(signal.schoolId);
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
    deliveries: retarget(signal, (d) => atSchool(d) && d.recipientId === by.id, 'supported', at, by),
  });
}

function earlierOf(a: string, b: string): string {
  return a < b ? a : b;
}
