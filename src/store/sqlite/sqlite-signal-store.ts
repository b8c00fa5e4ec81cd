import type { Database, Statement } from 'better-sqlite3';
import { DomainError, ErrorCodes } from '../../domain/errors';
import type { Signal } from '../../domain/signal';
import type { SignalStore, Stored } from '../../ports';
import { parseSignalDocument } from '../signal-document';
import { signalSql } from './signal-sql';

interface SignalRow {
  document: string;
  version: number;
}

/** The columns written for a signal: the indexed fields beside the whole document. */
export interface SignalColumns {
  id: string;
  reference: string;
  municipalityId: string;
  schoolId: string | null;
  state: string;
  issuedBy: string;
  issuedAt: string;
  dispatchDueAt: string | null;
  nextDeadlineAt: string | null;
  document: string;
}

/** Signals as one JSON document per row, beside the columns its queries need; etag = row version. */
export class SqliteSignalStore implements SignalStore {
  private readonly insert: Statement<[SignalColumns]>;
  private readonly update: Statement<[SignalColumns & { version: number }]>;
  private readonly byId: Statement<[string], SignalRow>;
  private readonly byReference: Statement<[string], SignalRow>;
  private readonly issuedBy: Statement<[string, string], Pick<SignalRow, 'document'>>;
  private readonly awaitingRouting: Statement<[string], Pick<SignalRow, 'document'>>;
  private readonly dispatchDue: Statement<[string, number], SignalRow>;
  private readonly deadlinesDue: Statement<[string, number], SignalRow>;

  constructor(db: Database) {
    this.insert = db.prepare(signalSql.insert);
    this.update = db.prepare(signalSql.update);
    this.byId = db.prepare(signalSql.getById);
    this.byReference = db.prepare(signalSql.getByReference);
    this.issuedBy = db.prepare(signalSql.listIssuedBy);
    this.awaitingRouting = db.prepare(signalSql.listAwaitingRouting);
    this.dispatchDue = db.prepare(signalSql.listDispatchDue);
    this.deadlinesDue = db.prepare(signalSql.listDeadlinesDue);
  }

  async create(signal: Signal): Promise<Stored<Signal>> {
    const row = signalColumns(parseSignalDocument(signal));
    try {
      this.insert.run(row);
    } catch (error) {
      // The reference's unique index and the id's primary key each have their own code.
      const code = sqliteCode(error);
      if (code === 'SQLITE_CONSTRAINT_UNIQUE') throw new DomainError(ErrorCodes.referenceTaken, { signalId: signal.id });
      if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new DomainError(ErrorCodes.storeConflict, { signalId: signal.id });
      throw error;
    }
    return stored({ document: row.document, version: 1 });
  }

  async get(id: string): Promise<Stored<Signal> | undefined> {
    const row = this.byId.get(id);
    return row && stored(row);
  }

  async getByReference(reference: string): Promise<Stored<Signal> | undefined> {
    const row = this.byReference.get(reference);
    return row && stored(row);
  }

  async replace(signal: Signal, etag: string): Promise<Stored<Signal>> {
    const row = signalColumns(parseSignalDocument(signal));
    // An etag this store never issued matches no row: version -1 never exists.
    const version = /^\d+$/.test(etag) ? Number(etag) : -1;
    const { changes } = this.update.run({ ...row, version });
    if (changes === 0) throw new DomainError(ErrorCodes.storeConflict, { signalId: signal.id });
    return stored({ document: row.document, version: version + 1 });
  }

  async listIssuedBy(memberId: string, since: Date): Promise<Signal[]> {
    return this.issuedBy.all(memberId, since.toISOString()).map((row) => parseSignalDocument(JSON.parse(row.document)));
  }

  async listAwaitingRouting(municipalityIds: string[]): Promise<Signal[]> {
    return this.awaitingRouting
      .all(JSON.stringify(municipalityIds))
      .map((row) => parseSignalDocument(JSON.parse(row.document)));
  }

  async listDispatchDue(now: Date, limit: number): Promise<Stored<Signal>[]> {
    return this.dispatchDue.all(now.toISOString(), limit).map(stored);
  }

  async listDeadlinesDue(now: Date, limit: number): Promise<Stored<Signal>[]> {
    return this.deadlinesDue.all(now.toISOString(), limit).map(stored);
  }
}

export function signalColumns(signal: Signal): SignalColumns {
  return {
    id: signal.id,
    reference: signal.reference,
    municipalityId: signal.municipalityId,
    schoolId: signal.schoolId ?? null,
    state: signal.state,
    issuedBy: signal.issuedBy,
    issuedAt: signal.issuedAt,
    dispatchDueAt: signal.dispatchDueAt ?? null,
    nextDeadlineAt: signal.nextDeadlineAt ?? null,
    document: JSON.stringify(signal),
  };
}

/** What was stored, read back: JSON drops `undefined` fields, so a write returns what a read will. */
function stored(row: SignalRow): Stored<Signal> {
  return { value: parseSignalDocument(JSON.parse(row.document)), etag: String(row.version) };
}

/**
 * better-sqlite3's error code. Read by shape, not `instanceof`: the native addon's errors may come
 * from another realm (a test runner's sandbox), where `instanceof Error` is false.
 */
function sqliteCode(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}
