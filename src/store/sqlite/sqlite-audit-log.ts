import type { Database, Statement } from 'better-sqlite3';
import type { AuditEntry, AuditLog } from '../../ports';
import { parseAuditEntry } from '../audit-document';

/** Append-only audit table; a trigger refuses updates, and only retention deletes. */
export class SqliteAuditLog implements AuditLog {
  private readonly insert: Statement<[string | null, string, string]>;
  private readonly byObject: Statement<[string], { document: string }>;
  private readonly purgeOldest: Statement<[string, number]>;

  constructor(db: Database) {
    this.insert = db.prepare(`INSERT INTO audit (object_id, at, document) VALUES (?, ?, ?)`);
    this.byObject = db.prepare(`SELECT document FROM audit WHERE object_id = ? ORDER BY at, seq`);
    this.purgeOldest = db.prepare(`DELETE FROM audit WHERE seq IN (SELECT seq FROM audit WHERE at < ? ORDER BY at, seq LIMIT ?)`);
  }

  async append(entry: AuditEntry): Promise<void> {
    this.appendNow(entry);
  }

  /** `append` at once: for a write of another store on the same database, inside its transaction. */
  appendNow(entry: AuditEntry): void {
    const checked = parseAuditEntry(entry);
    this.insert.run(checked.objectId ?? null, checked.at, JSON.stringify(checked));
  }

  /** Oldest first by `at`; entries with the same `at` in the order they were appended. */
  async list(objectId: string): Promise<AuditEntry[]> {
    return this.byObject.all(objectId).map((row) => parseAuditEntry(JSON.parse(row.document)));
  }

  /** `at` is stored as a UTC ISO string, so text order is time order. */
  async purgeBefore(cutoff: Date, limit: number): Promise<number> {
    return this.purgeOldest.run(cutoff.toISOString(), Math.max(0, limit)).changes;
  }
}
