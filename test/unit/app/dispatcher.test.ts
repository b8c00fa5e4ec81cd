import { SchoolTime } from '../../../src/app/school-time';
import { DISPATCH_LEASE_MS } from '../../../src/app/dispatcher';
import { Dispatcher } from '../../../src/app/dispatcher';
import { type Delivery, type Signal } from '../../../src/domain/signal';
import { leaseDueDeliveries } from '../../../src/domain/signal.deliveries';
import { MessengerError } from '../../../src/ports';
import { aSignal } from '../../fixtures/signals';
import { BACKUP_CONTACT_ID, PRIMARY_CONTACT_ID, VT_WORKER_ID, aSignalForm } from '../../fixtures/school-directory';
import { createCore, fakeCard, renderViewOnly, type Core } from '../../support/core-harness';
import { MINUTE, SECOND } from '../../support/fixed-clock';

const throttled = (retryAfterMs?: number) => new MessengerError('http_429', true, retryAfterMs);
const notInRoster = () => new MessengerError('http_403_BotNotInConversationRoster', false);

async function issue(core: Core): Promise<Signal> {
  const result = await core.issueSignal.execute(VT_WORKER_ID, [aSignalForm()]);
  if (!result.ok) throw new Error(`could not issue: ${JSON.stringify(result.errors)}`);
  return result.issued[0]!.signal;
}

async function deliveryTo(core: Core, signalId: string, recipientId: string): Promise<Delivery> {
  const found = (await core.stored(signalId)).deliveries.find((d) => d.recipientId === recipientId);
  if (!found) throw new Error(`no delivery to ${recipientId}`);
  return found;
}

