import type { Container, ItemDefinition, SqlQuerySpec } from '@azure/cosmos';
import type { ChildIdentity } from '../../domain/child';
import type { SignalFacts } from '../../domain/digest/signal-facts';
import { DomainError, ErrorCodes } from '../../domain/errors';
import { identityExpiresAt } from '../../domain/forget-child';
import type { Signal } from '../../domain/signal';
import { countsFromFacts, type FactsScope, type WeekBounds, type WeeklyCounts } from '../../domain/digest/weekly-counts';
import { IssueNotAudited, type AuditEntry, type AuditLog, type SignalStore, type Stored } from '../../ports';
import { joinSignal, parseChildIdentity, parseSignalDocument, splitSignal, type SignalDocument } from '../signal-document';
import { parseSignalFacts } from '../signal-facts-document';
import { isUnreadable } from '../invalid-document-error';
import type { UnreadableSignal } from '../stores';
import { cosmosStatus, etagOf, domainFields } from './cosmos-documents';

/**
 * The digest's facts (`factsOf`) as a projection of the signals container alone, never the
 * identities: each field read from the record, the two delivery figures counted by subqueries
 * over its deliveries, so no delivery list crosses the wire. A missing field stays missing (and a
 * comparison with it undefined), which the facts schema then refuses.
 */
const FACTS_QUERY = `
  SELECT c.id, c.municipalityId, c.schoolId ?? c.bounce.schoolId AS schoolId, c.issuedAt,
    c.route = 'leerplicht' AS viaLeerplicht, c.state,
    EXISTS(SELECT VALUE d FROM d IN c.deliveries WHERE d.role = 'school_contact' AND IS_DEFINED(d.activityId)) AS delivered,
    c.schedule.dueAt AS dueAt, c.acknowledgement.at AS acknowledgedAt, c.support.firstRecordedAt AS supportRecordedAt,
    (IS_DEFINED(c.support) ? c.support.categories : []) AS supportCategories, c.support.priorConcern AS priorConcern,
    ARRAY_LENGTH(c.triedSchoolIds) > 0 AS bounced, c.state = 'unroutable' AS noSchool, IS_DEFINED(c.escalation) AS escalated,
    (SELECT VALUE COUNT(1) FROM d IN c.deliveries WHERE d.status = 'failed' AND NOT IS_DEFINED(d.activityId)) AS failedDeliveries
  FROM c
  WHERE (@@scope) AND c.issuedAt >= @from AND c.issuedAt < @to
  ORDER BY c.issuedAt ASC`;

/**
 * `IN (@id0, @id1, …)` for a list of municipality ids, one parameter each: Cosmos DB can tell from
 * an IN list on the partition key which partitions to read, where ARRAY_CONTAINS over a parameter
 * fans out to every partition.
 */
function idsIn(ids: string[], prefix = 'id'): { list: string; parameters: Array<{ name: string; value: string }> } {
  const parameters = ids.map((value, i) => ({ name: `@${prefix}${i}`, value }));
  return { list: parameters.map((p) => p.name).join(', '), parameters };
}

/**
 * The facts query's filter for a scope (`inFactsScope`), or undefined when it holds nothing. A
 * municipality scope stays in its partitions; schools take a cross-partition query, since leerplicht
 * places children at schools of other municipalities. The school is spelled out as `factsOf` has
 * it (`schoolId`, else the school that sent it back) so each path can use its range index.
 */
function factsScopeFilter(scope: FactsScope): { filter: string; parameters: Array<{ name: string; value: string }> } | undefined {
  const municipalities = idsIn(scope.municipalityIds, 'm');
  const schools = idsIn(scope.schoolIds, 's');
  const terms = [
    ...(scope.municipalityIds.length > 0 ? [`c.municipalityId IN (${municipalities.list})`] : []),
    ...(scope.schoolIds.length > 0
      ? [`c.schoolId IN (${schools.list})`, `(NOT IS_DEFINED(c.schoolId) AND c.bounce.schoolId IN (${schools.list}))`]
      : []),
  ];
  if (terms.length === 0) return undefined;
  return { filter: terms.join(' OR '), parameters: [...municipalities.parameters, ...schools.parameters] };
}

/** A child's identity: its own document, written once at issue and deleted when forgotten. */
export interface IdentityDocument {
  /** The signal's id. */
  id: string;
  child: ChildIdentity;
  expiresAt: string;
  /**
   * Seconds until Cosmos DB deletes it by itself: a backstop behind the forgetting job. Counted
   * from the write, which is the issue: the document is never rewritten, so the clock never restarts.
   */
  ttl: number;
}

