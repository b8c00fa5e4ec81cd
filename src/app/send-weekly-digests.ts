import { randomUUID } from 'node:crypto';
import {
  applyDigestOutcomes,
  dueRecipients,
  leaseRecipients,
  startDigestRun,
  type DigestOutcome,
  type DigestRun,
} from '../domain/digest/digest-run';
import { digestMaySendAt, digestWeekAt, type DigestSchedule } from '../domain/digest/digest-schedule';
import type { Digest } from '../domain/digest/figures';
import { addWeeks, formatIsoWeek, type IsoWeek } from '../domain/digest/iso-week';
import { ErrorCodes, isDomainError } from '../domain/errors';
import { countsAsAttempt } from '../domain/call-attempts';
import {
  HANDED_BACK,
  MessengerError,
  type AuditLog,
  type Clock,
  type ConversationAddress,
  type DigestRunStore,
  type DirectoryStore,
  type Logger,
  type Messenger,
  type Metrics,
  type OutboundCard,
  type Stored,
} from '../ports';
import { callDeadline } from './call-deadline';
import type { DigestScope } from './digest-scope';
import { personalChatOf } from './personal-chat';
import type { ReadDigest } from './read-digest';
import { noMetrics } from './no-metrics';

export type RenderDigest = (digest: Digest, scope: DigestScope, to: ConversationAddress) => Promise<OutboundCard> | OutboundCard;

export interface SendWeeklyDigestsDeps {
  runs: DigestRunStore;
  directory: DirectoryStore;
  readDigest: ReadDigest;
  messenger: Messenger;
  render: RenderDigest;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
  schedule: DigestSchedule;
  /** How long an instance holds the recipients it is sending to before another may take over. */
  leaseMs: number;
  metrics?: Metrics;
}

/** Recipients one tick sends to at most; the rest follow on the next ticks. */
const BATCH = 20;
const MAX_ATTEMPTS = 8;
const RETRY_BASE_MS = 60_000;
const RETRY_CAP_MS = 60 * 60_000;
/** Conflicting writes to one run re-read and re-apply at most this often. */
const WRITE_TRIES = 5;
/** Sending stops this far into the lease; a single call may take a quarter of it at most. */
const LEASE_SHARE_FOR_SENDING = 0.5;
const CALL_SHARE_OF_LEASE = 0.25;
/** With nobody to send to, the directory is asked again after this long (the scheduler ticks every few seconds). */
const NOBODY_RECHECK_MS = 10 * 60_000;

/**
 * The weekly digest, exactly once per recipient and week. The first instance past the week's
 * moment starts the run (a conditional create: the recipients are fixed then, so someone added
 * later gets next week's); each tick an instance leases the due recipients in one conditional
 * write, sends, and records what Teams said. Another instance, or this one after a crash, takes
 * over only when the lease ran out.
 */
export class SendWeeklyDigests {
  /** When the directory last named nobody to send to: asked again only after a while, not every tick. */
  private nobodyAt: number | undefined;
  /** Fires when the process stops: nothing new is leased, and digests not yet on their way go back. */
  private readonly stopping = new AbortController();

  constructor(private readonly deps: SendWeeklyDigestsDeps) {}

  /**
   * The process is stopping (graceful restart): lease nothing new, and hand back every digest
   * whose call has not been made yet, due at once for whichever instance ticks next, instead of
   * when the lease would have run out. A call already on its way finishes.
   */
  stopTaking(): void {
    this.stopping.abort();
  }

