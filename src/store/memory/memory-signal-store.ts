import { DomainError, ErrorCodes } from '../../domain/errors';
import type { Signal } from '../../domain/signal';
import type { SignalStore, Stored } from '../../ports';
import { parseSignalDocument } from '../signal-document';

interface Entry {
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
  private lastVersion = 0;

  async create(signal: Signal): Promise<Stored<Signal>> {
    const value = parseSignalDocument(signal);
    if (this.entries().some((entry) => entry.reference === value.reference)) {
      throw new DomainError(ErrorCodes.referenceTaken, { signalId: value.id });
    }
    // A repeated id is a repeated submission: never overwrite the signal that has it.
    if (this.byId.has(value.id)) throw new DomainError(ErrorCodes.storeConflict, { signalId: value.id });
    return this.put(value);
  }

  async get(id: string): Promise<Stored<Signal> | undefined> {
    const entry = this.byId.get(id);
    return entry && stored(entry);
  }

  async getByReference(reference: string): Promise<Stored<Signal> | undefined> {
    const entry = this.entries().find((e) => e.reference === reference);
    return entry && stored(entry);
  }

  async replace(signal: Signal, etag: string): Promise<Stored<Signal>> {
    const value = parseSignalDocument(signal);
    const current = this.byId.get(value.id);
    // id, reference and municipality are fixed at create (Cosmos partitions and reserves by them).
    const unchanged =
      current?.etag === etag &&
      current.reference === value.reference &&
      current.municipalityId === value.municipalityId;
    if (!unchanged) throw new DomainError(ErrorCodes.storeConflict, { signalId: value.id });
    return this.put(value);
  }

  async listIssuedBy(memberId: string, since: Date): Promise<Signal[]> {
    const from = since.toISOString();
    return this.entries()
      .filter((entry) => entry.issuedBy === memberId && entry.issuedAt >= from)
      .sort((a, b) => compare(b.issuedAt, a.issuedAt))
      .map((entry) => stored(entry).value);
  }

  async listAwaitingRouting(municipalityIds: string[]): Promise<Signal[]> {
    return this.entries()
      .filter((entry) => entry.state === 'awaiting_routing' && municipalityIds.includes(entry.municipalityId))
      .sort((a, b) => compare(a.issuedAt, b.issuedAt))
      .map((entry) => stored(entry).value);
  }

  async listDispatchDue(now: Date, limit: number): Promise<Stored<Signal>[]> {
    const until = now.toISOString();
    return this.entries()
      .filter((entry) => entry.dispatchDueAt !== undefined && entry.dispatchDueAt <= until)
      .sort((a, b) => compare(a.dispatchDueAt, b.dispatchDueAt))
      .slice(0, limit)
      .map(stored);
  }

  async listDeadlinesDue(now: Date, limit: number): Promise<Stored<Signal>[]> {
    const until = now.toISOString();
    return this.entries()
      .filter((entry) => entry.nextDeadlineAt !== undefined && entry.nextDeadlineAt <= until)
      .sort((a, b) => compare(a.nextDeadlineAt, b.nextDeadlineAt))
      .slice(0, limit)
      .map(stored);
  }

  private entries(): Entry[] {
    return [...this.byId.values()];
  }

  private put(value: Signal): Stored<Signal> {
    const entry: Entry = {
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
    return stored(entry);
  }
}

function stored(entry: Entry): Stored<Signal> {
  return { value: parseSignalDocument(JSON.parse(entry.json)), etag: entry.etag };
}

function compare(a = '', b = ''): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