/** Claims a reference code; `id` is the code, so a second claim is a 409 in any partition. */
interface ReferenceReservation {
  id: string;
  signalId: string;
  municipalityId: string;
}

/**
 * Signals partitioned by municipality. `reference`, `municipalityId` (the partition key) and `id`
 * are fixed at create: a replace that changes the municipality finds no document and conflicts;
 * a changed reference is not detected here (that would cost a read per write), and the domain
 * never changes one. Cosmos DB keeps ids unique per partition only; ids are UUIDs.
 */
export class CosmosSignalStore implements SignalStore {
  /** Identities whose record was written without them but whose delete failed: retried each tick. */
  private readonly identitiesToDelete = new Set<string>();

  constructor(
    private readonly signals: Container,
    private readonly references: Container,
    private readonly identities: Container,
    /** Where the issue's entry goes: another container, so after the signal, not with it. */
    private readonly audit: AuditLog,
    private readonly onUnreadable: UnreadableSignal = () => {},
  ) {}

  async create(signal: Signal, issued?: AuditEntry): Promise<Stored<Signal>> {
    const { document, child } = splitSignal(signal);
    await this.reserve({ id: document.reference, signalId: document.id, municipalityId: document.municipalityId });
    // If a write below fails the reservation stays: it costs one unused code, whereas releasing it
    // after an unclear failure (a timeout that did write) could let two signals share a code.
    // The identity goes first: a signal is never readable without the child it was issued for.
    // Should the signal's write then fail, the identity's own ttl removes it.
    const identity = child ? await this.createIdentity(document, child) : undefined;
    let resource: ItemDefinition | undefined;
    try {
      ({ resource } = await this.signals.items.create(document));
      if (!resource) throw new Error('Cosmos DB returned no document for a create');
    } catch (error) {
      if (cosmosStatus(error) !== 409) throw error;
      // 409: a signal with this id exists already (a repeated submission, or one whose child is
      // forgotten); never overwrite it, and take back an identity written for it just now.
      if (identity?.created) await this.deleteIdentity(document.id, identity.created);
      throw new DomainError(ErrorCodes.storeConflict, { signalId: document.id });
    }
    // The signal is new, yet an identity with its id was there: left by an earlier create of this
    // id that failed after writing it. It is this signal's now, with this signal's child.
    if (identity && !identity.created) await this.identities.items.upsert(identity.document);
    const stored = { value: joinSignal(parseSignalDocument(domainFields(resource)), child), etag: etagOf(resource) };
    if (issued) {
      try {
        await this.audit.append(issued);
      } catch {
        // The signal is there: its cards must go all the same, so the caller learns which it is.
        throw new IssueNotAudited(stored);
      }
    }
    return stored;
  }

  async get(id: string): Promise<Stored<Signal> | undefined> {
    // The partition is unknown here, so this is a cross-partition query rather than a point read.
    const [found] = await this.query({
      query: 'SELECT * FROM c WHERE c.id = @id',
      parameters: [{ name: '@id', value: id }],
    });
    return found;
  }

  async getByReference(reference: string): Promise<Stored<Signal> | undefined> {
    const { resource: reservation } = await this.references.item(reference, reference).read<ReferenceReservation>();
    if (!reservation) return undefined;
    const { resource } = await this.signals.item(reservation.signalId, reservation.municipalityId).read();
    const found = resource && (await this.withChild(resource));
    // A reservation whose signal was never written (a failed create) leads nowhere.
    return found?.value.reference === reference ? found : undefined;
  }

  async replace(signal: Signal, etag: string): Promise<Stored<Signal>> {
    const { document, child } = splitSignal(signal);
    let resource: ItemDefinition | undefined;
    try {
      ({ resource } = await this.signals
        .item(document.id, document.municipalityId)
        .replace(document, { accessCondition: { type: 'IfMatch', condition: etag } }));
      if (!resource) throw new Error('Cosmos DB returned no document for a replace');
    } catch (error) {
      // 412: someone wrote since `etag` was read. 404: no such signal in this municipality.
      const status = cosmosStatus(error);
      if (status === 412 || status === 404) throw new DomainError(ErrorCodes.storeConflict, { signalId: document.id });
      throw error;
    }
    // Deleted only after the record says so: a write that lost a race must not take the child
    // from the version that won. The record's write stands even when this delete fails (the
    // change is then audited and its cards redrawn like any other): the delete is tried again at
    // the next tick, and the identity's TTL is the backstop behind that.
    if (!child) await this.deleteIdentityOrRetryLater(document.id);
    return { value: joinSignal(parseSignalDocument(domainFields(resource)), child), etag: etagOf(resource) };
  }

