import { isDomainError } from '../domain/errors';
import { REFERENCE_PATTERN } from '../domain/reference-code';
import type { AuditEntry, AuditLog, Clock, DirectoryStore, SignalStore } from '../ports';
import { requireRole } from './access';
import { sourceFields, type RequestSource } from './audit-trail';

/** Entries one answer shows; the rest is counted. */
export const AUDIT_TRAIL_LIMIT = 50;

const READ_ACTION = 'audit.read';

export interface ReadAuditTrailDeps {
  signals: SignalStore;
  directory: DirectoryStore;
  audit: AuditLog;
  clock: Clock;
}

export type AuditTrailResult =
  /** What was typed is no reference code. */
  | { kind: 'invalid' }
  /** No signal has this code, and nothing was ever recorded about it. */
  | { kind: 'unknown'; reference: string }
  /** `entries` newest first, at most the limit; `total` counts them all. */
  | { kind: 'found'; reference: string; entries: AuditEntry[]; total: number };

/**
 * `HWC-7F3K`, `hwc-7f3k` and `7F3K` all name the same signal; anything else names none. The
 * alphabet has no 0/O or 1/I/L, so nothing else needs forgiving.
 */
export function referenceFrom(typed: string | undefined): string | undefined {
  const code = (typed ?? '').trim().toUpperCase();
  const reference = code.startsWith('HWC-') ? code : `HWC-${code}`;
  return REFERENCE_PATTERN.test(reference) ? reference : undefined;
}

/**
 * An admin's `audit HWC-7F3K`: every entry about a signal, newest first — found by its reference
 * code, and by its id while the signal exists. Reading the trail is itself audited, refusals
 * included; the trail never holds the child, so neither does the answer.
 */
export class ReadAuditTrail {
  constructor(private readonly deps: ReadAuditTrailDeps) {}

  async execute(actorId: string, typed: string | undefined, source: RequestSource = {}, limit = AUDIT_TRAIL_LIMIT): Promise<AuditTrailResult> {
    const reference = referenceFrom(typed);
    const record = (result: AuditEntry['result']) =>
      this.deps.audit.append({
        at: this.deps.clock.now().toISOString(),
        actorId,
        role: 'admin',
        action: READ_ACTION,
        ...(reference ? { objectId: reference } : {}),
        result,
        ...sourceFields(source),
      });
    try {
      await requireRole(this.deps.directory, actorId, 'admin');
    } catch (error) {
      if (isDomainError(error)) await record('refused');
      throw error;
    }
    if (!reference) return { kind: 'invalid' };
    const { signalExists, entries } = await this.entriesAbout(reference);
    // Earlier looks at an unknown code are recorded under it too; they do not make it known.
    if (!signalExists && entries.every((e) => e.action === READ_ACTION)) {
      await record('refused');
      return { kind: 'unknown', reference };
    }
    await record('ok');
    return { kind: 'found', reference, entries: entries.slice(0, limit), total: entries.length };
  }

  /** Entries newest first; entries of the same moment latest-appended first. */
  private async entriesAbout(reference: string): Promise<{ signalExists: boolean; entries: AuditEntry[] }> {
    const signal = await this.deps.signals.getByReference(reference);
    const byId = signal ? await this.deps.audit.list(signal.value.id) : [];
    // A code is free again once its record is purged: entries from before this signal was issued
    // are about an earlier child with the same code, and never join this one's trail.
    const byReference = (await this.deps.audit.list(reference)).filter((e) => !signal || e.at >= signal.value.issuedAt);
    // Each list is oldest first; a stable sort keeps each one's append order among equal times.
    const oldestFirst = [...byId, ...byReference].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    return { signalExists: signal !== undefined, entries: oldestFirst.reverse() };
  }
}
