import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { type Delivery, type Recipient, type Signal } from '../domain/signal';
import { alertUnaccountedCopies, withUnalertedCopies } from '../domain/forget-child';
import { countsAsAttempt } from '../domain/call-attempts';
import { alertAdmins, applyDeliveryOutcomes, hasDueDeliveries, isDeliveryPending, leaseDueDeliveries, type DeliveryOutcome } from '../domain/signal.deliveries';
import {
  HANDED_BACK,
  REDRAW_DUE,
  MessengerError,
  type AuditLog,
  type Clock,
  type ConversationAddress,
  type DirectoryStore,
  type Logger,
  type Messenger,
  type OutboundCard,
  type SignalStore,
  type Stored,
} from '../ports';
import { callDeadline } from './call-deadline';
import { personalChatOf } from './personal-chat';
import { mutateSignal } from './mutate-signal';
import { auditUnaccountedCopies, newlyReported } from './unaccounted-copies';
import type { SchoolTime } from './school-time';
import { isDomainError, ErrorCodes } from '../domain/errors';
import { showsChildIdentity } from '../domain/identity-views';
import { asVisibleAt, childVisibleAt } from '../domain/forgetting';
import { stillHoldsRoleFor } from '../domain/recipient-rights';

/**
 * How long a dispatcher holds deliveries it works on before another instance may take them.
 * Generous on purpose: a call may wait its turn under Teams' rate limits first, and a lease that
 * ran out under a call still in flight could send a card twice. A crashed instance's work is
 * picked up by the relay once the lease has passed.
 */
export const DISPATCH_LEASE_MS = 5 * 60_000;
/** A Teams call still running after this share of the lease is given up and retried later. */
const CALL_TIMEOUT_SHARE = 0.8;
const MAX_ATTEMPTS = 8;
const FOLLOW_UP_ROUNDS = 3;
/** Signals a relay tick dispatches at once; Teams' rate limits pace the calls themselves. */
const RELAY_PARALLEL = 8;
const RELAY_PAGES_PER_TICK = 20;
/** Backoff doubles from 30 s to at most 15 min: 8 attempts span about three quarters of an hour. */
const BASE_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 15 * 60_000;
/** Teams' answers that mean the bot can no longer write in a chat at all (not: one message is gone). */
const CHAT_GONE = /^http_(403_(BotNotInConversationRoster|MessageWritesBlocked|BotDisabledByAdmin)|404_ConversationNotFound)$/;
/** Never straight back: the same dispatch would otherwise retry at once in its follow-up round. */
const MIN_WAIT_MS = 1_000;

/** Deliveries one dispatch holds until `until`, recognised by `id`. */
export interface Lease {
  now: Date;
  until: Date;
  id: string;
}

export type RenderDelivery = (signal: Signal, delivery: Delivery, to: ConversationAddress) => Promise<OutboundCard>;

export interface DispatcherDeps {
  signals: SignalStore;
  directory: DirectoryStore;
  messenger: Messenger;
  render: RenderDelivery;
  clock: Clock;
  logger: Logger;
  /** Jitter in [0, 1): spreads retries so they do not all return at once. */
  jitter: () => number;
  /** How long a lease holds (HWC_DISPATCH_LEASE_MS); DISPATCH_LEASE_MS by default. */
  leaseMs?: number;
  /** The working window: when new messages may go out (quiet time, or none with `{ quietTime: false }`). */
  schoolTime: SchoolTime;
  /** Where a card that shows the child, once Teams took it, is recorded as read by its recipient (`card.shown`). */
  audit: AuditLog;
}

/**
 * Makes every recipient's Teams card match the signal: sends it, or updates the sent message in
 * place. The signal document is the outbox, so a crash or a Teams hiccup only delays work: the
 * relay picks up whatever is still due.
 */
export class Dispatcher {
  private readonly inFlight = new Set<Promise<void>>();
  /** Fires when the process stops: no new leases, and calls still waiting for their turn go back. */
  private readonly stopping = new AbortController();

  constructor(private readonly deps: DispatcherDeps) {
    // Every card waiting for its turn listens to it, and stops listening when its wait ends: a
    // fan-out has hundreds at once, which is no leak (Node would warn from the eleventh).
    setMaxListeners(0, this.stopping.signal);
  }

  private get leaseMs(): number {
    return this.deps.leaseMs ?? DISPATCH_LEASE_MS;
  }

