/**
 * The signal's state machine for routing through leerplicht, households and bounces: every
 * transition where it is allowed, and every state where it is refused with its code.
 */
import { DomainError, ErrorCodes, type ErrorCode } from '../../../src/domain/errors';
import { forwardableSchools } from '../../../src/domain/routing';
import { acknowledge, bounce, closeUnroutable, forwardToSchool, recordSupport, requireAwaitingRouting, sendToLeerplicht, type Delivery, type Recipient, type RecipientRole, type Signal } from '../../../src/domain/signal';
import { applyDeliveryOutcomes, isDeliveryPending, leaseDueDeliveries, type DeliveryOutcome } from '../../../src/domain/signal.deliveries';
import { MUNICIPALITY_ID, SCHOOL_ID, memberId } from '../../fixtures/directory';
import { BACKUP, ISSUED_AT, OFFICER, PRIMARY, WORKER, aChild, aSignal, aSignalViaLeerplicht, deliveredToAll, onTheirCard } from '../../fixtures/signals';

const later = (minutes: number) => new Date(ISSUED_AT.getTime() + minutes * 60_000);
const iso = (minutes: number) => later(minutes).toISOString();

/** A second officer of the same municipality, and a second school with its own contact. */
const OTHER_OFFICER = { id: memberId(15), name: 'Lotte Bemelmans' };
const SECOND_SCHOOL_ID = '90JK00';
const SECOND_CONTACT = { id: memberId(13), name: 'Sanne Lemmens' };
const ourContacts = (): Recipient[] => [
  { ...PRIMARY, rank: 'primary' },
  { ...BACKUP, rank: 'backup' },
];
const secondSchoolContacts = (): Recipient[] => [{ ...SECOND_CONTACT, rank: 'primary' }];

