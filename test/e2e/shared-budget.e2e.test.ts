/**
 * Four app instances — each with its own Cosmos DB client, Dispatcher, TeamsMessenger and
 * SharedRateLimiter, as four processes behind a load balancer — relay one batch of due cards at
 * the same time against a Bot Connector that enforces Teams' limits itself (bench/limited-connector.ts:
 * per chat 7/1 s, 8/2 s, 60/30 s; 30/1 s overall; 429 beyond). Because they take their turns from
 * one budget in the store, Teams never has to refuse a call, and the leases keep every card
 * exactly once. A reduced size of the fan-out bench's "instances" pass (2,000 cards to 50 chats,
 * with its time beside the theoretical minimum): here only correctness is asserted, no timing.
 */
import { startCosmosEmulatorThread, type EmulatorThread } from '../../bench/cosmos-emulator-thread';
import { runFanOut } from '../../bench/fan-out-run';
import { openCosmosStores } from '../../src/store/cosmos';
import type { Stores } from '../../src/store/stores';

// On a thread of its own, like a remote database: its work does not stall the instances' loop.
let emulator: EmulatorThread | undefined;
beforeAll(async () => {
  emulator = await startCosmosEmulatorThread();
});
afterAll(async () => {
  await emulator?.stop();
});

describe('four instances on one Cosmos DB share one Teams budget', () => {
  let instances: Stores[] = [];

  afterEach(async () => {
    await Promise.all(instances.map((s) => s.close()));
    instances = [];
  });

  it('deliver 120 cards to 6 chats with no 429, no duplicate and no card lost', async () => {
    for (let i = 0; i < 4; i++) instances.push(await openCosmosStores({ endpoint: emulator!.endpoint, key: emulator!.key, agent: emulator!.agent, database: 'hwc-shared-budget' }));

    // 20 cards per chat: the per-chat windows and the global rate both bind (about 4 s of sending).
    // The connector measures each window 300 ms short: here four instances, the connector and
    // other test files share one loaded event loop, which stalls for a few hundred ms now and then
    // and makes a call reach the connector that much after its turn; separate processes do not
    // share such stalls. The full-size bench (npm run bench, fan-out "instances") runs strict.
    // Budgets per process instead of one in the store overrun even this lenient connector by far.
    const run = await runFanOut({ cards: 120, conversations: 6, rate: 30, instances, limiter: 'shared', pass: 'loop', storeCheckEveryMs: 5_000, slackMs: 300 });

    expect({
      timedOut: run.timedOut,
      refusedGlobal: run.refusedGlobal,
      refusedConversation: run.refusedConversation,
      duplicates: run.duplicates,
      lost: run.lost,
      misdelivered: run.misdelivered,
      storeMismatches: run.storeMismatches,
    }).toEqual({ timedOut: false, refusedGlobal: 0, refusedConversation: 0, duplicates: 0, lost: 0, misdelivered: 0, storeMismatches: 0 });
    // The limits were really reached: the budget held calls back (at a trickle this would prove nothing).
    // One turn per call made (the 120 cards and one warm-up card per instance); a turn that came
    // too late for its stamp was given back and taken again.
    expect(run.budget.takes - run.budget.refused - run.budget.givenBack).toBe(120 + 4);
    expect(run.budget.refused).toBeGreaterThan(0);
  }, 90_000);
});