  async purgeIssuedBefore(cutoff: Date, limit: number): Promise<number> {
    const { resources } = await this.signals.items
      .query<{ id: string; municipalityId: string; reference: string }>({
        query: 'SELECT TOP @limit c.id, c.municipalityId, c.reference FROM c WHERE c.issuedAt < @cutoff ORDER BY c.issuedAt ASC',
        parameters: [
          { name: '@limit', value: limit },
          { name: '@cutoff', value: cutoff.toISOString() },
        ],
      })
      .fetchAll();
    for (const { id, municipalityId, reference } of resources) {
      await this.deleteIdentity(id);
      await ignoreNotFound(this.signals.item(id, municipalityId).delete());
      // The code is free again, as in the other stores; only this record's own reservation goes.
      const { resource: reservation } = await this.references.item(reference, reference).read<ReferenceReservation>();
      if (reservation?.signalId === id) await ignoreNotFound(this.references.item(reference, reference).delete());
    }
    return resources.length;
  }

  async purgeExpiredIdentities(now: Date, limit: number): Promise<number> {
    const { resources } = await this.identities.items
      .query<{ id: string }>({
        query: 'SELECT TOP @limit c.id FROM c WHERE c.expiresAt <= @now',
        parameters: [
          { name: '@limit', value: limit },
          { name: '@now', value: now.toISOString() },
        ],
      })
      .fetchAll();
    for (const { id } of resources) await this.deleteIdentity(id);
    return resources.length;
  }

  async listIssuedBy(memberId: string, since: Date): Promise<Signal[]> {
    const found = await this.query({
      query: 'SELECT * FROM c WHERE c.issuedBy = @memberId AND c.issuedAt >= @since ORDER BY c.issuedAt DESC',
      parameters: [
        { name: '@memberId', value: memberId },
        { name: '@since', value: since.toISOString() },
      ],
    });
    return found.map((s) => s.value);
  }

  async listAwaitingRouting(municipalityIds: string[]): Promise<Signal[]> {
    if (municipalityIds.length === 0) return [];
    // The municipality is the partition key: the filter keeps the query to those partitions.
    const found = await this.query({
      query: `SELECT * FROM c WHERE c.municipalityId IN (${idsIn(municipalityIds).list}) AND c.state = 'awaiting_routing' ORDER BY c.issuedAt ASC`,
      parameters: idsIn(municipalityIds).parameters,
    });
    return found.map((s) => s.value);
  }

  async listFactsIssuedBetween(scope: FactsScope, from: Date, to: Date): Promise<SignalFacts[]> {
    const inScope = factsScopeFilter(scope);
    if (!inScope) return [];
    const { resources } = await this.signals.items
      .query<unknown>({
        query: FACTS_QUERY.replace('@@scope', inScope.filter),
        parameters: [
          ...inScope.parameters,
          { name: '@from', value: from.toISOString() },
          { name: '@to', value: to.toISOString() },
        ],
      })
      .fetchAll();
    return resources.map(parseSignalFacts);
  }

  /** Counted from the facts: Cosmos DB reads them from the scope's partitions by its range index. */
  async countWeeklyHeadlines(scope: FactsScope, weeks: WeekBounds[]): Promise<WeeklyCounts[]> {
    return countsFromFacts((read, from, to) => this.listFactsIssuedBetween(read, from, to), scope, weeks);
  }

  async listDispatchDue(now: Date, limit: number): Promise<Stored<Signal>[]> {
    // Documents without dispatchDueAt compare as undefined and so never match.
    return this.scan({
      query: 'SELECT TOP @limit * FROM c WHERE c.dispatchDueAt <= @now ORDER BY c.dispatchDueAt ASC',
      parameters: [
        { name: '@limit', value: limit },
        { name: '@now', value: now.toISOString() },
      ],
    });
  }

