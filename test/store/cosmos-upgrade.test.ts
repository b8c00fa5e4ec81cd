/**
 * `npm run migrate` on the Cosmos DB emulator: signal documents in the shape earlier versions
 * wrote (the child inside, no `redactAt`, no `supportClosesAt`) brought to the current shape.
 */
import type { Container, ItemDefinition } from '@azure/cosmos';
import { isForgetDue } from '../../src/domain/forget-child';
import type { Signal } from '../../src/domain/signal';
import { openCosmosStores } from '../../src/store/cosmos';
import { openCosmosContainers } from '../../src/store/cosmos/open-cosmos-stores';
import { LEGACY_FORGET_AFTER_DAYS, LEGACY_SUPPORT_CLOSES_AFTER_DAYS, upgradeSignalDocuments } from '../../src/store/cosmos/upgrade-signal-documents';
import { main } from '../../scripts/migrate';
import { ISSUED_AT, aChild, aSignal } from '../fixtures/signals';
import { useCosmosEmulator } from '../support/cosmos-emulator';

const emulator = useCosmosEmulator();
const DAY = 24 * 60 * 60 * 1000;
/** A day after the fixtures' issue time: a signal issued then still has its child. */
const NOW = new Date(ISSUED_AT.getTime() + DAY);
let databases = 0;

async function freshDatabase() {
  const database = `hwc-upgrade-${++databases}`;
  const { client, containers } = await openCosmosContainers({ ...emulator(), database });
  return { database, client, containers };
}

/** A signal as versions before the identity's own document wrote it: one document, child inside. */
function oldShape(signal: Signal): ItemDefinition {
  const old: ItemDefinition = { ...signal };
  delete old.redactAt;
  delete old.supportClosesAt;
  expect(old.child).toBeDefined();
  return old;
}

async function raw(container: Container, id: string, partitionKey: string): Promise<ItemDefinition | undefined> {
  return (await container.item(id, partitionKey).read()).resource;
}

