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
    // An entry about no object goes to its day's partition (`objectId` is the partition key), so
    // no single partition grows for ever; `aboutNothing` marks it, and reading leaves the key out.
    const partition = checked.objectId === undefined ? { objectId: `${DAY_PARTITION_PREFIX}${checked.at.slice(0, 10)}`, aboutNothing: true } : {};
    await this.audit.items.create({ ...checked, ...partition, id: randomUUID(), sortKey, ttl: this.ttlSeconds });
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
    return resources.map(entryOf);
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

/** The partition key of entries about no object: the day they were written. Never a signal id or reference. */
const DAY_PARTITION_PREFIX = '~day:';

/** The entry as appended: storage bookkeeping (id, order, ttl, a day partition) left out. */
function entryOf(resource: ItemDefinition): AuditEntry {
  const fields = domainFields(resource, 'id', 'sortKey', 'ttl', 'aboutNothing');
  if (resource.aboutNothing === true) delete fields.objectId;
  return parseAuditEntry(fields);
}

/**
 * Entries about no object written before they had a day partition have no `objectId`: Cosmos DB
 * keeps those under the "none" partition key.
 */
function partitionOf(objectId: string | undefined): PartitionKey {
  return objectId ?? new PartitionKeyBuilder().addNoneValue().build();
}
