/**
 * An escalation never goes to nobody: in a municipality without a coordinator the admins get the
 * card instead (reference, school, contacts — never the child), with no button to take it on.
 */
import { SignalCards } from '../../../bot/signal-cards';
import { MemoryAuditLog, MemoryDirectoryStore } from '../../../src/store/memory';
import { importDirectory } from '../../../src/app/import-directory';
import { visibleText } from '../../support/card-query';
import { BACKUP_CONTACT_ID, COORDINATOR_ID, PRIMARY_CONTACT_ID, VT_WORKER_ID, aCoordinator, aMember, memberId } from '../../fixtures/directory';
import { aSchoolDirectory, aSignalForm } from '../../fixtures/school-directory';
import { createCore, type Core } from '../../support/core-harness';

const ADMIN_ID = memberId(20);
const ISSUED = new Date('2026-03-03T09:00:00.000Z'); // Tuesday 10:00 in Amsterdam

async function issuedAndOverdue(withCoordinator: boolean): Promise<{ core: Core; signalId: string }> {
  const directory = aSchoolDirectory();
  directory.members.push(aMember({ aadObjectId: ADMIN_ID, name: 'Ada Beheer', roles: [{ role: 'admin' }] }));
  if (withCoordinator) directory.members.push(aCoordinator());
  const core = await createCore({ now: ISSUED, directory, knownChats: [PRIMARY_CONTACT_ID, BACKUP_CONTACT_ID, ADMIN_ID, COORDINATOR_ID] });
  const result = await core.issueSignal.execute(VT_WORKER_ID, [aSignalForm()]);
  if (!result.ok) throw new Error('could not issue');
  const signalId = result.issued[0]!.signal.id;
  await core.idle();
  core.clock.set('2026-03-04T10:00:00.000Z'); // long past the next morning's due time, nobody picked it up
  await core.actOnDeadlines.runDue();
  await core.idle();
  return { core, signalId };
}

describe('escalation', () => {
  it('goes to the admins when the municipality has no coordinator, as a card without a button and without the child', async () => {
    const { core, signalId } = await issuedAndOverdue(false);
    const signal = await core.stored(signalId);
    const toAdmin = signal.deliveries.filter((d) => d.recipientId === ADMIN_ID && d.view === 'escalation_no_coordinator');
    expect(toAdmin).toHaveLength(1);
    expect(toAdmin[0]!.status).toBe('sent');

    const directory = new MemoryDirectoryStore(new MemoryAuditLog());
    await importDirectory(directory, aSchoolDirectory());
    const card = await new SignalCards(directory).forView(signal, 'escalation_no_coordinator', 'nl', core.clock.now());
    const text = visibleText(card);
    expect(text).toContain('geen coördinator');
    expect(text).toContain(signal.reference);
    expect(text).not.toContain(signal.child?.firstName ?? 'never');
    expect(JSON.stringify(card)).not.toContain('escalation.take');
  });

  it('goes to the coordinators, not the admins, when there is one', async () => {
    const { core, signalId } = await issuedAndOverdue(true);
    const signal = await core.stored(signalId);
    expect(signal.deliveries.filter((d) => d.view === 'escalation').map((d) => d.recipientId)).toEqual([COORDINATOR_ID]);
    expect(signal.deliveries.some((d) => d.recipientId === ADMIN_ID)).toBe(false);
  });
});
