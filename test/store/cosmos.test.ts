import { CosmosClient } from '@azure/cosmos';
import { openCosmosStores } from '../../src/store/cosmos';
import { forgetChild } from '../../src/domain/forget-child';
import { aSignal } from '../fixtures/signals';
import { useCosmosEmulator } from '../support/cosmos-emulator';
import { describeStoreContract } from './store-contract';

const emulator = useCosmosEmulator();
let databases = 0;
/** Each test gets its own database, so tests never see each other's documents. */
const openFresh = (database = `hwc-test-${++databases}`) => openCosmosStores({ ...emulator(), database });

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

  it("keeps the child's identity in a document of its own, with a ttl counted from issue as a backstop", async () => {
    const forget = { atTheLatest: new Date('2026-03-05T16:00:00.000Z'), supportClosesAt: new Date('2026-03-09T16:00:00.000Z') };
    const signal = aSignal({ forget });
    const stores = await openFresh('hwc-identities');
    const created = await stores.signals.create(signal);
    const client = new CosmosClient(emulator());
    const database = client.database('hwc-identities');
    const identity = async () => (await database.container('identities').item(signal.id, signal.id).read()).resource;

    const { resource: record } = await database.container('signals').item(signal.id, signal.municipalityId).read();
    expect(JSON.stringify(record)).not.toContain(signal.child!.firstName);
    // A day after the latest moment to forget, counted from the issue (the only write).
    const expiresAt = new Date('2026-03-06T16:00:00.000Z');
    expect(await identity()).toMatchObject({
      id: signal.id,
      child: signal.child,
      expiresAt: expiresAt.toISOString(),
      ttl: (expiresAt.getTime() - Date.parse(signal.issuedAt)) / 1000,
    });
    const { resource: container } = await database.container('identities').read();
    expect(container?.defaultTtl).toBe(-1);

    await stores.signals.replace(forgetChild(created.value, new Date('2026-03-03T16:00:00.000Z')), created.etag);

    expect(await identity()).toBeUndefined();
    client.dispose();
    await stores.close();
  });
});
