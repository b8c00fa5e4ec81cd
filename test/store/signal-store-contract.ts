import { ErrorCodes } from '../../src/domain/errors';
import { acknowledge, applyDueDeadlines, bounce, closeUnroutable, forwardToSchool } from '../../src/domain/signal';
import { leaseDueDeliveries } from '../../src/domain/signal.deliveries';
import { InvalidDocumentError } from '../../src/store/invalid-document-error';
import type { Stores } from '../../src/store/stores';
import { COORDINATOR_ID, MUNICIPALITY_ID, SCHOOL_ID, VT_WORKER_ID, memberId } from '../fixtures/directory';
import {
  BACKUP,
  ISSUED_AT,
  OFFICER,
  PRIMARY,
  WORKER,
  aSignal,
  aSignalViaLeerplicht,
  aSignalWithDeadline,
  aSignalWithEveryField,
  deliveredToAll,
} from '../fixtures/signals';
import { anAuditEntry } from '../fixtures/audit';
import { expectDomainError } from './expect-domain-error';

const at = (iso: string) => new Date(iso);

export function signalStoreContract(stores: () => Stores): void {
  const signals = () => stores().signals;

  describe('SignalStore', () => {
    it('gives back a created signal exactly as written, every field included', async () => {
      const signal = aSignalWithEveryField();

      const created = await signals().create(signal);

      expect(created.value).toStrictEqual(signal);
      expect(await signals().get(signal.id)).toStrictEqual({ value: signal, etag: created.etag });
    });

    it('keeps a signal through every routing stage, with and without a school', async () => {
      const waiting = aSignalViaLeerplicht({ householdId: 'household-7' });
      expect(waiting.schoolId).toBeUndefined();
      let current = await signals().create(waiting);
      expect(await signals().get(waiting.id)).toStrictEqual(current);

      const contacts = [{ ...PRIMARY, rank: 'primary' as const }];
      const forwarded = forwardToSchool(current.value, OFFICER, SCHOOL_ID, contacts, at('2026-03-03T07:00:00.000Z'));
      current = await signals().replace(forwarded, current.etag);
      expect(await signals().get(waiting.id)).toStrictEqual(current);
      expect(current.value).toStrictEqual(forwarded);

      const bounced = bounce(current.value, PRIMARY, WORKER, at('2026-03-03T07:30:00.000Z'));
      current = await signals().replace(bounced, current.etag);
      expect(await signals().get(waiting.id)).toStrictEqual(current);
      expect(current.value).toStrictEqual(bounced);

      const closed = closeUnroutable(current.value, OFFICER, 'moved', WORKER, at('2026-03-03T08:00:00.000Z'));
      current = await signals().replace(closed, current.etag);
      expect(await signals().get(waiting.id)).toStrictEqual(current);
      expect(current.value).toStrictEqual(closed);
      expect(current.value.child).toBeUndefined();
    });

    it('finds a signal by its reference code', async () => {
      const signal = aSignal();
      const created = await signals().create(signal);

      expect(await signals().getByReference(signal.reference)).toStrictEqual(created);
    });

    it('answers undefined for an unknown id or reference code', async () => {
      await signals().create(aSignal());

      expect(await signals().get('no-such-signal')).toBeUndefined();
      expect(await signals().getByReference('HWC-ZZZZ')).toBeUndefined();
    });

    it('refuses a taken reference code, even in another municipality, and keeps the first signal', async () => {
      const first = aSignal();
      await signals().create(first);
      const second = aSignal({ reference: first.reference, municipalityId: 'GM0003' });

      await expectDomainError(signals().create(second), ErrorCodes.referenceTaken);

      expect((await signals().getByReference(first.reference))?.value).toStrictEqual(first);
      expect(await signals().get(second.id)).toBeUndefined();
    });

    it('never overwrites a signal when another create uses its id, and says so with STORE.CONFLICT', async () => {
      const signal = aSignal();
      const created = await signals().create(signal);
      const sameId = { ...aSignal(), id: signal.id };

      await expectDomainError(signals().create(sameId), ErrorCodes.storeConflict);

      expect(await signals().get(signal.id)).toStrictEqual(created);
    });

    it('keeps the audit entry of an issue with the signal it records', async () => {
      const signal = aSignal();
      const issued = anAuditEntry({ objectId: signal.reference, origin: 'msteams:a:worker' });

      await signals().create(signal, issued);

      expect(await stores().audit.list(signal.reference)).toEqual([issued]);
    });

    it('records no issue for a create it refuses, whether the reference code or the id is taken', async () => {
      const first = aSignal();
      await signals().create(first);
      const sameReference = aSignal({ reference: first.reference, municipalityId: 'GM0003' });
      const sameId = { ...aSignal({ reference: 'HWC-9XYZM' }), id: first.id };

      await expectDomainError(signals().create(sameReference, anAuditEntry({ objectId: first.reference })), ErrorCodes.referenceTaken);
      await expectDomainError(signals().create(sameId, anAuditEntry({ objectId: sameId.reference })), ErrorCodes.storeConflict);

      expect(await stores().audit.list(first.reference)).toEqual([]);
      expect(await stores().audit.list(sameId.reference)).toEqual([]);
    });

    it('stores a replace made with the current etag and returns a new etag for the next write', async () => {
      const signal = aSignal();
      const created = await signals().create(signal);
      const acknowledged = acknowledge(signal, PRIMARY, at('2026-03-03T07:00:00.000Z'));

      const replaced = await signals().replace(acknowledged, created.etag);
      const sent = deliveredToAll(acknowledged, at('2026-03-03T07:00:01.000Z'));
      const delivered = await signals().replace(sent, replaced.etag);

      expect(replaced.etag).not.toBe(created.etag);
      expect(delivered.etag).not.toBe(replaced.etag);
      expect(await signals().get(signal.id)).toStrictEqual(delivered);
    });

    it('returns from a write what a later read returns, even for fields the domain set to undefined', async () => {
      const signal = aSignal();
      const created = await signals().create(signal);
      const acknowledged = acknowledge(signal, PRIMARY, at('2026-03-03T07:00:00.000Z'));
      // Spreads such as `{ ...d, lastError: undefined }` leave keys holding undefined, which JSON drops.
      const [first, ...rest] = acknowledged.deliveries;
      const withUndefined = {
        ...acknowledged,
        householdId: undefined,
        deliveries: [{ ...first!, lastError: undefined, activityId: undefined }, ...rest],
      };

      const replaced = await signals().replace(withUndefined, created.etag);
      const again = await signals().create({ ...aSignal(), forwarding: undefined });

      expect(await signals().get(signal.id)).toStrictEqual(replaced);
      expect(replaced.value).toStrictEqual(acknowledged);
      expect(await signals().get(again.value.id)).toStrictEqual(again);
    });

    it('refuses a write based on a stale etag, so the first of two writers keeps their change', async () => {
      const signal = aSignal();
      await signals().create(signal);
      const readByA = (await signals().get(signal.id))!;
      const readByB = (await signals().get(signal.id))!;

      const changeByA = acknowledge(readByA.value, PRIMARY, at('2026-03-03T07:00:00.000Z'));
      const changeByB = acknowledge(readByB.value, BACKUP, at('2026-03-03T07:00:00.500Z'));

      const writtenByA = await signals().replace(changeByA, readByA.etag);
      const writeByB = signals().replace(changeByB, readByB.etag);

      await expectDomainError(writeByB, ErrorCodes.storeConflict);
      expect(await signals().get(signal.id)).toStrictEqual(writtenByA);
      expect(writtenByA.value.acknowledgement?.by).toBe(PRIMARY.id);
    });

    it('refuses to replace a signal that was never created', async () => {
      await expectDomainError(signals().replace(aSignal(), '1'), ErrorCodes.storeConflict);
    });

    it('refuses a replace that moves a signal to another municipality, its partition', async () => {
      const signal = aSignal();
      const created = await signals().create(signal);

      const moved = { ...signal, municipalityId: 'GM0003' };

      await expectDomainError(signals().replace(moved, created.etag), ErrorCodes.storeConflict);

      expect(await signals().get(signal.id)).toStrictEqual(created);
    });

    it('never stores a document that breaks the schema, so nothing unreadable is kept', async () => {
      const signal = aSignal();
      const created = await signals().create(signal);
      // Seconds without milliseconds would not sort correctly as text beside other instants.
      const badIssue = { ...aSignal(), issuedAt: '2026-03-02T19:30:00Z' };
      const badReplace = { ...signal, stateChangedAt: 'tomorrow' };

      await expect(signals().create(badIssue)).rejects.toBeInstanceOf(InvalidDocumentError);
      await expect(signals().replace(badReplace, created.etag)).rejects.toBeInstanceOf(InvalidDocumentError);

      expect(await signals().get(badIssue.id)).toBeUndefined();
      expect(await signals().get(signal.id)).toStrictEqual(created);
    });

    it('hands out copies: changing a returned signal does not change the stored one', async () => {
      const signal = aSignal();
      const created = await signals().create(signal);
      created.value.deliveries[0]!.status = 'failed';
      const read = (await signals().get(signal.id))!;
      read.value.timeline.length = 0;

      expect((await signals().get(signal.id))?.value).toStrictEqual(signal);
    });

    it("lists one member's signals issued at or after a moment, newest first", async () => {
      const since = at('2026-03-02T00:00:00.000Z');
      const before = aSignal({ now: at('2026-03-01T23:59:59.999Z') });
      const atSince = aSignal({ now: since });
      const later = aSignal({ now: at('2026-03-04T08:00:00.000Z') });
      const byOther = aSignal({ issuedBy: memberId(7), now: at('2026-03-03T08:00:00.000Z') });
      for (const s of [atSince, byOther, later, before]) await signals().create(s);

      expect(await signals().listIssuedBy(VT_WORKER_ID, since)).toStrictEqual([later, atSince]);
    });

    it('lists signals awaiting routing in the given municipalities only, oldest first', async () => {
      const [second, first, third] = [
        aSignalViaLeerplicht({ now: at('2026-03-02T10:00:00.000Z') }),
        aSignalViaLeerplicht({ now: at('2026-03-02T09:00:00.000Z') }),
        aSignalViaLeerplicht({ municipalityId: 'GM1680', now: at('2026-03-02T09:30:00.000Z') }),
      ];
      const elsewhere = aSignalViaLeerplicht({ municipalityId: 'GM0363', now: at('2026-03-02T08:00:00.000Z') });
      const direct = aSignal({ now: at('2026-03-02T08:30:00.000Z') });
      for (const s of [second, elsewhere, third, direct, first]) await signals().create(s);

      expect(await signals().listAwaitingRouting([MUNICIPALITY_ID, 'GM1680'])).toStrictEqual([first, third, second]);
      expect(await signals().listAwaitingRouting(['GM0363'])).toStrictEqual([elsewhere]);
      expect(await signals().listAwaitingRouting(['GM0001'])).toEqual([]);
      expect(await signals().listAwaitingRouting([])).toEqual([]);
    });

    it('stops listing a signal as awaiting routing once forwarded, and lists it again when bounced back', async () => {
      const waiting = aSignalViaLeerplicht();
      const created = await signals().create(waiting);
      const contacts = [{ ...PRIMARY, rank: 'primary' as const }];
      const forwarded = forwardToSchool(waiting, OFFICER, SCHOOL_ID, contacts, at('2026-03-03T07:00:00.000Z'));

      const replaced = await signals().replace(forwarded, created.etag);
      expect(await signals().listAwaitingRouting([MUNICIPALITY_ID])).toEqual([]);

      const bounced = bounce(replaced.value, PRIMARY, WORKER, at('2026-03-03T07:30:00.000Z'));
      await signals().replace(bounced, replaced.etag);
      expect(await signals().listAwaitingRouting([MUNICIPALITY_ID])).toStrictEqual([bounced]);
    });

    it('lists signals with delivery work due at or before now, oldest first, with etags', async () => {
      const [second, first, third, notYet] = [
        aSignal({ now: at('2026-03-02T10:00:00.000Z') }),
        aSignal({ now: at('2026-03-02T09:00:00.000Z') }),
        aSignal({ now: at('2026-03-02T11:00:00.000Z') }),
        aSignal({ now: at('2026-03-02T11:00:00.001Z') }),
      ];
      for (const s of [second, first, third, notYet]) await signals().create(s);

      const due = await signals().listDispatchDue(at('2026-03-02T11:00:00.000Z'), 10);

      expect(due.map((d) => d.value)).toStrictEqual([first, second, third]);
      for (const d of due) expect((await signals().get(d.value.id))?.etag).toBe(d.etag);
    });

    it('lists at most `limit` due signals, the oldest', async () => {
      const signalsByAge = ['09', '10', '11'].map((hour) => aSignal({ now: at(`2026-03-02T${hour}:00:00.000Z`) }));
      for (const s of [...signalsByAge].reverse()) await signals().create(s);

      const due = await signals().listDispatchDue(at('2026-03-03T00:00:00.000Z'), 2);

      expect(due.map((d) => d.value.id)).toEqual([signalsByAge[0]!.id, signalsByAge[1]!.id]);
    });

    it('stops listing a signal as due once nothing is left to send', async () => {
      const signal = aSignal();
      const created = await signals().create(signal);
      const sent = deliveredToAll(signal, at('2026-03-02T19:30:02.000Z'));
      expect(sent.dispatchDueAt).toBeUndefined();

      await signals().replace(sent, created.etag);

      expect(await signals().listDispatchDue(at('2026-03-09T00:00:00.000Z'), 10)).toEqual([]);
    });

    it('accepts a lease written with a listed etag and then lists the signal only when the lease ends', async () => {
      await signals().create(aSignal());
      const now = new Date(ISSUED_AT.getTime() + 1_000);
      const leaseEnd = new Date(now.getTime() + 30_000);
      const [due] = await signals().listDispatchDue(now, 1);

      await signals().replace(leaseDueDeliveries(due!.value, now, leaseEnd), due!.etag);

      expect(await signals().listDispatchDue(now, 10)).toEqual([]);
      expect((await signals().listDispatchDue(leaseEnd, 10)).map((d) => d.value.id)).toEqual([due!.value.id]);
    });

    it('lists signals with a deadline due at or before now, oldest deadline first, with etags', async () => {
      const [second, first, third, notYet] = [
        aSignalWithDeadline(at('2026-03-03T10:00:00.000Z')),
        aSignalWithDeadline(at('2026-03-03T09:00:00.000Z')),
        aSignalWithDeadline(at('2026-03-03T11:00:00.000Z')),
        aSignalWithDeadline(at('2026-03-03T11:00:00.001Z')),
      ];
      const withoutDeadlines = aSignal();
      expect(withoutDeadlines.nextDeadlineAt).toBeUndefined();
      for (const s of [second, withoutDeadlines, first, notYet, third]) await signals().create(s);

      const due = await signals().listDeadlinesDue(at('2026-03-03T11:00:00.000Z'), 10);

      expect(due.map((d) => d.value)).toStrictEqual([first, second, third]);
      for (const d of due) expect((await signals().get(d.value.id))?.etag).toBe(d.etag);
    });

    it('lists at most `limit` signals with a deadline due, the oldest', async () => {
      const byDeadline = ['09', '10', '11'].map((hour) => aSignalWithDeadline(at(`2026-03-03T${hour}:00:00.000Z`)));
      for (const s of [...byDeadline].reverse()) await signals().create(s);

      const due = await signals().listDeadlinesDue(at('2026-03-04T00:00:00.000Z'), 2);

      expect(due.map((d) => d.value.id)).toEqual([byDeadline[0]!.id, byDeadline[1]!.id]);
    });

    it('lists a signal again at its next deadline once one is acted on, and no more once none is left', async () => {
      const remindAt = at('2026-03-03T09:00:00.000Z');
      const created = await signals().create(aSignalWithDeadline(remindAt));
      const reminded = applyDueDeadlines(created.value, remindAt, []);
      const escalateAt = reminded.nextDeadlineAt!;
      expect(escalateAt > remindAt.toISOString()).toBe(true);

      const replaced = await signals().replace(reminded, created.etag);

      expect(await signals().listDeadlinesDue(remindAt, 10)).toEqual([]);
      expect(await signals().listDeadlinesDue(at(escalateAt), 10)).toStrictEqual([replaced]);

      const escalated = applyDueDeadlines(replaced.value, at(escalateAt), [{ id: COORDINATOR_ID, name: 'Mieke Hermans' }]);
      // Still unseen: the 48-hour support deadline is the last one left.
      const supportDeadline = escalated.nextDeadlineAt!;
      const afterEscalation = await signals().replace(escalated, replaced.etag);
      const missed = applyDueDeadlines(afterEscalation.value, at(supportDeadline), []);
      expect(missed.nextDeadlineAt).toBeUndefined();
      await signals().replace(missed, afterEscalation.etag);

      expect(await signals().listDeadlinesDue(at('2026-03-09T00:00:00.000Z'), 10)).toEqual([]);
    });
  });
}
