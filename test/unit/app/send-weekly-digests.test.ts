/**
 * The Monday digest, exactly once per recipient and week: at its moment and not before, by
 * several instances at once, after a crash mid-run, to the recipients of that moment only.
 */
import { SendWeeklyDigests, type RenderDigest } from '../../../src/app/send-weekly-digests';
import { DEFAULT_DIGEST_SCHEDULE } from '../../../src/domain/digest/digest-schedule';
import { leaseRecipients, startDigestRun } from '../../../src/domain/digest/digest-run';
import { MessengerError } from '../../../src/ports';
import { MemoryDigestRunStore } from '../../../src/store/memory';
import { COORDINATOR_ID, MUNICIPALITY_ID, VT_WORKER_ID, aCoordinator, aMember, memberId } from '../../fixtures/directory';
import { aSchoolDirectory, aSignalForm } from '../../fixtures/school-directory';
import { createCore, type Core } from '../../support/core-harness';
import { MINUTE } from '../../support/fixed-clock';

const MANAGER_ID = memberId(30);
const LATER_MANAGER_ID = memberId(31);
const LEASE_MS = 5 * MINUTE;
// Monday 23 November 2026, 08:00 in Amsterdam: the digest of week 47 (16–22 November) is due.
const MONDAY_0800 = new Date('2026-11-23T08:00:00+01:00');
const IN_WEEK_47 = new Date('2026-11-18T10:00:00+01:00');

/** What the fake card carries: enough to tell whose digest of which week it was. */
const render: RenderDigest = (digest, scope) => ({ week: digest.figures.week, scope: scope.name, issued: digest.figures.issued });