describe('upgrading Cosmos DB documents written by earlier versions', () => {
  it("moves the child to its own document and plans forgetting, so the store reads the signal again", async () => {
    const { database, client, containers } = await freshDatabase();
    const signal = aSignal();
    await containers.signals.items.create(oldShape(signal));
    const stores = await openCosmosStores({ ...emulator(), database });
    await expect(stores.signals.get(signal.id)).rejects.toThrow(/does not match its schema/);

    const counts = await upgradeSignalDocuments(containers.signals, containers.identities, { dryRun: false, now: NOW });

    expect(counts).toEqual({ signals: 1, identitiesSplitOut: 1, identitiesDropped: 0, redactAtSet: 1, supportClosesAtSet: 1, leftForNextRun: 0 });
    const stored = (await stores.signals.get(signal.id))!.value;
    expect(stored.child).toEqual(aChild());
    expect(stored.redactAt).toBe(new Date(ISSUED_AT.getTime() + LEGACY_FORGET_AFTER_DAYS * DAY).toISOString());
    expect(stored.supportClosesAt).toBe(new Date(ISSUED_AT.getTime() + LEGACY_SUPPORT_CLOSES_AFTER_DAYS * DAY).toISOString());
    // The scheduler finds the moment to forget through the deadline index.
    expect(stored.nextDeadlineAt! <= stored.redactAt!).toBe(true);
    expect(await raw(containers.signals, signal.id, signal.municipalityId)).not.toHaveProperty('child');
    const identity = await raw(containers.identities, signal.id, signal.id);
    expect(identity).toMatchObject({ id: signal.id, child: aChild(), expiresAt: new Date(ISSUED_AT.getTime() + 6 * DAY).toISOString() });
    // Its TTL counts from the upgrade (the write): it ends where the backstop says, five days on.
    expect(identity!.ttl).toBe(5 * 24 * 60 * 60);
    await stores.close();
    client.dispose();
  });

  it('counts what it would do in a dry run and writes nothing', async () => {
    const { client, containers } = await freshDatabase();
    const recent = aSignal();
    const overdue = aSignal({ now: new Date(ISSUED_AT.getTime() - 10 * DAY) });
    await containers.signals.items.create(oldShape(recent));
    await containers.signals.items.create(oldShape(overdue));
    const before = await Promise.all([recent, overdue].map((s) => raw(containers.signals, s.id, s.municipalityId)));

    const counts = await upgradeSignalDocuments(containers.signals, containers.identities, { dryRun: true, now: NOW });

    expect(counts).toEqual({ signals: 2, identitiesSplitOut: 1, identitiesDropped: 1, redactAtSet: 2, supportClosesAtSet: 2, leftForNextRun: 0 });
    const after = await Promise.all([recent, overdue].map((s) => raw(containers.signals, s.id, s.municipalityId)));
    expect(after.map((d) => d!._etag)).toEqual(before.map((d) => d!._etag));
    expect((await containers.identities.items.readAll().fetchAll()).resources).toEqual([]);
    client.dispose();
  });

  it('is idempotent: a second run finds nothing and changes nothing', async () => {
    const { client, containers } = await freshDatabase();
    const signals = [aSignal(), aSignal(), aSignal()];
    for (const s of signals) await containers.signals.items.create(oldShape(s));
    await upgradeSignalDocuments(containers.signals, containers.identities, { dryRun: false, now: NOW, pageSize: 2 });
    const etags = async () => (await containers.signals.items.readAll().fetchAll()).resources.map((d) => d._etag).sort();
    const first = await etags();

    const again = await upgradeSignalDocuments(containers.signals, containers.identities, { dryRun: false, now: NOW });

    expect(again.signals).toBe(0);
    expect(await etags()).toEqual(first);
    expect((await containers.identities.items.readAll().fetchAll()).resources).toHaveLength(3);
    client.dispose();
  });

  it('resumes a run stopped between the identity and the signal: the identity written then is kept, not written twice', async () => {
    const { client, containers } = await freshDatabase();
    const signal = aSignal();
    await containers.signals.items.create(oldShape(signal));
    const earlier = { id: signal.id, child: aChild(), expiresAt: new Date(ISSUED_AT.getTime() + 6 * DAY).toISOString(), ttl: 400_000 };
    const { resource: written } = await containers.identities.items.create(earlier);

    const counts = await upgradeSignalDocuments(containers.signals, containers.identities, { dryRun: false, now: NOW });

    expect(counts).toMatchObject({ signals: 1, leftForNextRun: 0 });
    expect((await raw(containers.identities, signal.id, signal.id))!._etag).toBe(written!._etag);
    expect(await raw(containers.signals, signal.id, signal.municipalityId)).not.toHaveProperty('child');
    client.dispose();
  });

  it("drops an identity already past the store's expiry instead of writing it back; the record is forgotten next", async () => {
    const { database, client, containers } = await freshDatabase();
    const overdue = aSignal({ now: new Date(ISSUED_AT.getTime() - 10 * DAY) });
    await containers.signals.items.create(oldShape(overdue));

    const counts = await upgradeSignalDocuments(containers.signals, containers.identities, { dryRun: false, now: NOW });

    expect(counts).toMatchObject({ signals: 1, identitiesSplitOut: 0, identitiesDropped: 1 });
    expect(await raw(containers.identities, overdue.id, overdue.id)).toBeUndefined();
    const stores = await openCosmosStores({ ...emulator(), database });
    const stored = (await stores.signals.get(overdue.id))!.value;
    expect(stored.child).toBeUndefined();
    expect(isForgetDue(stored, NOW)).toBe(true);
    await stores.close();
    client.dispose();
  });

  it('leaves documents in the current shape alone', async () => {
    const { database, client, containers } = await freshDatabase();
    const stores = await openCosmosStores({ ...emulator(), database });
    const current = aSignal({ forget: { atTheLatest: new Date('2026-03-05T16:00:00.000Z'), supportClosesAt: new Date('2026-03-09T16:00:00.000Z') } });
    const created = await stores.signals.create(current);

    const counts = await upgradeSignalDocuments(containers.signals, containers.identities, { dryRun: false, now: NOW });

    expect(counts.signals).toBe(0);
    expect(await stores.signals.get(current.id)).toStrictEqual(created);
    await stores.close();
    client.dispose();
  });

  it('npm run migrate -- --dry-run prints the counts with the settings the bot uses', async () => {
    const { database, client, containers } = await freshDatabase();
    await containers.signals.items.create(oldShape(aSignal()));
    let out = '';
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out += String(chunk);
      return true;
    });
    const { endpoint, key, agent } = emulator();

    const code = await main(['--dry-run'], { HWC_STORE: 'cosmos', COSMOS_ENDPOINT: endpoint, COSMOS_KEY: key, COSMOS_DATABASE: database }, NOW, agent);

    write.mockRestore();
    expect(code).toBe(0);
    expect(out).toContain('Signal documents to upgrade: 1');
    expect(out).toContain("child's identity moved to its own document: 1");
    expect(out).toContain('Dry run: nothing was written.');
    expect(out).not.toContain(aChild().firstName);
    client.dispose();
  });
});
