import { ErrorCodes } from '../../../src/domain/errors';
import { OTHER_WORKER_ID, PRIMARY_CONTACT_ID, VT_WORKER_ID, aSignalForm } from '../../fixtures/school-directory';
import { createCore, type Core } from '../../support/core-harness';
import { DAY, HOUR } from '../../support/fixed-clock';
import { expectDomainError } from '../../store/expect-domain-error';

const NOW = new Date('2026-03-20T09:00:00.000Z');

async function issueAt(core: Core, workerId: string, at: Date, firstName: string): Promise<string> {
  core.clock.set(at);
  const result = await core.issueSignal.execute(workerId, [aSignalForm({ firstName })]);
  if (!result.ok) throw new Error(`could not issue: ${JSON.stringify(result.errors)}`);
  return result.issued[0]!.signal.reference;
}

describe('ListMySignals', () => {
  let core: Core;
  beforeEach(async () => {
    core = await createCore();
  });

  it("lists only the worker's own signals of the last 14 days, newest first", async () => {
    await issueAt(core, VT_WORKER_ID, new Date(NOW.getTime() - 15 * DAY), 'Anna');
    const thirteenDays = await issueAt(core, VT_WORKER_ID, new Date(NOW.getTime() - 13 * DAY), 'Bram');
    const yesterday = await issueAt(core, VT_WORKER_ID, new Date(NOW.getTime() - DAY), 'Cas');
    const anHourAgo = await issueAt(core, VT_WORKER_ID, new Date(NOW.getTime() - HOUR), 'Dewi');
    await issueAt(core, OTHER_WORKER_ID, new Date(NOW.getTime() - 2 * HOUR), 'Eva');
    await core.dispatcher.idle();

    core.clock.set(NOW);
    const listed = await core.listMySignals.execute(VT_WORKER_ID);
    expect(listed.map((s) => s.reference)).toEqual([anHourAgo, yesterday, thirteenDays]);
    expect(listed.every((s) => s.issuedBy === VT_WORKER_ID)).toBe(true);
  });

  it('lists nothing for a worker who sent nothing recently', async () => {
    await issueAt(core, OTHER_WORKER_ID, new Date(NOW.getTime() - HOUR), 'Eva');
    core.clock.set(NOW);
    expect(await core.listMySignals.execute(VT_WORKER_ID)).toEqual([]);
  });

  it('audits the listing as a read by the worker', async () => {
    core.clock.set(NOW);
    await core.listMySignals.execute(VT_WORKER_ID, { origin: 'msteams:a:worker' });
    expect(core.audit.all).toEqual([{ at: NOW.toISOString(), actorId: VT_WORKER_ID, role: 'vt_worker', action: 'signal.list', result: 'ok', origin: 'msteams:a:worker' }]);
  });

  it('refuses someone without the vt_worker role', async () => {
    await expectDomainError(core.listMySignals.execute(PRIMARY_CONTACT_ID), ErrorCodes.roleRequired);
  });
});
