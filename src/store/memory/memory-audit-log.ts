import type { AuditEntry, AuditLog } from '../../ports';
import { parseAuditEntry } from '../audit-document';

/** In-memory AuditLog for unit tests: JSON lines, appended to and never changed. */
export class MemoryAuditLog implements AuditLog {
  private readonly entries: { objectId: string | undefined; at: string; json: string }[] = [];

  async append(entry: AuditEntry): Promise<void> {
    const checked = parseAuditEntry(entry);
    this.entries.push({ objectId: checked.objectId, at: checked.at, json: JSON.stringify(checked) });
  }

  /** Oldest first by `at`; entries with the same `at` in the order they were appended (sort is stable). */
  async list(objectId: string): Promise<AuditEntry[]> {
    return this.entries
      .filter((entry) => entry.objectId === objectId)
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
      .map((entry) => parseAuditEntry(JSON.parse(entry.json)));
  }
}
