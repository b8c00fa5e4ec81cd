import type { Stores } from '../../src/store/stores';
import { auditLogContract } from './audit-log-contract';
import { digestRunContract } from './digest-run-contract';
import { directoryStoreContract } from './directory-store-contract';
import { rateBudgetContract } from './rate-budget-contract';
import { signalFactsContract, weeklyHeadlinesContract } from './signal-facts-contract';
import { signalIdentityContract } from './signal-identity-contract';
import { signalStoreContract } from './signal-store-contract';

/**
 * The one contract every store implementation is held to. `openFresh` opens an empty store per
 * test, so tests never see each other's data; the suite closes it after each test. The rate
 * budget's part only for a store several instances share (`sharesRateBudget`).
 */
export function describeStoreContract(name: string, openFresh: () => Promise<Stores>, { sharesRateBudget = true } = {}): void {
  describe(`${name} stores`, () => {
    let stores: Stores | undefined;
    const current = (): Stores => {
      if (!stores) throw new Error('the store was not opened');
      return stores;
    };

    beforeEach(async () => {
      stores = await openFresh();
    });

    afterEach(async () => {
      await stores?.close();
      stores = undefined;
    });

    it('answers a ping while open', async () => {
      await expect(current().ping()).resolves.toBeUndefined();
    });

    signalStoreContract(current);
    signalIdentityContract(current);
    signalFactsContract(current);
    weeklyHeadlinesContract(current);
    directoryStoreContract(current);
    auditLogContract(current);
    digestRunContract(current);
    if (sharesRateBudget) rateBudgetContract(current);
  });
}
