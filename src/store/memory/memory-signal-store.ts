import { factsOf, type SignalFacts } from '../../domain/digest/signal-facts';
import { DomainError, ErrorCodes } from '../../domain/errors';
import { identityExpiresAt } from '../../domain/forget-child';
import type { Signal } from '../../domain/signal';
import { countsFromFacts, inFactsScope, type FactsScope, type WeekBounds, type WeeklyCounts } from '../../domain/digest/weekly-counts';
import type { AuditEntry, SignalStore, Stored } from '../../ports';
import { joinSignal, parseChildIdentity, parseSignalDocument, splitSignal, type SignalDocument } from '../signal-document';
import { parseSignalFacts } from '../signal-facts-document';
import type { MemoryAuditLog } from './memory-audit-log';

/** A child's identity, kept apart from the signal as the real stores keep it. */
interface Identity {
  json: string;
  expiresAt: string;
}

interface Entry {
  id: string;
  reference: string;
  municipalityId: string;
  state: Signal['state'];
  issuedBy: string;
  issuedAt: string;
  dispatchDueAt: string | undefined;
  nextDeadlineAt: string | undefined;
  json: string;
  etag: string;
}

/**
 * In-memory SignalStore for unit tests, held to the same contract as the real stores. It keeps
 * JSON text, as they do: every read is a fresh copy, and `undefined` fields vanish exactly as
 * they do in SQLite and Cosmos DB.
 */
export class MemorySignalStore implements SignalStore {
  private readonly byId = new Map<string, Entry>();
  private readonly identities = new Map<string, Identity>();
  private lastVersion = 0;

  constructor(private readonly audit: MemoryAuditLog) {}

  /** The entry is appended only once the create cannot be refused, as in one transaction. */
  async create(signal: Signal, issued?: AuditEntry): Promise<Stored<Signal>> {
    const { document: value, child } = splitSignal(signal);
    if (this.entries().some((entry) => entry.reference === value.reference)) {
      throw new DomainError(ErrorCodes.referenceTaken, { signalId: value.id });
    }
    // A repeated id is a repeated submission: never overwrite the signal that has it.
    if (this.byId.has(value.id)) throw new DomainError(ErrorCodes.storeConflict, { signalId: value.id });
    if (issued) this.audit.appendNow(issued);
    if (child) this.identities.set(value.id, { json: JSON.stringify(child), expiresAt: identityExpiresAt(value).toISOString() });
    return this.put(value);
  }

  async get(id: string): Promise<Stored<Signal> | undefined> {
    const entry = this.byId.get(id);
    return entry && this.stored(id, entry);
  }

  async getByReference(reference: string): Promise<Stored<Signal> | undefined> {
    const found = [...this.byId].find(([, e]) => e.reference === reference);
    return found && this.stored(...found);
  }

  async replace(signal: Signal, etag: string): Promise<Stored<Signal>> {
    const { document: value, child } = splitSignal(signal);
    const current = this.byId.get(value.id);
    // id, reference and municipality are fixed at create (Cosmos partitions and reserves by them).
    const unchanged =
      current?.etag === etag &&
      current.reference === value.reference &&
      current.municipalityId === value.municipalityId;
    if (!unchanged) throw new DomainError(ErrorCodes.storeConflict, { signalId: value.id });
    if (!child) this.identities.delete(value.id);
    return this.put(value);
  }

  async countWeeklyHeadlines(scope: FactsScope, weeks: WeekBounds[]): Promise<WeeklyCounts[]> {
    return countsFromFacts((read, from, to) => this.listFactsIssuedBetween(read, from, to), scope, weeks);
  }

  async purgeIssuedBefore(cutoff: Date, limit: number): Promise<number> {
    const before = cutoff.toISOString();
    const old = [...this.byId]
      .filter(([, e]) => e.issuedAt < before)
      .sort(([, a], [, b]) => compare(a.issuedAt, b.issuedAt))
      .slice(0, limit);
    for (const [id] of old) {
      this.byId.delete(id);
      this.identities.delete(id);
    }
    return old.length;
  }

  async purgeExpiredIdentities(now: Date, limit: number): Promise<number> {
    const at = now.toISOString();
    const expired = [...this.identities].filter(([, i]) => i.expiresAt <= at).slice(0, limit);
    for (const [id] of expired) this.identities.delete(id);
    return expired.length;
  }

  async listIssuedBy(memberId: string, since: Date): Promise<Signal[]> {
    const from = since.toISOString();
    return this.entries()
      .filter((entry) => entry.issuedBy === memberId && entry.issuedAt >= from)
      .sort((a, b) => compare(b.issuedAt, a.issuedAt))
      .map((entry) => this.stored(entry.id, entry).value);
  }

  async listAwaitingRouting(municipalityIds: string[]): Promise<Signal[]> {
    return this.entries()
      .filter((entry) => entry.state === 'awaiting_routing' && municipalityIds.includes(entry.municipalityId))
      .sort((a, b) => compare(a.issuedAt, b.issuedAt))
      .map((entry) => this.stored(entry.id, entry).value);
  }

  /** `factsOf` over the stored records alone: the identities are never looked at. */
  async listFactsIssuedBetween(scope: FactsScope, from: Date, to: Date): Promise<SignalFacts[]> {
    const [start, end] = [from.toISOString(), to.toISOString()];
    return this.entries()
      .filter((entry) => entry.issuedAt >= start && entry.issuedAt < end)
      .sort((a, b) => compare(a.issuedAt, b.issuedAt))
      .map((entry) => parseSignalFacts(factsOf(parseSignalDocument(JSON.parse(entry.json)))))
      .filter((facts) => inFactsScope(scope, facts));
  }

  async listDispatchDue(now: Date, limit: number): Promise<Stored<Signal>[]> {
    const until = now.toISOString();
    return this.entries()
      .filter((entry) => entry.dispatchDueAt !== undefined && entry.dispatchDueAt <= until)
      .sort((a, b) => compare(a.dispatchDueAt, b.dispatchDueAt))
      .slice(0, limit)
      .map((entry) => this.stored(entry.id, entry));
  }

  async listDeadlinesDue(now: Date, limit: number): Promise<Stored<Signal>[]> {
    const until = now.toISOString();
    return this.entries()
      .filter((entry) => entry.nextDeadlineAt !== undefined && entry.nextDeadlineAt <= until)
      .sort((a, b) => compare(a.nextDeadlineAt, b.nextDeadlineAt))
      .slice(0, limit)
      .map((entry) => this.stored(entry.id, entry));
  }

  private entries(): Entry[] {
    return [...this.byId.values()];
  }

  private stored(id: string, entry: Entry): Stored<Signal> {
    const identity = this.identities.get(id);
    const document = parseSignalDocument(JSON.parse(entry.json));
    return { value: joinSignal(document, identity && parseChildIdentity(JSON.parse(identity.json))), etag: entry.etag };
  }

  private put(value: SignalDocument): Stored<Signal> {
    const entry: Entry = {
      id: value.id,
      reference: value.reference,
      municipalityId: value.municipalityId,
      state: value.state,
      issuedBy: value.issuedBy,
      issuedAt: value.issuedAt,
      dispatchDueAt: value.dispatchDueAt,
      nextDeadlineAt: value.nextDeadlineAt,
      json: JSON.stringify(value),
      etag: String(++this.lastVersion),
    };
    this.byId.set(value.id, entry);
    return this.stored(value.id, entry);
  }
}

function compare(a = '', b = ''): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
