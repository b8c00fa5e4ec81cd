import type { AuditLog, Clock, Logger, SignalStore } from '../ports';

export interface RetentionDeps {
  signals: SignalStore;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
  /** Anonymous signal records (the statistics) are kept this many days after issue. */
  statsRetentionDays: number;
  /** Audit entries are kept this many days. */
  auditRetentionDays: number;
  /** How often the purge runs at most; it reads by indexed times, but there is no hurry. */
  everyMs?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Rows deleted per call: a long backlog is worked off over several runs, never in one huge write. */
const BATCH = 500;

/**
 * Retention, the one path that deletes kept data: identities a store's backstop must remove
 * (should forgetting have been missed), signal records past the statistics period, and audit
 * entries past theirs. Counts go to the log; nothing about any child does.
 */
export class ApplyRetention {
  private lastRunAt: number | undefined;

  constructor(private readonly deps: RetentionDeps) {}

  /** Returns how many rows were deleted; 0 when the last run was less than `everyMs` ago. */
  async runDue(): Promise<number> {
    const { signals, audit, clock, logger } = this.deps;
    const now = clock.now();
    if (this.lastRunAt !== undefined && now.getTime() - this.lastRunAt < (this.deps.everyMs ?? 60 * 60 * 1000)) return 0;
    this.lastRunAt = now.getTime();
    const identities = await signals.purgeExpiredIdentities(now, BATCH);
    const records = await signals.purgeIssuedBefore(new Date(now.getTime() - this.deps.statsRetentionDays * DAY_MS), BATCH);
    const entries = await audit.purgeBefore(new Date(now.getTime() - this.deps.auditRetentionDays * DAY_MS), BATCH);
    // An identity reaching its backstop means forgetting did not run in time: someone should look.
    if (identities > 0) logger.warn({ identities }, 'identities removed by the retention backstop: forgetting was late');
    if (records + entries > 0) logger.info({ records, entries }, 'retention applied');
    return identities + records + entries;
  }
}
