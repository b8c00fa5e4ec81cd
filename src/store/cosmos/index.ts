export { openCosmosStores, type CosmosStoreOptions } from './open-cosmos-stores';
export { CosmosAuditLog } from './cosmos-audit-log';
export { CosmosDigestRunStore } from './cosmos-digest-run-store';
export { CosmosDirectoryStore } from './cosmos-directory-store';
export { CosmosRateBudget } from './cosmos-rate-budget';
export { CosmosSignalStore } from './cosmos-signal-store';
export { containerDefinitions } from './containers';
