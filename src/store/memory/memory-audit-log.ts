import type { AuditEntry, AuditLog } from '../../ports';
import { parseAuditEntry } from '../audit-document';

/** In-memory AuditLog for unit tests: JSON lines, appended to, never changed, removed only by retention. */
export class MemoryAuditLog implements AuditLog {
  private entries: { objectId: string | undefined; at: string; json: string }[] = [];

  async append(entry: AuditEntry): Promise<void> {
    this.appendNow(entry);
  }

  /** `append` at once: for the other memory stores, which keep an entry with the write it records. */
  appendNow(entry: AuditEntry): void {
    const checked = parseAuditEntry(entry);
    this.entries.push({ objectId: checked.objectId, at: checked.at, json: JSON.stringify(checked) });
  }

  /** Oldest first by `at`; entries with the same `at` in the order they were appended (sort is stable). */
  async list(objectId: string): Promise<AuditEntry[]> {
    return this.oldestFirst()
      .filter((entry) => entry.objectId === objectId)
      .map((entry) => parseAuditEntry(JSON.parse(entry.json)));
  }

  async purgeBefore(cutoff: Date, limit: number): Promise<number> {
    const before = cutoff.toISOString();
    const purged = new Set(this.oldestFirst().filter((entry) => entry.at < before).slice(0, Math.max(0, limit)));
    this.entries = this.entries.filter((entry) => !purged.has(entry));
    return purged.size;
  }

  private oldestFirst() {
    return [...this.entries].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }
}
