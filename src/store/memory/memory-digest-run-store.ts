import type { DigestRun } from '../../domain/digest/digest-run';
import { DomainError, ErrorCodes } from '../../domain/errors';
import type { DigestRunStore, Stored } from '../../ports';
import { parseDigestRunDocument } from '../digest-run-document';

/** In-memory DigestRunStore for unit tests; keeps JSON text, so reads are copies as in a real store. */
export class MemoryDigestRunStore implements DigestRunStore {
  private readonly runs = new Map<string, { json: string; etag: string }>();
  private lastVersion = 0;

  async create(run: DigestRun): Promise<Stored<DigestRun>> {
    const value = parseDigestRunDocument(run);
    if (this.runs.has(value.id)) throw new DomainError(ErrorCodes.storeConflict, { digestRunId: value.id });
    return this.put(value);
  }

  async get(id: string): Promise<Stored<DigestRun> | undefined> {
    const entry = this.runs.get(id);
    return entry && { value: parseDigestRunDocument(JSON.parse(entry.json)), etag: entry.etag };
  }

  async replace(run: DigestRun, etag: string): Promise<Stored<DigestRun>> {
    const value = parseDigestRunDocument(run);
    if (this.runs.get(value.id)?.etag !== etag) throw new DomainError(ErrorCodes.storeConflict, { digestRunId: value.id });
    return this.put(value);
  }

  private put(value: DigestRun): Stored<DigestRun> {
    const entry = { json: JSON.stringify(value), etag: String(++this.lastVersion) };
    this.runs.set(value.id, entry);
    return { value: parseDigestRunDocument(JSON.parse(entry.json)), etag: entry.etag };
  }
}
