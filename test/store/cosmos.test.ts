import { createHttpsServer } from '@vercel/cosmosdb-server';
import { Agent } from 'node:https';
import type { AddressInfo } from 'node:net';
import { openCosmosStores } from '../../src/store/cosmos';
import { aSignal } from '../fixtures/signals';
import { describeStoreContract } from './store-contract';

/** The well-known Cosmos DB emulator key; the in-process server accepts any well-formed key. */
const EMULATOR_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU9DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

const server = createHttpsServer({ keepAlive: true });
// The server's certificate is self-signed.
const agent = new Agent({ rejectUnauthorized: false, keepAlive: true });
let endpoint = '';
let databases = 0;
/** Each test gets its own database, so tests never see each other's documents. */
const openFresh = (database = `hwc-test-${++databases}`) =>
  openCosmosStores({ endpoint, key: EMULATOR_KEY, database, agent });

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  agent.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describeStoreContract('cosmos', () => openFresh());

describe('cosmos database', () => {
  it('opens an existing database and its containers again, keeping what they hold', async () => {
    const signal = aSignal();
    const first = await openFresh('hwc-reopened');
    const created = await first.signals.create(signal);
    await first.close();

    const again = await openFresh('hwc-reopened');

    expect(await again.signals.get(signal.id)).toStrictEqual(created);
    await again.close();
  });
});
