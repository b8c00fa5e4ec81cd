import type { Database, Statement, Transaction } from 'better-sqlite3';
import { factsOf, type SignalFacts } from '../../domain/digest/signal-facts';
import { DomainError, ErrorCodes } from '../../domain/errors';
import { identityExpiresAt } from '../../domain/forget-child';
import type { ChildIdentity } from '../../domain/child';
import type { Signal } from '../../domain/signal';
import type { FactsScope, WeekBounds, WeeklyCounts } from '../../domain/digest/weekly-counts';
import type { AuditEntry, SignalStore, Stored } from '../../ports';
import { isUnreadable } from '../invalid-document-error';
import type { UnreadableSignal } from '../stores';
import { joinSignal, parseChildIdentity, parseSignalDocument, splitSignal, type SignalDocument } from '../signal-document';
import { parseSignalFacts } from '../signal-facts-document';
import { signalSql } from './signal-sql';
import type { SqliteAuditLog } from './sqlite-audit-log';

interface SignalRow {
  id: string;
  document: string;
  version: number;
  /** The child's identity (JSON) from its own table; NULL once forgotten. */
  child: string | null;
}

/** A facts scope as the statements take it: each list one JSON array, so one statement serves any number. */
interface ScopeParameters {
  municipalities: string;
  schools: string;
}

function scopeParameters(scope: FactsScope): ScopeParameters {
  return { municipalities: JSON.stringify(scope.municipalityIds), schools: JSON.stringify(scope.schoolIds) };
}

/** One week's row of the trend's counts; weeks without records have none. */
interface WeeklyHeadlineRow {
  idx: number;
  issued: number;
  supportedWithin48h: number;
}

/** One row of `listFactsIssuedBetween`: SQL NULL for a missing field, 0/1 for a flag, the categories as JSON text. */
type FactsRow = { [K in keyof SignalFacts]-?: unknown };

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
  /** The digest's facts of the document (`factsOf`), as columns: flags as 0/1, categories as JSON. */
  factSchoolId: string | null;
  factViaLeerplicht: number;
  factDelivered: number;
  factDueAt: string | null;
  factAcknowledgedAt: string | null;
  factSupportAt: string | null;
  factSupportCategories: string;
  factPriorConcern: string | null;
  factBounced: number;
  factEscalated: number;
  factFailedDeliveries: number;
}

/**
 * Signals as one JSON document per row, beside the columns its queries need; etag = row version.
 * The child's identity is a row of its own, written with the signal and deleted in the same
 * transaction as the write that forgets it. The audit entry goes in the signal's
 * transaction too: one commit where there would be two, on the path of every new card.
 */
export class SqliteSignalStore implements SignalStore {
  private readonly insert: Transaction<(row: SignalColumns, child: string | undefined, expiresAt: string, issued: AuditEntry | undefined) => void>;
  private readonly update: Transaction<(row: SignalColumns & { version: number }, forgotten: boolean) => number>;
  private readonly byId: Statement<[string], SignalRow>;
  private readonly byReference: Statement<[string], SignalRow>;
  private readonly issuedBy: Statement<[string, string], SignalRow>;
  private readonly awaitingRouting: Statement<[string], SignalRow>;
  private readonly factsIssued: Statement<[ScopeParameters & { from: string; to: string }], FactsRow>;
  private readonly weeklyHeadlines: Statement<[{ weeks: string; municipalities: string }], WeeklyHeadlineRow>;
  private readonly weeklyHeadlinesAtSchools: Statement<[ScopeParameters & { weeks: string }], WeeklyHeadlineRow>;
  private readonly dispatchDue: Statement<[string, number], SignalRow>;
  private readonly deadlinesDue: Statement<[string, number], SignalRow>;
  private readonly purgeIssued: Statement<[string, number]>;
  private readonly purgeIdentities: Statement<[string, number]>;
  private readonly db: Database;

