import { acknowledge, leaseDueDeliveries, type Signal } from '../domain/signal';
import type { AuditLog, Clock, DirectoryStore, SignalStore } from '../ports';
import { requireContactOf } from './access';
import type { Dispatcher } from './dispatcher';
import { mutateSignal } from './mutate-signal';
import { DomainError, ErrorCodes, isDomainError } from '../domain/errors';

export interface AcknowledgeDeps {
  signals: SignalStore;
  directory: DirectoryStore;
  audit: AuditLog;
  dispatcher: Dispatcher;
  clock: Clock;
}

/**
 * A school contact presses "Gezien — ik pak dit op". The first press wins; the same contact
 * pressing again gets the same answer; another contact gets SIGNAL.ALREADY_ACKNOWLEDGED with who
 * picked it up. The other contacts' cards are updated in place through the dispatcher.
 */
export class AcknowledgeSignal {
  constructor(private readonly deps: AcknowledgeDeps) {}

  async execute(actorId: string, signalId: string, origin?: string): Promise<Signal> {
    const { signals, directory, audit, dispatcher, clock } = this.deps;
    const found = await signals.get(signalId);
    if (!found) throw new DomainError(ErrorCodes.signalNotFound, { signalId });
    const at = clock.now();
    const audited = (result: 'ok' | 'refused') =>
      audit.append({ at: at.toISOString(), actorId, action: 'signal.acknowledge', objectId: found.value.reference, result, ...(origin ? { origin } : {}) });
    try {
      const contact = await requireContactOf(directory, actorId, found.value);
      const lease = dispatcher.lease(at);
      const { before, after } = await mutateSignal(signals, signalId, (current) => {
        const acknowledged = acknowledge(current, { id: contact.aadObjectId, name: contact.name }, at);
        return acknowledged === current ? current : leaseDueDeliveries(acknowledged, at, lease.until);
      });
      await audited('ok');
      if (after.value !== before) dispatcher.start(after.value, lease.until);
      return after.value;
    } catch (error) {
      if (isDomainError(error)) await audited('refused');
      throw error;
    }
  }
}
