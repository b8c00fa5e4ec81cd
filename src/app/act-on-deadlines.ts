import { alertUnaccountedCopies, forgetChild, isForgetDue } from '../domain/forget-child';
import { applyDueDeadlines, type Recipient, type Signal } from '../domain/signal';
import { leaseDueDeliveries } from '../domain/signal.deliveries';
import type { AuditLog, Clock, DirectoryStore, Logger, Metrics, SignalStore } from '../ports';
import { forgettingLagMs } from './forgetting-lag';
import { noMetrics } from './no-metrics';
import { SchoolTime } from './school-time';
import type { Dispatcher } from './dispatcher';
import { mutateSignal } from './mutate-signal';
import { auditUnaccountedCopies, newlyReported } from './unaccounted-copies';

/**
 * Forgets the child now; every card that may have a copy in Teams the bot cannot redraw is
 * reported to the admins.
 */
function forget(signal: Signal, now: Date, context: { admins: Recipient[]; sendAt: Date; worker?: Recipient }): Signal {
  return alertUnaccountedCopies(forgetChild(signal, now, context.worker, context.sendAt), context.admins, context.sendAt);
}

/** Signals the forgetting loop reads per run. */
const FORGET_PAGE = 500;

export interface ActOnDeadlinesDeps {
  signals: SignalStore;
  directory: DirectoryStore;
  audit: AuditLog;
  dispatcher: Dispatcher;
  clock: Clock;
  logger: Logger;
  /** The working window: when new messages may go out (quiet time, or none with `{ quietTime: false }`). */
  schoolTime: SchoolTime;
  metrics?: Metrics;
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
    this.schoolTime = deps.schoolTime;
  }

  /** Returns how many signals had a deadline acted on. */
  async runDue(limit = 50): Promise<number> {
    return this.actOnDue(limit, () => true, (current, now, context) => {
      const deadlines = applyDueDeadlines(current, now, context.coordinators, context.sendAt, context.admins);
      return isForgetDue(deadlines, now) ? forget(deadlines, now, context) : deadlines;
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
      isForgetDue(current, now) ? forget(current, now, context) : current,
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
    // Read once per run, and only when needed.
    let adminList: Promise<Recipient[]> | undefined;
    const listAdmins = () => (adminList ??= directory.listAdmins().then((members) => members.map((m) => ({ id: m.aadObjectId, name: m.name }))));
    for (const { value: due } of await signals.listDeadlinesDue(now, limit)) {
      if (!wanted(due, now)) continue;
      try {
        const coordinators = (await directory.listMunicipalityMembers('coordinator', due.municipalityId)).map((m) => ({ id: m.aadObjectId, name: m.name }));
        // Needed when there is no coordinator to escalate to (the admins get the escalation
        // instead), and for every child to forget: a send in doubt may be recorded on the version
        // written over after this read, and its copy must still be reported.
        const admins = coordinators.length === 0 || isForgetDue(due, now) ? await listAdmins() : [];
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
        const lagMs = forgettingLagMs(before, after.value, now);
        if (lagMs !== undefined) (this.deps.metrics ?? noMetrics).identityForgotten(lagMs);
        // The cards first: a name must leave Teams even when the audit log is down.
        dispatcher.start(after.value, lease);
        await auditUnaccountedCopies(this.deps, after.value, newlyReported(before, after.value), now);
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