  /** A new lease from `now`, with an id of its own. */
  lease(now: Date): Lease {
    return { now, until: new Date(now.getTime() + this.leaseMs), id: randomUUID() };
  }

  /** Starts dispatching deliveries this caller already leased (`lease`); does not wait. */
  start(signal: Signal, lease: Lease): void {
    const work = this.dispatchLeased(signal, lease).catch((error: unknown) =>
      this.deps.logger.error({ signalId: signal.id, err: errorName(error) }, 'dispatch failed'),
    );
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  /** Resolves when all dispatches started so far have finished (tests, graceful shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  /**
   * The process is stopping (graceful restart): lease nothing new, and hand back every card whose
   * call has not been made yet — its lease ends at once, so another instance sends it at its next
   * tick instead of when the lease would have run out. Calls already on their way finish.
   */
  stopTaking(): void {
    this.stopping.abort();
  }

  /**
   * One relay tick: leases due work signal by signal and dispatches up to RELAY_PARALLEL signals
   * at a time, so one slow Teams call does not hold up every other card. Returns how many signals.
   */
  async relayDue(limit = 50): Promise<number> {
    if (this.stopping.signal.aborted) return 0;
    let handled = 0;
    // A full page means more is waiting: keep going (bounded) instead of idling until the next tick.
    for (let page = 0; page < RELAY_PAGES_PER_TICK; page++) {
      const { count, full } = await this.relayPage(limit);
      handled += count;
      if (!full || this.stopping.signal.aborted) break;
    }
    return handled;
  }

  private async relayPage(limit: number): Promise<{ count: number; full: boolean }> {
    const now = this.deps.clock.now();
    const due = await this.deps.signals.listDispatchDue(now, limit);
    const full = due.length === limit;
    let handled = 0;
    const next = async (): Promise<void> => {
      for (let stored = due.shift(); stored && !this.stopping.signal.aborted; stored = due.shift()) {
        try {
          const leased = await this.tryLease(stored, now);
          if (!leased) continue;
          await this.dispatchLeased(leased.signal, leased.lease);
          handled++;
        } catch (error) {
          // One signal that fails must not hold up the others.
          this.deps.logger.error({ signalId: stored.value.id, err: errorName(error) }, 'relay failed for a signal');
        }
      }
    };
    await Promise.all(Array.from({ length: RELAY_PARALLEL }, next));
    return { count: handled, full };
  }

  private async tryLease(stored: Stored<Signal>, now: Date): Promise<{ signal: Signal; lease: Lease } | undefined> {
    // The lease runs from the moment it is taken, not from when the page was read: a slow page
    // must not hand out leases that are already running out.
    const lease = this.lease(this.deps.clock.now());
    try {
      const saved = await this.deps.signals.replace(leaseDueDeliveries(stored.value, now, lease.until, lease.id), stored.etag);
      return { signal: saved.value, lease };
    } catch (error) {
      // Another instance leased it first: it does the work.
      if (isDomainError(error, ErrorCodes.storeConflict)) return undefined;
      throw error;
    }
  }

  private async dispatchLeased(signal: Signal, lease: Lease): Promise<void> {
    let leased: { signal: Signal; lease: Lease } | undefined = { signal, lease };
    // A change that arrived while a card was on its way (a colleague pressed Gezien) is due as
    // soon as Teams confirms the first card: follow up at once instead of at the next relay tick.
    for (let round = 0; leased && round < FOLLOW_UP_ROUNDS; round++) {
      const after = await this.dispatchOnce(leased.signal, leased.lease);
      const now = this.deps.clock.now();
      leased = after && hasDueDeliveries(after.value, now) && !this.stopping.signal.aborted ? await this.tryLease(after, now) : undefined;
    }
  }

  private async dispatchOnce(signal: Signal, lease: Lease): Promise<Stored<Signal> | undefined> {
    const mine = signal.deliveries.filter((d) => isDeliveryPending(d) && d.leaseId === lease.id);
    if (mine.length === 0) return undefined;
    // Cancelled for real well before the lease runs out, so no other instance takes a card over
    // while its call is still on its way. The round's calls start together: one deadline serves
    // them all, cleared once all have ended.
    const deadline = callDeadline(this.leaseMs * CALL_TIMEOUT_SHARE);
    const outcomes = await Promise.all(mine.map((d) => this.deliver(signal, d, lease, deadline.signal))).finally(() => deadline.clear());
    const failed = outcomes.some((o) => o.kind === 'failed');
    // Whoever keeps the directory hears about a card that could not be delivered.
    const admins = failed ? await this.admins() : [];
    const alertAt = failed ? await this.deps.schoolTime.nextWorkingMoment(signal.municipalityId, this.deps.clock.now()) : undefined;
    const { before, after } = await mutateSignal(this.deps.signals, signal.id, async (current) => {
      const now = this.deps.clock.now();
      const applied = applyDeliveryOutcomes(current, outcomes, now);
      const alerted = failed ? alertAdmins(applied, admins, now, alertAt ?? now) : applied;
      // Forgotten meanwhile, and a send recorded in doubt only now (a call given up on, a lease
      // that ran out): its copy may hold the name, and the admins hear of it as at forgetting.
      return alerted.redactedAt && withUnalertedCopies(alerted).length > 0 ? alertUnaccountedCopies(alerted, await this.admins(), now) : alerted;
    });
    await auditUnaccountedCopies(this.deps, after.value, newlyReported(before, after.value), this.deps.clock.now());
    return after;
  }

  private async admins(): Promise<Recipient[]> {
    return (await this.deps.directory.listAdmins()).map((m) => ({ id: m.aadObjectId, name: m.name }));
  }

  private async deliver(snapshot: Signal, delivery: Delivery, lease: Lease, deadline: AbortSignal): Promise<DeliveryOutcome> {
    const { key, recipientId } = delivery;
    // Past the moment to forget, a card is drawn without the child even before the forgetting
    // job has run: after downtime the jobs may come in any order.
    const signal = asVisibleAt(snapshot, this.deps.clock.now());
    try {
      const lostRole = await this.lostRole(signal, delivery, lease);
      if (lostRole && !delivery.activityId) return { key, kind: 'withheld' };
      const to = await this.addressOf(recipientId);
      const card = await this.deps.render(signal, lostRole ? { ...delivery, view: 'access_ended' } : delivery, to);
      const { messenger } = this.deps;
      try {
        // A card drawn with the child goes only until the moment to forget it, however long it
        // waits for its turn under the rate limits; after that it is drawn again without.
        const stillSendable = signal.child ? () => childVisibleAt(signal, this.deps.clock.now()) : undefined;
        const call = { signal: deadline, beforeCall: this.stopping.signal, ...(stillSendable ? { stillSendable } : {}) };
        let activityId: string;
        if (delivery.activityId) {
          await messenger.update(to, delivery.activityId, card, call);
          activityId = delivery.activityId;
        } else {
          activityId = (await messenger.send(to, card, call)).activityId;
        }
        // Copies of the card learned since (see learnCopy): drawn the same, so none keeps a name.
        // (A stopping process still redraws them: the card itself was just shown.)
        for (const copy of delivery.copies ?? []) await messenger.update(to, copy, card, { signal: call.signal });
        if (lostRole) return { key, kind: 'shown', view: 'access_ended', conversationId: to.conversationId, activityId };
        await this.auditShown(signal, delivery, to, lease);
        return {
          key,
          kind: 'shown',
          view: delivery.view,
          conversationId: to.conversationId,
          activityId,
          // Drawn from this snapshot: if the child was forgotten meanwhile, the card is drawn again.
          ...(signal.child ? { renderedWithChild: true } : {}),
        };
      } catch (error) {
        await this.markInactiveWhenGone(to, error);
        throw error;
      }
    } catch (error) {
      return this.outcomeOfFailure(signal, delivery, error, lease.until);
    }
  }

  /**
   * A card naming the child reached its recipient: that is a read of the child's identity. Never
   * throws: the card is shown whatever the audit log says, and failing the delivery here would
   * only send it a second time.
   */
  private async auditShown(signal: Signal, delivery: Delivery, to: ConversationAddress, lease: Lease): Promise<void> {
    if (!signal.child || !showsChildIdentity(delivery.view)) return;
    try {
      await this.deps.audit.append({
        at: this.deps.clock.now().toISOString(),
        actorId: delivery.recipientId,
        role: delivery.role,
        action: 'card.shown',
        objectId: signal.reference,
        result: 'ok',
        // The same form as a request's origin (bot/turn-info.ts originOf), so a trail reads alike.
        origin: `${to.channelId}:${to.conversationId}`,
        correlationId: lease.id,
      });
    } catch (error) {
      this.deps.logger.error({ signalId: signal.id, reference: signal.reference, recipientId: delivery.recipientId, err: errorName(error) }, 'card shown but not audited');
    }
  }

  /**
   * Whether a card that would name the child is meant for someone the directory no longer gives
   * that role (left the school, taken off leerplicht): then it is never sent, or the one Teams
   * shows is withdrawn in place. Audited, never with the child.
   */
  private async lostRole(signal: Signal, delivery: Delivery, lease: Lease): Promise<boolean> {
    if (!signal.child || !showsChildIdentity(delivery.view)) return false;
    if (stillHoldsRoleFor(await this.deps.directory.getMember(delivery.recipientId), delivery, signal)) return false;
    try {
      await this.deps.audit.append({
        at: this.deps.clock.now().toISOString(),
        // Like `card.shown`: the entry is about the recipient, in the role the card was meant for.
        actorId: delivery.recipientId,
        role: delivery.role,
        action: delivery.activityId ? 'card.withdrawn_role_ended' : 'card.withheld_role_ended',
        objectId: signal.reference,
        result: 'ok',
        correlationId: lease.id,
      });
    } catch (error) {
      this.deps.logger.error({ signalId: signal.id, reference: signal.reference, recipientId: delivery.recipientId, err: errorName(error) }, 'card withheld but not audited');
    }
    return true;
  }

  /** The member's stored personal chat, or a new one (Teams refuses when the app is not installed). */
  private addressOf(memberId: string): Promise<ConversationAddress> {
    return personalChatOf(this.deps.directory, this.deps.messenger, memberId);
  }

  /**
   * Teams says the bot can no longer write in this chat (removed, blocked, gone): remember it, so
   * no other card tries again until the member writes to the bot and a fresh address is stored.
   */
  private async markInactiveWhenGone(to: ConversationAddress, error: unknown): Promise<void> {
    if (!(error instanceof MessengerError) || error.retryable || !CHAT_GONE.test(error.code)) return;
    await this.deps.directory.saveConversation({ ...to, inactiveSince: this.deps.clock.now().toISOString() });
  }

  private async outcomeOfFailure(signal: Signal, delivery: Delivery, error: unknown, leaseUntil: Date): Promise<DeliveryOutcome> {
    const { key, recipientId } = delivery;
    const code = error instanceof MessengerError ? error.code : errorName(error);
    // A coded domain error (say, a redacted signal) will not change by trying again.
    const retryable = error instanceof MessengerError ? error.retryable : !isDomainError(error);
    this.deps.logger.warn(
      { signalId: signal.id, reference: signal.reference, recipientId, code, attempt: delivery.attempts + 1 },
      'delivery attempt failed',
    );
    const inDoubt = error instanceof MessengerError && error.inDoubt ? { inDoubt: true } : {};
    const attempts = delivery.attempts + (countsAsAttempt(code) ? 1 : 0);
    if (!retryable || attempts >= MAX_ATTEMPTS) return { key, kind: 'failed', error: code, ...inDoubt };
    // Given back by a stopping process, or held back to be drawn without the child, before
    // anything was sent: due again at once, for whoever ticks next (a new message still within
    // the working window).
    if (code === HANDED_BACK || code === REDRAW_DUE) {
      const now = this.deps.clock.now();
      return { key, kind: 'retry', error: code, retryAt: delivery.activityId ? now : await this.deps.schoolTime.nextWorkingMoment(signal.municipalityId, now) };
    }
    // Exponential backoff with full jitter (retries of many cards spread out instead of returning
    // together), but never sooner than Teams asked with Retry-After.
    const backoff = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** delivery.attempts);
    const wait = Math.max(error instanceof MessengerError ? (error.retryAfterMs ?? 0) : 0, MIN_WAIT_MS + backoff * this.deps.jitter());
    let retryAt = new Date(this.deps.clock.now().getTime() + wait);
    // A call given up on may still have reached Teams: no retry before its lease has run out.
    if ((code === 'timeout' || 'inDoubt' in inDoubt) && retryAt < leaseUntil) retryAt = leaseUntil;
    // A new message waits for the working window; an update in place may go any time.
    if (!delivery.activityId) retryAt = await this.deps.schoolTime.nextWorkingMoment(signal.municipalityId, retryAt);
    return { key, kind: 'retry', error: code, retryAt, ...inDoubt };
  }
}

/** Error class names only: messages from libraries may quote request data. */
function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown';
}
