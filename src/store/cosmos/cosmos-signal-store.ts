import type { Container, ItemDefinition, SqlQuerySpec } from '@azure/cosmos';
import { DomainError, ErrorCodes } from '../../domain/errors';
import type { Signal } from '../../domain/signal';
import type { SignalStore, Stored } from '../../ports';
import { parseSignalDocument } from '../signal-document';
import { cosmosStatus, etagOf, domainFields } from './cosmos-documents';

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
  constructor(
    private readonly signals: Container,
    private readonly references: Container,
  ) {}

  async create(signal: Signal): Promise<Stored<Signal>> {
    const value = parseSignalDocument(signal);
    await this.reserve({ id: value.reference, signalId: value.id, municipalityId: value.municipalityId });
    // If this write fails the reservation stays: it costs one unused code, whereas releasing it
    // after an unclear failure (a timeout that did write) could let two signals share a code.
    try {
      const { resource } = await this.signals.items.create(value);
      if (!resource) throw new Error('Cosmos DB returned no document for a create');
      return stored(resource);
    } catch (error) {
      // 409: a signal with this id exists already (a repeated submission); never overwrite it.
      if (cosmosStatus(error) === 409) throw new DomainError(ErrorCodes.storeConflict, { signalId: value.id });
      throw error;
    }
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
    const found = resource && stored(resource);
    // A reservation whose signal was never written (a failed create) leads nowhere.
    return found?.value.reference === reference ? found : undefined;
  }

  async replace(signal: Signal, etag: string): Promise<Stored<Signal>> {
    const value = parseSignalDocument(signal);
    try {
      const { resource } = await this.signals
        .item(value.id, value.municipalityId)
        .replace(value, { accessCondition: { type: 'IfMatch', condition: etag } });
      if (!resource) throw new Error('Cosmos DB returned no document for a replace');
      return stored(resource);
    } catch (error) {
      // 412: someone wrote since `etag` was read. 404: no such signal in this municipality.
      const status = cosmosStatus(error);
      if (status === 412 || status === 404) throw new DomainError(ErrorCodes.storeConflict, { signalId: value.id });
      throw error;
    }
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
      query:
        "SELECT * FROM c WHERE ARRAY_CONTAINS(@ids, c.municipalityId) AND c.state = 'awaiting_routing' " +
        'ORDER BY c.issuedAt ASC',
      parameters: [{ name: '@ids', value: municipalityIds }],
    });
    return found.map((s) => s.value);
  }

  async listDispatchDue(now: Date, limit: number): Promise<Stored<Signal>[]> {
    // Documents without dispatchDueAt compare as undefined and so never match.
    return this.query({
      query: 'SELECT TOP @limit * FROM c WHERE c.dispatchDueAt <= @now ORDER BY c.dispatchDueAt ASC',
      parameters: [
        { name: '@limit', value: limit },
        { name: '@now', value: now.toISOString() },
      ],
    });
  }

  async listDeadlinesDue(now: Date, limit: number): Promise<Stored<Signal>[]> {
    // Documents without nextDeadlineAt (nothing pending) compare as undefined and so never match.
    return this.query({
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

  private async query(spec: SqlQuerySpec): Promise<Stored<Signal>[]> {
    const { resources } = await this.signals.items.query<ItemDefinition>(spec).fetchAll();
    return resources.map(stored);
  }
}

function stored(resource: ItemDefinition): Stored<Signal> {
  return { value: parseSignalDocument(domainFields(resource)), etag: etagOf(resource) };
}
