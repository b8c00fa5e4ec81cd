/**
 * Fan-out: how long the production delivery path takes to put BENCH_FANOUT_CARDS cards into
 * BENCH_FANOUT_CONVERSATIONS personal chats, against a fake Bot Connector that enforces Teams'
 * limits itself (per conversation 7/1 s, 8/2 s, 60/30 s; BENCH_FANOUT_RATE per second overall)
 * and answers 429 with Retry-After beyond them. Next to it: the least time those limits allow.
 *
 * The path is the real one: signals in the store with their deliveries due, the Dispatcher's
 * relay (`relayDue`: lease, render, send, record the outcome), TeamsMessenger with its limiter,
 * and HwcAdapter in local mode (no app id, so no token calls). Only the card is
 * trivial: it carries the signal id and delivery key, which the fake connector counts.
 *
 * That is how a fan-out happens in production: signals issued outside the working window wait in
 * the store with their cards due at its start, and the relay sends them. Each pass from a fresh
 * store, connector and limiter (bench/fan-out-run.ts):
 *  - "loop", relay back-to-back: `relayDue()` called again as soon as it returns (the relay's own
 *    speed), memory stores, one process with its own RateLimiter;
 *  - "scheduler": the same, the relay as the app runs it, from startScheduler every
 *    HWC_RELAY_INTERVAL_MS (BENCH_FANOUT_RELAY_INTERVAL_MS, default 5000 as in src/config.ts);
 *  - "shared": as "loop", but the turns come from a store's RateBudget (SharedRateLimiter, as
 *    createApp wires it for Cosmos DB), here the memory store's: what the shared limiter's
 *    machinery costs per call, beside "loop" (the "instances" pass adds Cosmos's round trips);
 *  - "instances": BENCH_FANOUT_INSTANCES (4) app instances, each with its own Cosmos DB client
 *    over one database on the emulator (on a thread of its own, bench/cosmos-emulator-thread.ts), relaying back-to-back at the same time and
 *    taking their turns from one budget in it: BENCH_FANOUT_INSTANCES_CARDS (2000) cards to
 *    BENCH_FANOUT_INSTANCES_CONVERSATIONS (50) chats. Target: ≤ 1.2× the minimum, no 429;
 *  - "instances-own" (not run by default): the same with a budget per process, as before the
 *    budget moved into the store: the instances together overrun Teams' limits.
 *
 * Each signal goes to two school contacts (primary and backup), so 2,000 cards are 1,000 signals;
 * card n goes to conversation n mod the number of chats (4 cards per chat by default, 40 for the
 * instances).
 *
 * Env: BENCH_FANOUT_CARDS (2000), BENCH_FANOUT_CONVERSATIONS (500), BENCH_FANOUT_RATE (30),
 * BENCH_FANOUT_RELAY_INTERVAL_MS (5000), BENCH_FANOUT_PASSES ("loop,scheduler,shared,instances"),
 * BENCH_FANOUT_INSTANCES (4), BENCH_FANOUT_INSTANCES_CARDS (2000), BENCH_FANOUT_INSTANCES_CONVERSATIONS (50),
 * BENCH_FANOUT_LATENCY_MS (0: the fake answers at once; e.g. 150 to stand in for the real service).
 * What-ifs: BENCH_FANOUT_MESSENGER_RATE (the messenger's rate, default BENCH_FANOUT_RATE: the
 * connector still enforces BENCH_FANOUT_RATE), BENCH_FANOUT_SLACK_MS (0: the connector measures
 * each window this much shorter, i.e. tolerates calls arriving a little early).
 * Exits non-zero only on a correctness failure: a duplicate, a lost card, a card in the wrong chat.
 */
import { DEFAULT_GLOBAL_PER_SECOND } from '../bot/rate-limiter';
import { openCosmosStores } from '../src/store/cosmos';
import { createMemoryStores } from '../src/store/memory';
import type { Stores } from '../src/store/stores';
import { startCosmosEmulatorThread } from './cosmos-emulator-thread';
import { positiveInt } from './env';
import { CONTACTS_PER_SIGNAL, runFanOut, theoreticalMinimumMs, type FanOutResult } from './fan-out-run';
import { TEAMS_PER_CONVERSATION, type Window } from './limited-connector';
import { table } from './stats';

