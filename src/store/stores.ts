import type { AuditLog, DirectoryStore, SignalStore } from '../ports';

/** One backing store's three ports, opened together and closed together. */
export interface Stores {
  signals: SignalStore;
  directory: DirectoryStore;
  audit: AuditLog;
  /** Resolves when the store answers; for readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
