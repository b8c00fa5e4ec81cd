import type { Signal } from '../domain/signal';
import type { AuditLog, Clock, DirectoryStore, SignalStore } from '../ports';
import { requireRole } from './access';
import { sourceFields, type RequestSource } from './audit-trail';

export const STATUS_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface ListMySignalsDeps {
  signals: SignalStore;
  directory: DirectoryStore;
  audit: AuditLog;
  clock: Clock;
}

/** A Veilig Thuis worker's own signals of the last STATUS_DAYS days, newest first. */
export class ListMySignals {
  constructor(private readonly deps: ListMySignalsDeps) {}

  async execute(actorId: string, source: RequestSource = {}): Promise<Signal[]> {
    await requireRole(this.deps.directory, actorId, 'vt_worker');
    const now = this.deps.clock.now();
    const signals = await this.deps.signals.listIssuedBy(actorId, new Date(now.getTime() - STATUS_DAYS * DAY_MS));
    await this.deps.audit.append({ at: now.toISOString(), actorId, role: 'vt_worker', action: 'signal.list', result: 'ok', ...sourceFields(source) });
    return signals;
  }
}
