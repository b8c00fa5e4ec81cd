import type { Database } from 'better-sqlite3';
import { openSqliteDatabase, sqliteStoresOver } from '../../src/store/sqlite';
import type { Stores } from '../../src/store/stores';

/**
 * A process holds its SQLite file alone (openSqliteDatabase), as the bot does. In a test, a second
 * app "instance" on the same file, and whatever reads the file while a bot runs, therefore share
 * the one handle this process opened: as two processes would share the file, they share its rows.
 * The handle closes with the last stores over it.
 */
const held = new Map<string, { db: Database; users: number }>();

/** Stores over the file at `path`, sharing the handle any other stores of this process hold on it. */
export function sqliteStoresAt(path: string): Stores {
  let file = held.get(path);
  if (!file) {
    file = { db: openSqliteDatabase(path), users: 0 };
    held.set(path, file);
  }
  const handle = file;
  handle.users++;
  const stores = sqliteStoresOver(handle.db);
  let closed = false;
  return {
    ...stores,
    close: async () => {
      if (closed) return;
      closed = true;
      if (--handle.users > 0) return;
      held.delete(path);
      handle.db.close();
    },
  };
}

/** Reads the file at `path` (while a bot may run on it) through its stores or its raw rows. */
export async function readSqliteFile<T>(path: string, read: (stores: Stores, db: Database) => T | Promise<T>): Promise<T> {
  const stores = sqliteStoresAt(path);
  try {
    return await read(stores, held.get(path)!.db);
  } finally {
    await stores.close();
  }
}
