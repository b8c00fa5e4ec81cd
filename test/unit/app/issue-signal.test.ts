import { ErrorCodes } from '../../../src/domain/errors';
import type { Signal } from '../../../src/domain/signal';
import { IssueNotAudited, type SignalStore } from '../../../src/ports';
import { REFERENCE_PATTERN } from '../../../src/domain/reference-code';
import { aSignal } from '../../fixtures/signals';
import {
  BACKUP_CONTACT_ID,
  MUNICIPALITY_ID,
  NO_ROLE_ID,
  OTHER_MUNICIPALITY_ID,
  OTHER_SCHOOL_CONTACT_ID,
  OTHER_SCHOOL_ID,
  PRIMARY_CONTACT_ID,
  SCHOOL_ID,
  SCHOOL_WITHOUT_CONTACTS_ID,
  STRANGER_ID,
  VT_WORKER_ID,
  aSignalForm,
} from '../../fixtures/school-directory';
import { createCore, fakeCard, type Core } from '../../support/core-harness';
import { expectDomainError } from '../../store/expect-domain-error';

/** Nothing reached the store, the audit log or Teams. */
async function expectNothingHappened(core: Core): Promise<void> {
  await core.dispatcher.idle();
  expect(await core.signals.listIssuedBy(VT_WORKER_ID, new Date(0))).toEqual([]);
  expect(await core.signals.listDispatchDue(new Date('2100-01-01T00:00:00.000Z'), 100)).toEqual([]);
  expect(core.messenger.calls).toEqual([]);
  expect(core.audit.all).toEqual([]);
}