  /** Returns how many digests were sent. */
  async runDue(): Promise<number> {
    if (this.stopping.signal.aborted) return 0;
    const { week, mayStart } = digestWeekAt(this.deps.clock.now(), this.deps.schedule);
    const run = await this.runFor(week, mayStart);
    // A run caught up late is started at once (its recipients fixed) but sent in office hours:
    // Sunday evening's run goes out on Monday morning, finished as the week before's.
    if (!run || !digestMaySendAt(this.deps.clock.now(), this.deps.schedule)) return 0;
    const leasedAt = this.deps.clock.now().getTime();
    const leased = await this.lease(run);
    if (!leased) return 0;
    const sameScope = new Map<string, Digest>();
    let sent = 0;
    for (const [index, memberId] of leased.memberIds.entries()) {
      // Never near the end of the lease: another instance may take over what is still held then.
      // Whoever is left waits for the lease to run out and goes out with a later tick.
      if (this.deps.clock.now().getTime() - leasedAt > this.deps.leaseMs * LEASE_SHARE_FOR_SENDING) break;
      if (this.stopping.signal.aborted) {
        const now = this.deps.clock.now();
        await this.record(week, leased.memberIds.slice(index).map((id) => ({ memberId: id, kind: 'retry', error: HANDED_BACK, retryAt: now })), leased.leaseId);
        break;
      }
      const outcome = await this.send(memberId, week, leased.run.value, sameScope);
      // Recorded at once, one by one: a crash loses at most the digest on its way.
      await this.record(week, [outcome], leased.leaseId);
      (this.deps.metrics ?? noMetrics).digestOutcome(outcome.kind);
      if (outcome.kind === 'sent') sent++;
    }
    return sent;
  }

  private async runFor(week: IsoWeek, mayStart: boolean): Promise<Stored<DigestRun> | undefined> {
    const id = formatIsoWeek(week);
    const existing = await this.deps.runs.get(id);
    if (existing || !mayStart) return existing;
    const now = this.deps.clock.now().getTime();
    if (this.nobodyAt !== undefined && now - this.nobodyAt < NOBODY_RECHECK_MS) return undefined;
    const recipients = await this.deps.directory.listDigestRecipients();
    // No run for nobody: a run fixes its recipients, so an empty one would skip the week for
    // whoever the directory names later that week.
    if (recipients.length === 0) {
      this.nobodyAt = now;
      return undefined;
    }
    this.nobodyAt = undefined;
    await this.warnAboutUnfinished(week);
    try {
      const created = await this.deps.runs.create(startDigestRun(week, recipients.map((m) => m.aadObjectId), this.deps.clock.now()));
      this.deps.logger.info({ week: id, recipients: recipients.length }, 'weekly digest run started');
      (this.deps.metrics ?? noMetrics).digestRunStarted();
      return created;
    } catch (error) {
      // Another instance started it a moment ago: go on with theirs.
      if (isDomainError(error, ErrorCodes.storeConflict)) return this.deps.runs.get(id);
      throw error;
    }
  }

  /** The week before's run should be done by now; recipients still waiting there will not get it. */
  private async warnAboutUnfinished(week: IsoWeek): Promise<void> {
    const before = await this.deps.runs.get(formatIsoWeek(addWeeks(week, -1)));
    const waiting = before?.value.recipients.filter((r) => r.status === 'pending').length ?? 0;
    if (waiting > 0) this.deps.logger.warn({ week: before!.value.id, waiting }, 'weekly digest run left unfinished: a new week has begun');
  }

  private async lease(run: Stored<DigestRun>): Promise<{ run: Stored<DigestRun>; memberIds: string[]; leaseId: string } | undefined> {
    const now = this.deps.clock.now();
    const memberIds = dueRecipients(run.value, now).slice(0, BATCH).map((r) => r.memberId);
    if (memberIds.length === 0) return undefined;
    const leaseId = randomUUID();
    try {
      const leased = await this.deps.runs.replace(leaseRecipients(run.value, memberIds, new Date(now.getTime() + this.deps.leaseMs), leaseId), run.etag);
      return { run: leased, memberIds, leaseId };
    } catch (error) {
      // Another instance leased them first: they are in hand.
      if (isDomainError(error, ErrorCodes.storeConflict)) return undefined;
      throw error;
    }
  }

