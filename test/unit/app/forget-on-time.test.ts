/**
 * The scheduler forgets the child when the moment comes: the store first (at once), Teams after
 * (every card that showed the name drawn again, retried like any card), and the admins are told
 * when a card keeps the name because Teams refuses the update for good.
 */
import { MessengerError } from '../../../src/ports';
import { MemoryDirectoryStore } from '../../../src/store/memory';
import { SignalCards } from '../../../bot/signal-cards';
import { deliveryRenderer } from '../../../bot/render-delivery';
import { visibleText } from '../../support/card-query';
import { BACKUP_CONTACT_ID, LEERPLICHT_OFFICER_ID, MUNICIPALITY_ID, PRIMARY_CONTACT_ID, SCHOOL_ID, VT_WORKER_ID, aCoordinator, aMember, memberId } from '../../fixtures/directory';
import { aRoutingDirectory, aSchoolDirectory, aSignalForm } from '../../fixtures/school-directory';
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
    // The admin's alert about that card (the admin also had the escalation: no coordinator here).
    const alert = stored.deliveries.find((d) => d.recipientId === ADMIN_ID && d.about !== undefined)!;
    expect(alert).toMatchObject({ view: 'name_alert', about: failed.key, status: 'sent' });

    const card = await new SignalCards(core.directory as MemoryDirectoryStore).forView(stored, alert.view, 'nl', LATEST, undefined, alert.about);
    const text = visibleText(card);
    expect(text).toContain('kon niet uit de kaart');
    expect(text).toContain(stored.reference);
    expect(text).not.toContain(aChild().firstName);
  });

  it("redraws a card whose update to 'taken' failed for good, and tells the admins again when the name stays", async () => {
    const render = new SignalCards(core.directory as MemoryDirectoryStore);
    const alertTexts = async () => {
      const stored = await core.stored(signalId);
      const alerts = stored.deliveries.filter((d) => d.recipientId === ADMIN_ID);
      return Promise.all(alerts.map(async (a) => visibleText(await render.forView(stored, a.view, 'nl', core.clock.now(), undefined, a.about))));
    };
    // The backup's card shows the child; the primary picks it up and the backup's update fails for good.
    core.messenger.failFor(BACKUP_CONTACT_ID, new MessengerError('http_400_BadRequest', false));
    core.clock.set('2026-03-03T10:00:00.000Z');
    await core.acknowledgeSignal.execute(PRIMARY_CONTACT_ID, signalId);
    await core.idle();
    const backupCard = () => core.stored(signalId).then((s) => s.deliveries.find((d) => d.recipientId === BACKUP_CONTACT_ID && d.role === 'school_contact')!);
    expect(await backupCard()).toMatchObject({ view: 'taken', shownView: 'signal', status: 'failed' });
    const first = await alertTexts();
    expect(first).toHaveLength(1);
    expect(first[0]).not.toContain('kon niet uit de kaart');
    const triedBefore = core.messenger.attemptsTo(BACKUP_CONTACT_ID).length;

    core.clock.set('2026-03-03T16:00:00.000Z');
    await core.actOnDeadlines.runDue();
    await core.idle();

    // Forgetting tries the card again (Teams still shows the name there) ...
    expect(core.messenger.attemptsTo(BACKUP_CONTACT_ID).slice(triedBefore).map((c) => c.kind)).toEqual(['update']);
    expect((await backupCard()).status).toBe('failed');
    // ... and since it failed again, the admins hear that the name could not be removed.
    const after = await alertTexts();
    expect(after).toHaveLength(2);
    expect(after[1]).toContain('kon niet uit de kaart');
    expect(core.messenger.delivered(ADMIN_ID)).toHaveLength(2);
  });

  it('draws the card again once Teams takes the update, so no alert is needed', async () => {
    core.messenger.failFor(BACKUP_CONTACT_ID, new MessengerError('http_400_BadRequest', false), 1);
    core.clock.set('2026-03-03T10:00:00.000Z');
    await core.acknowledgeSignal.execute(PRIMARY_CONTACT_ID, signalId);
    await core.idle();
    const triedBefore = core.messenger.attemptsTo(BACKUP_CONTACT_ID).length;

    core.clock.set('2026-03-03T16:00:00.000Z');
    await core.actOnDeadlines.runDue();
    await core.idle();

    expect(core.messenger.attemptsTo(BACKUP_CONTACT_ID).slice(triedBefore).map((c) => [c.kind, c.ok])).toEqual([['update', true]]);
    const backup = (await core.stored(signalId)).deliveries.find((d) => d.recipientId === BACKUP_CONTACT_ID && d.role === 'school_contact')!;
    expect(backup).toMatchObject({ view: 'taken', shownView: 'taken', status: 'sent' });
    expect(core.messenger.delivered(ADMIN_ID)).toHaveLength(1);
  });
});

