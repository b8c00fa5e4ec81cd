import type { ContainerRequest } from '@azure/cosmos';

/**
 * The containers and their partition keys. Every query also filters on the partition key in its
 * WHERE clause: that is what routes it in Cosmos DB, and the local emulator ignores the option.
 */
export const containerDefinitions = {
  signals: {
    id: 'signals',
    partitionKey: { paths: ['/municipalityId'] },
    // Nothing may ever be looked up by a child's name, so it is not indexed either.
    indexingPolicy: { includedPaths: [{ path: '/*' }], excludedPaths: [{ path: '/child/*' }, { path: '/"_etag"/?' }] },
  },
  /**
   * The children's identities, one document per signal (`id` = signal id), apart from the signals
   * so forgetting deletes a whole document. TTL on (no default): each document carries its own
   * `ttl` as a backstop should the forgetting job not run.
   */
  identities: {
    id: 'identities',
    partitionKey: { paths: ['/id'] },
    defaultTtl: -1,
    indexingPolicy: { includedPaths: [{ path: '/expiresAt/?' }], excludedPaths: [{ path: '/*' }] },
  },
  /** One document per reference code (`id`): creating it first makes codes unique across partitions. */
  references: { id: 'references', partitionKey: { paths: ['/id'] } },
  /** Municipalities, schools and members, told apart (and partitioned) by `kind`. */
  directory: { id: 'directory', partitionKey: { paths: ['/kind'] } },
  /** One document per member (`id` = member id). */
  conversations: { id: 'conversations', partitionKey: { paths: ['/id'] } },
  /**
   * Audit entries, kept apart from signals. TTL on with no default: each entry carries its own
   * `ttl` (HWC_AUDIT_RETENTION_DAYS), so retention holds even when no purge job runs.
   */
  audit: { id: 'audit', partitionKey: { paths: ['/objectId'] }, defaultTtl: -1 },
  /** The weekly digest's runs, one document per week (`id` = the week's code, e.g. 2026-W47). */
  digestRuns: { id: 'digestRuns', partitionKey: { paths: ['/id'] } },
  /**
   * The Teams rate budget every instance shares: one small document per key (a conversation, the
   * bot as a whole) with its recent calls. TTL on with no default: each document carries its
   * longest window as `ttl`, so a chat nobody writes to any more leaves no document behind.
   * Nothing is ever queried, so nothing is indexed.
   */
  rateBudget: { id: 'rateBudget', partitionKey: { paths: ['/id'] }, defaultTtl: -1, indexingPolicy: { indexingMode: 'none', automatic: false } },
} satisfies Record<string, ContainerRequest>;

export type ContainerName = keyof typeof containerDefinitions;
