/**
 * Routing through leerplicht, households and bounces over the real use cases: memory stores, a
 * fake Teams and a fixed clock. Who may act is decided by the directory only.
 */
import type { RouteResult } from '../../../src/app/route-signal';
import { ErrorCodes } from '../../../src/domain/errors';
import type { Signal } from '../../../src/domain/signal';
import { aChild } from '../../fixtures/signals';
import { aMember, memberId } from '../../fixtures/directory';

const ADMIN_ID = memberId(20);
import {
  BACKUP_CONTACT_ID,
  KERKRADE_OFFICER_ID,
  KOMPAS_SCHOOL_ID,
  LEERPLICHT_OFFICER_ID,
  LEERPLICHT_ONLY_MUNICIPALITY_ID,
  MUNICIPALITY_ID,
  MUNICIPALITY_WITHOUT_OFFICERS_ID,
  OTHER_MUNICIPALITY_OFFICER_ID,
  OTHER_SCHOOL_CONTACT_ID,
  OTHER_SCHOOL_ID,
  OTHER_WORKER_ID,
  PALET_CONTACT_ID,
  PALET_SCHOOL_ID,
  PRIMARY_CONTACT_ID,
  SCHOOL_ID,
  SCHOOL_WITHOUT_CONTACTS_ID,
  SECOND_OFFICER_ID,
  VT_WORKER_ID,
  aRoutingDirectory,
  aSignalForm,
} from '../../fixtures/school-directory';
import { createCore, fakeCard, type Core } from '../../support/core-harness';
import { MINUTE } from '../../support/fixed-clock';
import { expectDomainError } from '../../store/expect-domain-error';

const viaLeerplicht = (municipalityId: string) => `leerplicht:${municipalityId}`;

/** Who got any card at all, in no particular order. */
function recipientsOf(core: Core, signalId?: string): Set<string> {
  return new Set(core.messenger.calls.filter((c) => signalId === undefined || fakeCard(c).signalId === signalId).map((c) => c.memberId));
}

/** The views a member's chat was sent or updated to for one signal, in order. */
function viewsFor(core: Core, memberId: string, signalId: string): Array<[string, string]> {
  return core.messenger
    .delivered(memberId)
    .filter((c) => fakeCard(c).signalId === signalId)
    .map((c) => [c.kind, fakeCard(c).view]);
}

async function issueOne(core: Core, schoolId: string, workerId = VT_WORKER_ID): Promise<Signal> {
  const result = await core.issueSignal.execute(workerId, [aSignalForm({ schoolId })]);
  if (!result.ok) throw new Error(`could not issue: ${JSON.stringify(result.errors)}`);
  await core.idle();
  return core.stored(result.issued[0]!.signal.id);
}

function expectOk(result: RouteResult): Signal {
  if (!result.ok) throw new Error(`expected the routing to succeed, got ${JSON.stringify(result.problems)}`);
  return result.signal;
}

