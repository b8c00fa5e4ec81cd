import type { Config } from '../config';
import { openCosmosStores } from './cosmos';
import { cosmosCredential } from './cosmos/cosmos-credential';
import { openSqliteStores } from './sqlite';
import type { StoreOptions, Stores } from './stores';

/** The stores the configuration names: SQLite (embedded default) or Cosmos DB (production). */
export async function createStores(config: Config['store'], options: StoreOptions = {}): Promise<Stores> {
  switch (config.kind) {
    case 'sqlite':
      // Entries leave SQLite only through AuditLog.purgeBefore: it needs no retention of its own.
      return openSqliteStores(config.path, options);
    case 'cosmos':
      return openCosmosStores({
        endpoint: config.endpoint,
        ...(config.auth.kind === 'key' ? { key: config.auth.key } : { credential: cosmosCredential(config.auth) }),
        database: config.database,
        ...options,
      });
  }
}
