import { forgetChild, isForgetDue } from '../domain/forget-child';
import { applyDueDeadlines, leaseDueDeliveries, type Recipient, type Signal } from '../domain/signal';
import type { AuditLog, Clock, DirectoryStore, Logger, SignalStore } from '../ports';
import { SchoolTime } from './school-time';
import type { Dispatcher } from './dispatcher';
import { mutateSignal } from './mutate-signal';

/** Signals the forgetting loop reads per run. */
const FORGET_PAGE = 500;

export interface ActOnDeadlinesDeps {
  signals: SignalStore;
  directory: DirectoryStore;
  audit: AuditLog;
  dispatcher: Dispatcher;
  clock: Clock;
  logger: Logger;
  /** Defaults to quiet time on: messages found due in quiet time wait for the working window. */
  schoolTime?: SchoolTime;
}

/**
 * One scheduler tick's deadline work: reminders, escalations, support reminders and forgetting
 * the child (its identity out of the store, the cards redrawn without it) that are due,
 * found by the indexed `nextDeadlineAt`. Each is one conditional write, so when several instances
 * tick at once every reminder still goes out once.
 */
export class ActOnDeadlines {
  private readonly schoolTime: SchoolTime;

  constructor(private readonly deps: ActOnDeadlinesDeps) {
    this.schoolTime = deps.schoolTime ?? new SchoolTime(deps.directory);
  }

  /** Returns how many signals had a deadline acted on. */
  async runDue(limit = 50): Promise<number> {
    return this.actOnDue(limit, () => true, (current, now, context) => {
      const deadlines = applyDueDeadlines(current, now, context.coordinators, context.sendAt, context.admins);
      return isForgetDue(deadlines, now) ? forgetChild(deadlines, now, context.worker, context.sendAt) : deadlines;
    });
  }

  /**
   * Forgetting alone, for its own loop: the identity goes at its moment even while the other
   * scheduled work waits behind slow Teams calls. Nothing here waits for Teams: the redraws are
   * left as deliveries, started without being awaited. Reads further than `runDue` because
   * reminders due at the same time share the index.
   */
  async forgetDue(limit = FORGET_PAGE): Promise<number> {
    return this.actOnDue(limit, isForgetDue, (current, now, context) =>
      isForgetDue(current, now) ? forgetChild(current, now, context.worker, context.sendAt) : current,
    );
  }

  private async actOnDue(
    limit: number,
    wanted: (signal: Signal, now: Date) => boolean,
    change: (current: Signal, now: Date, context: { coordinators: Recipient[]; admins: Recipient[]; sendAt: Date; worker?: Recipient }) => Signal,
  ): Promise<number> {
    const { signals, directory, dispatcher, clock, audit } = this.deps;
    const now = clock.now();
    let acted = 0;
    for (const { value: due } of await signals.listDeadlinesDue(now, limit)) {
      if (!wanted(due, now)) continue;
      try {
        const coordinators = (await directory.listMunicipalityMembers('coordinator', due.municipalityId)).map((m) => ({ id: m.aadObjectId, name: m.name }));
        // Asked only when there is no coordinator: then the admins get the escalation instead.
        const admins = coordinators.length > 0 ? [] : (await directory.listAdmins()).map((m) => ({ id: m.aadObjectId, name: m.name }));
        const sendAt = await this.schoolTime.nextWorkingMoment(due.municipalityId, now);
        // Whoever issued it is told when it expires waiting for leerplicht. Decided on the version
        // written over, not the one read: a school may have sent it back to leerplicht in between.
        const worker = isForgetDue(due, now) ? await this.issuerOf(due) : undefined;
        const lease = dispatcher.lease(now);
        const { before, after } = await mutateSignal(signals, due.id, (current) => {
          const next = change(current, now, { coordinators, admins, sendAt, ...(worker ? { worker } : {}) });
          return next === current ? current : leaseDueDeliveries(next, now, lease.until, lease.id);
        });
        if (after.value === before) continue;
        acted++;
        // The cards first: a name must leave Teams even when the audit log is down.
        dispatcher.start(after.value, lease);
        const events = after.value.timeline.slice(before.timeline.length).map((e) => e.type).join(',');
        try {
          await audit.append({ at: now.toISOString(), actorId: 'system', role: 'system', action: `signal.deadline:${events}`, objectId: after.value.reference, result: 'ok' });
        } catch (error) {
          this.deps.logger.error({ signalId: due.id, reference: after.value.reference, events, errorName: error instanceof Error ? error.name : 'unknown' }, 'deadline acted on but not audited');
        }
      } catch (error) {
        // One signal that fails must not starve every deadline behind it.
        this.deps.logger.error({ signalId: due.id, errorName: error instanceof Error ? error.name : 'unknown' }, 'deadline work failed');
      }
    }
    return acted;
  }

  /** The worker who issued a signal, told when it expires waiting for leerplicht. */
  private async issuerOf(signal: Signal): Promise<Recipient> {
    const worker = await this.deps.directory.getMember(signal.issuedBy);
    return { id: signal.issuedBy, name: worker?.name ?? '' };
  }
}