  constructor(
    db: Database,
    audit: SqliteAuditLog,
    private readonly onUnreadable: UnreadableSignal = () => {},
  ) {
    this.db = db;
    const insertSignal = db.prepare<[SignalColumns]>(signalSql.insert);
    const updateSignal = db.prepare<[SignalColumns & { version: number }]>(signalSql.update);
    const insertIdentity = db.prepare<[string, string, string]>(signalSql.insertIdentity);
    const deleteIdentity = db.prepare<[string]>(signalSql.deleteIdentity);
    this.insert = db.transaction((row: SignalColumns, child: string | undefined, expiresAt: string, issued: AuditEntry | undefined) => {
      insertSignal.run(row);
      if (child !== undefined) insertIdentity.run(row.id, child, expiresAt);
      if (issued) audit.appendNow(issued);
    });
    this.update = db.transaction((row: SignalColumns & { version: number }, forgotten: boolean) => {
      const { changes } = updateSignal.run(row);
      // Only the write that won deletes the identity: a lost race changes nothing.
      if (changes > 0 && forgotten) deleteIdentity.run(row.id);
      return changes;
    });
    this.byId = db.prepare(signalSql.getById);
    this.byReference = db.prepare(signalSql.getByReference);
    this.issuedBy = db.prepare(signalSql.listIssuedBy);
    this.awaitingRouting = db.prepare(signalSql.listAwaitingRouting);
    this.factsIssued = db.prepare(signalSql.listFactsIssuedBetween);
    this.weeklyHeadlines = db.prepare(signalSql.countWeeklyHeadlines);
    this.weeklyHeadlinesAtSchools = db.prepare(signalSql.countWeeklyHeadlinesAtSchools);
    this.dispatchDue = db.prepare(signalSql.listDispatchDue);
    this.deadlinesDue = db.prepare(signalSql.listDeadlinesDue);
    this.purgeIssued = db.prepare(signalSql.purgeIssuedBefore);
    this.purgeIdentities = db.prepare(signalSql.purgeExpiredIdentities);
  }

  async create(signal: Signal, issued?: AuditEntry): Promise<Stored<Signal>> {
    const { document, child } = splitSignal(signal);
    const row = signalColumns(document);
    const childJson = child && JSON.stringify(child);
    try {
      this.insert(row, childJson, identityExpiresAt(document).toISOString(), issued);
    } catch (error) {
      // The reference's unique index and the id's primary key each have their own code.
      const code = sqliteCode(error);
      if (code === 'SQLITE_CONSTRAINT_UNIQUE') throw new DomainError(ErrorCodes.referenceTaken, { signalId: signal.id });
      if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new DomainError(ErrorCodes.storeConflict, { signalId: signal.id });
      throw error;
    }
    return written(row.document, child, 1);
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
    // The identity is written once, at create: a replace can only keep it or forget it.
    const { document, child } = splitSignal(signal);
    const row = signalColumns(document);
    // An etag this store never issued matches no row: version -1 never exists.
    const version = /^\d+$/.test(etag) ? Number(etag) : -1;
    const changes = this.update({ ...row, version }, child === undefined);
    if (changes === 0) throw new DomainError(ErrorCodes.storeConflict, { signalId: signal.id });
    return written(row.document, child, version + 1);
  }

  async listIssuedBy(memberId: string, since: Date): Promise<Signal[]> {
    return this.issuedBy.all(memberId, since.toISOString()).map((row) => stored(row).value);
  }

  async listAwaitingRouting(municipalityIds: string[]): Promise<Signal[]> {
    return this.awaitingRouting.all(JSON.stringify(municipalityIds)).map((row) => stored(row).value);
  }

  async listFactsIssuedBetween(scope: FactsScope, from: Date, to: Date): Promise<SignalFacts[]> {
    return this.factsIssued
      .all({ ...scopeParameters(scope), from: from.toISOString(), to: to.toISOString() })
      .map(factsOfRow);
  }

  /** The municipalities' records and the schools' records from elsewhere, counted apart and added. */
  async countWeeklyHeadlines(scope: FactsScope, weeks: WeekBounds[]): Promise<WeeklyCounts[]> {
    const parameters = { ...scopeParameters(scope), weeks: JSON.stringify(weeks.map((w) => [w.from.toISOString(), w.to.toISOString()])) };
    // Weeks without records have no row: they count zero.
    const counts = weeks.map(() => ({ issued: 0, supportedWithin48h: 0 }));
    const add = (rows: WeeklyHeadlineRow[]) => {
      for (const row of rows) {
        counts[row.idx]!.issued += row.issued;
        counts[row.idx]!.supportedWithin48h += row.supportedWithin48h;
      }
    };
    add(this.weeklyHeadlines.all({ weeks: parameters.weeks, municipalities: parameters.municipalities }));
    if (scope.schoolIds.length > 0) add(this.weeklyHeadlinesAtSchools.all(parameters));
    return counts;
  }

  async purgeIssuedBefore(cutoff: Date, limit: number): Promise<number> {
    return this.purgeIssued.run(cutoff.toISOString(), limit).changes;
  }