describe('forgetting a signal that changed after the scheduler read it', () => {
  // Same week as above: issued Tuesday 10:00, forgotten at the latest Friday 17:00.
  let core: Core;
  let signalId: string;
  /** Runs once, between the scheduler's read of due signals and its write. */
  let inBetween: (() => Promise<void>) | undefined;

  beforeEach(async () => {
    inBetween = undefined;
    const directory = aRoutingDirectory();
    directory.members.push(aMember({ aadObjectId: ADMIN_ID, name: 'Ada Beheer', roles: [{ role: 'admin' }] }));
    core = await createCore({
      now: ISSUED,
      directory,
      knownChats: [PRIMARY_CONTACT_ID, BACKUP_CONTACT_ID, VT_WORKER_ID, LEERPLICHT_OFFICER_ID, ADMIN_ID],
      wrapSignals: (store) =>
        new Proxy(store, {
          get(target, property) {
            if (property === 'listDeadlinesDue') {
              return async (now: Date, limit: number) => {
                const due = await target.listDeadlinesDue(now, limit);
                const act = inBetween;
                inBetween = undefined;
                if (act) await act();
                return due;
              };
            }
            const value: unknown = Reflect.get(target, property, target);
            return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
          },
        }),
    });
    const result = await core.issueSignal.execute(VT_WORKER_ID, [aSignalForm({ schoolId: `leerplicht:${MUNICIPALITY_ID}` })]);
    if (!result.ok) throw new Error('could not issue');
    signalId = result.issued[0]!.signal.id;
    core.clock.set('2026-03-03T09:30:00.000Z');
    await core.routeSignal.forward(LEERPLICHT_OFFICER_ID, signalId, SCHOOL_ID);
    await core.idle();
  });

  it('still tells the worker when the school sent it back to leerplicht meanwhile and it expires', async () => {
    core.clock.set(new Date(LATEST.getTime() - MINUTE));
    await core.actOnDeadlines.runDue();
    await core.idle();
    expect((await core.stored(signalId)).state).toBe('delivered');

    core.clock.set(LATEST);
    inBetween = async () => {
      await core.bounceSignal.execute(PRIMARY_CONTACT_ID, signalId);
    };
    await core.actOnDeadlines.runDue();
    await core.idle();

    const stored = await core.stored(signalId);
    expect(stored).toMatchObject({ state: 'unroutable', unroutable: { reason: 'expired' } });
    expect(stored.child).toBeUndefined();
    expect(stored.deliveries.filter((d) => d.role === 'vt_worker').map((d) => [d.recipientId, d.view, d.status])).toEqual([
      [VT_WORKER_ID, 'unroutable_notice', 'sent'],
    ]);
  });

  it('draws the cards again at once even when the audit log fails', async () => {
    const append = core.audit.append.bind(core.audit);
    core.audit.append = async (entry) => {
      if (entry.action.startsWith('signal.deadline')) throw new Error('audit store down');
      return append(entry);
    };
    core.clock.set(new Date(LATEST.getTime() - MINUTE));
    await core.actOnDeadlines.runDue();
    await core.idle();
    const callsBefore = core.messenger.calls.length;

    core.clock.set(LATEST);
    await core.actOnDeadlines.runDue();
    await core.idle();

    expect((await core.stored(signalId)).child).toBeUndefined();
    const redrawn = core.messenger.calls.slice(callsBefore).filter((c) => c.ok && c.kind === 'update');
    expect(redrawn.map((c) => c.memberId).sort()).toEqual([PRIMARY_CONTACT_ID, BACKUP_CONTACT_ID].sort());
    expect(core.logger.lines.some((l) => l.level === 'error')).toBe(true);
  });

  it('still tells the admins about a copy that may name the child when the send in doubt was recorded meanwhile', async () => {
    // With a coordinator the admins are not needed for an escalation: only the copy can call them.
    await core.directory.upsertMembers([aCoordinator()]);
    core.clock.set(LATEST);
    inBetween = async () => {
      // A send to the primary contact given up on just now, after the forgetting loop read the signal.
      const stored = await core.signals.get(signalId);
      const doubted = stored!.value.deliveries.map((d) => (d.recipientId === PRIMARY_CONTACT_ID ? { ...d, inDoubtSends: 1 } : d));
      await core.signals.replace({ ...stored!.value, deliveries: doubted }, stored!.etag);
    };
    await core.actOnDeadlines.forgetDue();
    await core.idle();

    const stored = await core.stored(signalId);
    expect(stored.child).toBeUndefined();
    expect(stored.deliveries.filter((d) => d.view === 'name_alert').map((d) => [d.recipientId, d.about])).toEqual([
      [ADMIN_ID, stored.deliveries.find((d) => d.recipientId === PRIMARY_CONTACT_ID && d.role === 'school_contact')!.key],
    ]);
  });
});

