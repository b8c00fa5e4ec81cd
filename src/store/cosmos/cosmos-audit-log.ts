import { PartitionKeyBuilder, type Container, type ItemDefinition, type PartitionKey } from '@azure/cosmos';
import { randomUUID } from 'node:crypto';
import type { AuditEntry, AuditLog } from '../../ports';
import { DEFAULT_AUDIT_RETENTION_DAYS, parseAuditEntry } from '../audit-document';
import { cosmosStatus, domainFields } from './cosmos-documents';

const DAY_SECONDS = 24 * 60 * 60;

export interface CosmosAuditLogOptions {
  /** HWC_AUDIT_RETENTION_DAYS: each entry expires (Cosmos TTL) this many days after it was written. */
  retentionDays?: number;
}

/**
 * Append-only audit entries partitioned by the object they concern. `sortKey` (`at`, then this
 * process's append count) keeps entries written in the same millisecond in append order with a
 * single ORDER BY, which needs no composite index. Each entry carries its own `ttl`: entries are
 * never replaced, so the clock Cosmos DB counts from (the last write) is the moment of writing.
 */
export class CosmosAuditLog implements AuditLog {
  private appended = 0;
  private readonly ttlSeconds: number;

  constructor(
    private readonly audit: Container,
    options: CosmosAuditLogOptions = {},
  ) {
    this.ttlSeconds = (options.retentionDays ?? DEFAULT_AUDIT_RETENTION_DAYS) * DAY_SECONDS;
  }

  async append(entry: AuditEntry): Promise<void> {
    const checked = parseAuditEntry(entry);
    const sortKey = `${checked.at}#${String(++this.appended).padStart(12, '0')}`;
    await this.audit.items.create({ ...checked, id: randomUUID(), sortKey, ttl: this.ttlSeconds });
  }

  /** Oldest first by `at`; entries with the same `at` from one process in append order. */
  async list(objectId: string): Promise<AuditEntry[]> {
    const { resources } = await this.audit.items
      .query<ItemDefinition>(
        {
          query: 'SELECT * FROM c WHERE c.objectId = @objectId ORDER BY c.sortKey ASC',
          parameters: [{ name: '@objectId', value: objectId }],
        },
        { partitionKey: objectId },
      )
      .fetchAll();
    return resources.map((resource) => parseAuditEntry(domainFields(resource, 'id', 'sortKey', 'ttl')));
  }

  /**
   * The TTL removes entries on its own; this is the same retention on demand (and for a
   * container created without TTL). A cross-partition query, run rarely, by the retention job.
   */
  async purgeBefore(cutoff: Date, limit: number): Promise<number> {
    if (limit <= 0) return 0;
    const { resources } = await this.audit.items
      .query<{ id: string; objectId?: string }>({
        query: 'SELECT TOP @limit c.id, c.objectId FROM c WHERE c.at < @cutoff ORDER BY c.sortKey ASC',
        parameters: [
          { name: '@limit', value: Math.floor(limit) },
          { name: '@cutoff', value: cutoff.toISOString() },
        ],
      })
      .fetchAll();
    let purged = 0;
    for (const { id, objectId } of resources) {
      try {
        await this.audit.item(id, partitionOf(objectId)).delete();
        purged++;
      } catch (error) {
        // Expired by its TTL, or purged by another instance, meanwhile: gone either way.
        if (cosmosStatus(error) !== 404) throw error;
      }
    }
    return purged;
  }
}

/** Entries about no object have no `objectId`: Cosmos DB keeps them under the "none" partition key. */
function partitionOf(objectId: string | undefined): PartitionKey {
  return objectId ?? new PartitionKeyBuilder().addNoneValue().build();
}