describe('routing through leerplicht', () => {
  let core: Core;
  beforeEach(async () => {
    core = await createCore({ directory: aRoutingDirectory() });
  });

  describe('issuing for a household', () => {
    const household = () => [
      aSignalForm({ firstName: 'Noor', schoolId: SCHOOL_ID }),
      aSignalForm({ firstName: 'Daan', birthDate: '2012-09-01', schoolId: PALET_SCHOOL_ID }),
      aSignalForm({ firstName: 'Mila', birthDate: '2019-01-20', schoolId: viaLeerplicht(MUNICIPALITY_ID) }),
    ];

    it('issues one signal per child, sharing a household id, each routed to its own school or to leerplicht', async () => {
      const result = await core.issueSignal.execute(VT_WORKER_ID, household(), { origin: 'msteams:a:worker' });
      if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.errors)}`);
      await core.idle();

      expect(result.repeated).toBe(false);
      expect(result.issued.map(({ destination }) => (destination.kind === 'school' ? [destination.school.id, destination.contactCount] : [destination.municipality.id, destination.officerCount]))).toEqual([
        [SCHOOL_ID, 2],
        [PALET_SCHOOL_ID, 1],
        [MUNICIPALITY_ID, 2],
      ]);
      const [regenboog, palet, leerplicht] = await Promise.all(result.issued.map(({ signal }) => core.stored(signal.id)));
      const householdId = regenboog!.householdId;
      expect(householdId).toBeDefined();
      expect([palet!.householdId, leerplicht!.householdId]).toEqual([householdId, householdId]);
      expect(new Set(result.issued.map(({ signal }) => signal.reference)).size).toBe(3);
      expect(new Set(result.issued.map(({ signal }) => signal.id)).size).toBe(3);

      expect(regenboog).toMatchObject({ route: 'direct', schoolId: SCHOOL_ID, state: 'delivered', child: { firstName: 'Noor' } });
      expect(palet).toMatchObject({ route: 'direct', schoolId: PALET_SCHOOL_ID, state: 'delivered', child: { firstName: 'Daan' } });
      expect(leerplicht).toMatchObject({ route: 'leerplicht', state: 'awaiting_routing', child: { firstName: 'Mila' } });
      expect(leerplicht!.schoolId).toBeUndefined();
      expect(core.audit.all.filter((e) => e.action !== 'card.shown').map((e) => [e.action, e.result])).toEqual([
        ['signal.issue', 'ok'],
        ['signal.issue', 'ok'],
        ['signal.issue', 'ok'],
      ]);
      // Every card naming a child is a read by its recipient: two contacts, one contact, two officers.
      expect(core.audit.all.filter((e) => e.action === 'card.shown')).toHaveLength(5);
    });

    it('sends each signal to its own recipients only: the two schools’ contacts and Heerlen’s officers', async () => {
      const result = await core.issueSignal.execute(VT_WORKER_ID, household());
      if (!result.ok) throw new Error('expected success');
      await core.idle();
      const [regenboog, palet, leerplicht] = result.issued.map(({ signal }) => signal.id) as [string, string, string];

      expect(recipientsOf(core, regenboog)).toEqual(new Set([PRIMARY_CONTACT_ID, BACKUP_CONTACT_ID]));
      expect(recipientsOf(core, palet)).toEqual(new Set([PALET_CONTACT_ID]));
      expect(recipientsOf(core, leerplicht)).toEqual(new Set([LEERPLICHT_OFFICER_ID, SECOND_OFFICER_ID]));
      for (const officer of [LEERPLICHT_OFFICER_ID, SECOND_OFFICER_ID]) expect(viewsFor(core, officer, leerplicht)).toEqual([['send', 'route']]);
      expect(viewsFor(core, PALET_CONTACT_ID, palet)).toEqual([['send', 'signal']]);
      expect(core.messenger.calls.every((c) => c.ok)).toBe(true);
      expect(core.messenger.calls).toHaveLength(5);
    });

    it('blocks the whole household when one child is invalid: the error at that child, nothing stored, sent or audited', async () => {
      const children = household();
      children[1] = { ...children[1], birthDate: '2025-12-01' };
      const result = await core.issueSignal.execute(VT_WORKER_ID, children);
      expect(result).toEqual({ ok: false, errors: [{}, { birthDate: 'tooYoung' }, {}] });
      await core.idle();
      expect(await core.signals.listIssuedBy(VT_WORKER_ID, new Date(0))).toEqual([]);
      expect(await core.signals.listAwaitingRouting([MUNICIPALITY_ID])).toEqual([]);
      expect(core.messenger.calls).toEqual([]);
      expect(core.audit.all).toEqual([]);
    });

    it('issues the household once when Verstuur is pressed twice with the same submission ids', async () => {
      const ids = ['form-1:child-0', 'form-1:child-1', 'form-1:child-2'];
      const first = await core.issueSignal.execute(VT_WORKER_ID, household(), undefined, ids);
      await core.idle();
      const again = await core.issueSignal.execute(VT_WORKER_ID, household(), undefined, ids);
      await core.idle();
      if (!first.ok || !again.ok) throw new Error('expected success');
      expect(again.repeated).toBe(true);
      expect(again.issued.map(({ signal }) => signal.reference)).toEqual(first.issued.map(({ signal }) => signal.reference));
      expect(await core.signals.listIssuedBy(VT_WORKER_ID, new Date(0))).toHaveLength(3);
      expect(core.messenger.calls).toHaveLength(5);
      expect(core.audit.all.filter((e) => e.action === 'signal.issue')).toHaveLength(3);
    });

    it('refuses leerplicht in a municipality without officers as noContacts: nobody would receive it', async () => {
      const result = await core.issueSignal.execute(VT_WORKER_ID, [aSignalForm({ schoolId: viaLeerplicht(MUNICIPALITY_WITHOUT_OFFICERS_ID) })]);
      expect(result).toEqual({ ok: false, errors: [{ schoolId: 'noContacts' }] });
      expect(await core.signals.listAwaitingRouting([MUNICIPALITY_WITHOUT_OFFICERS_ID])).toEqual([]);
    });

    it('offers in a municipality that routes through leerplicht only leerplicht, never its schools', async () => {
      const destinations = await core.issueSignal.destinationsFor(VT_WORKER_ID);
      expect(destinations.schools.map((s) => s.id)).not.toContain(KOMPAS_SCHOOL_ID);
      expect(destinations.leerplicht.map((m) => m.id).sort()).toEqual([MUNICIPALITY_ID, LEERPLICHT_ONLY_MUNICIPALITY_ID, MUNICIPALITY_WITHOUT_OFFICERS_ID].sort());
      expect(await core.issueSignal.execute(VT_WORKER_ID, [aSignalForm({ schoolId: KOMPAS_SCHOOL_ID })])).toEqual({ ok: false, errors: [{ schoolId: 'notAllowed' }] });
      const signal = await issueOne(core, viaLeerplicht(LEERPLICHT_ONLY_MUNICIPALITY_ID));
      expect(signal).toMatchObject({ state: 'awaiting_routing', municipalityId: LEERPLICHT_ONLY_MUNICIPALITY_ID });
      expect(recipientsOf(core)).toEqual(new Set([KERKRADE_OFFICER_ID]));
    });
  });

  describe('forwarding', () => {
    let waiting: Signal;
    beforeEach(async () => {
      waiting = await issueOne(core, viaLeerplicht(MUNICIPALITY_ID));
      core.clock.advance(10 * MINUTE);
    });

    it("delivers to the school's contacts as a direct signal, and updates the other officer's card in place", async () => {
      const onCard = await core.pressOnCard(waiting.id, LEERPLICHT_OFFICER_ID);
      const forwarded = expectOk(await core.routeSignal.forward(LEERPLICHT_OFFICER_ID, waiting.id, OTHER_SCHOOL_ID, { origin: 'msteams:a:officer', ...onCard }));
      await core.idle();
      const stored = await core.stored(waiting.id);
      expect(forwarded.forwarding?.by).toBe(LEERPLICHT_OFFICER_ID);
      // A school in another municipality: children cross municipal borders.
      expect(stored).toMatchObject({ state: 'delivered', schoolId: OTHER_SCHOOL_ID, municipalityId: MUNICIPALITY_ID });
      expect(viewsFor(core, OTHER_SCHOOL_CONTACT_ID, waiting.id)).toEqual([['send', 'signal']]);
      const [sent, updated, ...more] = core.messenger.delivered(SECOND_OFFICER_ID);
      expect(more).toEqual([]);
      expect(updated).toMatchObject({ kind: 'update', activityId: sent!.activityId });
      expect(fakeCard(updated!).view).toBe('routed');
      // The forwarding officer sees 'routed' as the button's answer: nothing more is sent to them.
      expect(viewsFor(core, LEERPLICHT_OFFICER_ID, waiting.id)).toEqual([['send', 'route']]);
      expect(core.audit.all.filter((e) => e.action === 'signal.forward')).toEqual([
        expect.objectContaining({ actorId: LEERPLICHT_OFFICER_ID, role: 'leerplicht', objectId: waiting.reference, result: 'ok', origin: 'msteams:a:officer' }),
      ]);
    });

    it('refuses an officer of another municipality with ACCESS.NOT_YOUR_SIGNAL: nothing changes, the refusal is audited', async () => {
      const before = await core.signals.get(waiting.id);
      const calls = core.messenger.calls.length;
      await expectDomainError(core.routeSignal.forward(OTHER_MUNICIPALITY_OFFICER_ID, waiting.id, OTHER_SCHOOL_ID), ErrorCodes.notYourSignal);
      await core.idle();
      expect(await core.signals.get(waiting.id)).toEqual(before);
      expect(core.messenger.calls).toHaveLength(calls);
      // Refused at the first look: the officer may not even see the signal.
      expect(core.audit.all.at(-1)).toMatchObject({ actorId: OTHER_MUNICIPALITY_OFFICER_ID, action: 'signal.view', result: 'refused' });
    });

    it('refuses someone without the leerplicht role with ACCESS.ROLE_REQUIRED, even the issuing worker', async () => {
      const before = await core.signals.get(waiting.id);
      await expectDomainError(core.routeSignal.forward(VT_WORKER_ID, waiting.id, SCHOOL_ID), ErrorCodes.roleRequired);
      await expectDomainError(core.routeSignal.forward(PRIMARY_CONTACT_ID, waiting.id, SCHOOL_ID), ErrorCodes.roleRequired);
      expect(await core.signals.get(waiting.id)).toEqual(before);
    });

    it('lets exactly one of two officers forwarding at once win; the other gets SIGNAL.ALREADY_ROUTED', async () => {
      const results = await Promise.allSettled([
        core.routeSignal.forward(LEERPLICHT_OFFICER_ID, waiting.id, SCHOOL_ID),
        core.routeSignal.forward(SECOND_OFFICER_ID, waiting.id, PALET_SCHOOL_ID),
      ]);
      await core.idle();
      const won = results.filter((r): r is PromiseFulfilledResult<RouteResult> => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]!.reason).toMatchObject({ code: ErrorCodes.alreadyRouted });

      const winner = expectOk(won[0]!.value).forwarding!;
      const [loser, losingSchool] = winner.by === LEERPLICHT_OFFICER_ID ? [SECOND_OFFICER_ID, PALET_SCHOOL_ID] : [LEERPLICHT_OFFICER_ID, SCHOOL_ID];
      const stored = await core.stored(waiting.id);
      expect(stored.schoolId).toBe(winner.schoolId);
      expect(stored.forwarding).toEqual(winner);
      expect(stored.timeline.filter((e) => e.type === 'forwarded')).toHaveLength(1);
      expect(stored.deliveries.filter((d) => d.role === 'school_contact').every((d) => d.schoolId === winner.schoolId)).toBe(true);
      expect(stored.deliveries.some((d) => d.schoolId === losingSchool)).toBe(false);
      expect(stored.dispatchDueAt).toBeUndefined();
      expect(viewsFor(core, loser, waiting.id)).toEqual([
        ['send', 'route'],
        ['update', 'routed'],
      ]);
      const losingContacts = losingSchool === SCHOOL_ID ? [PRIMARY_CONTACT_ID, BACKUP_CONTACT_ID] : [PALET_CONTACT_ID];
      for (const contact of losingContacts) expect(core.messenger.attemptsTo(contact)).toEqual([]);
      expect(core.audit.all.filter((e) => e.action === 'signal.forward').map((e) => [e.actorId, e.result])).toEqual(
        expect.arrayContaining([
          [winner.by, 'ok'],
          [loser, 'refused'],
        ]),
      );
    });

    it('answers a school without contacts with the problem noContacts, changing nothing', async () => {
      const before = await core.signals.get(waiting.id);
      const result = await core.routeSignal.forward(LEERPLICHT_OFFICER_ID, waiting.id, SCHOOL_WITHOUT_CONTACTS_ID);
      expect(result).toMatchObject({ ok: false, problems: { schoolId: 'noContacts' } });
      expect(await core.signals.get(waiting.id)).toEqual(before);
    });

    it.each([
      { what: 'no school chosen', schoolId: undefined, problem: 'required' },
      { what: 'a school the directory does not know', schoolId: '99ZZ00', problem: 'notAllowed' },
    ])('answers $what with the problem $problem, changing nothing', async ({ schoolId, problem }) => {
      const before = await core.signals.get(waiting.id);
      const result = await core.routeSignal.forward(LEERPLICHT_OFFICER_ID, waiting.id, schoolId);
      expect(result).toMatchObject({ ok: false, problems: { schoolId: problem } });
      expect(await core.signals.get(waiting.id)).toEqual(before);
    });

    it('answers a form problem after another officer forwarded it with SIGNAL.ALREADY_ROUTED instead', async () => {
      expectOk(await core.routeSignal.forward(SECOND_OFFICER_ID, waiting.id, SCHOOL_ID));
      await expectDomainError(core.routeSignal.forward(LEERPLICHT_OFFICER_ID, waiting.id, undefined), ErrorCodes.alreadyRouted);
    });

    it('lists every school in the directory for the choice, other municipalities included', async () => {
      expect((await core.routeSignal.schools()).map((s) => s.id).sort()).toEqual(
        [SCHOOL_ID, SCHOOL_WITHOUT_CONTACTS_ID, OTHER_SCHOOL_ID, PALET_SCHOOL_ID, KOMPAS_SCHOOL_ID].sort(),
      );
    });
  });

  describe('finding no school', () => {
    let waiting: Signal;
    beforeEach(async () => {
      waiting = await issueOne(core, viaLeerplicht(MUNICIPALITY_ID));
    });

    it.each([
      ['no reason', undefined],
      ['a reason that is not on the list', 'kwijt'],
    ])('answers %s with the problem reason required, changing nothing', async (_what, reason) => {
      const before = await core.signals.get(waiting.id);
      const result = await core.routeSignal.noSchool(LEERPLICHT_OFFICER_ID, waiting.id, reason);
      expect(result).toMatchObject({ ok: false, problems: { reason: 'required' } });
      expect(await core.signals.get(waiting.id)).toEqual(before);
    });

    it("closes the signal, drops the child, tells the worker and updates the other officer's card", async () => {
      core.clock.advance(5 * MINUTE);
      expectOk(await core.routeSignal.noSchool(LEERPLICHT_OFFICER_ID, waiting.id, 'moved'));
      await core.idle();
      const stored = await core.stored(waiting.id);
      expect(stored).toMatchObject({ state: 'unroutable', unroutable: { by: LEERPLICHT_OFFICER_ID, reason: 'moved' } });
      expect(stored.child).toBeUndefined();
      expect(viewsFor(core, VT_WORKER_ID, waiting.id)).toEqual([['send', 'unroutable_notice']]);
      expect(viewsFor(core, SECOND_OFFICER_ID, waiting.id)).toEqual([
        ['send', 'route'],
        ['update', 'route_closed'],
      ]);
      await expectDomainError(core.routeSignal.forward(SECOND_OFFICER_ID, waiting.id, SCHOOL_ID), ErrorCodes.alreadyClosed);
    });

    it('tells the admins, and the audit trail, about an officer’s card whose send was in doubt: a copy with the name may remain', async () => {
      await core.directory.upsertMembers([aMember({ aadObjectId: ADMIN_ID, name: 'Ada Beheer', roles: [{ role: 'admin' }] })]);
      const stored = await core.signals.get(waiting.id);
      const doubted = stored!.value.deliveries.map((d) => (d.recipientId === SECOND_OFFICER_ID ? { ...d, inDoubtSends: 1 } : d));
      await core.signals.replace({ ...stored!.value, deliveries: doubted }, stored!.etag);

      expectOk(await core.routeSignal.noSchool(LEERPLICHT_OFFICER_ID, waiting.id, 'moved'));

      const closed = await core.stored(waiting.id);
      const officerCard = closed.deliveries.find((d) => d.recipientId === SECOND_OFFICER_ID)!;
      expect(closed.deliveries.filter((d) => d.view === 'name_alert').map((d) => [d.recipientId, d.about])).toEqual([[ADMIN_ID, officerCard.key]]);
      expect(core.audit.all.filter((e) => e.action === 'card.copy_unaccounted')).toEqual([
        expect.objectContaining({ actorId: SECOND_OFFICER_ID, role: 'leerplicht', objectId: waiting.reference, result: 'failed' }),
      ]);
    });

    it('refuses an officer of another municipality with ACCESS.NOT_YOUR_SIGNAL, keeping the child; the refusal is audited', async () => {
      const before = await core.signals.get(waiting.id);
      await expectDomainError(core.routeSignal.noSchool(OTHER_MUNICIPALITY_OFFICER_ID, waiting.id, 'moved'), ErrorCodes.notYourSignal);
      expect(await core.signals.get(waiting.id)).toEqual(before);
      expect((await core.stored(waiting.id)).child).toEqual(aChild());
      expect(core.audit.all.at(-1)).toMatchObject({ actorId: OTHER_MUNICIPALITY_OFFICER_ID, action: 'signal.view', result: 'refused' });
    });
  });

  describe('bouncing ("niet onze leerling")', () => {
    it('refuses a contact of another school with ACCESS.NOT_YOUR_SIGNAL: nothing changes, the refusal is audited', async () => {
      const signal = await issueOne(core, SCHOOL_ID);
      const before = await core.signals.get(signal.id);
      await expectDomainError(core.bounceSignal.execute(PALET_CONTACT_ID, signal.id), ErrorCodes.notYourSignal);
      await expectDomainError(core.bounceSignal.execute(LEERPLICHT_OFFICER_ID, signal.id), ErrorCodes.notYourSignal);
      await core.idle();
      expect(await core.signals.get(signal.id)).toEqual(before);
      expect(core.messenger.calls).toHaveLength(2);
      expect(core.audit.all.at(-2)).toMatchObject({ actorId: PALET_CONTACT_ID, action: 'signal.bounce', objectId: signal.reference, result: 'refused' });
    });

    it("sends a forwarded signal back to leerplicht, withdrawing the school's cards in place", async () => {
      const waiting = await issueOne(core, viaLeerplicht(MUNICIPALITY_ID));
      expectOk(await core.routeSignal.forward(LEERPLICHT_OFFICER_ID, waiting.id, SCHOOL_ID));
      await core.idle();
      core.clock.advance(30 * MINUTE);

      const onCard = await core.pressOnCard(waiting.id, PRIMARY_CONTACT_ID);
      const back = await core.bounceSignal.execute(PRIMARY_CONTACT_ID, waiting.id, { origin: 'msteams:a:primary', ...onCard });
      await core.idle();
      expect(back).toMatchObject({ state: 'awaiting_routing', triedSchoolIds: [SCHOOL_ID] });
      expect(back.schoolId).toBeUndefined();
      expect(viewsFor(core, PRIMARY_CONTACT_ID, waiting.id)).toEqual([['send', 'signal']]);
      const [sent, withdrawn] = core.messenger.delivered(BACKUP_CONTACT_ID);
      expect(withdrawn).toMatchObject({ kind: 'update', activityId: sent!.activityId });
      expect(fakeCard(withdrawn!).view).toBe('withdrawn');
      for (const officer of [LEERPLICHT_OFFICER_ID, SECOND_OFFICER_ID]) expect(viewsFor(core, officer, waiting.id).at(-1)).toEqual(['update', 'route']);
      expect(core.messenger.attemptsTo(VT_WORKER_ID)).toEqual([]);
      expect((await core.listAwaitingRouting.execute(LEERPLICHT_OFFICER_ID)).map((s) => s.id)).toEqual([waiting.id]);

      // The school that bounced it is told it is no longer there; leerplicht may not send it back there.
      await expectDomainError(core.bounceSignal.execute(BACKUP_CONTACT_ID, waiting.id), ErrorCodes.notAtSchool);
      await expectDomainError(core.acknowledgeSignal.execute(BACKUP_CONTACT_ID, waiting.id), ErrorCodes.notAtSchool);
      expect(await core.routeSignal.forward(SECOND_OFFICER_ID, waiting.id, SCHOOL_ID)).toMatchObject({ ok: false, problems: { schoolId: 'tried' } });
      expect(expectOk(await core.routeSignal.forward(SECOND_OFFICER_ID, waiting.id, PALET_SCHOOL_ID)).schoolId).toBe(PALET_SCHOOL_ID);
    });

    it('refuses a bounce once the signal was picked up with SIGNAL.ALREADY_ACKNOWLEDGED', async () => {
      const signal = await issueOne(core, SCHOOL_ID);
      await core.acknowledgeSignal.execute(PRIMARY_CONTACT_ID, signal.id);
      await expectDomainError(core.bounceSignal.execute(BACKUP_CONTACT_ID, signal.id), ErrorCodes.alreadyAcknowledged);
      expect((await core.stored(signal.id)).state).toBe('acknowledged');
    });
  });

  describe('sending a bounced signal on to leerplicht', () => {
    let bounced: Signal;
    beforeEach(async () => {
      const signal = await issueOne(core, SCHOOL_ID);
      bounced = await core.bounceSignal.execute(PRIMARY_CONTACT_ID, signal.id);
      await core.idle();
    });

    it('tells the issuing worker, who can hand it to leerplicht of the municipality', async () => {
      expect(bounced.state).toBe('bounced');
      expect(viewsFor(core, VT_WORKER_ID, bounced.id)).toEqual([['send', 'bounced_notice']]);
      const rerouted = await core.bounceSignal.sendToLeerplicht(VT_WORKER_ID, bounced.id, { origin: 'msteams:a:worker' });
      await core.idle();
      expect(rerouted).toMatchObject({ state: 'awaiting_routing', route: 'leerplicht' });
      for (const officer of [LEERPLICHT_OFFICER_ID, SECOND_OFFICER_ID]) expect(viewsFor(core, officer, bounced.id)).toEqual([['send', 'route']]);
      expect(core.messenger.attemptsTo(OTHER_MUNICIPALITY_OFFICER_ID)).toEqual([]);
    });

    it('refuses a worker who did not issue it with ACCESS.NOT_YOUR_SIGNAL: nothing changes, the refusal is audited', async () => {
      const before = await core.signals.get(bounced.id);
      await expectDomainError(core.bounceSignal.sendToLeerplicht(OTHER_WORKER_ID, bounced.id), ErrorCodes.notYourSignal);
      await core.idle();
      expect(await core.signals.get(bounced.id)).toEqual(before);
      for (const officer of [LEERPLICHT_OFFICER_ID, SECOND_OFFICER_ID]) expect(core.messenger.attemptsTo(officer)).toEqual([]);
      expect(core.audit.all.at(-1)).toMatchObject({ actorId: OTHER_WORKER_ID, action: 'signal.to_leerplicht', objectId: bounced.reference, result: 'refused' });
    });

    it('refuses a school contact or an officer with ACCESS.ROLE_REQUIRED', async () => {
      await expectDomainError(core.bounceSignal.sendToLeerplicht(PRIMARY_CONTACT_ID, bounced.id), ErrorCodes.roleRequired);
      await expectDomainError(core.bounceSignal.sendToLeerplicht(LEERPLICHT_OFFICER_ID, bounced.id), ErrorCodes.roleRequired);
    });

    it('refuses a second hand-over with SIGNAL.NOT_BOUNCED', async () => {
      await core.bounceSignal.sendToLeerplicht(VT_WORKER_ID, bounced.id);
      await expectDomainError(core.bounceSignal.sendToLeerplicht(VT_WORKER_ID, bounced.id), ErrorCodes.notBounced);
    });
  });

  describe('the list of signals waiting for an officer', () => {
    it("lists only waiting signals of the officer's own municipalities, oldest first, and audits the read", async () => {
      const first = await issueOne(core, viaLeerplicht(MUNICIPALITY_ID));
      core.clock.advance(MINUTE);
      const kerkrade = await issueOne(core, viaLeerplicht(LEERPLICHT_ONLY_MUNICIPALITY_ID));
      core.clock.advance(MINUTE);
      const second = await issueOne(core, viaLeerplicht(MUNICIPALITY_ID));
      core.clock.advance(MINUTE);
      const forwarded = await issueOne(core, viaLeerplicht(MUNICIPALITY_ID));
      expectOk(await core.routeSignal.forward(SECOND_OFFICER_ID, forwarded.id, SCHOOL_ID));
      await issueOne(core, SCHOOL_ID);

      expect((await core.listAwaitingRouting.execute(LEERPLICHT_OFFICER_ID, { origin: 'msteams:a:officer' })).map((s) => s.id)).toEqual([first.id, second.id]);
      expect((await core.listAwaitingRouting.execute(KERKRADE_OFFICER_ID)).map((s) => s.id)).toEqual([kerkrade.id]);
      expect(await core.listAwaitingRouting.execute(OTHER_MUNICIPALITY_OFFICER_ID)).toEqual([]);
      expect(core.audit.all.filter((e) => e.action === 'signal.list_waiting').map((e) => e.actorId)).toEqual([
        LEERPLICHT_OFFICER_ID,
        KERKRADE_OFFICER_ID,
        OTHER_MUNICIPALITY_OFFICER_ID,
      ]);
    });

    it('refuses someone without the leerplicht role', async () => {
      await expectDomainError(core.listAwaitingRouting.execute(VT_WORKER_ID), ErrorCodes.roleRequired);
    });
  });

  it('never writes a child to the audit log or the logs along the way', async () => {
    const waiting = await issueOne(core, viaLeerplicht(MUNICIPALITY_ID));
    expectOk(await core.routeSignal.forward(LEERPLICHT_OFFICER_ID, waiting.id, SCHOOL_ID));
    await core.bounceSignal.execute(PRIMARY_CONTACT_ID, waiting.id);
    await expectDomainError(core.routeSignal.forward(OTHER_MUNICIPALITY_OFFICER_ID, waiting.id, PALET_SCHOOL_ID), ErrorCodes.notYourSignal);
    expectOk(await core.routeSignal.noSchool(SECOND_OFFICER_ID, waiting.id, 'other'));
    await core.idle();
    const child = aChild();
    for (const secret of [child.firstName, child.lastName, child.birthDate]) {
      expect(core.audit.json).not.toContain(secret);
      expect(core.logger.json).not.toContain(secret);
    }
  });
});