  private async send(memberId: string, week: IsoWeek, run: DigestRun, sameScope: Map<string, Digest>): Promise<DigestOutcome> {
    const attempts = run.recipients.find((r) => r.memberId === memberId)?.attempts ?? 0;
    let shown: { activityId: string; to: ConversationAddress; role: 'manager' | 'coordinator' };
    try {
      // Built at sending time, from the member's scope now: someone who lost the role gets nothing.
      const { digest, scope, role } = await this.deps.readDigest.forMember(memberId, week, sameScope);
      const to = await personalChatOf(this.deps.directory, this.deps.messenger, memberId);
      const card = await this.deps.render(digest, scope, to);
      // One deadline for the wait for a turn under the rate limits and for the call itself, well
      // inside the lease: a digest given up on is cancelled for real, so it cannot land later.
      // Its timer goes as soon as the call has ended.
      const deadline = callDeadline(this.deps.leaseMs * CALL_SHARE_OF_LEASE);
      try {
        const { activityId } = await this.deps.messenger.send(to, card, { signal: deadline.signal, beforeCall: this.stopping.signal });
        shown = { activityId, to, role };
      } finally {
        deadline.clear();
      }
    } catch (error) {
      return this.failure(memberId, week, attempts, error);
    }
    // Teams has it: whatever happens to the audit entry, it is never sent again.
    await this.auditSent(memberId, week, shown);
    return { memberId, kind: 'sent', activityId: shown.activityId };
  }

  private async auditSent(memberId: string, week: IsoWeek, shown: { to: ConversationAddress; role: 'manager' | 'coordinator' }): Promise<void> {
    try {
      await this.deps.audit.append({
        at: this.deps.clock.now().toISOString(),
        actorId: memberId,
        role: shown.role,
        action: 'digest.sent',
        objectId: formatIsoWeek(week),
        result: 'ok',
        origin: `${shown.to.channelId}:${shown.to.conversationId}`,
      });
    } catch (error) {
      this.deps.logger.error({ week: formatIsoWeek(week), memberId, errorName: error instanceof Error ? error.name : 'unknown' }, 'weekly digest sent but not audited');
    }
  }

  /** A refusal (lost the role) is final; Teams says whether its failure is; anything else is tried again. */
  private failure(memberId: string, week: IsoWeek, attempts: number, error: unknown): DigestOutcome {
    const code = error instanceof MessengerError ? error.code : isDomainError(error) ? error.code : error instanceof Error ? error.name : 'unknown';
    const retryable = error instanceof MessengerError ? error.retryable : !isDomainError(error);
    this.deps.logger.warn({ week: formatIsoWeek(week), memberId, code, attempt: attempts + 1 }, 'weekly digest not sent');
    // A wait for our own rate limiter, or a call handed back, sent nothing: no attempt.
    const counted = countsAsAttempt(code);
    if (!retryable || (counted && attempts + 1 >= MAX_ATTEMPTS)) return { memberId, kind: 'failed', error: code };
    if (code === HANDED_BACK) return { memberId, kind: 'retry', error: code, retryAt: this.deps.clock.now() };
    const waitMs = Math.max(error instanceof MessengerError ? (error.retryAfterMs ?? 0) : 0, Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** attempts));
    return { memberId, kind: 'retry', error: code, retryAt: new Date(this.deps.clock.now().getTime() + waitMs) };
  }

  private async record(week: IsoWeek, outcomes: DigestOutcome[], leaseId: string): Promise<void> {
    const id = formatIsoWeek(week);
    for (let attempt = 1; ; attempt++) {
      const current = await this.deps.runs.get(id);
      if (!current) return;
      try {
        await this.deps.runs.replace(applyDigestOutcomes(current.value, outcomes, leaseId, this.deps.clock.now()), current.etag);
        return;
      } catch (error) {
        if (!isDomainError(error, ErrorCodes.storeConflict) || attempt >= WRITE_TRIES) throw error;
      }
    }
  }
}