const errorCodeOf = (act: () => unknown): ErrorCode | undefined => {
  try {
    act();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
};
const byRole = (signal: Signal, role: RecipientRole): Delivery[] => signal.deliveries.filter((d) => d.role === role);
const cardOf = (signal: Signal, role: RecipientRole, recipientId: string, schoolId?: string): Delivery => {
  const found = signal.deliveries.find((d) => d.role === role && d.recipientId === recipientId && (schoolId === undefined || d.schoolId === schoolId));
  if (!found) throw new Error(`no ${role} card for ${recipientId}`);
  return found;
};

/** Waiting for leerplicht, with both officers' route cards shown in Teams. */
function waitingShown(): Signal {
  return deliveredToAll(aSignalViaLeerplicht({ target: { route: 'leerplicht', officers: [OFFICER, OTHER_OFFICER] } }), later(1));
}
/** Forwarded by OFFICER to SCHOOL_ID, every card shown (the signal is delivered there). */
function forwardedAndDelivered(): Signal {
  return deliveredToAll(forwardToSchool(waitingShown(), OFFICER, SCHOOL_ID, ourContacts(), later(5)), later(6));
}
/** Issued straight to SCHOOL_ID, delivered to both contacts. */
function directDelivered(): Signal {
  return deliveredToAll(aSignal(), later(1));
}
/** Sent straight to SCHOOL_ID and sent back from there: waiting for the issuing worker. */
function directBounced(): Signal {
  return deliveredToAll(bounce(directDelivered(), PRIMARY, WORKER, later(10)), later(11));
}
function closedUnroutable(): Signal {
  return closeUnroutable(waitingShown(), OFFICER, 'moved', WORKER, later(5));
}
function acknowledged(): Signal {
  return acknowledge(directDelivered(), PRIMARY, later(30));
}
function supported(): Signal {
  return recordSupport(acknowledged(), PRIMARY, { categories: ['listening_ear'], priorConcern: 'no' }, later(40));
}

describe('issuing a signal', () => {
  describe('straight to a known school', () => {
    const signal = aSignal();

    it('is issued at that school, route direct, with no school tried yet', () => {
      expect(signal).toMatchObject({ state: 'issued', route: 'direct', schoolId: SCHOOL_ID, triedSchoolIds: [], municipalityId: MUNICIPALITY_ID });
    });

    it('gives every contact of the school a signal card tagged with the school, nobody else a card', () => {
      expect(signal.deliveries.map((d) => [d.role, d.recipientId, d.rank, d.schoolId, d.view, d.status])).toEqual([
        ['school_contact', PRIMARY.id, 'primary', SCHOOL_ID, 'signal', 'pending'],
        ['school_contact', BACKUP.id, 'backup', SCHOOL_ID, 'signal', 'pending'],
      ]);
      expect(new Set(signal.deliveries.map((d) => d.key)).size).toBe(signal.deliveries.length);
    });

    it('records one step, "issued" by the worker to the school', () => {
      expect(signal.timeline).toEqual([{ at: ISSUED_AT.toISOString(), type: 'issued', actorId: WORKER.id, subjectId: SCHOOL_ID }]);
    });

    it('treats a contact without a rank as the primary contact', () => {
      const unranked = aSignal({ target: { route: 'direct', schoolId: SCHOOL_ID, contacts: [PRIMARY] } });
      expect(unranked.deliveries[0]?.rank).toBe('primary');
    });
  });

  describe('via leerplicht, the school unknown', () => {
    const signal = aSignalViaLeerplicht({ target: { route: 'leerplicht', officers: [OFFICER, OTHER_OFFICER] } });

    it('waits for routing, at no school, route leerplicht, keeping the child for the officers', () => {
      expect(signal).toMatchObject({ state: 'awaiting_routing', route: 'leerplicht', triedSchoolIds: [], child: aChild() });
      expect(signal.schoolId).toBeUndefined();
    });

    it("gives every officer a 'route' card due now, and no school contact anything", () => {
      expect(signal.deliveries.map((d) => [d.role, d.recipientId, d.view, d.status, d.schoolId, d.rank])).toEqual([
        ['leerplicht', OFFICER.id, 'route', 'pending', undefined, undefined],
        ['leerplicht', OTHER_OFFICER.id, 'route', 'pending', undefined, undefined],
      ]);
      expect(signal.dispatchDueAt).toBe(ISSUED_AT.toISOString());
    });

    it('records "issued" and "to_leerplicht" of the municipality, both by the worker', () => {
      expect(signal.timeline).toEqual([
        { at: ISSUED_AT.toISOString(), type: 'issued', actorId: WORKER.id },
        { at: ISSUED_AT.toISOString(), type: 'to_leerplicht', actorId: WORKER.id, subjectId: MUNICIPALITY_ID },
      ]);
    });

    it('keeps its household id, shared by the signals of one household', () => {
      expect(aSignalViaLeerplicht({ householdId: 'household-7' }).householdId).toBe('household-7');
      expect(signal.householdId).toBeUndefined();
    });

    it('does not become delivered when an officer sees it: it is not at a school yet', () => {
      expect(waitingShown().state).toBe('awaiting_routing');
    });
  });
});

describe('requireAwaitingRouting: whether leerplicht may still act', () => {
  it('allows a signal waiting for routing', () => {
    expect(errorCodeOf(() => requireAwaitingRouting(waitingShown()))).toBeUndefined();
  });

  it.each<[string, () => Signal, ErrorCode]>([
    ['forwarded', forwardedAndDelivered, ErrorCodes.alreadyRouted],
    ['issued straight to a school', aSignal, ErrorCodes.alreadyRouted],
    ['acknowledged', acknowledged, ErrorCodes.alreadyRouted],
    ['bounced back to the worker', directBounced, ErrorCodes.alreadyRouted],
    ['closed without a school', closedUnroutable, ErrorCodes.alreadyClosed],
  ])('refuses a signal that was %s', (_what, make, code) => {
    expect(errorCodeOf(() => requireAwaitingRouting(make()))).toBe(code);
  });
});

describe('forwardToSchool (leerplicht found the school)', () => {
  const at = later(5);
  const waiting = waitingShown();
  const forwarded = forwardToSchool(waiting, onTheirCard(OFFICER, waiting), SCHOOL_ID, ourContacts(), at);

  it('puts the signal at the school, issued, with who forwarded it where and when', () => {
    expect(forwarded).toMatchObject({
      state: 'issued',
      schoolId: SCHOOL_ID,
      stateChangedAt: at.toISOString(),
      forwarding: { by: OFFICER.id, byName: OFFICER.name, at: at.toISOString(), schoolId: SCHOOL_ID },
    });
    expect(forwarded.timeline.at(-1)).toEqual({ at: at.toISOString(), type: 'forwarded', actorId: OFFICER.id, subjectId: SCHOOL_ID });
  });

  it("adds a pending signal card for every contact of the school, tagged with the school's id", () => {
    expect(byRole(forwarded, 'school_contact').map((d) => [d.recipientId, d.rank, d.schoolId, d.view, d.status, d.nextAttemptAt])).toEqual([
      [PRIMARY.id, 'primary', SCHOOL_ID, 'signal', 'pending', at.toISOString()],
      [BACKUP.id, 'backup', SCHOOL_ID, 'signal', 'pending', at.toISOString()],
    ]);
    expect(forwarded.dispatchDueAt).toBe(at.toISOString());
  });

  it("turns every officer's card into 'routed'; the forwarding officer's sent card counts as shown (the button's answer)", () => {
    expect(cardOf(forwarded, 'leerplicht', OFFICER.id)).toMatchObject({ view: 'routed', shownView: 'routed' });
    expect(isDeliveryPending(cardOf(forwarded, 'leerplicht', OFFICER.id))).toBe(false);
    expect(cardOf(forwarded, 'leerplicht', OTHER_OFFICER.id)).toMatchObject({ view: 'routed', shownView: 'route', nextAttemptAt: at.toISOString() });
    expect(isDeliveryPending(cardOf(forwarded, 'leerplicht', OTHER_OFFICER.id))).toBe(true);
  });

  it("still sends the forwarding officer's own card when Teams never confirmed it: there is no message to answer in", () => {
    const unsent = aSignalViaLeerplicht();
    const after = forwardToSchool(unsent, OFFICER, SCHOOL_ID, ourContacts(), at);
    expect(cardOf(after, 'leerplicht', OFFICER.id)).toMatchObject({ view: 'routed', status: 'pending' });
    expect(cardOf(after, 'leerplicht', OFFICER.id).shownView).toBeUndefined();
    expect(isDeliveryPending(cardOf(after, 'leerplicht', OFFICER.id))).toBe(true);
  });

  it("keeps the lease of an officer's card still being sent: the update follows that send", () => {
    const leaseUntil = later(0.5);
    const inFlight = leaseDueDeliveries(aSignalViaLeerplicht({ target: { route: 'leerplicht', officers: [OFFICER, OTHER_OFFICER] } }), ISSUED_AT, leaseUntil);
    const after = forwardToSchool(inFlight, OFFICER, SCHOOL_ID, ourContacts(), later(0.1));
    expect(cardOf(after, 'leerplicht', OTHER_OFFICER.id)).toMatchObject({ view: 'routed', nextAttemptAt: leaseUntil.toISOString() });
    expect(cardOf(after, 'leerplicht', OFFICER.id)).toMatchObject({ view: 'routed', nextAttemptAt: leaseUntil.toISOString() });
  });

  it('becomes delivered once a contact of that school has the card', () => {
    const delivered = deliveredToAll(forwarded, later(6));
    expect(delivered.state).toBe('delivered');
    expect(delivered.stateChangedAt).toBe(iso(6));
  });

  it('is refused with SIGNAL.ALREADY_ROUTED once another officer forwarded it, keeping the first forward', () => {
    expect(errorCodeOf(() => forwardToSchool(forwarded, OTHER_OFFICER, SECOND_SCHOOL_ID, secondSchoolContacts(), later(6)))).toBe(
      ErrorCodes.alreadyRouted,
    );
  });

  it('is refused with SIGNAL.ALREADY_CLOSED once an officer found no school', () => {
    expect(errorCodeOf(() => forwardToSchool(closedUnroutable(), OTHER_OFFICER, SCHOOL_ID, ourContacts(), later(6)))).toBe(ErrorCodes.alreadyClosed);
  });

  it.each<[string, () => Signal]>([
    ['issued straight to a school', aSignal],
    ['delivered at a school', directDelivered],
    ['acknowledged', acknowledged],
    ['supported', supported],
    ['bounced back to the worker', directBounced],
  ])('is refused with SIGNAL.ALREADY_ROUTED for a signal %s', (_what, make) => {
    expect(errorCodeOf(() => forwardToSchool(make(), OFFICER, SECOND_SCHOOL_ID, secondSchoolContacts(), later(60)))).toBe(ErrorCodes.alreadyRouted);
  });

  it('is refused with SIGNAL.SCHOOL_TRIED for a school that answered "niet onze leerling"', () => {
    const back = bounce(forwardedAndDelivered(), PRIMARY, WORKER, later(10));
    expect(back.state).toBe('awaiting_routing');
    expect(errorCodeOf(() => forwardToSchool(back, OTHER_OFFICER, SCHOOL_ID, ourContacts(), later(11)))).toBe(ErrorCodes.schoolTried);
    expect(forwardToSchool(back, OTHER_OFFICER, SECOND_SCHOOL_ID, secondSchoolContacts(), later(11)).schoolId).toBe(SECOND_SCHOOL_ID);
  });
});

describe('closeUnroutable (leerplicht found no school)', () => {
  const at = later(5);
  const waiting = waitingShown();
  const closed = closeUnroutable(waiting, onTheirCard(OFFICER, waiting), 'outside_region', WORKER, at);

  it('ends the signal as unroutable, with who, when and why', () => {
    expect(closed).toMatchObject({
      state: 'unroutable',
      stateChangedAt: at.toISOString(),
      unroutable: { by: OFFICER.id, byName: OFFICER.name, at: at.toISOString(), reason: 'outside_region' },
    });
    expect(closed.timeline.slice(-2)).toEqual([
      { at: at.toISOString(), type: 'unroutable', actorId: OFFICER.id },
      { at: at.toISOString(), type: 'redacted' },
    ]);
  });

  it("drops the child's identity at once: nobody needs it any more", () => {
    expect(closed.child).toBeUndefined();
    expect(closed.redactedAt).toBe(at.toISOString());
    expect(JSON.stringify(closed)).not.toContain(aChild().lastName);
  });

  it('adds a pending notice for the issuing worker, and no school contact card', () => {
    expect(byRole(closed, 'vt_worker').map((d) => [d.recipientId, d.view, d.status, d.nextAttemptAt])).toEqual([
      [WORKER.id, 'unroutable_notice', 'pending', at.toISOString()],
    ]);
    expect(byRole(closed, 'school_contact')).toEqual([]);
  });

  it("turns every officer's card into 'route_closed'; the acting officer's counts as shown", () => {
    expect(cardOf(closed, 'leerplicht', OFFICER.id)).toMatchObject({ view: 'route_closed', shownView: 'route_closed' });
    expect(cardOf(closed, 'leerplicht', OTHER_OFFICER.id)).toMatchObject({ view: 'route_closed', nextAttemptAt: at.toISOString() });
    // The child is forgotten at once and Teams still shows the route card with the name: that card
    // is being drawn again, so should the update fail for good the admins hear the name stayed.
    expect(cardOf(closed, 'leerplicht', OTHER_OFFICER.id).shownView).toBeUndefined();
  });

  it('is refused with SIGNAL.ALREADY_CLOSED when another officer closed it first', () => {
    expect(errorCodeOf(() => closeUnroutable(closed, OTHER_OFFICER, 'moved', WORKER, later(6)))).toBe(ErrorCodes.alreadyClosed);
  });

  it.each<[string, () => Signal]>([
    ['forwarded to a school', forwardedAndDelivered],
    ['issued straight to a school', aSignal],
    ['acknowledged', acknowledged],
    ['bounced back to the worker', directBounced],
  ])('is refused with SIGNAL.ALREADY_ROUTED for a signal %s, which keeps its child', (_what, make) => {
    const signal = make();
    expect(errorCodeOf(() => closeUnroutable(signal, OFFICER, 'moved', WORKER, later(60)))).toBe(ErrorCodes.alreadyRouted);
    expect(signal.child).toEqual(aChild());
  });
});

describe('bounce ("niet onze leerling")', () => {
  describe('of a signal that came through leerplicht', () => {
    const at = later(10);
    const atSchool = forwardedAndDelivered();
    const back = bounce(atSchool, onTheirCard(PRIMARY, atSchool), WORKER, at);

    it('goes back to leerplicht: awaiting routing, at no school, the school marked as tried', () => {
      expect(back).toMatchObject({
        state: 'awaiting_routing',
        route: 'leerplicht',
        stateChangedAt: at.toISOString(),
        triedSchoolIds: [SCHOOL_ID],
        bounce: { by: PRIMARY.id, byName: PRIMARY.name, at: at.toISOString(), schoolId: SCHOOL_ID },
      });
      expect(back.schoolId).toBeUndefined();
      expect(back.timeline.at(-1)).toEqual({ at: at.toISOString(), type: 'bounced', actorId: PRIMARY.id, subjectId: SCHOOL_ID });
    });

    it("withdraws every card at that school: the bouncing contact's counts as shown, the colleague's is updated", () => {
      expect(cardOf(back, 'school_contact', PRIMARY.id)).toMatchObject({ view: 'withdrawn', shownView: 'withdrawn' });
      expect(cardOf(back, 'school_contact', BACKUP.id)).toMatchObject({ view: 'withdrawn', shownView: 'signal', nextAttemptAt: at.toISOString() });
      expect(isDeliveryPending(cardOf(back, 'school_contact', BACKUP.id))).toBe(true);
    });

    it('pressed on a copy of the card (a send in doubt), withdraws the card with the name in place too: only the copy showed the answer', () => {
      const withCopy: Signal = {
        ...atSchool,
        deliveries: atSchool.deliveries.map((d) => (d.recipientId === PRIMARY.id && d.role === 'school_contact' ? { ...d, copies: ['activity-copy'] } : d)),
      };
      const fromCopy = bounce(withCopy, { ...PRIMARY, onMessage: 'activity-copy' }, WORKER, at);
      expect(cardOf(fromCopy, 'school_contact', PRIMARY.id)).toMatchObject({ view: 'withdrawn', shownView: 'signal', nextAttemptAt: at.toISOString() });
      expect(isDeliveryPending(cardOf(fromCopy, 'school_contact', PRIMARY.id))).toBe(true);
    });

    it("puts every officer's card back to 'route' so they can forward again", () => {
      expect(byRole(back, 'leerplicht').map((d) => [d.recipientId, d.view, d.shownView, d.nextAttemptAt])).toEqual([
        [OFFICER.id, 'route', 'routed', at.toISOString()],
        [OTHER_OFFICER.id, 'route', 'routed', at.toISOString()],
      ]);
    });

    it('does not bother the worker: leerplicht handles it', () => {
      expect(byRole(back, 'vt_worker')).toEqual([]);
    });

    it('keeps the child: leerplicht needs the name to find the school', () => {
      expect(back.child).toEqual(aChild());
    });

    it('collects every school tried, and only the school bouncing now loses its cards again', () => {
      const again = deliveredToAll(forwardToSchool(deliveredToAll(back, later(11)), OTHER_OFFICER, SECOND_SCHOOL_ID, secondSchoolContacts(), later(12)), later(13));
      const twice = bounce(again, onTheirCard(SECOND_CONTACT, again, (d) => d.schoolId === SECOND_SCHOOL_ID), WORKER, later(20));
      expect(twice.triedSchoolIds).toEqual([SCHOOL_ID, SECOND_SCHOOL_ID]);
      expect(cardOf(twice, 'school_contact', SECOND_CONTACT.id, SECOND_SCHOOL_ID)).toMatchObject({ view: 'withdrawn', shownView: 'withdrawn' });
      // The first school's cards were withdrawn and shown before: nothing to send there again.
      for (const d of byRole(twice, 'school_contact').filter((c) => c.schoolId === SCHOOL_ID)) {
        expect(d).toMatchObject({ view: 'withdrawn', shownView: 'withdrawn' });
        expect(isDeliveryPending(d)).toBe(false);
      }
    });
  });

  describe('of a signal sent straight to the school', () => {
    const at = later(10);
    const back = bounce(directDelivered(), BACKUP, WORKER, at);

    it('goes back to the issuing worker: bounced, at no school, the school marked as tried', () => {
      expect(back).toMatchObject({ state: 'bounced', route: 'direct', triedSchoolIds: [SCHOOL_ID], bounce: { by: BACKUP.id, schoolId: SCHOOL_ID } });
      expect(back.schoolId).toBeUndefined();
      expect(back.timeline.at(-1)).toMatchObject({ type: 'bounced', actorId: BACKUP.id, subjectId: SCHOOL_ID });
    });

    it('adds a pending "bounced" notice for the worker', () => {
      expect(byRole(back, 'vt_worker').map((d) => [d.recipientId, d.view, d.status, d.nextAttemptAt])).toEqual([
        [WORKER.id, 'bounced_notice', 'pending', at.toISOString()],
      ]);
      expect(byRole(back, 'leerplicht')).toEqual([]);
    });

    it("withdraws both contacts' cards", () => {
      expect(byRole(back, 'school_contact').map((d) => [d.recipientId, d.view])).toEqual([
        [PRIMARY.id, 'withdrawn'],
        [BACKUP.id, 'withdrawn'],
      ]);
    });

    it('may come from a signal not yet delivered to anyone', () => {
      expect(bounce(aSignal(), PRIMARY, WORKER, at).state).toBe('bounced');
    });
  });

  it("keeps the lease of a contact's card still being sent: the withdrawal follows that send", () => {
    const leaseUntil = later(0.5);
    const inFlight = leaseDueDeliveries(aSignal(), ISSUED_AT, leaseUntil);
    const shownToPrimary = applyDeliveryOutcomes(
      inFlight,
      [{ key: cardOf(inFlight, 'school_contact', PRIMARY.id).key, kind: 'shown', view: 'signal', conversationId: 'a:p', activityId: 'act-p' } satisfies DeliveryOutcome],
      later(0.1),
    );
    const back = bounce(shownToPrimary, PRIMARY, WORKER, later(0.2));
    expect(cardOf(back, 'school_contact', BACKUP.id)).toMatchObject({ view: 'withdrawn', nextAttemptAt: leaseUntil.toISOString() });
  });

  it('is refused with SIGNAL.ALREADY_ACKNOWLEDGED once someone picked it up', () => {
    expect(errorCodeOf(() => bounce(acknowledged(), BACKUP, WORKER, later(60)))).toBe(ErrorCodes.alreadyAcknowledged);
    expect(errorCodeOf(() => bounce(supported(), PRIMARY, WORKER, later(60)))).toBe(ErrorCodes.alreadyAcknowledged);
  });

  it.each<[string, () => Signal]>([
    ['waiting for leerplicht', waitingShown],
    ['already bounced back to the worker', directBounced],
    ['closed without a school', closedUnroutable],
  ])('is refused with SIGNAL.NOT_AT_SCHOOL for a signal %s', (_what, make) => {
    expect(errorCodeOf(() => bounce(make(), PRIMARY, WORKER, later(60)))).toBe(ErrorCodes.notAtSchool);
  });
});

describe('sendToLeerplicht (the worker hands a bounced signal to leerplicht)', () => {
  const at = later(30);
  const bounced = directBounced();
  const rerouted = sendToLeerplicht(bounced, onTheirCard(WORKER, bounced, (d) => d.view === 'bounced_notice'), [OFFICER, OTHER_OFFICER], at);

  it('now waits for leerplicht: route leerplicht, awaiting routing, a to_leerplicht step by the worker', () => {
    expect(rerouted).toMatchObject({ route: 'leerplicht', state: 'awaiting_routing', stateChangedAt: at.toISOString(), triedSchoolIds: [SCHOOL_ID] });
    expect(rerouted.timeline.at(-1)).toEqual({ at: at.toISOString(), type: 'to_leerplicht', actorId: WORKER.id, subjectId: MUNICIPALITY_ID });
  });

  it("turns the worker's notice into 'bounce_rerouted'; theirs counts as shown (the button's answer)", () => {
    expect(byRole(rerouted, 'vt_worker').map((d) => [d.view, d.shownView])).toEqual([['bounce_rerouted', 'bounce_rerouted']]);
  });

  it("gives every officer a pending 'route' card", () => {
    expect(byRole(rerouted, 'leerplicht').map((d) => [d.recipientId, d.view, d.status, d.nextAttemptAt])).toEqual([
      [OFFICER.id, 'route', 'pending', at.toISOString()],
      [OTHER_OFFICER.id, 'route', 'pending', at.toISOString()],
    ]);
  });

  it('lets leerplicht forward it to another school, never to the one that bounced it', () => {
    expect(errorCodeOf(() => forwardToSchool(rerouted, OFFICER, SCHOOL_ID, ourContacts(), later(31)))).toBe(ErrorCodes.schoolTried);
    const forwarded = forwardToSchool(rerouted, OFFICER, SECOND_SCHOOL_ID, secondSchoolContacts(), later(31));
    expect(forwarded).toMatchObject({ state: 'issued', schoolId: SECOND_SCHOOL_ID });
  });

  it.each<[string, () => Signal]>([
    ['issued straight to a school', aSignal],
    ['delivered at a school', directDelivered],
    ['waiting for leerplicht', waitingShown],
    ['acknowledged', acknowledged],
    ['closed without a school', closedUnroutable],
  ])('is refused with SIGNAL.NOT_BOUNCED for a signal %s', (_what, make) => {
    expect(errorCodeOf(() => sendToLeerplicht(make(), WORKER, [OFFICER], later(60)))).toBe(ErrorCodes.notBounced);
  });

  it('is refused with SIGNAL.NOT_BOUNCED the second time: it is already with leerplicht', () => {
    expect(errorCodeOf(() => sendToLeerplicht(rerouted, WORKER, [OFFICER], later(31)))).toBe(ErrorCodes.notBounced);
  });
});

describe('acknowledging while the signal is not at a school', () => {
  it.each<[string, () => Signal]>([
    ['waiting for leerplicht', waitingShown],
    ['bounced back to the worker', directBounced],
    ['bounced back to leerplicht', () => bounce(forwardedAndDelivered(), PRIMARY, WORKER, later(10))],
    ['closed without a school', closedUnroutable],
  ])('is refused with SIGNAL.NOT_AT_SCHOOL for a signal %s', (_what, make) => {
    expect(errorCodeOf(() => acknowledge(make(), PRIMARY, later(60)))).toBe(ErrorCodes.notAtSchool);
  });

  it('works once leerplicht forwarded it, and updates only the contact cards of that school', () => {
    const after = acknowledge(forwardedAndDelivered(), PRIMARY, later(30));
    expect(after.state).toBe('acknowledged');
    expect(cardOf(after, 'school_contact', BACKUP.id)).toMatchObject({ view: 'taken' });
    expect(byRole(after, 'leerplicht').map((d) => d.view)).toEqual(['routed', 'routed']);
  });
});

describe('a contact of two schools', () => {
  it('gets a card per school, so the card of the school that bounced it stays withdrawn', () => {
    // PRIMARY is a contact at SCHOOL_ID and at SECOND_SCHOOL_ID too.
    const back = deliveredToAll(bounce(forwardedAndDelivered(), BACKUP, WORKER, later(10)), later(11));
    const forwarded = forwardToSchool(back, OTHER_OFFICER, SECOND_SCHOOL_ID, [{ ...PRIMARY, rank: 'primary' }], later(12));
    const cards = forwarded.deliveries.filter((d) => d.recipientId === PRIMARY.id);
    expect(cards.map((d) => [d.schoolId, d.view])).toEqual([
      [SCHOOL_ID, 'withdrawn'],
      [SECOND_SCHOOL_ID, 'signal'],
    ]);
    expect(new Set(cards.map((d) => d.key)).size).toBe(2);
  });
});

describe('the schools leerplicht may forward a signal to', () => {
  const schools = [
    { id: '12AB00', name: 'Het Kompas' },
    { id: '34CD00', name: 'De Regenboog' },
    { id: '56EF00', name: 'Ëlckerlyc Lyceum' },
  ];

  it('are every school but those already tried, by Dutch name order', () => {
    expect(forwardableSchools(schools, ['12AB00']).map((s) => s.id)).toEqual(['34CD00', '56EF00']);
    expect(forwardableSchools(schools, []).map((s) => s.name)).toEqual(['De Regenboog', 'Ëlckerlyc Lyceum', 'Het Kompas']);
  });
});
