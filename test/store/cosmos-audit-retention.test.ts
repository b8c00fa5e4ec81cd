/**
 * Cosmos DB keeps audit entries for HWC_AUDIT_RETENTION_DAYS on its own: the audit container has
 * TTL switched on, and each entry is written with its own `ttl`, which no read ever shows.
 */
import { CosmosClient } from '@azure/cosmos';
import { DEFAULT_AUDIT_RETENTION_DAYS } from '../../src/store/audit-document';
import { openCosmosStores } from '../../src/store/cosmos';
import { anAuditEntry } from '../fixtures/audit';
import { useCosmosEmulator } from '../support/cosmos-emulator';

const DAY_SECONDS = 24 * 60 * 60;
const emulator = useCosmosEmulator();

/** The audit container's documents and settings as Cosmos DB holds them, not as the store shows them. */
async function rawAudit(database: string) {
  const client = new CosmosClient(emulator());
  try {
    const container = client.database(database).container('audit');
    const { resource: settings } = await container.read();
    const { resources: documents } = await container.items.readAll<{ ttl?: number; objectId?: string }>().fetchAll();
    return { defaultTtl: settings?.defaultTtl, ttls: documents.map((d) => d.ttl), partitions: documents.map((d) => d.objectId) };
  } finally {
    client.dispose();
  }
}

describe('cosmos audit retention', () => {
  it('writes each entry with the configured retention as its ttl, in a container with TTL on', async () => {
    const stores = await openCosmosStores({ ...emulator(), database: 'hwc-audit-ttl', auditRetentionDays: 30 });
    const entry = anAuditEntry();
    await stores.audit.append(entry);

    expect(await rawAudit('hwc-audit-ttl')).toEqual({ defaultTtl: -1, ttls: [30 * DAY_SECONDS], partitions: ['signal-1'] });
    // The ttl is storage bookkeeping: the entry reads back exactly as it was appended.
    expect(await stores.audit.list('signal-1')).toStrictEqual([entry]);
    await stores.close();
  });

  it('keeps entries five years when no retention is configured', async () => {
    const stores = await openCosmosStores({ ...emulator(), database: 'hwc-audit-default' });
    await stores.audit.append(anAuditEntry());

    expect((await rawAudit('hwc-audit-default')).ttls).toEqual([DEFAULT_AUDIT_RETENTION_DAYS * DAY_SECONDS]);
    expect(DEFAULT_AUDIT_RETENTION_DAYS).toBe(1825);
    await stores.close();
  });

  it('puts entries about no signal in a partition per day, never in one partition that grows for good', async () => {
    const stores = await openCosmosStores({ ...emulator(), database: 'hwc-audit-days' });
    const onDay = (at: string) => {
      const entry = anAuditEntry({ at, action: 'activity.message', result: 'refused' });
      delete entry.objectId;
      return entry;
    };
    await stores.audit.append(onDay('2026-12-01T09:00:00.000Z'));
    await stores.audit.append(onDay('2026-12-01T17:00:00.000Z'));
    await stores.audit.append(onDay('2026-12-02T09:00:00.000Z'));

    expect((await rawAudit('hwc-audit-days')).partitions.sort()).toEqual(['~day:2026-12-01', '~day:2026-12-01', '~day:2026-12-02']);
    // The day is storage bookkeeping too: retention finds and deletes them like any entry.
    expect(await stores.audit.purgeBefore(new Date('2026-12-02T00:00:00.000Z'), 10)).toBe(2);
    expect((await rawAudit('hwc-audit-days')).partitions).toEqual(['~day:2026-12-02']);
    await stores.close();
  });
});