const CARDS = positiveInt('BENCH_FANOUT_CARDS', 2000);
const CONVERSATIONS = positiveInt('BENCH_FANOUT_CONVERSATIONS', 500);
const RATE = positiveInt('BENCH_FANOUT_RATE', DEFAULT_GLOBAL_PER_SECOND);
/** What TeamsMessenger is configured with (HWC_TEAMS_RATE_PER_SECOND); the connector enforces RATE. */
const MESSENGER_RATE = positiveInt('BENCH_FANOUT_MESSENGER_RATE', RATE);
const SLACK_MS = positiveInt('BENCH_FANOUT_SLACK_MS', 0, true);
const RELAY_INTERVAL_MS = positiveInt('BENCH_FANOUT_RELAY_INTERVAL_MS', 5000);
const LATENCY_MS = positiveInt('BENCH_FANOUT_LATENCY_MS', 0, true);
const INSTANCES = positiveInt('BENCH_FANOUT_INSTANCES', 4);
const INSTANCES_CARDS = positiveInt('BENCH_FANOUT_INSTANCES_CARDS', 2000);
const INSTANCES_CONVERSATIONS = positiveInt('BENCH_FANOUT_INSTANCES_CONVERSATIONS', 50);
const PASS_NAMES = ['loop', 'scheduler', 'shared', 'instances', 'instances-own'] as const;
type PassName = (typeof PASS_NAMES)[number];
const PASSES = (process.env.BENCH_FANOUT_PASSES?.trim() || 'loop,scheduler,shared,instances').split(',').map((p) => p.trim());

interface Pass {
  name: string;
  cards: number;
  conversations: number;
  target: number;
  result: FanOutResult;
}

function windows(ws: readonly Window[]): string {
  return ws.map((w) => `${w.count}/${w.perMs / 1000} s`).join(', ');
}

function seconds(ms: number): string {
  return Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : '—';
}

/** `count` instances' stores over one database on the Cosmos DB emulator (its own thread), each with its own client (as separate processes). */
async function cosmosInstances(count: number): Promise<{ instances: Stores[]; close(): Promise<void> }> {
  const emulator = await startCosmosEmulatorThread();
  const open = () => openCosmosStores({ endpoint: emulator.endpoint, key: emulator.key, agent: emulator.agent, database: 'hwc-fan-out' });
  const instances = [await open()];
  for (let i = 1; i < count; i++) instances.push(await open());
  return {
    instances,
    async close() {
      await Promise.all(instances.map((s) => s.close()));
      await emulator.stop();
    },
  };
}

async function runPass(pass: PassName): Promise<Pass> {
  const common = { rate: RATE, messengerRate: MESSENGER_RATE, slackMs: SLACK_MS, latencyMs: LATENCY_MS, relayIntervalMs: RELAY_INTERVAL_MS };
  if (pass === 'instances' || pass === 'instances-own') {
    const cosmos = await cosmosInstances(INSTANCES);
    try {
      const result = await runFanOut({
        ...common,
        cards: INSTANCES_CARDS,
        conversations: INSTANCES_CONVERSATIONS,
        instances: cosmos.instances,
        limiter: pass === 'instances' ? 'shared' : 'process',
        pass: 'loop',
        storeCheckEveryMs: 10_000,
      });
      const how = pass === 'instances' ? 'one budget in the store' : 'each its own budget';
      return { name: `${INSTANCES} instances, Cosmos, ${how}`, cards: INSTANCES_CARDS, conversations: INSTANCES_CONVERSATIONS, target: 1.2, result };
    } finally {
      await cosmos.close();
    }
  }
  const stores = createMemoryStores();
  try {
    const result = await runFanOut({
      ...common,
      cards: CARDS,
      conversations: CONVERSATIONS,
      instances: [stores],
      limiter: pass === 'shared' ? 'shared' : 'process',
      pass: pass === 'scheduler' ? 'scheduler' : 'loop',
    });
    const name = { loop: 'relay back-to-back', scheduler: `scheduler, tick every ${RELAY_INTERVAL_MS / 1000} s`, shared: 'relay back-to-back, shared budget (memory)' }[pass];
    return { name, cards: CARDS, conversations: CONVERSATIONS, target: 1.25, result };
  } finally {
    await stores.close();
  }
}

