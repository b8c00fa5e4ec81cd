import type { Container, ItemDefinition } from '@azure/cosmos';
import { randomUUID } from 'node:crypto';
import type { AuditEntry, AuditLog } from '../../ports';
import { parseAuditEntry } from '../audit-document';
import { domainFields } from './cosmos-documents';

/**
 * Append-only audit entries partitioned by the object they concern. `sortKey` (`at`, then this
 * process's append count) keeps entries written in the same millisecond in append order with a
 * single ORDER BY, which needs no composite index.
 */
export class CosmosAuditLog implements AuditLog {
  private appended = 0;

  constructor(private readonly audit: Container) {}

  async append(entry: AuditEntry): Promise<void> {
    const checked = parseAuditEntry(entry);
    const sortKey = `${checked.at}#${String(++this.appended).padStart(12, '0')}`;
    await this.audit.items.create({ ...checked, id: randomUUID(), sortKey });
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
    return resources.map((resource) => parseAuditEntry(domainFields(resource, 'id', 'sortKey')));
  }
}
