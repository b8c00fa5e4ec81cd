import { ApplyRetention } from '../../../src/app/apply-retention';
import { MemoryAuditLog, MemorySignalStore } from '../../../src/store/memory';
import { anAuditEntry } from '../../fixtures/audit';
import { aSignal } from '../../fixtures/signals';
import { DAY, FixedClock, HOUR, MINUTE } from '../../support/fixed-clock';
import { RecordingLogger } from '../../support/recording-logger';

const NOW = new Date('2028-03-10T02:00:00.000Z');
const daysBefore = (days: number, extraMs = 0) => new Date(NOW.getTime() - days * DAY + extraMs);

describe('ApplyRetention', () => {
  let signals: MemorySignalStore;
  let audit: MemoryAuditLog;
  let clock: FixedClock;
  let logger: RecordingLogger;
  let retention: ApplyRetention;

  beforeEach(() => {
    signals = new MemorySignalStore(new MemoryAuditLog());
    audit = new MemoryAuditLog();
    clock = new FixedClock(NOW);
    logger = new RecordingLogger();
    retention = new ApplyRetention({ signals, audit, clock, logger, statsRetentionDays: 730, auditRetentionDays: 1825 });
  });

  it('deletes signal records issued more than the statistics period ago, and keeps the rest', async () => {
    const old = aSignal({ now: daysBefore(730, -1) });
    const kept = aSignal({ now: daysBefore(730, 1) });
    for (const s of [old, kept]) await signals.create(s);

    await retention.runDue();

    expect(await signals.get(old.id)).toBeUndefined();
    expect(await signals.get(kept.id)).toBeDefined();
  });

  it('deletes audit entries older than the audit period, and keeps the rest', async () => {
    const old = anAuditEntry({ objectId: 'HWC-OLD2', at: daysBefore(1825, -1).toISOString() });
    const kept = anAuditEntry({ objectId: 'HWC-NEW2', at: daysBefore(1825, 1).toISOString() });
    for (const e of [old, kept]) await audit.append(e);

    await retention.runDue();

    expect(await audit.list('HWC-OLD2')).toEqual([]);
    expect(await audit.list('HWC-NEW2')).toEqual([kept]);
  });

  it('removes an identity the forgetting job missed, and says so in the log without the child', async () => {
    const missed = aSignal({ now: daysBefore(10), forget: { atTheLatest: daysBefore(7), supportClosesAt: daysBefore(5) } });
    await signals.create(missed);

    expect(await retention.runDue()).toBe(1);

    expect((await signals.get(missed.id))?.value.child).toBeUndefined();
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', fields: { identities: 1 } }));
    expect(logger.json).not.toContain(missed.child!.lastName);
  });

  it('runs at most once an hour: the work is never urgent', async () => {
    await retention.runDue();
    const old = aSignal({ now: daysBefore(800) });
    await signals.create(old);

    clock.advance(59 * MINUTE);
    expect(await retention.runDue()).toBe(0);
    expect(await signals.get(old.id)).toBeDefined();
    clock.advance(HOUR);
    expect(await retention.runDue()).toBeGreaterThan(0);
    expect(await signals.get(old.id)).toBeUndefined();
  });
});