describe('IssueSignal', () => {
  let core: Core;
  beforeEach(async () => {
    core = await createCore();
  });

  describe('with invalid input', () => {
    it('returns a problem for every wrong field and stores and sends nothing', async () => {
      const result = await core.issueSignal.execute(VT_WORKER_ID, [
        {
          firstName: '',
          lastName: 'Dijk3',
          birthDate: '2023-02-30',
        },
      ]);
      expect(result).toEqual({ ok: false, errors: [{ firstName: 'required', lastName: 'characters', birthDate: 'invalid', schoolId: 'required' }] });
      await expectNothingHappened(core);
    });

    it('refuses a child who is too young or too old', async () => {
      expect(await core.issueSignal.execute(VT_WORKER_ID, [aSignalForm({ birthDate: '2025-01-01' })])).toEqual({
        ok: false,
        errors: [{ birthDate: 'tooYoung' }],
      });
      expect(await core.issueSignal.execute(VT_WORKER_ID, [aSignalForm({ birthDate: '1990-01-01' })])).toEqual({
        ok: false,
        errors: [{ birthDate: 'tooOld' }],
      });
      await expectNothingHappened(core);
    });

    it('refuses a school outside the municipalities the worker serves as notAllowed', async () => {
      const result = await core.issueSignal.execute(VT_WORKER_ID, [aSignalForm({ schoolId: OTHER_SCHOOL_ID })]);
      expect(result).toEqual({ ok: false, errors: [{ schoolId: 'notAllowed' }] });
      await expectNothingHappened(core);
      expect(core.messenger.attemptsTo(OTHER_SCHOOL_CONTACT_ID)).toEqual([]);
    });

    it('refuses a school that does not exist as notAllowed', async () => {
      const result = await core.issueSignal.execute(VT_WORKER_ID, [aSignalForm({ schoolId: '99ZZ00' })]);
      expect(result).toEqual({ ok: false, errors: [{ schoolId: 'notAllowed' }] });
      await expectNothingHappened(core);
    });

    it('refuses a school without contacts as noContacts: nobody would receive it', async () => {
      const result = await core.issueSignal.execute(VT_WORKER_ID, [aSignalForm({ schoolId: SCHOOL_WITHOUT_CONTACTS_ID })]);
      expect(result).toEqual({ ok: false, errors: [{ schoolId: 'noContacts' }] });
      await expectNothingHappened(core);
    });

    it('refuses leerplicht of a municipality the worker does not serve as notAllowed', async () => {
      const result = await core.issueSignal.execute(VT_WORKER_ID, [aSignalForm({ schoolId: `leerplicht:${OTHER_MUNICIPALITY_ID}` })]);
      expect(result).toEqual({ ok: false, errors: [{ schoolId: 'notAllowed' }] });
      await expectNothingHappened(core);
    });

    it('refuses a form without any child, storing nothing', async () => {
      expect(await core.issueSignal.execute(VT_WORKER_ID, [])).toEqual({ ok: false, errors: [] });
      await expectNothingHappened(core);
    });
  });

  describe('with valid input', () => {
    it('judges the age on the Amsterdam calendar day, which starts before midnight UTC', async () => {
      // 23:30 UTC on 2 March is already 3 March in Amsterdam: a child born 3 March 2024 turns 2 today.
      core.clock.set('2026-03-02T23:30:00.000Z');
      const result = await core.issueSignal.execute(VT_WORKER_ID, [aSignalForm({ birthDate: '2024-03-03' })]);
      expect(result.ok).toBe(true);
    });

    it('stores one signal for the child, with a reference code, for the chosen school', async () => {
      const result = await core.issueSignal.execute(VT_WORKER_ID, [aSignalForm({ firstName: '  Noor ', lastName: 'van  Dijk' })], { origin: 'msteams:a:worker' });
      if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.errors)}`);
      expect(result.repeated).toBe(false);
      expect(result.issued).toHaveLength(1);
      const { signal, destination } = result.issued[0]!;
      expect(destination).toMatchObject({ kind: 'school', school: { id: SCHOOL_ID }, contactCount: 2 });
      const stored = await core.signals.listIssuedBy(VT_WORKER_ID, new Date(0));
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({
        id: signal.id,
        route: 'direct',
        state: 'issued',
        municipalityId: MUNICIPALITY_ID,
        schoolId: SCHOOL_ID,
        issuedBy: VT_WORKER_ID,
        issuedAt: core.clock.now().toISOString(),
        child: { firstName: 'Noor', lastName: 'van Dijk', birthDate: '2016-05-14' },
      });
      // One child is no household.
      expect(stored[0]!.householdId).toBeUndefined();
      expect(signal.reference).toMatch(REFERENCE_PATTERN);
    });

    it('delivers exactly one card to each contact of the school, and to nobody else', async () => {
      const result = await core.issueSignal.execute(VT_WORKER_ID, [aSignalForm()]);
      await core.dispatcher.idle();
      if (!result.ok) throw new Error('expected success');
      const signal = result.issued[0]!.signal;
      for (const contact of [PRIMARY_CONTACT_ID, BACKUP_CONTACT_ID]) {
        const calls = core.messenger.attemptsTo(contact);
        expect(calls.map((c) => [c.kind, c.ok])).toEqual([['send', true]]);
        expect(fakeCard(calls[0]!)).toEqual({ view: 'signal', signalId: signal.id, reference: signal.reference });
      }
      expect(new Set(core.messenger.calls.map((c) => c.memberId))).toEqual(new Set([PRIMARY_CONTACT_ID, BACKUP_CONTACT_ID]));
      const stored = await core.stored(signal.id);
      expect(stored.state).toBe('delivered');
      expect(stored.deliveries.map((d) => d.status)).toEqual(['sent', 'sent']);
      expect(stored.dispatchDueAt).toBeUndefined();
    });

    it('audits the issue by reference code, with who, in which role and from where', async () => {
      const result = await core.issueSignal.execute(VT_WORKER_ID, [aSignalForm()], { origin: 'msteams:a:worker' });
      if (!result.ok) throw new Error('expected success');
      expect(core.audit.all.filter((e) => e.action === 'signal.issue')).toEqual([
        { at: core.clock.now().toISOString(), actorId: VT_WORKER_ID, role: 'vt_worker', action: 'signal.issue', objectId: result.issued[0]!.signal.reference, result: 'ok', origin: 'msteams:a:worker' },
      ]);
    });

    it('tries a new reference code when the first one is already taken', async () => {
      const taken = aSignal({ reference: 'HWC-7F3KM' });
      await core.signals.create(taken);
      core.random.nextReferences('HWC-7F3KM', 'HWC-9XYZM');
      const result = await core.issueSignal.execute(VT_WORKER_ID, [aSignalForm()]);
      await core.dispatcher.idle();
      if (!result.ok) throw new Error('expected success');
      expect(result.issued[0]!.signal.reference).toBe('HWC-9XYZM');
      expect((await core.signals.getByReference('HWC-9XYZM'))?.value.id).toBe(result.issued[0]!.signal.id);
      expect((await core.signals.getByReference('HWC-7F3KM'))?.value.id).toBe(taken.id);
      // Only the new signal was delivered: each contact got one card, for it.
      expect(core.messenger.calls.map((c) => fakeCard(c).reference)).toEqual(['HWC-9XYZM', 'HWC-9XYZM']);
      // And only it was audited as issued, under the code it got.
      expect(core.audit.all.filter((e) => e.action === 'signal.issue').map((e) => e.objectId)).toEqual(['HWC-9XYZM']);
    });

    it('gives up with STORE.REFERENCE_TAKEN when every try collides, storing nothing new', async () => {
      await core.signals.create(aSignal({ reference: 'HWC-7F3KM' }));
      core.random.nextReferences(...Array<string>(10).fill('HWC-7F3KM'));
      await expectDomainError(core.issueSignal.execute(VT_WORKER_ID, [aSignalForm()]), ErrorCodes.referenceTaken);
      await core.dispatcher.idle();
      expect(await core.signals.listIssuedBy(VT_WORKER_ID, new Date(0))).toHaveLength(1);
      expect(core.messenger.calls).toEqual([]);
      expect(core.audit.all.filter((e) => e.action === 'signal.issue')).toEqual([]);
    });

    it('stores no signal and sends no card when the issue cannot be audited', async () => {
      core.audit.appendNow = () => {
        throw new Error('audit log unavailable');
      };

      await expect(core.issueSignal.execute(VT_WORKER_ID, [aSignalForm()])).rejects.toThrow('audit log unavailable');
      await core.dispatcher.idle();

      expect(await core.signals.listIssuedBy(VT_WORKER_ID, new Date(0))).toEqual([]);
      expect(core.messenger.calls).toEqual([]);
    });

    it('still sends the cards of a signal stored without its issue audited (Cosmos DB), and fails the request', async () => {
      const stored: string[] = [];
      const cosmosLike = await createCore({
        // As Cosmos DB does when the audit container refuses the entry after the signal was written.
        wrapSignals: (inner) =>
          Object.assign(Object.create(inner) as SignalStore, {
            create: async (signal: Signal) => {
              const written = await inner.create(signal);
              stored.push(written.value.id);
              throw new IssueNotAudited(written);
            },
          }),
      });

      await expect(cosmosLike.issueSignal.execute(VT_WORKER_ID, [aSignalForm()])).rejects.toBeInstanceOf(IssueNotAudited);
      await cosmosLike.dispatcher.idle();

      expect(stored).toHaveLength(1);
      expect(new Set(cosmosLike.messenger.calls.map((c) => c.memberId))).toEqual(new Set([PRIMARY_CONTACT_ID, BACKUP_CONTACT_ID]));
      expect((await cosmosLike.stored(stored[0]!)).state).toBe('delivered');
    });
  });

  describe('access', () => {
    it('refuses a member without the vt_worker role with ACCESS.ROLE_REQUIRED', async () => {
      await expectDomainError(core.issueSignal.execute(PRIMARY_CONTACT_ID, [aSignalForm()]), ErrorCodes.roleRequired);
      await expectDomainError(core.issueSignal.execute(NO_ROLE_ID, [aSignalForm()]), ErrorCodes.roleRequired);
      await expectNothingHappened(core);
    });

    it('refuses someone the directory does not know with ACCESS.UNKNOWN_MEMBER', async () => {
      await expectDomainError(core.issueSignal.execute(STRANGER_ID, [aSignalForm()]), ErrorCodes.unknownMember);
      await expectNothingHappened(core);
    });

    it("offers only the schools in the worker's municipalities, by name, and leerplicht for each of those municipalities", async () => {
      const destinations = await core.issueSignal.destinationsFor(VT_WORKER_ID);
      expect(destinations.schools.map((s) => s.name)).toEqual(['Basisschool De Regenboog', 'Kindcentrum De Vlinder']);
      expect(destinations.leerplicht.map((m) => m.id)).toEqual([MUNICIPALITY_ID]);
      await expectDomainError(core.issueSignal.destinationsFor(PRIMARY_CONTACT_ID), ErrorCodes.roleRequired);
    });
  });
});
