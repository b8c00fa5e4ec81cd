import { DefaultAzureCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import type { CosmosAuth } from '../../config';

/**
 * The Entra ID credential Cosmos DB is reached with, so no account key is ever configured. In
 * production only the managed identity counts: DefaultAzureCredential would also try environment
 * secrets and developer tools, which must not decide who the production bot is.
 */
export function cosmosCredential(auth: Extract<CosmosAuth, { kind: 'managed-identity' }>): TokenCredential {
  if (!auth.developerSignIn) return auth.clientId ? new ManagedIdentityCredential({ clientId: auth.clientId }) : new ManagedIdentityCredential();
  return new DefaultAzureCredential(auth.clientId ? { managedIdentityClientId: auth.clientId } : {});
}
