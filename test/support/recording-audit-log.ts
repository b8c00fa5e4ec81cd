import type { AuditEntry } from '../../src/ports';
import { MemoryAuditLog } from '../../src/store/memory';

/** The memory audit log, plus every entry ever appended, whatever its object: to search them all. */
export class RecordingAuditLog extends MemoryAuditLog {
  readonly all: AuditEntry[] = [];

  override async append(entry: AuditEntry): Promise<void> {
    await super.append(entry);
    this.all.push(structuredClone(entry));
  }

  /** Every entry as one JSON text, for "does not contain" checks. */
  get json(): string {
    return JSON.stringify(this.all);
  }
}
