import { acknowledge, type Signal } from '../domain/signal';
import type { DirectoryStore } from '../ports';
import { requireContactOf } from './access';
import { actorOf, type RequestSource } from './audit-trail';
import { changeSignal, type ChangeSignalDeps } from './change-signal';
import { SchoolTime } from './school-time';

export interface AcknowledgeDeps extends ChangeSignalDeps {
  directory: DirectoryStore;

  /** The working window: when new messages may go out (quiet time, or none with `{ quietTime: false }`). */
  schoolTime: SchoolTime;
}

/**
 * A school contact presses "Gezien — ik pak dit op". The first press wins; the same contact
 * pressing again gets the same answer; another contact gets SIGNAL.ALREADY_ACKNOWLEDGED with who
 * picked it up. The other contacts' cards are updated in place through the dispatcher.
 */
export class AcknowledgeSignal {
  private readonly schoolTime: SchoolTime;

  constructor(private readonly deps: AcknowledgeDeps) {
    this.schoolTime = deps.schoolTime;
  }

  execute(actorId: string, signalId: string, source: RequestSource = {}): Promise<Signal> {
    return changeSignal(
      this.deps,
      { ...source, actorId, role: 'school_contact', signalId, action: 'signal.acknowledge' },
      // Picked up: the child is forgotten at the end of this school day at the school.
      async (signal) => ({
        contact: await requireContactOf(this.deps.directory, actorId, signal),
        forgetAt: await this.schoolTime.forgetAfterPickUp(signal.schoolId, signal.municipalityId, this.deps.clock.now()),
      }),
      (current, { contact, forgetAt }, now) => acknowledge(current, actorOf(contact, source), now, forgetAt),
    );
  }
}
