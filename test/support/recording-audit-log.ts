import type { AuditEntry } from '../../src/ports';
import { MemoryAuditLog } from '../../src/store/memory';

/** The memory audit log, plus every entry ever appended, whatever its object: to search them all. */
export class RecordingAuditLog extends MemoryAuditLog {
  readonly all: AuditEntry[] = [];

  /** Every append ends here, the entries other stores write with their own changes included. */
  override appendNow(entry: AuditEntry): void {
    super.appendNow(entry);
    this.all.push(structuredClone(entry));
  }

  /** Every entry as one JSON text, for "does not contain" checks. */
  get json(): string {
    return JSON.stringify(this.all);
  }
}
