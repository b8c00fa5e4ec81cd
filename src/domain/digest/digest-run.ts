/**
 * One week's sending of the digest: who gets it, fixed when the run starts (a manager added later
 * waits for next week's), and per recipient whether Teams has it. The run document is its own
 * outbox, like a signal: each recipient is leased before sending and marked once Teams confirmed,
 * so several instances and a restart mid-run still send each digest once.
 */
import type { IsoWeek } from './iso-week';
import { formatIsoWeek } from './iso-week';
import { countsAsAttempt } from '../call-attempts';

export interface DigestRecipient {
  memberId: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  /** While pending: when an instance may (next) work on it; a lease while one is sending. */
  nextAttemptAt: string;
  /** Which instance's lease holds it. */
  leaseId?: string;
  sentAt?: string;
  activityId?: string;
  lastError?: string;
}

export interface DigestRun {
  /** The week's code, e.g. `2026-W47`: one run per week. */
  id: string;
  week: IsoWeek;
  startedAt: string;
  recipients: DigestRecipient[];
}

export function startDigestRun(week: IsoWeek, memberIds: string[], now: Date): DigestRun {
  const at = now.toISOString();
  return {
    id: formatIsoWeek(week),
    week,
    startedAt: at,
    recipients: [...new Set(memberIds)].sort().map((memberId) => ({ memberId, status: 'pending', attempts: 0, nextAttemptAt: at })),
  };
}

/** The recipients one instance may send to now. */
export function dueRecipients(run: DigestRun, now: Date): DigestRecipient[] {
  const at = now.toISOString();
  return run.recipients.filter((r) => r.status === 'pending' && r.nextAttemptAt <= at);
}

/** Holds the due recipients for one instance until `until`. */
export function leaseRecipients(run: DigestRun, memberIds: string[], until: Date, leaseId: string): DigestRun {
  const held = new Set(memberIds);
  return {
    ...run,
    recipients: run.recipients.map((r) => (held.has(r.memberId) ? { ...r, nextAttemptAt: until.toISOString(), leaseId } : r)),
  };
}

export type DigestOutcome =
  | { memberId: string; kind: 'sent'; activityId: string }
  | { memberId: string; kind: 'retry'; error: string; retryAt: Date }
  | { memberId: string; kind: 'failed'; error: string };

/** Records what one instance achieved; only for recipients still held by its lease. */
export function applyDigestOutcomes(run: DigestRun, outcomes: DigestOutcome[], leaseId: string, now: Date): DigestRun {
  return {
    ...run,
    recipients: run.recipients.map((r): DigestRecipient => {
      const outcome = outcomes.find((o) => o.memberId === r.memberId);
      if (!outcome || r.leaseId !== leaseId || r.status !== 'pending') return r;
      const rest: DigestRecipient = { ...r };
      delete rest.leaseId;
      if (outcome.kind === 'sent') return { ...rest, status: 'sent', sentAt: now.toISOString(), activityId: outcome.activityId, attempts: r.attempts + 1 };
      if (outcome.kind === 'retry') {
        return { ...rest, attempts: r.attempts + (countsAsAttempt(outcome.error) ? 1 : 0), nextAttemptAt: outcome.retryAt.toISOString(), lastError: outcome.error };
      }
      return { ...rest, status: 'failed', attempts: r.attempts + 1, lastError: outcome.error };
    }),
  };
}