describe('Dispatcher', () => {
  let core: Core;
  beforeEach(async () => {
    core = await createCore();
  });

  describe('when Teams throttles (429 with Retry-After)', () => {
    it('schedules the next attempt no earlier than Teams asked, and counts the attempt', async () => {
      core.messenger.failFor(BACKUP_CONTACT_ID, throttled(120 * SECOND), 1);
      const issuedAt = core.clock.now().getTime();
      const signal = await issue(core);
      await core.dispatcher.idle();

      const backup = await deliveryTo(core, signal.id, BACKUP_CONTACT_ID);
      expect(backup).toMatchObject({ status: 'pending', attempts: 1, lastError: 'http_429' });
      expect(new Date(backup.nextAttemptAt!).getTime()).toBeGreaterThanOrEqual(issuedAt + 120 * SECOND);
      expect((await core.stored(signal.id)).dispatchDueAt).toBe(backup.nextAttemptAt);
      expect(core.messenger.delivered(BACKUP_CONTACT_ID)).toEqual([]);
      expect(core.messenger.delivered(PRIMARY_CONTACT_ID)).toHaveLength(1);
    });

    it('leaves it alone until then, and delivers it on the relay tick after', async () => {
      core.messenger.failFor(BACKUP_CONTACT_ID, throttled(120 * SECOND), 1);
      const signal = await issue(core);
      await core.dispatcher.idle();
      const retryAt = (await deliveryTo(core, signal.id, BACKUP_CONTACT_ID)).nextAttemptAt!;

      core.clock.set(new Date(new Date(retryAt).getTime() - 1));
      expect(await core.dispatcher.relayDue()).toBe(0);
      expect(core.messenger.attemptsTo(BACKUP_CONTACT_ID)).toHaveLength(1);

      core.clock.set(retryAt);
      expect(await core.dispatcher.relayDue()).toBe(1);
      expect(core.messenger.delivered(BACKUP_CONTACT_ID).map((c) => [c.kind, fakeCard(c).view])).toEqual([['send', 'signal']]);
      expect(await deliveryTo(core, signal.id, BACKUP_CONTACT_ID)).toMatchObject({ status: 'sent', attempts: 0, shownView: 'signal' });
      expect((await core.stored(signal.id)).dispatchDueAt).toBeUndefined();
    });

    it('backs off on its own when Teams gives no Retry-After', async () => {
      core.messenger.failFor(BACKUP_CONTACT_ID, new MessengerError('http_502', true), 1);
      const issuedAt = core.clock.now().getTime();
      const signal = await issue(core);
      await core.dispatcher.idle();
      const backup = await deliveryTo(core, signal.id, BACKUP_CONTACT_ID);
      expect(new Date(backup.nextAttemptAt!).getTime()).toBeGreaterThan(issuedAt);
      expect(backup).toMatchObject({ status: 'pending', attempts: 1, lastError: 'http_502' });
    });
  });

  it('marks a delivery failed on a final error (403) and never tries it again', async () => {
    core.messenger.failFor(BACKUP_CONTACT_ID, notInRoster());
    const signal = await issue(core);
    await core.dispatcher.idle();

    const backup = await deliveryTo(core, signal.id, BACKUP_CONTACT_ID);
    expect(backup).toMatchObject({ status: 'failed', lastError: 'http_403_BotNotInConversationRoster' });
    expect(backup.nextAttemptAt).toBeUndefined();
    const stored = await core.stored(signal.id);
    expect(stored.timeline.filter((e) => e.type === 'delivery_failed').map((e) => e.subjectId)).toEqual([BACKUP_CONTACT_ID]);
    expect(stored.dispatchDueAt).toBeUndefined();

    core.clock.advance(24 * 60 * MINUTE);
    expect(await core.dispatcher.relayDue()).toBe(0);
    expect(core.messenger.attemptsTo(BACKUP_CONTACT_ID)).toHaveLength(1);
  });

  it('opens a personal chat with a member whose conversation is unknown, stores it and delivers there', async () => {
    core = await createCore({ knownChats: [PRIMARY_CONTACT_ID] });
    const signal = await issue(core);
    await core.dispatcher.idle();

    expect(core.messenger.openedChats).toEqual([BACKUP_CONTACT_ID]);
    const stored = await core.directory.getConversation(BACKUP_CONTACT_ID);
    expect(stored?.conversationId).toBe(`a:opened-${BACKUP_CONTACT_ID}`);
    expect(core.messenger.delivered(BACKUP_CONTACT_ID).map((c) => c.conversationId)).toEqual([`a:opened-${BACKUP_CONTACT_ID}`]);
    expect(await deliveryTo(core, signal.id, BACKUP_CONTACT_ID)).toMatchObject({ status: 'sent', conversationId: `a:opened-${BACKUP_CONTACT_ID}` });
  });

  it('uses the stored chat next time rather than opening another', async () => {
    core = await createCore({ knownChats: [PRIMARY_CONTACT_ID] });
    await issue(core);
    await core.dispatcher.idle();
    await issue(core);
    await core.dispatcher.idle();
    expect(core.messenger.openedChats).toEqual([BACKUP_CONTACT_ID]);
    expect(core.messenger.delivered(BACKUP_CONTACT_ID)).toHaveLength(2);
  });

  it('records the delivery as failed when the chat cannot be opened (app not installed)', async () => {
    core = await createCore({ knownChats: [PRIMARY_CONTACT_ID] });
    core.messenger.cannotOpenChatWith(BACKUP_CONTACT_ID);
    const signal = await issue(core);
    await core.dispatcher.idle();

    expect(await deliveryTo(core, signal.id, BACKUP_CONTACT_ID)).toMatchObject({ status: 'failed', lastError: 'http_403_BotNotInConversationRoster' });
    expect(await core.directory.getConversation(BACKUP_CONTACT_ID)).toBeUndefined();
    expect(core.messenger.attemptsTo(BACKUP_CONTACT_ID)).toEqual([]);
    expect((await core.stored(signal.id)).state).toBe('delivered');
  });

  it('does not pick up deliveries another dispatcher still holds a lease on, and does once the lease ran out', async () => {
    const leasedAt = core.clock.now();
    // Another instance leased the deliveries and then went quiet (busy, or crashed).
    const leased = leaseDueDeliveries(aSignal({ now: leasedAt }), leasedAt, new Date(leasedAt.getTime() + DISPATCH_LEASE_MS));
    await core.signals.create(leased);

    core.clock.advance(DISPATCH_LEASE_MS - 1);
    expect(await core.dispatcher.relayDue()).toBe(0);
    expect(core.messenger.calls).toEqual([]);

    core.clock.advance(1);
    expect(await core.dispatcher.relayDue()).toBe(1);
    expect(core.messenger.calls.map((c) => [c.memberId, c.kind])).toEqual([
      [PRIMARY_CONTACT_ID, 'send'],
      [BACKUP_CONTACT_ID, 'send'],
    ]);
  });

  it('lets only one of two dispatchers relaying at once send each card', async () => {
    const signal = aSignal({ now: core.clock.now() });
    await core.signals.create(signal);
    const other = new Dispatcher({
      signals: core.signals,
      directory: core.directory,
      messenger: core.messenger,
      schoolTime: new SchoolTime(core.directory, { quietTime: false }),
      render: renderViewOnly,
      clock: core.clock,
      logger: core.logger,
      jitter: () => 0,
      audit: core.audit,
    });
    const handled = await Promise.all([core.dispatcher.relayDue(), other.relayDue()]);
    expect(handled.sort()).toEqual([0, 1]);
    expect(core.messenger.attemptsTo(PRIMARY_CONTACT_ID)).toHaveLength(1);
    expect(core.messenger.attemptsTo(BACKUP_CONTACT_ID)).toHaveLength(1);
  });

  it('gives up after 8 attempts and records the delivery as failed', async () => {
    core.messenger.failFor(BACKUP_CONTACT_ID, new MessengerError('http_502', true));
    const signal = await issue(core);
    await core.dispatcher.idle();

    for (let tick = 0; tick < 20; tick++) {
      const backup = await deliveryTo(core, signal.id, BACKUP_CONTACT_ID);
      if (backup.status === 'failed') break;
      core.clock.set(backup.nextAttemptAt!);
      await core.dispatcher.relayDue();
    }

    expect(core.messenger.attemptsTo(BACKUP_CONTACT_ID)).toHaveLength(8);
    expect(await deliveryTo(core, signal.id, BACKUP_CONTACT_ID)).toMatchObject({ status: 'failed', lastError: 'http_502' });
    core.clock.advance(24 * 60 * MINUTE);
    expect(await core.dispatcher.relayDue()).toBe(0);
    expect(core.messenger.attemptsTo(BACKUP_CONTACT_ID)).toHaveLength(8);
  });

  it('logs failed attempts with ids and codes only, never the child', async () => {
    core.messenger.failFor(BACKUP_CONTACT_ID, notInRoster());
    const signal = await issue(core);
    await core.dispatcher.idle();
    const warning = core.logger.lines.find((l) => l.message === 'delivery attempt failed');
    expect(warning?.fields).toMatchObject({ signalId: signal.id, recipientId: BACKUP_CONTACT_ID, code: 'http_403_BotNotInConversationRoster' });
    expect(core.logger.json).not.toContain('Noor');
    expect(core.logger.json).not.toContain('2016-05-14');
  });
});
