import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './schema';

/** How long opening waits for another process to let go of the file before failing. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * The file is held by another process. The embedded store serves one instance (several share a
 * Cosmos DB account instead): a second process on the same file is refused at start.
 */
export class SqliteFileInUse extends Error {
  constructor(readonly path: string) {
    super(`The SQLite file ${path} is in use by another process. The embedded store serves one instance: stop the other one, or use Cosmos DB (HWC_STORE=cosmos) for several.`);
    this.name = 'SqliteFileInUse';
  }
}

export interface OpenOptions {
  /** How long to wait for another process to close the file (a restart that overlaps). */
  waitMs?: number;
}

/**
 * Opens (creating the file and its folder if needed) and migrates the database at `path`.
 *
 * The process takes the file for itself (`locking_mode = EXCLUSIVE`, set before WAL so that
 * WAL's index lives in this process's memory): every statement then skips the file locks and
 * the shared-memory index that several processes would need, which makes a read several times
 * cheaper, and a second instance on the same file fails at start (SqliteFileInUse) instead of
 * running beside the first. NORMAL sync is durable across a process crash in WAL mode and only
 * risks the last commits on power loss. Disk snapshots still copy the file; another process
 * can read it once the bot has stopped.
 */
export function openSqliteDatabase(path: string, { waitMs = BUSY_TIMEOUT_MS }: OpenOptions = {}): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma(`busy_timeout = ${waitMs}`);
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // A forgotten child's row is overwritten with zeros in the file, not merely marked free.
    db.pragma('secure_delete = ON');
    // Its first read takes the file: from here on no other process can open it.
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') throw new SqliteFileInUse(path);
    throw error;
  }
}
