import type { Config } from '../src/config';
import type { Logger } from '../src/ports';
import type { StoreOptions } from '../src/store/stores';

/**
 * What a running bot opens its stores with: the audit log's retention, and a stored signal that a
 * scan for due work cannot read reported as an error (by id only), so an operator learns of it
 * while every other child is still forgotten on time.
 */
export function storeOptionsFor(config: Pick<Config, 'auditRetentionDays'>, logger: Logger): StoreOptions {
  return {
    auditRetentionDays: config.auditRetentionDays,
    onUnreadableSignal: (signalId, errorName) => logger.error({ signalId, errorName }, 'stored signal cannot be read: skipped by the scheduler'),
  };
}
