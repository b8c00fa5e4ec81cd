import { applyDigestOutcomes, leaseRecipients, startDigestRun, type DigestRun } from '../../src/domain/digest/digest-run';
import { ErrorCodes } from '../../src/domain/errors';
import { InvalidDocumentError } from '../../src/store/invalid-document-error';
import type { Stores } from '../../src/store/stores';
import { COORDINATOR_ID, memberId } from '../fixtures/directory';
import { expectDomainError } from './expect-domain-error';

const at = (iso: string) => new Date(iso);
const STARTED_AT = at('2026-11-23T06:00:00.000Z');
const WEEK_47 = { year: 2026, week: 47 };

function aRun(week = WEEK_47): DigestRun {
  return startDigestRun(week, [memberId(31), COORDINATOR_ID, memberId(30)], STARTED_AT);
}

/** A run in which every recipient field is present: one sent, one retrying, one failed, one leased. */
function aRunWithEveryField(): DigestRun {
  const [sent, retrying, failed] = [memberId(30), memberId(31), COORDINATOR_ID];
  const leased = memberId(32);
  const run = startDigestRun(WEEK_47, [sent, retrying, failed, leased], STARTED_AT);
  const held = leaseRecipients(run, [sent, retrying, failed], at('2026-11-23T06:05:00.000Z'), 'lease-1');
  const done = applyDigestOutcomes(
    held,
    [
      { memberId: sent, kind: 'sent', activityId: '1:digest' },
      { memberId: retrying, kind: 'retry', error: 'HTTP 429', retryAt: at('2026-11-23T06:01:00.000Z') },
      { memberId: failed, kind: 'failed', error: 'BotNotInConversationRoster' },
    ],
    'lease-1',
    at('2026-11-23T06:00:01.000Z'),
  );
  return leaseRecipients(done, [leased], at('2026-11-23T06:06:00.000Z'), 'lease-2');
}

export function digestRunContract(stores: () => Stores): void {
  const runs = () => stores().digestRuns;

  describe('DigestRunStore', () => {
    it('gives back a created run exactly as written, every field included', async () => {
      const run = aRunWithEveryField();

      const created = await runs().create(run);

      expect(created.value).toStrictEqual(run);
      expect(await runs().get(run.id)).toStrictEqual({ value: run, etag: created.etag });
      expect(run.recipients.map((r) => r.status)).toEqual(['failed', 'sent', 'pending', 'pending']);
    });

    it('answers undefined for a week without a run', async () => {
      await runs().create(aRun());

      expect(await runs().get('2026-W48')).toBeUndefined();
    });

    it('never overwrites a run when another create uses its id, and says so with STORE.CONFLICT', async () => {
      const created = await runs().create(aRun());
      const second = startDigestRun(WEEK_47, [memberId(40)], at('2026-11-23T06:00:05.000Z'));

      await expectDomainError(runs().create(second), ErrorCodes.storeConflict);

      expect(await runs().get(created.value.id)).toStrictEqual(created);
    });

    it('stores a replace made with the current etag and returns a new etag for the next write', async () => {
      const created = await runs().create(aRun());
      const leased = leaseRecipients(created.value, [COORDINATOR_ID], at('2026-11-23T06:05:00.000Z'), 'lease-1');

      const replaced = await runs().replace(leased, created.etag);
      const sent = applyDigestOutcomes(replaced.value, [{ memberId: COORDINATOR_ID, kind: 'sent', activityId: '1:x' }], 'lease-1', STARTED_AT);
      const again = await runs().replace(sent, replaced.etag);

      expect(replaced.value).toStrictEqual(leased);
      expect(replaced.etag).not.toBe(created.etag);
      expect(again.etag).not.toBe(replaced.etag);
      expect(await runs().get(created.value.id)).toStrictEqual(again);
    });

    it('refuses a write based on a stale etag, so the first of two writers keeps their change', async () => {
      await runs().create(aRun());
      const readByA = (await runs().get('2026-W47'))!;
      const readByB = (await runs().get('2026-W47'))!;
      const until = at('2026-11-23T06:05:00.000Z');

      const writtenByA = await runs().replace(leaseRecipients(readByA.value, [COORDINATOR_ID], until, 'lease-a'), readByA.etag);
      const writeByB = runs().replace(leaseRecipients(readByB.value, [COORDINATOR_ID], until, 'lease-b'), readByB.etag);

      await expectDomainError(writeByB, ErrorCodes.storeConflict);
      expect(await runs().get('2026-W47')).toStrictEqual(writtenByA);
      expect(writtenByA.value.recipients.find((r) => r.memberId === COORDINATOR_ID)?.leaseId).toBe('lease-a');
    });

    it('refuses to replace a run that was never created', async () => {
      await expectDomainError(runs().replace(aRun(), '1'), ErrorCodes.storeConflict);
      expect(await runs().get('2026-W47')).toBeUndefined();
    });

    it('keeps the runs of different weeks apart', async () => {
      const week47 = await runs().create(aRun());
      const week48 = await runs().create(aRun({ year: 2026, week: 48 }));

      expect(await runs().get('2026-W47')).toStrictEqual(week47);
      expect(await runs().get('2026-W48')).toStrictEqual(week48);
    });

    it('never stores a run that breaks the schema, so nothing unreadable is kept', async () => {
      const created = await runs().create(aRun());
      const badCreate = { ...aRun({ year: 2026, week: 48 }), startedAt: '2026-11-30T06:00:00Z' };
      const badReplace = { ...created.value, recipients: [{ ...created.value.recipients[0]!, status: 'lost' as 'sent' }] };

      await expect(runs().create(badCreate)).rejects.toBeInstanceOf(InvalidDocumentError);
      await expect(runs().replace(badReplace, created.etag)).rejects.toBeInstanceOf(InvalidDocumentError);

      expect(await runs().get('2026-W48')).toBeUndefined();
      expect(await runs().get('2026-W47')).toStrictEqual(created);
    });

    it('hands out copies: changing a returned run does not change the stored one', async () => {
      const run = aRun();
      const created = await runs().create(run);
      created.value.recipients[0]!.status = 'failed';
      const read = (await runs().get(run.id))!;
      read.value.recipients.length = 0;
      read.value.week.week = 1;

      expect((await runs().get(run.id))?.value).toStrictEqual(run);
    });
  });
}
