import { takeEscalation, type Signal } from '../domain/signal';
import type { DirectoryStore } from '../ports';
import { requireCoordinatorOf } from './access';
import { actorOf, type RequestSource } from './audit-trail';
import { changeSignal, type ChangeSignalDeps } from './change-signal';
import { readSignalAs } from './read-signal';

export interface TakeEscalationDeps extends ChangeSignalDeps {
  directory: DirectoryStore;
}

/** "Ik neem contact op": a coordinator takes an escalated signal on; the first one wins. */
export class TakeEscalation {
  constructor(private readonly deps: TakeEscalationDeps) {}

  execute(actorId: string, signalId: string, source: RequestSource = {}): Promise<Signal> {
    return changeSignal(
      this.deps,
      { ...source, actorId, role: 'coordinator', signalId, action: 'signal.take_escalation' },
      (signal) => requireCoordinatorOf(this.deps.directory, actorId, signal),
      (current, coordinator, now) => takeEscalation(current, actorOf(coordinator, source), now),
    );
  }

  /** The signal as a coordinator of its municipality sees it (never with the child's identity on a card). */
  async view(actorId: string, signalId: string, source: RequestSource = {}): Promise<Signal> {
    const { signal } = await readSignalAs(this.deps, { ...source, actorId, role: 'coordinator', signalId, action: 'signal.view' }, (s) =>
      requireCoordinatorOf(this.deps.directory, actorId, s),
    );
    return signal;
  }
}