describe('SendWeeklyDigests', () => {
  let core: Core;
  let runs: MemoryDigestRunStore;
  const job = () =>
    new SendWeeklyDigests({
      runs,
      directory: core.directory,
      readDigest: core.readDigest,
      messenger: core.messenger,
      render,
      audit: core.audit,
      clock: core.clock,
      logger: core.logger,
      schedule: DEFAULT_DIGEST_SCHEDULE,
      leaseMs: LEASE_MS,
    });
  const digestsTo = (id: string) => core.messenger.delivered(id).map((c) => c.card);

  beforeEach(async () => {
    const directory = aSchoolDirectory();
    directory.members.push(
      aMember({ aadObjectId: MANAGER_ID, name: 'Marloes Kuipers', roles: [{ role: 'manager', municipalityIds: [MUNICIPALITY_ID], schoolIds: [] }] }),
      aCoordinator(),
    );
    core = await createCore({ now: IN_WEEK_47, directory, knownChats: [MANAGER_ID, COORDINATOR_ID] });
    runs = new MemoryDigestRunStore();
    const issued = await core.issueSignal.execute(VT_WORKER_ID, [aSignalForm()]);
    if (!issued.ok) throw new Error('could not issue');
    await core.idle();
  });

  it('sends nothing before the moment, then last week\'s digest to every manager and coordinator once', async () => {
    core.clock.set(new Date(MONDAY_0800.getTime() - MINUTE));
    expect(await job().runDue()).toBe(0);
    expect(await runs.get('2026-W47')).toBeUndefined();

    core.clock.set(MONDAY_0800);
    expect(await job().runDue()).toBe(2);
    expect(await job().runDue()).toBe(0);

    for (const id of [MANAGER_ID, COORDINATOR_ID]) {
      expect(digestsTo(id)).toEqual([{ week: { year: 2026, week: 47 }, scope: 'Heerlen', issued: 1 }]);
    }
    expect(core.audit.all.filter((e) => e.action === 'digest.sent').map((e) => [e.actorId, e.objectId]).sort()).toEqual(
      [[MANAGER_ID, '2026-W47'], [COORDINATOR_ID, '2026-W47']].sort(),
    );
  });

  it('sends each digest once when two instances tick at the same moment', async () => {
    core.clock.set(MONDAY_0800);
    const [a, b] = [job(), job()];

    const sent = await Promise.all([a.runDue(), b.runDue(), a.runDue(), b.runDue()]);

    expect(sent.reduce((x, y) => x + y, 0)).toBe(2);
    expect(digestsTo(MANAGER_ID)).toHaveLength(1);
    expect(digestsTo(COORDINATOR_ID)).toHaveLength(1);
  });

  it('takes over from an instance that crashed mid-run only when its lease ran out, and sends once', async () => {
    core.clock.set(MONDAY_0800);
    const started = startDigestRun({ year: 2026, week: 47 }, [MANAGER_ID, COORDINATOR_ID], MONDAY_0800);
    const created = await runs.create(started);
    // The crashed instance had leased both and sent nothing it could record.
    await runs.replace(leaseRecipients(created.value, [MANAGER_ID, COORDINATOR_ID], new Date(MONDAY_0800.getTime() + LEASE_MS), 'crashed'), created.etag);

    core.clock.set(new Date(MONDAY_0800.getTime() + LEASE_MS - 1));
    expect(await job().runDue()).toBe(0);
    core.clock.set(new Date(MONDAY_0800.getTime() + LEASE_MS));
    expect(await job().runDue()).toBe(2);
    expect(await job().runDue()).toBe(0);
    expect(digestsTo(MANAGER_ID)).toHaveLength(1);
  });

  it('sends a manager added after the run started nothing this week, and next week\'s digest', async () => {
    core.clock.set(MONDAY_0800);
    await job().runDue();
    await core.directory.upsertMembers([aMember({ aadObjectId: LATER_MANAGER_ID, name: 'Nina Nieuw', roles: [{ role: 'manager', municipalityIds: [MUNICIPALITY_ID], schoolIds: [] }] })]);
    await core.directory.saveConversation({ ...(await core.directory.getConversation(MANAGER_ID))!, memberId: LATER_MANAGER_ID, conversationId: 'a:later' });

    core.clock.set(new Date('2026-11-25T09:00:00+01:00'));
    expect(await job().runDue()).toBe(0);
    core.clock.set(new Date('2026-11-30T08:00:00+01:00'));
    expect(await job().runDue()).toBe(3);

    expect(digestsTo(LATER_MANAGER_ID)).toEqual([{ week: { year: 2026, week: 48 }, scope: 'Heerlen', issued: 0 }]);
  });

  it('sends nothing to someone who lost the role before their turn, and records why', async () => {
    core.clock.set(MONDAY_0800);
    await runs.create(startDigestRun({ year: 2026, week: 47 }, [MANAGER_ID, COORDINATOR_ID], MONDAY_0800));
    await core.directory.upsertMembers([aMember({ aadObjectId: MANAGER_ID, name: 'Marloes Kuipers', roles: [] })]);

    expect(await job().runDue()).toBe(1);

    expect(digestsTo(MANAGER_ID)).toEqual([]);
    const run = await runs.get('2026-W47');
    expect(run?.value.recipients.find((r) => r.memberId === MANAGER_ID)).toMatchObject({ status: 'failed', lastError: 'ACCESS.ROLE_REQUIRED' });
  });

  it('tries a throttled digest again after Teams\' Retry-After, and then sends it once', async () => {
    core.clock.set(MONDAY_0800);
    core.messenger.failFor(MANAGER_ID, new MessengerError('http_429', true, 2 * MINUTE), 1);

    expect(await job().runDue()).toBe(1);
    core.clock.set(new Date(MONDAY_0800.getTime() + 2 * MINUTE - 1));
    expect(await job().runDue()).toBe(0);
    core.clock.set(new Date(MONDAY_0800.getTime() + 2 * MINUTE));
    expect(await job().runDue()).toBe(1);
    expect(digestsTo(MANAGER_ID)).toHaveLength(1);
  });

  it('does not count a wait for its turn under the rate limits as one of a digest\'s attempts', async () => {
    core.clock.set(MONDAY_0800);
    core.messenger.failFor(MANAGER_ID, new MessengerError('rate_limit_wait', true), 1);

    expect(await job().runDue()).toBe(1);

    const manager = (await runs.get('2026-W47'))?.value.recipients.find((r) => r.memberId === MANAGER_ID);
    expect(manager).toMatchObject({ status: 'pending', attempts: 0, lastError: 'rate_limit_wait' });
  });

  it('stopping, finishes the digest on its way and hands back the rest, due at once for the next instance and no attempt', async () => {
    core.clock.set(MONDAY_0800);
    // The run's recipients are sorted by member id: the coordinator's digest goes first.
    const [first, second] = [COORDINATOR_ID, MANAGER_ID].sort();
    const stopping = job();
    const held = core.messenger.holdNextCallTo(first!);
    const running = stopping.runDue();
    await held.reached;

    stopping.stopTaking();
    held.release();

    expect(await running).toBe(1);
    expect(await stopping.runDue()).toBe(0);
    const run = await runs.get('2026-W47');
    const handedBack = run?.value.recipients.find((r) => r.memberId === second);
    expect(handedBack).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: MONDAY_0800.toISOString() });
    expect(handedBack).not.toHaveProperty('leaseId');
    expect(await job().runDue()).toBe(1);
    expect(digestsTo(second!)).toHaveLength(1);
    expect(digestsTo(first!)).toHaveLength(1);
  });

  it('never sends a digest again because its audit entry could not be written', async () => {
    core.clock.set(MONDAY_0800);
    const append = jest.spyOn(core.audit, 'append').mockRejectedValue(new Error('audit store down'));

    expect(await job().runDue()).toBe(2);
    append.mockRestore();
    core.clock.set(new Date(MONDAY_0800.getTime() + 24 * 60 * MINUTE));
    expect(await job().runDue()).toBe(0);

    expect(digestsTo(MANAGER_ID)).toHaveLength(1);
    expect(core.logger.lines.some((l) => l.message === 'weekly digest sent but not audited')).toBe(true);
  });

  it('records each digest as soon as Teams has it, so a crash mid-batch sends none twice', async () => {
    core.clock.set(MONDAY_0800);
    // The run's recipients are sorted by member id: the coordinator's digest goes first.
    const [first, second] = [COORDINATOR_ID, MANAGER_ID].sort();
    const held = core.messenger.holdNextCallTo(second!);
    const running = job().runDue();
    await held.reached;

    const run = await runs.get('2026-W47');
    expect(run?.value.recipients.find((r) => r.memberId === first)).toMatchObject({ status: 'sent' });
    expect(run?.value.recipients.find((r) => r.memberId === second)).toMatchObject({ status: 'pending' });
    held.release();
    expect(await running).toBe(2);
  });

  it('cancels a digest whose call outlasts its deadline (wait for a turn included), so it cannot arrive later as a second copy', async () => {
    core.clock.set(MONDAY_0800);
    const held = core.messenger.holdNextCallTo(MANAGER_ID);
    const quick = new SendWeeklyDigests({
      runs,
      directory: core.directory,
      readDigest: core.readDigest,
      messenger: core.messenger,
      render,
      audit: core.audit,
      clock: core.clock,
      logger: core.logger,
      schedule: DEFAULT_DIGEST_SCHEDULE,
      // The call's deadline is a share of this: a few tens of milliseconds.
      leaseMs: 50,
    });

    await quick.runDue();
    held.release();

    expect(digestsTo(MANAGER_ID)).toEqual([]);
    expect((await runs.get('2026-W47'))?.value.recipients.find((r) => r.memberId === MANAGER_ID)).toMatchObject({ status: 'pending' });
  });

  it('caught up on Sunday evening after downtime, waits for Monday morning to send last week\'s digest', async () => {
    core.clock.set(new Date('2026-11-29T21:27:00+01:00'));
    expect(await job().runDue()).toBe(0);
    expect(digestsTo(MANAGER_ID)).toEqual([]);

    core.clock.set(new Date('2026-11-30T07:00:00+01:00'));
    expect(await job().runDue()).toBe(2);
    expect(digestsTo(MANAGER_ID)).toEqual([expect.objectContaining({ week: { year: 2026, week: 47 } })]);
  });

  it('builds the figures once for everyone who shares a scope', async () => {
    await core.directory.upsertMembers([aCoordinator({ aadObjectId: LATER_MANAGER_ID, name: 'Coby Coördinator' })]);
    await core.directory.saveConversation({ ...(await core.directory.getConversation(MANAGER_ID))!, memberId: LATER_MANAGER_ID, conversationId: 'a:coby' });
    core.clock.set(MONDAY_0800);
    const read = jest.spyOn(core.signals, 'countWeeklyHeadlines');

    expect(await job().runDue()).toBe(3);

    // The manager and both coordinators all look at Heerlen.
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('starts no run while nobody is a manager or coordinator, so people added later that week still get it', async () => {
    for (const id of [MANAGER_ID, COORDINATOR_ID]) await core.directory.upsertMembers([aMember({ aadObjectId: id, name: 'Zonder Rol', roles: [] })]);
    core.clock.set(MONDAY_0800);
    expect(await job().runDue()).toBe(0);
    expect(await runs.get('2026-W47')).toBeUndefined();

    await core.directory.upsertMembers([aMember({ aadObjectId: MANAGER_ID, name: 'Marloes Kuipers', roles: [{ role: 'manager', municipalityIds: [MUNICIPALITY_ID], schoolIds: [] }] })]);
    core.clock.set(new Date('2026-11-24T09:00:00+01:00'));
    expect(await job().runDue()).toBe(1);
  });

  it('asks the directory for recipients again only every ten minutes while it names nobody', async () => {
    for (const id of [MANAGER_ID, COORDINATOR_ID]) await core.directory.upsertMembers([aMember({ aadObjectId: id, name: 'Zonder Rol', roles: [] })]);
    const asked = jest.spyOn(core.directory, 'listDigestRecipients');
    const sameJob = job();

    core.clock.set(MONDAY_0800);
    await sameJob.runDue();
    core.clock.set(new Date(MONDAY_0800.getTime() + 9 * MINUTE));
    await sameJob.runDue();
    expect(asked).toHaveBeenCalledTimes(1);
    core.clock.set(new Date(MONDAY_0800.getTime() + 10 * MINUTE));
    await sameJob.runDue();
    expect(asked).toHaveBeenCalledTimes(2);
  });
});
