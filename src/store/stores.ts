import type { AuditLog, DigestRunStore, DirectoryStore, RateBudget, SignalStore } from '../ports';

/** One backing store's ports, opened together and closed together. */
export interface Stores {
  signals: SignalStore;
  directory: DirectoryStore;
  audit: AuditLog;
  digestRuns: DigestRunStore;
  /**
   * Teams' rate limits, shared by every instance on this store (Cosmos DB). None for SQLite: one
   * process holds its file alone, so the limits are that process's own, kept in its memory.
   */
  rateBudget?: RateBudget;
  /** Resolves when the store answers; for readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** What every backing store may be opened with, besides where it lives. */
export interface StoreOptions {
  /**
   * HWC_AUDIT_RETENTION_DAYS. Cosmos DB writes each audit entry with this TTL; every store also
   * deletes by age through `AuditLog.purgeBefore`, which the retention job calls.
   */
  auditRetentionDays?: number;
  /**
   * A stored signal a scan for due work could not read (say, one written by a newer release before
   * a rollback). It is skipped, so every other child is still forgotten and every other card
   * still sent, and reported here: by id and error name, never its content.
   */
  onUnreadableSignal?: UnreadableSignal;
}

export type UnreadableSignal = (signalId: string, errorName: string) => void;