async function main(): Promise<number> {
  if (CONVERSATIONS < CONTACTS_PER_SIGNAL || INSTANCES_CONVERSATIONS < CONTACTS_PER_SIGNAL) {
    throw new Error(`BENCH_FANOUT_CONVERSATIONS and BENCH_FANOUT_INSTANCES_CONVERSATIONS must be at least ${CONTACTS_PER_SIGNAL}`);
  }
  const passes = PASSES.map((p) => {
    if (!(PASS_NAMES as readonly string[]).includes(p)) throw new Error(`BENCH_FANOUT_PASSES: unknown pass "${p}" (${PASS_NAMES.join(', ')})`);
    return p as PassName;
  });
  console.log('Handle with Care — fan-out benchmark');
  console.log(
    `Dispatcher relay → TeamsMessenger (${MESSENGER_RATE}/s; per process: RateLimiter, or SharedRateLimiter over the store's RateBudget) → HwcAdapter (local mode); ` +
      `${CONTACTS_PER_SIGNAL} cards per signal`,
  );
  console.log(
    `fake Bot Connector enforces per conversation ${windows(TEAMS_PER_CONVERSATION)} and ${RATE}/1 s overall, 429 + Retry-After beyond; ` +
      `answers after ${LATENCY_MS} ms${SLACK_MS ? `; windows ${SLACK_MS} ms short (diagnostic)` : ''}`,
  );
  const sizes = passes.some((p) => p.startsWith('instances')) ? [[CARDS, CONVERSATIONS], [INSTANCES_CARDS, INSTANCES_CONVERSATIONS]] : [[CARDS, CONVERSATIONS]];
  for (const [cards, conversations] of sizes as Array<[number, number]>) {
    const bound = theoreticalMinimumMs(cards, conversations, RATE);
    console.log(
      `${cards} cards to ${conversations} chats (up to ${bound.busiest} per chat): theoretical minimum ${seconds(bound.minimumMs)}: global ${seconds(bound.globalMs)} ` +
        `(${RATE} per sliding second, the first ${RATE} at t = 0; ${seconds(bound.fluidMs)} as a steady rate), per conversation ${seconds(bound.conversationMs)} — ` +
        `${bound.globalMs >= bound.conversationMs ? 'the global rate binds' : 'the per-conversation windows bind'}`,
    );
  }
  console.log('');

  const results: Pass[] = [];
  for (const pass of passes) {
    console.log(`running: ${pass} …`);
    results.push(await runPass(pass));
  }
  console.log('');
  const ratio = (p: Pass) => p.result.completionMs / p.result.minimumMs;
  const verdict = (p: Pass) => (p.result.timedOut ? 'timed out' : ratio(p) <= p.target ? 'met' : 'not met');
  console.log(
    table(
      ['pass', 'cards → chats', 'last card', 'minimum', 'ratio', 'target', '429s', 'duplicates', 'lost'],
      results.map((p) => [
        p.name,
        `${p.cards} → ${p.conversations}`,
        seconds(p.result.completionMs),
        seconds(p.result.minimumMs),
        `${ratio(p).toFixed(2)}×`,
        `≤ ${p.target}× ${verdict(p)}`,
        String(p.result.refusedGlobal + p.result.refusedConversation),
        String(p.result.duplicates),
        String(p.result.lost),
      ]),
    ),
  );
  console.log('');
  for (const { name, cards, result: r } of results) {
    const attempts = [...r.failedAttempts].map(([code, n]) => `${code} ${n}`).join(', ') || 'none';
    const rate = cards / (r.completionMs / 1000);
    console.log(`${name}:`);
    console.log(`  all outcomes recorded after ${seconds(r.settledMs)}; ${r.relayCalls} relay calls; ${rate.toFixed(1)} cards/s on average`);
    console.log(`  429s: ${r.refusedGlobal} over the global rate, ${r.refusedConversation} over a conversation's windows; ${r.refusedAgain} of them to a card already refused once (a retry by botbuilder's HTTP client or by the relay); failed attempts recorded by the dispatcher: ${attempts}`);
    console.log(
      `  most accepted in any window: ${r.peaks.global}/1 s overall; per conversation ${r.peaks.perConversation
        .map((p, i) => `${p}/${TEAMS_PER_CONVERSATION[i]!.perMs / 1000} s`)
        .join(', ')}`,
    );
    if (r.budget.takes > 0) {
      console.log(`  the store's budget: ${r.budget.takes} takes (${r.budget.refused} refused), ${r.budget.meanMs.toFixed(2)} ms each on average — added before every Teams call; ${r.budget.givenBack} turns given back (they came too late for their stamp)`);
    }
    console.log(`  event loop delay while it ran: p99 ${r.loopDelay.p99.toFixed(0)} ms, max ${r.loopDelay.max.toFixed(0)} ms`);
    console.log(`  cards in the wrong chat ${r.misdelivered}; deliveries the store does not show as sent with the connector's activity id ${r.storeMismatches}; other calls ${r.otherCalls}`);
  }
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB`);

  const broken = results.filter((p) => p.result.duplicates > 0 || p.result.lost > 0 || p.result.misdelivered > 0 || p.result.storeMismatches > 0 || p.result.timedOut);
  if (broken.length > 0) {
    console.error(`\n${broken.map((p) => p.name).join(', ')}: duplicate, lost or misdelivered cards (or a pass that never finished) — a bug, not a performance result.`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('bench failed:', error);
    process.exitCode = 1;
  },
);
