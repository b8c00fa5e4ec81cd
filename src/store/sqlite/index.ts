import type { Database } from 'better-sqlite3';
import type { StoreOptions, Stores } from '../stores';
import { openSqliteDatabase } from './open-sqlite-database';
import { SqliteAuditLog } from './sqlite-audit-log';
import { SqliteDigestRunStore } from './sqlite-digest-run-store';
import { SqliteDirectoryStore } from './sqlite-directory-store';
import { SqliteSignalStore } from './sqlite-signal-store';

export { openSqliteDatabase } from './open-sqlite-database';
export { migrate, migrations } from './schema';
export { SqliteAuditLog } from './sqlite-audit-log';
export { SqliteDigestRunStore } from './sqlite-digest-run-store';
export { SqliteDirectoryStore } from './sqlite-directory-store';
export { SqliteSignalStore } from './sqlite-signal-store';

/** All the stores over one database file at `path` (created and migrated if needed). */
export function openSqliteStores(path: string, options: Pick<StoreOptions, 'onUnreadableSignal'> = {}): Stores {
  return sqliteStoresOver(openSqliteDatabase(path), options);
}

/**
 * All the stores over a database already opened (openSqliteDatabase); closing them closes it. The
 * process holds its file alone, so whatever else reads it (a test) goes through this handle.
 */
export function sqliteStoresOver(db: Database, options: Pick<StoreOptions, 'onUnreadableSignal'> = {}): Stores {
  const ping = db.prepare('SELECT 1');
  const audit = new SqliteAuditLog(db);
  return {
    signals: new SqliteSignalStore(db, audit, options.onUnreadableSignal),
    directory: new SqliteDirectoryStore(db, audit),
    audit,
    digestRuns: new SqliteDigestRunStore(db),
    ping: async () => {
      ping.get();
    },
    close: async () => {
      db.close();
    },
  };
}