describe('a card drawn with the child whose turn comes after the moment to forget', () => {
  it('is not sent with the name: it is drawn again without the child and sent once, the wait not counted as an attempt', async () => {
    const core = await createCore({
      now: ISSUED,
      knownChats: [PRIMARY_CONTACT_ID, BACKUP_CONTACT_ID],
      render: ({ directory, clock }) => deliveryRenderer(new SignalCards(directory), clock, 'nl'),
    });
    // The primary contact's card waits for its turn (a full rate budget) until past the moment.
    const turn = core.messenger.holdNextCallTo(PRIMARY_CONTACT_ID);
    const result = await core.issueSignal.execute(VT_WORKER_ID, [aSignalForm()]);
    if (!result.ok) throw new Error('could not issue');
    const signalId = result.issued[0]!.signal.id;
    await turn.reached;
    core.clock.set(new Date(LATEST.getTime() + MINUTE));
    turn.release();
    await core.idle();

    // Not sent as drawn: drawn again, without the child, and sent once.
    const [sent, ...more] = core.messenger.attemptsTo(PRIMARY_CONTACT_ID);
    expect(more).toEqual([]);
    expect(sent).toMatchObject({ kind: 'send', ok: true });
    expect((await core.stored(signalId)).deliveries.find((d) => d.recipientId === PRIMARY_CONTACT_ID)).toMatchObject({ status: 'sent', attempts: 0 });
    for (const data of [aChild().firstName, aChild().lastName]) expect(visibleText(sent!.card as Record<string, unknown>)).not.toContain(data);
  });
});

describe('a send of a card with the child whose outcome turns out in doubt only after the child was forgotten', () => {
  it('still tells the admins, and the audit trail, that a copy with the name may remain', async () => {
    // One contact at the school: only her card is on its way.
    const directory = aSchoolDirectory();
    directory.members = directory.members.filter((m) => m.aadObjectId !== BACKUP_CONTACT_ID);
    directory.members.push(aMember({ aadObjectId: ADMIN_ID, name: 'Ada Beheer', roles: [{ role: 'admin' }] }), aCoordinator());
    const core = await createCore({ now: ISSUED, directory, knownChats: [PRIMARY_CONTACT_ID, ADMIN_ID] });
    // The primary contact's card is on its way (drawn with the child) when the moment comes; then
    // the call is given up on: Teams may have posted it.
    const call = core.messenger.holdNextCallTo(PRIMARY_CONTACT_ID);
    core.messenger.failFor(PRIMARY_CONTACT_ID, new MessengerError('timeout', true, undefined, true), 1);
    const result = await core.issueSignal.execute(VT_WORKER_ID, [aSignalForm()]);
    if (!result.ok) throw new Error('could not issue');
    const signalId = result.issued[0]!.signal.id;
    await call.reached;
    core.clock.set(LATEST);
    await core.actOnDeadlines.forgetDue();
    expect((await core.stored(signalId)).child).toBeUndefined();

    call.release();
    await core.idle();

    const stored = await core.stored(signalId);
    const card = stored.deliveries.find((d) => d.recipientId === PRIMARY_CONTACT_ID && d.role === 'school_contact')!;
    // In doubt twice here: the test's clock jumps days while the call is held, so its lease ran out too.
    expect(card.inDoubtSends).toBeGreaterThan(0);
    expect(stored.deliveries.filter((d) => d.view === 'name_alert').map((d) => [d.recipientId, d.about])).toEqual([[ADMIN_ID, card.key]]);
    expect(core.audit.all.filter((e) => e.action === 'card.copy_unaccounted')).toEqual([
      expect.objectContaining({ actorId: PRIMARY_CONTACT_ID, role: 'school_contact', objectId: stored.reference, result: 'failed' }),
    ]);
  });
});
