import type { TokenCredential } from '@azure/identity';
import { CosmosClient, type Container, type ContainerDefinition, type ContainerRequest, type Database } from '@azure/cosmos';
import type { Agent } from 'node:http';
import type { Stores, UnreadableSignal } from '../stores';
import { containerDefinitions, type ContainerName } from './containers';
import { CosmosAuditLog } from './cosmos-audit-log';
import { CosmosDigestRunStore } from './cosmos-digest-run-store';
import { CosmosDirectoryStore } from './cosmos-directory-store';
import { CosmosRateBudget } from './cosmos-rate-budget';
import { CosmosSignalStore } from './cosmos-signal-store';

export interface CosmosStoreOptions {
  /** Account endpoint, e.g. https://hwc.documents.azure.com:443/ */
  endpoint: string;
  /** The account key: for the emulator. Give either this or `credential`. */
  key?: string;
  /** An Entra ID credential (a managed identity): no key at all. */
  credential?: TokenCredential;
  /** Database name; created with its containers when missing. */
  database: string;
  /** HTTP agent for the SDK, e.g. one that accepts a local emulator's self-signed certificate. */
  agent?: Agent;
  /** HWC_AUDIT_RETENTION_DAYS: the TTL each audit entry is written with (DEFAULT_AUDIT_RETENTION_DAYS if absent). */
  auditRetentionDays?: number;
  /** See StoreOptions. */
  onUnreadableSignal?: UnreadableSignal;
}

/**
 * Connects and creates the database and containers if they are not there. Throughput and
 * indexing in production belong to the infrastructure templates (infra/), which create the same
 * containers: with Entra ID the data-plane role may read them but not create them, and
 * createIfNotExists only reads when they exist. This makes a fresh emulator usable.
 */
export async function openCosmosStores(options: CosmosStoreOptions): Promise<Stores> {
  const { client, database, containers: container } = await openCosmosContainers(options);
  const audit = new CosmosAuditLog(container.audit, options.auditRetentionDays ? { retentionDays: options.auditRetentionDays } : {});
  return {
    signals: new CosmosSignalStore(container.signals, container.references, container.identities, audit, options.onUnreadableSignal),
    directory: new CosmosDirectoryStore(container.directory, container.conversations, audit),
    audit,
    digestRuns: new CosmosDigestRunStore(container.digestRuns),
    rateBudget: new CosmosRateBudget(container.rateBudget),
    ping: async () => {
      await database.read();
    },
    close: async () => {
      client.dispose();
    },
  };
}

/** The client, the database and every container, created if missing; for the stores and for upgrades. */
export async function openCosmosContainers(options: CosmosStoreOptions): Promise<{ client: CosmosClient; database: Database; containers: Record<ContainerName, Container> }> {
  if ((options.key === undefined) === (options.credential === undefined)) {
    throw new Error('Cosmos DB needs either a key or a credential, not both and not neither');
  }
  const client = new CosmosClient({
    endpoint: options.endpoint,
    ...(options.credential ? { aadCredentials: options.credential } : { key: options.key }),
    ...(options.agent ? { agent: options.agent } : {}),
  });
  try {
    const { database } = await client.databases.createIfNotExists({ id: options.database });
    return { client, database, containers: await createContainers(database) };
  } catch (error) {
    client.dispose();
    throw error;
  }
}

async function createContainers(database: Database) {
  const names = Object.keys(containerDefinitions) as ContainerName[];
  const created = await Promise.all(
    names.map(async (name) => {
      const definition: ContainerRequest = containerDefinitions[name];
      const { container, resource } = await database.containers.createIfNotExists(definition);
      await ensureDefaultTtl(container, resource, definition);
      return [name, container] as const;
    }),
  );
  return Object.fromEntries(created) as Record<ContainerName, Container>;
}

/**
 * `createIfNotExists` leaves a container that exists as it is: one created before TTL was
 * configured (identities, audit) keeps TTL off, and Cosmos DB then ignores every item's own `ttl`.
 * Switches it to the definition's `defaultTtl`, keeping the container's partition key and
 * indexing policy as they are.
 */
async function ensureDefaultTtl(container: Container, existing: ContainerDefinition | undefined, definition: ContainerRequest): Promise<void> {
  if (definition.defaultTtl === undefined) return;
  const current = existing ?? (await container.read()).resource;
  if (!current || current.defaultTtl === definition.defaultTtl) return;
  await container.replace({ ...current, id: current.id ?? definition.id, defaultTtl: definition.defaultTtl });
}
