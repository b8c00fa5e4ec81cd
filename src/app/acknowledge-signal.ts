import { acknowledge, type Signal } from '../domain/signal';
import type { DirectoryStore } from '../ports';
import { requireContactOf } from './access';
import { changeSignal, type ChangeSignalDeps } from './change-signal';

export interface AcknowledgeDeps extends ChangeSignalDeps {
  directory: DirectoryStore;
}

/**
 * A school contact presses "Gezien — ik pak dit op". The first press wins; the same contact
 * pressing again gets the same answer; another contact gets SIGNAL.ALREADY_ACKNOWLEDGED with who
 * picked it up. The other contacts' cards are updated in place through the dispatcher.
 */
export class AcknowledgeSignal {
  constructor(private readonly deps: AcknowledgeDeps) {}

  execute(actorId: string, signalId: string, origin?: string): Promise<Signal> {
    return changeSignal(
      this.deps,
      { actorId, signalId, action: 'signal.acknowledge', origin },
      (signal) => requireContactOf(this.deps.directory, actorId, signal),
      (current, contact, now) => acknowledge(current, { id: contact.aadObjectId, name: contact.name }, now),
    );
  }
}
