import { CosmosClient, type ContainerRequest } from '@azure/cosmos';
import { openCosmosStores } from '../../src/store/cosmos';
import { CosmosSignalStore } from '../../src/store/cosmos/cosmos-signal-store';
import { CosmosAuditLog } from '../../src/store/cosmos/cosmos-audit-log';
import { IssueNotAudited } from '../../src/ports';
import { anAuditEntry } from '../fixtures/audit';
import { forgetChild } from '../../src/domain/forget-child';
import { ErrorCodes } from '../../src/domain/errors';
import { containerDefinitions } from '../../src/store/cosmos/containers';
import { aChild, aSignal, aSignalWithDeadline, referenceCode } from '../fixtures/signals';
import { expectDomainError } from './expect-domain-error';
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

  it('keeps a forgetting write that went through when the identity delete fails, and deletes the identity at the next tick', async () => {
    const signal = aSignal();
    const stores = await openFresh('hwc-identity-retry');
    const created = await stores.signals.create(signal);
    const client = new CosmosClient(emulator());
    const identity = async () => (await client.database('hwc-identity-retry').container('identities').item(signal.id, signal.id).read()).resource;
    const deleteOnce = jest
      .spyOn(CosmosSignalStore.prototype as unknown as { deleteIdentity: () => Promise<void> }, 'deleteIdentity')
      .mockRejectedValueOnce(Object.assign(new Error('service unavailable'), { code: 503 }));

    // The record says "forgotten": the caller goes on to audit it and redraw the cards.
    const written = await stores.signals.replace(forgetChild(created.value, new Date('2026-03-03T16:00:00.000Z')), created.etag);
    expect(written.value.redactedAt).toBeDefined();
    expect(await identity()).toBeDefined();
    deleteOnce.mockRestore();

    await stores.signals.listDeadlinesDue(new Date('2026-03-03T16:00:01.000Z'), 10);
    expect(await identity()).toBeUndefined();
    client.dispose();
    await stores.close();
  });

  it('skips a due signal it cannot read (say, written by a newer release before a rollback) and reports it, so every other child is still forgotten', async () => {
    const unreadable: string[] = [];
    const stores = await openCosmosStores({ ...emulator(), database: 'hwc-unreadable', onUnreadableSignal: (signalId) => unreadable.push(signalId) });
    const due = new Date('2026-03-03T09:00:00.000Z');
    const broken = aSignalWithDeadline(due);
    const fine = aSignalWithDeadline(due);
    await stores.signals.create(broken);
    await stores.signals.create(fine);
    const client = new CosmosClient(emulator());
    const signals = client.database('hwc-unreadable').container('signals');
    const { resource } = await signals.item(broken.id, broken.municipalityId).read();
    await signals.items.upsert({ ...resource, state: 'a_state_of_a_newer_release' });

    const deadlines = await stores.signals.listDeadlinesDue(due, 10);
    const dispatch = await stores.signals.listDispatchDue(due, 10);

    expect(deadlines.map((s) => s.value.id)).toEqual([fine.id]);
    expect(dispatch.map((s) => s.value.id)).toEqual([fine.id]);
    expect(unreadable).toEqual([broken.id, broken.id]);
    client.dispose();
    await stores.close();
  });

  it('says which signal it stored when the audit entry of its issue could not be appended after it', async () => {
    const signal = aSignal();
    const stores = await openFresh('hwc-issue-not-audited');
    const appendOnce = jest.spyOn(CosmosAuditLog.prototype, 'append').mockRejectedValueOnce(Object.assign(new Error('service unavailable'), { code: 503 }));

    const failure = await stores.signals.create(signal, anAuditEntry({ objectId: signal.reference })).catch((error: unknown) => error);
    appendOnce.mockRestore();

    // Stored all the same, child and all: the caller sends its cards and reports the failure.
    expect(failure).toBeInstanceOf(IssueNotAudited);
    expect((failure as IssueNotAudited).stored).toStrictEqual(await stores.signals.get(signal.id));
    expect((failure as IssueNotAudited).stored.value.child).toEqual(signal.child);
    // The child travels with the error, but nothing that serialises errors sees it.
    expect(JSON.stringify(failure)).not.toContain(signal.child!.lastName);
    expect(await stores.audit.list(signal.reference)).toEqual([]);
    await stores.close();
  });

  describe("the child's identity is written once", () => {
    const forget = { atTheLatest: new Date('2026-03-05T16:00:00.000Z'), supportClosesAt: new Date('2026-03-09T16:00:00.000Z') };
    /** The same id again, with another reference, another child and another moment to forget. */
    const again = (signal: ReturnType<typeof aSignal>) =>
      aSignal({
        id: signal.id,
        reference: referenceCode(90_000),
        child: aChild({ firstName: 'Daan', lastName: 'Vermeulen' }),
        now: new Date('2026-03-02T21:00:00.000Z'),
        forget: { atTheLatest: new Date('2026-03-06T16:00:00.000Z'), supportClosesAt: forget.supportClosesAt },
      });
    const rawIdentity = async (database: string, id: string) => {
      const client = new CosmosClient(emulator());
      try {
        return (await client.database(database).container('identities').item(id, id).read()).resource as Record<string, unknown> | undefined;
      } finally {
        client.dispose();
      }
    };

    it('a second create with the same id conflicts and leaves the first child, its expiry and ttl untouched', async () => {
      const stores = await openFresh('hwc-identity-once');
      const first = aSignal({ forget });
      await stores.signals.create(first);
      const before = await rawIdentity('hwc-identity-once', first.id);

      await expectDomainError(stores.signals.create(again(first)), ErrorCodes.storeConflict);

      expect((await stores.signals.get(first.id))?.value.child).toEqual(first.child);
      const after = await rawIdentity('hwc-identity-once', first.id);
      expect(after).toMatchObject({ child: first.child, expiresAt: before?.expiresAt, ttl: before?.ttl });
      // Not rewritten at all: the TTL clock (the document's _ts) did not restart.
      expect(after?._etag).toBe(before?._etag);
      await stores.close();
    });

    it('a signal created after an earlier create of its id failed half-way gets its own child, not the one left behind', async () => {
      const stores = await openFresh('hwc-identity-left');
      const signal = aSignal({ forget });
      // An earlier create wrote the identity and then failed before the signal was written.
      const client = new CosmosClient(emulator());
      await client
        .database('hwc-identity-left')
        .container('identities')
        .items.create({ id: signal.id, child: aChild({ firstName: 'Daan' }), expiresAt: '2026-03-06T16:00:00.000Z', ttl: 1_000 });
      client.dispose();

      await stores.signals.create(signal);

      expect((await stores.signals.get(signal.id))?.value.child).toEqual(signal.child);
      expect(await rawIdentity('hwc-identity-left', signal.id)).toMatchObject({ child: signal.child });
      await stores.close();
    });

    it('a create after the child was forgotten does not bring a child back', async () => {
      const stores = await openFresh('hwc-identity-forgotten');
      const first = aSignal({ forget });
      const created = await stores.signals.create(first);
      await stores.signals.replace(forgetChild(created.value, new Date('2026-03-03T16:00:00.000Z')), created.etag);

      await expectDomainError(stores.signals.create(again(first)), ErrorCodes.storeConflict);

      expect(await rawIdentity('hwc-identity-forgotten', first.id)).toBeUndefined();
      expect((await stores.signals.get(first.id))?.value.child).toBeUndefined();
      await stores.close();
    });
  });

  describe('TTL on a database created before it was configured', () => {
    const withoutTtl = async (database: string) => {
      const client = new CosmosClient(emulator());
      try {
        const { database: db } = await client.databases.createIfNotExists({ id: database });
        for (const name of ['audit', 'identities'] as const) {
          // As the containers were created before TTL was configured: no defaultTtl at all.
          const definition: ContainerRequest = { ...containerDefinitions[name] };
          delete definition.defaultTtl;
          await db.containers.createIfNotExists(definition);
        }
      } finally {
        client.dispose();
      }
    };
    const settings = async (database: string, name: 'audit' | 'identities') => {
      const client = new CosmosClient(emulator());
      try {
        return (await client.database(database).container(name).read()).resource;
      } finally {
        client.dispose();
      }
    };

    it('switches TTL on for the audit and identity containers when the stores are opened, keeping key and indexing', async () => {
      await withoutTtl('hwc-ttl-later');
      expect((await settings('hwc-ttl-later', 'audit'))?.defaultTtl).toBeUndefined();
      const indexingBefore = (await settings('hwc-ttl-later', 'identities'))?.indexingPolicy;

      const stores = await openFresh('hwc-ttl-later');

      for (const name of ['audit', 'identities'] as const) {
        const container = await settings('hwc-ttl-later', name);
        expect(container?.defaultTtl).toBe(-1);
        expect(container?.partitionKey?.paths).toEqual(containerDefinitions[name].partitionKey.paths);
      }
      expect((await settings('hwc-ttl-later', 'identities'))?.indexingPolicy).toEqual(indexingBefore);
      await stores.close();
    });
  });
});
