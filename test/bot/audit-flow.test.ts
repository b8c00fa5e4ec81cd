/**
 * The audit trail of a whole signal, through the bot as Teams drives it: every entry says in which
 * role its actor acted and carries a correlation id — one per incoming activity, or the dispatch's
 * lease id for a card the dispatcher delivered — and a card that names the child is a read.
 */
import type { Lease } from '../../src/app/dispatcher';
import type { AuditEntry } from '../../src/ports';
import { aMember, memberId } from '../fixtures/directory';
import { aChild } from '../fixtures/signals';
import { BACKUP_CONTACT_ID, PRIMARY_CONTACT_ID, SCHOOL_ID, VT_WORKER_ID, aSchoolDirectory } from '../fixtures/school-directory';
import { BotHarness, TENANT_ID, conversationIdOf, type ChatUser } from '../support/bot-harness';
import { visibleText } from '../support/card-query';

const ADMIN_ID = memberId(20);
const admin: ChatUser = { aadObjectId: ADMIN_ID, name: 'Ans Beheer' };
const worker: ChatUser = { aadObjectId: VT_WORKER_ID, name: 'Petra Jansen' };
const primary: ChatUser = { aadObjectId: PRIMARY_CONTACT_ID, name: 'Anouk de Wit' };
const backup: ChatUser = { aadObjectId: BACKUP_CONTACT_ID, name: 'Jeroen Smit' };
const child = aChild();

describe('the audit trail of a signal from issue to support', () => {
  let hwc: BotHarness;
  /** The leases of the dispatches the issue started (jest clears spies between tests, so kept here). */
  let issueLeaseIds: string[] = [];
  let signalId = '';
  let reference = '';
  /** The entries each step of the flow appended. */
  const steps: Record<string, AuditEntry[]> = {};

  /** Runs one step (one or more turns) and keeps the audit entries it appended, deliveries included. */
  async function step(name: string, act: () => Promise<unknown>): Promise<AuditEntry[]> {
    const from = hwc.core.audit.all.length;
    await act();
    await hwc.core.idle();
    steps[name] = hwc.core.audit.all.slice(from);
    return steps[name];
  }

  beforeAll(async () => {
    const directory = aSchoolDirectory();
    directory.members.push(aMember({ aadObjectId: ADMIN_ID, name: 'Ans Beheer', roles: [{ role: 'admin' }] }));
    hwc = await BotHarness.create({ directory });
    const leases = jest.spyOn(hwc.core.dispatcher, 'lease');

    const form = { children: 1, firstName_0: child.firstName, lastName_0: child.lastName, birthDate_0: child.birthDate, schoolId_0: SCHOOL_ID };
    await step('issue', async () => {
      const answer = await hwc.press(worker, 'signal.submit', form, 'form-message-1');
      reference = /HWC-[A-Z0-9]{5}/.exec(visibleText(answer.invokeResponse!.body.value))?.[0] ?? '';
    });
    issueLeaseIds = leases.mock.results.map((r) => (r.value as Lease).id);
    leases.mockRestore();
    signalId = (await hwc.core.signals.getByReference(reference))!.value.id;
    // The primary contact presses on their own card, as Teams names it (replyToId).
    const primaryCard = (await hwc.core.pressOnCard(signalId, primary.aadObjectId)).messageId;
    await step('acknowledge', () => hwc.press(primary, 'signal.acknowledge', { signalId }, primaryCard));
    await step('late colleague', () => hwc.press(backup, 'signal.acknowledge', { signalId }));
    await step('support', () => hwc.press(primary, 'support.save', { signalId, categories: 'quiet_place', priorConcern: 'no' }, primaryCard));
    await step('status', () => hwc.say(worker, 'status'));
    await step('trail', () => hwc.say(admin, `audit ${reference}`));
    await step('dropped', () =>
      hwc.turn(worker, { type: 'message', text: 'signaal', conversation: { id: '19:group', conversationType: 'groupChat', tenantId: TENANT_ID, isGroup: true, name: '' } }),
    );
  });

  it('records a role and a correlation id on every entry; only the activity dropped at the door has no role', () => {
    const all = hwc.core.audit.all;
    expect(all.length).toBeGreaterThan(8);
    for (const entry of all) expect(entry.correlationId).toEqual(expect.any(String));
    expect(all.filter((e) => e.role === undefined)).toEqual([expect.objectContaining({ action: 'activity.message', result: 'refused' })]);
  });

  it('names the role each request was made in', () => {
    const roleOf = (action: string) => [...new Set(hwc.core.audit.all.filter((e) => e.action === action).map((e) => e.role))];

    expect(roleOf('signal.issue')).toEqual(['vt_worker']);
    expect(roleOf('signal.acknowledge')).toEqual(['school_contact']);
    expect(roleOf('signal.support')).toEqual(['school_contact']);
    expect(roleOf('signal.list')).toEqual(['vt_worker']);
    expect(roleOf('audit.read')).toEqual(['admin']);
  });

  it("records each delivered card that names the child as read by its recipient, in the card's role, from their chat", () => {
    const shown = steps.issue!.filter((e) => e.action === 'card.shown');

    expect(shown.map((e) => e.actorId).sort()).toEqual([PRIMARY_CONTACT_ID, BACKUP_CONTACT_ID].sort());
    for (const entry of shown) {
      expect(entry).toMatchObject({ role: 'school_contact', objectId: reference, result: 'ok', origin: `msteams:a:personal-${entry.actorId}` });
    }
    // The dispatch that delivered them is the correlation: its lease id.
    expect(issueLeaseIds.length).toBeGreaterThan(0);
    for (const entry of shown) expect(issueLeaseIds).toContain(entry.correlationId);
  });

  it('does not count a card without the child as a read: the colleague’s card changing to "taken" leaves no entry', () => {
    expect(steps.acknowledge!.map((e) => e.action)).toEqual(['signal.acknowledge']);
  });

  it('gives the entries of one incoming activity one correlation id, and each activity its own', () => {
    // The colleague one moment too late: a refused acknowledgement, then the card showing who has it.
    const late = steps['late colleague']!;
    expect(late.map((e) => [e.action, e.result])).toEqual([
      ['signal.acknowledge', 'refused'],
      ['signal.view', 'ok'],
    ]);
    expect(new Set(late.map((e) => e.correlationId)).size).toBe(1);

    const perTurn = ['acknowledge', 'late colleague', 'support', 'status', 'trail', 'dropped'].map((name) => steps[name]![0]!.correlationId);
    expect(new Set(perTurn).size).toBe(perTurn.length);
  });

  it('keeps where each request came from: the personal chat, or where a dropped activity was sent', () => {
    expect(steps.support![0]).toMatchObject({ origin: `msteams:${conversationIdOf(primary)}` });
    expect(steps.dropped).toEqual([expect.objectContaining({ actorId: VT_WORKER_ID, origin: 'msteams:not_personal' })]);
  });

  it("never holds the child's name or birth date", () => {
    for (const secret of [child.firstName, child.lastName, child.birthDate]) expect(hwc.core.audit.json).not.toContain(secret);
  });
});
