import type { Stores } from '../stores';
import { MemoryAuditLog } from './memory-audit-log';
import { MemoryDigestRunStore } from './memory-digest-run-store';
import { MemoryDirectoryStore } from './memory-directory-store';
import { MemorySignalStore } from './memory-signal-store';
import { MemoryRateBudget } from './memory-rate-budget';

export { MemoryAuditLog } from './memory-audit-log';
export { MemoryDigestRunStore } from './memory-digest-run-store';
export { MemoryDirectoryStore } from './memory-directory-store';
export { MemoryRateBudget } from './memory-rate-budget';
export { MemorySignalStore } from './memory-signal-store';

/** Fresh, empty in-memory stores: the fakes for unit tests (with `audit`, a log of the test's own). */
export function createMemoryStores(audit = new MemoryAuditLog()): Stores {
  return {
    signals: new MemorySignalStore(audit),
    directory: new MemoryDirectoryStore(audit),
    audit,
    digestRuns: new MemoryDigestRunStore(),
    rateBudget: new MemoryRateBudget(),
    ping: async () => undefined,
    close: async () => undefined,
  };
}
