/**
 * The scheduler forgets the child when the moment comes: the store first (at once), Teams after
 * (every card that showed the name drawn again, retried like any card), and the admins are told
 * when a card keeps the name because Teams refuses the update for good.
 */
import { MessengerError } from '../../../src/ports';
import { MemoryDirectoryStore } from '../../../src/store/memory';
import { SignalCards } from '../../../bot/signal-cards';
import { visibleText } from '../../support/card-query';
import { BACKUP_CONTACT_ID, PRIMARY_CONTACT_ID, VT_WORKER_ID, aMember, memberId } from '../../fixtures/directory';
import { aSchoolDirectory, aSignalForm } from '../../fixtures/school-directory';
import { aChild } from '../../fixtures/signals';
import { createCore, type Core } from '../../support/core-harness';
import { MINUTE } from '../../support/fixed-clock';

const ADMIN_ID = memberId(20);
// Tuesday 3 March 2026, 10:00 in Amsterdam: the third school day after is Friday 6 March.
const ISSUED = new Date('2026-03-03T09:00:00.000Z');
const LATEST = new Date('2026-03-06T16:00:00.000Z');

describe('forgetting on time', () => {
  let core: Core;
  let signalId: string;

  beforeEach(async () => {
    const directory = aSchoolDirectory();
    directory.members.push(aMember({ aadObjectId: ADMIN_ID, name: 'Ada Beheer', roles: [{ role: 'admin' }] }));
    core = await createCore({ now: ISSUED, directory, knownChats: [PRIMARY_CONTACT_ID, BACKUP_CONTACT_ID, ADMIN_ID] });
    const result = await core.issueSignal.execute(VT_WORKER_ID, [aSignalForm()]);
    if (!result.ok) throw new Error('could not issue');
    signalId = result.issued[0]!.signal.id;
    await core.idle();
  });

  it('plans the latest moment at issue: 17:00 on the third school day after', async () => {
    expect((await core.stored(signalId)).redactAt).toBe(LATEST.toISOString());
  });

  it('moves it to 17:00 the same day when a contact picks the child up', async () => {
    core.clock.set('2026-03-03T10:00:00.000Z');
    await core.acknowledgeSignal.execute(PRIMARY_CONTACT_ID, signalId);
    expect((await core.stored(signalId)).redactAt).toBe('2026-03-03T16:00:00.000Z');
  });

  it('forgets nobody a minute early, then the store at once and both contacts\' cards in place', async () => {
    // Reminders, escalation and the support miss all fall before; the child stays until the moment.
    core.clock.set(new Date(LATEST.getTime() - MINUTE));
    await core.actOnDeadlines.runDue();
    await core.idle();
    expect((await core.stored(signalId)).child).toEqual(aChild());
    const sentBefore = core.messenger.calls.length;

    core.clock.set(LATEST);
    expect(await core.actOnDeadlines.runDue()).toBe(1);
    await core.idle();

    const stored = await core.stored(signalId);
    expect(stored.child).toBeUndefined();
    expect(stored.redactedAt).toBe(LATEST.toISOString());
    const redrawn = core.messenger.calls.slice(sentBefore).filter((c) => c.ok);
    expect(redrawn.map((c) => [c.memberId, c.kind]).sort()).toEqual([
      [PRIMARY_CONTACT_ID, 'update'],
      [BACKUP_CONTACT_ID, 'update'],
    ].sort());
    expect(core.audit.all.map((e) => e.action)).toContain('signal.deadline:redacted');
    expect(JSON.stringify(core.audit.all)).not.toContain(aChild().lastName);
  });

  it("keeps the store forgotten when Teams refuses an update for good, and tells the admins the name may still be in that chat", async () => {
    core.messenger.failFor(BACKUP_CONTACT_ID, new MessengerError('http_403_BotNotInConversationRoster', false));
    core.clock.set(LATEST);

    await core.actOnDeadlines.runDue();
    await core.idle();

    const stored = await core.stored(signalId);
    expect(stored.child).toBeUndefined();
    const failed = stored.deliveries.find((d) => d.recipientId === BACKUP_CONTACT_ID && d.role === 'school_contact')!;
    expect(failed.status).toBe('failed');
    const alert = stored.deliveries.find((d) => d.recipientId === ADMIN_ID)!;
    expect(alert).toMatchObject({ view: 'delivery_alert', about: failed.key, status: 'sent' });

    const card = await new SignalCards(core.directory as MemoryDirectoryStore).forView(stored, 'delivery_alert', 'nl', LATEST, undefined, alert.about);
    const text = visibleText(card);
    expect(text).toContain('kon niet uit de kaart');
    expect(text).toContain(stored.reference);
    expect(text).not.toContain(aChild().firstName);
  });
});
