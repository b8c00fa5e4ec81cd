import { SchoolTime } from '../../../src/app/school-time';
/** A delivered card that names the child is a read of the child's identity by its recipient: `card.shown`. */
import { Dispatcher } from '../../../src/app/dispatcher';
import type { Signal } from '../../../src/domain/signal';
import { MessengerError, type AuditEntry } from '../../../src/ports';
import { MemoryAuditLog } from '../../../src/store/memory';
import { LEERPLICHT_OFFICER_ID } from '../../fixtures/directory';
import { aSignal, aSignalViaLeerplicht } from '../../fixtures/signals';
import { BACKUP_CONTACT_ID, PRIMARY_CONTACT_ID, aRoutingDirectory } from '../../fixtures/school-directory';
import { createCore, renderViewOnly, type Core } from '../../support/core-harness';
import { SECOND } from '../../support/fixed-clock';

/** An audit store that is down. */
class UnavailableAuditLog extends MemoryAuditLog {
  override async append(): Promise<void> {
    throw new Error('audit store unavailable');
  }
}

const shownTo = (core: Core, memberId: string): AuditEntry[] =>
  core.audit.all.filter((e) => e.action === 'card.shown' && e.actorId === memberId);

describe('Dispatcher: cards that name the child', () => {
  let core: Core;
  beforeEach(async () => {
    core = await createCore();
  });

  it("records a leerplicht officer's route card as read by the officer, in that role, from their chat", async () => {
    // A directory in which the officer holds the leerplicht role: a card goes only to someone who does.
    core = await createCore({ directory: aRoutingDirectory() });
    const signal = aSignalViaLeerplicht({ now: core.clock.now() });
    await core.signals.create(signal);

    await core.dispatcher.relayDue();

    expect(shownTo(core, LEERPLICHT_OFFICER_ID)).toEqual([
      {
        at: core.clock.now().toISOString(),
        actorId: LEERPLICHT_OFFICER_ID,
        role: 'leerplicht',
        action: 'card.shown',
        objectId: signal.reference,
        result: 'ok',
        origin: `msteams:${core.messenger.calls[0]!.conversationId}`,
        correlationId: expect.any(String),
      },
    ]);
  });

  it('records nothing for a card Teams did not take, and the read once a retry delivers it, under that dispatch', async () => {
    core.messenger.failFor(BACKUP_CONTACT_ID, new MessengerError('http_429', true, 60 * SECOND), 1);
    await core.signals.create(aSignal({ now: core.clock.now() }));
    await core.dispatcher.relayDue();

    expect(shownTo(core, PRIMARY_CONTACT_ID)).toHaveLength(1);
    expect(shownTo(core, BACKUP_CONTACT_ID)).toEqual([]);

    core.clock.advance(60 * SECOND);
    await core.dispatcher.relayDue();

    const [retried] = shownTo(core, BACKUP_CONTACT_ID);
    expect(retried).toMatchObject({ role: 'school_contact', result: 'ok' });
    expect(retried!.correlationId).not.toBe(shownTo(core, PRIMARY_CONTACT_ID)[0]!.correlationId);
  });

  it('records nothing for a card about a signal that no longer holds the child', async () => {
    const withoutChild: Signal = aSignal({ now: core.clock.now() });
    delete withoutChild.child;
    await core.signals.create(withoutChild);

    await core.dispatcher.relayDue();

    expect(core.messenger.calls.filter((c) => c.ok)).toHaveLength(2);
    expect(core.audit.all).toEqual([]);
  });

  it('still delivers, once, when the audit log is down: the failure is logged without the child', async () => {
    const signal = aSignal({ now: core.clock.now() });
    await core.signals.create(signal);
    const dispatcher = new Dispatcher({
      signals: core.signals,
      directory: core.directory,
      messenger: core.messenger,
      schoolTime: new SchoolTime(core.directory, { quietTime: false }),
      render: renderViewOnly,
      clock: core.clock,
      logger: core.logger,
      jitter: () => 0,
      audit: new UnavailableAuditLog(),
    });

    await dispatcher.relayDue();

    expect(core.messenger.calls.map((c) => [c.memberId, c.kind, c.ok])).toEqual([
      [PRIMARY_CONTACT_ID, 'send', true],
      [BACKUP_CONTACT_ID, 'send', true],
    ]);
    expect((await core.stored(signal.id)).deliveries.map((d) => d.status)).toEqual(['sent', 'sent']);
    expect(core.logger.lines.filter((l) => l.message === 'card shown but not audited')).toHaveLength(2);
    expect(core.logger.json).not.toContain(signal.child!.firstName);
  });
});