  async purgeExpiredIdentities(now: Date, limit: number): Promise<number> {
    const purged = this.purgeIdentities.run(now.toISOString(), limit).changes;
    // secure_delete zeroes a deleted identity in the database file, but the write-ahead log keeps
    // the page as it was until a checkpoint starts the log over. This runs with retention, hourly,
    // which bounds how long a forgotten name can linger there. A busy reader only postpones it.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return purged;
  }

  async listDispatchDue(now: Date, limit: number): Promise<Stored<Signal>[]> {
    return readableOnly(this.dispatchDue.all(now.toISOString(), limit), this.onUnreadable);
  }

  async listDeadlinesDue(now: Date, limit: number): Promise<Stored<Signal>[]> {
    return readableOnly(this.deadlinesDue.all(now.toISOString(), limit), this.onUnreadable);
  }
}

export function signalColumns(signal: SignalDocument): SignalColumns {
  const facts = factsOf(signal);
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
    factSchoolId: facts.schoolId ?? null,
    factViaLeerplicht: Number(facts.viaLeerplicht),
    factDelivered: Number(facts.delivered),
    factDueAt: facts.dueAt ?? null,
    factAcknowledgedAt: facts.acknowledgedAt ?? null,
    factSupportAt: facts.supportRecordedAt ?? null,
    factSupportCategories: JSON.stringify(facts.supportCategories),
    factPriorConcern: facts.priorConcern ?? null,
    factBounced: Number(facts.bounced),
    factEscalated: Number(facts.escalated),
    factFailedDeliveries: facts.failedDeliveries,
  };
}

/**
 * A facts row as `factsOf` shapes it: NULL becomes an absent field, 0/1 a boolean. Anything else
 * is passed on as it came, for the facts schema to refuse.
 */
function factsOfRow(row: FactsRow): SignalFacts {
  const flag = (value: unknown) => (value === 1 ? true : value === 0 ? false : value);
  // Built field by field (a year of a large municipality is tens of thousands of rows): NULL
  // becomes an absent field, 0/1 a boolean, the categories' JSON a list.
  const facts: Record<string, unknown> = {
    id: row.id,
    municipalityId: row.municipalityId,
    issuedAt: row.issuedAt,
    viaLeerplicht: flag(row.viaLeerplicht),
    state: row.state,
    delivered: flag(row.delivered),
    supportCategories: typeof row.supportCategories === 'string' ? JSON.parse(row.supportCategories) : row.supportCategories,
    bounced: flag(row.bounced),
    noSchool: flag(row.noSchool),
    escalated: flag(row.escalated),
    failedDeliveries: row.failedDeliveries,
  };
  if (row.schoolId !== null) facts.schoolId = row.schoolId;
  if (row.dueAt !== null) facts.dueAt = row.dueAt;
  if (row.acknowledgedAt !== null) facts.acknowledgedAt = row.acknowledgedAt;
  if (row.supportRecordedAt !== null) facts.supportRecordedAt = row.supportRecordedAt;
  if (row.priorConcern !== null) facts.priorConcern = row.priorConcern;
  return parseSignalFacts(facts);
}

/**
 * What a write returns: the record just checked (`splitSignal`) and written, as a later read gives
 * it back (the JSON round trip drops fields set to undefined), without checking it a second time.
 */
function written(documentJson: string, child: ChildIdentity | undefined, version: number): Stored<Signal> {
  return { value: joinSignal(JSON.parse(documentJson) as SignalDocument, child), etag: String(version) };
}

/** The rows of a scan for due work as signals, each one that cannot be read skipped and reported. */
function readableOnly(rows: SignalRow[], onUnreadable: UnreadableSignal): Stored<Signal>[] {
  return rows.flatMap((row) => {
    try {
      return [stored(row)];
    } catch (error) {
      if (!isUnreadable(error)) throw error;
      onUnreadable(row.id, error.name);
      return [];
    }
  });
}

function stored(row: SignalRow): Stored<Signal> {
  const child = row.child === null ? undefined : parseChildIdentity(JSON.parse(row.child));
  return { value: joinSignal(parseSignalDocument(JSON.parse(row.document)), child), etag: String(row.version) };
}

/**
 * better-sqlite3's error code. Read by shape, not `instanceof`: the native addon's errors may come
 * from another realm (a test runner's sandbox), where `instanceof Error` is false.
 */
function sqliteCode(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}
