/**
 * Key-less Cosmos DB: the store signs in with an Entra ID token from @azure/identity, checked
 * against the in-process emulator with a credential that records what it was asked for.
 */
import { DefaultAzureCredential, ManagedIdentityCredential, type AccessToken, type GetTokenOptions, type TokenCredential } from '@azure/identity';
import { cosmosCredential } from '../../src/store/cosmos/cosmos-credential';
import { openCosmosStores } from '../../src/store/cosmos';
import { useCosmosEmulator } from '../support/cosmos-emulator';

const emulator = useCosmosEmulator();

/** Hands out a made-up token and remembers each scope asked for. */
class RecordingCredential implements TokenCredential {
  readonly scopes: string[] = [];

  async getToken(scopes: string | string[], _options?: GetTokenOptions): Promise<AccessToken> {
    this.scopes.push(...[scopes].flat());
    return { token: 'entra-token', expiresOnTimestamp: Date.now() + 3_600_000 };
  }
}

describe('Cosmos DB with Entra ID instead of a key', () => {
  it('asks the credential for a token for the account and works with it, holding no key', async () => {
    const credential = new RecordingCredential();
    const { endpoint, agent } = emulator();
    const stores = await openCosmosStores({ endpoint, credential, agent, database: 'hwc-entra' });
    try {
      await stores.directory.upsertMunicipalities([{ id: 'GM0917', name: 'Heerlen', routing: 'direct' }]);

      expect(await stores.directory.getMunicipality('GM0917')).toMatchObject({ name: 'Heerlen' });
      expect(credential.scopes.length).toBeGreaterThan(0);
      expect(new Set(credential.scopes)).toEqual(new Set([`${new URL(endpoint).origin}/.default`]));
    } finally {
      await stores.close();
    }
  });

  it('refuses to open with both a key and a credential, or with neither', async () => {
    const { endpoint, key, agent } = emulator();

    await expect(openCosmosStores({ endpoint, key, credential: new RecordingCredential(), agent, database: 'x' })).rejects.toThrow(/either a key or a credential/);
    await expect(openCosmosStores({ endpoint, agent, database: 'x' })).rejects.toThrow(/either a key or a credential/);
  });

  it('uses only the managed identity in production, with its client id', () => {
    const credential = cosmosCredential({ kind: 'managed-identity', clientId: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a', developerSignIn: false });

    expect(credential).toBeInstanceOf(ManagedIdentityCredential);
  });

  it("lets a developer's own sign-in stand in for the managed identity outside production", () => {
    expect(cosmosCredential({ kind: 'managed-identity', developerSignIn: true })).toBeInstanceOf(DefaultAzureCredential);
  });
});
