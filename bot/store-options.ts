import type { Config } from '../src/config';
import type { Logger } from '../src/ports';
import type { StoreOptions } from '../src/store/stores';

/** How often one unreadable record is logged again: the scans that meet it run every second. */
const UNREADABLE_LOG_INTERVAL_MS = 60 * 60 * 1000;
/** Records remembered as logged; beyond this the memory starts over (each is then logged once more). */
const UNREADABLE_REMEMBERED = 1_000;

/**
 * What a running bot opens its stores with: the audit log's retention, and a stored signal that a
 * scan for due work cannot read reported as an error (by id only, once an hour per record), so an
 * operator learns of it while every other child is still forgotten on time.
 */
export function storeOptionsFor(config: Pick<Config, 'auditRetentionDays'>, logger: Logger, now: () => number = Date.now): StoreOptions {
  const loggedAt = new Map<string, number>();
  return {
    auditRetentionDays: config.auditRetentionDays,
    onUnreadableSignal: (signalId, errorName) => {
      const last = loggedAt.get(signalId);
      if (last !== undefined && now() - last < UNREADABLE_LOG_INTERVAL_MS) return;
      if (loggedAt.size >= UNREADABLE_REMEMBERED) loggedAt.clear();
      loggedAt.set(signalId, now());
      logger.error({ signalId, errorName }, 'stored signal cannot be read: skipped by the scheduler');
    },
  };
}
