import { rolesOf } from '../domain/directory';
import type { Signal } from '../domain/signal';
import type { AuditLog, Clock, DirectoryStore, SignalStore } from '../ports';
import { requireRole } from './access';
import { sourceFields, type RequestSource } from './audit-trail';

export interface ListAwaitingRoutingDeps {
  signals: SignalStore;
  directory: DirectoryStore;
  audit: AuditLog;
  clock: Clock;
}

/** `status` for a leerplicht officer: the signals waiting for them to find the school. */
export class ListAwaitingRouting {
  constructor(private readonly deps: ListAwaitingRoutingDeps) {}

  async execute(actorId: string, source: RequestSource = {}): Promise<Signal[]> {
    const officer = await requireRole(this.deps.directory, actorId, 'leerplicht');
    const municipalityIds = [...new Set(rolesOf(officer, 'leerplicht').flatMap((r) => r.municipalityIds))];
    const waiting = await this.deps.signals.listAwaitingRouting(municipalityIds);
    await this.deps.audit.append({ at: this.deps.clock.now().toISOString(), actorId, role: 'leerplicht', action: 'signal.list_waiting', result: 'ok', ...sourceFields(source) });
    return waiting;
  }
}