  async listDeadlinesDue(now: Date, limit: number): Promise<Stored<Signal>[]> {
    await this.retryIdentityDeletes();
    // Documents without nextDeadlineAt (nothing pending) compare as undefined and so never match.
    return this.scan({
      query: 'SELECT TOP @limit * FROM c WHERE c.nextDeadlineAt <= @now ORDER BY c.nextDeadlineAt ASC',
      parameters: [
        { name: '@limit', value: limit },
        { name: '@now', value: now.toISOString() },
      ],
    });
  }

  private async reserve(reservation: ReferenceReservation): Promise<void> {
    try {
      await this.references.items.create(reservation);
    } catch (error) {
      if (cosmosStatus(error) !== 409) throw error;
      throw new DomainError(ErrorCodes.referenceTaken, { signalId: reservation.signalId });
    }
  }

  /**
   * Writes the identity only if none has this id: an existing one is never overwritten here (that
   * would swap the child of a stored signal, or restart its TTL clock). `created` is the new
   * document's etag, absent when one was there already.
   */
  private async createIdentity(document: SignalDocument, child: ChildIdentity): Promise<{ document: IdentityDocument; created?: string }> {
    const expiresAt = identityExpiresAt(document);
    const ttl = Math.max(1, Math.ceil((expiresAt.getTime() - Date.parse(document.issuedAt)) / 1000));
    const identity: IdentityDocument = { id: document.id, child, expiresAt: expiresAt.toISOString(), ttl };
    try {
      const { resource } = await this.identities.items.create(identity);
      if (!resource) throw new Error('Cosmos DB returned no document for a create');
      return { document: identity, created: etagOf(resource) };
    } catch (error) {
      // 409: already there. Whether it stays is decided by the signal's create.
      if (cosmosStatus(error) === 409) return { document: identity };
      throw error;
    }
  }

  /** Deletes a signal's identity; with `etag`, only that version of it (one another writer changed stays). */
  private async deleteIdentityOrRetryLater(signalId: string): Promise<void> {
    try {
      await this.deleteIdentity(signalId);
    } catch {
      // Kept for the next tick; never the reason a write that went through looks failed.
      this.identitiesToDelete.add(signalId);
    }
  }

  /** Identity deletes that failed after their record was written, tried again (each scheduler tick). */
  private async retryIdentityDeletes(): Promise<void> {
    for (const signalId of [...this.identitiesToDelete]) {
      try {
        await this.deleteIdentity(signalId);
        this.identitiesToDelete.delete(signalId);
      } catch {
        // Still failing: the next tick tries again, and the TTL removes it in the end.
        break;
      }
    }
  }

  private async deleteIdentity(signalId: string, etag?: string): Promise<void> {
    try {
      await this.identities.item(signalId, signalId).delete(etag ? { accessCondition: { type: 'IfMatch', condition: etag } } : undefined);
    } catch (error) {
      const status = cosmosStatus(error);
      if (status !== 404 && !(etag && status === 412)) throw error;
    }
  }

  private async withChild(resource: ItemDefinition): Promise<Stored<Signal>> {
    const document = parseSignalDocument(domainFields(resource));
    // A forgotten record is never joined again; nothing to read.
    const child = document.redactedAt ? undefined : await this.readChild(document.id);
    return { value: joinSignal(document, child), etag: etagOf(resource) };
  }

  private async readChild(signalId: string): Promise<ChildIdentity | undefined> {
    const { resource } = await this.identities.item(signalId, signalId).read<IdentityDocument>();
    return resource && parseChildIdentity(resource.child);
  }

  /** A scan for due work: each document that cannot be read is skipped and reported, not fatal to the rest. */
  private async scan(spec: SqlQuerySpec): Promise<Stored<Signal>[]> {
    const { resources } = await this.signals.items.query<ItemDefinition>(spec).fetchAll();
    const read = await Promise.all(
      resources.map(async (resource) => {
        try {
          return [await this.withChild(resource)];
        } catch (error) {
          if (!isUnreadable(error)) throw error;
          this.onUnreadable(String(resource.id), error.name);
          return [];
        }
      }),
    );
    return read.flat();
  }

  private async query(spec: SqlQuerySpec): Promise<Stored<Signal>[]> {
    const { resources } = await this.signals.items.query<ItemDefinition>(spec).fetchAll();
    return Promise.all(resources.map((r) => this.withChild(r)));
  }
}

async function ignoreNotFound(request: Promise<unknown>): Promise<void> {
  try {
    await request;
  } catch (error) {
    if (cosmosStatus(error) !== 404) throw error;
  }
}
