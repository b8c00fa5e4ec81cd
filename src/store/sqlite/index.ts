import type { Stores } from '../stores';
import { openSqliteDatabase } from './open-sqlite-database';
import { SqliteAuditLog } from './sqlite-audit-log';
import { SqliteDigestRunStore } from './sqlite-digest-run-store';
import { SqliteDirectoryStore } from './sqlite-directory-store';
import { SqliteSignalStore } from './sqlite-signal-store';
import { SqliteRateBudget } from './sqlite-rate-budget';

export { openSqliteDatabase } from './open-sqlite-database';
export { migrate, migrations } from './schema';
export { SqliteAuditLog } from './sqlite-audit-log';
export { SqliteDigestRunStore } from './sqlite-digest-run-store';
export { SqliteDirectoryStore } from './sqlite-directory-store';
export { SqliteRateBudget } from './sqlite-rate-budget';
export { SqliteSignalStore } from './sqlite-signal-store';

/** All the stores over one database file at `path` (created and migrated if needed). */
export function openSqliteStores(path: string): Stores {
  const db = openSqliteDatabase(path);
  const ping = db.prepare('SELECT 1');
  const audit = new SqliteAuditLog(db);
  return {
    signals: new SqliteSignalStore(db, audit),
    directory: new SqliteDirectoryStore(db, audit),
    audit,
    digestRuns: new SqliteDigestRunStore(db),
    rateBudget: new SqliteRateBudget(db),
    ping: async () => {
      ping.get();
    },
    close: async () => {
      db.close();
    },
  };
}
