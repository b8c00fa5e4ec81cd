/**
 * Fan-out: how long the production delivery path takes to put BENCH_FANOUT_CARDS cards into
 * BENCH_FANOUT_CONVERSATIONS personal chats, against a fake Bot Connector that enforces Teams'
 * limits itself (per conversation 7/1 s, 8/2 s, 60/30 s; BENCH_FANOUT_RATE per second overall)
 * and answers 429 with Retry-After beyond them. Next to it: the least time those limits allow.
 *
 * The path is the real one: signals in the (memory) signal store with their deliveries due, the
 * Dispatcher's relay (`relayDue`: lease, render, send, record the outcome), TeamsMessenger with its
 * RateLimiter, and HwcAdapter in local mode (no app id, so no token calls). Only the card is
 * trivial: it carries the signal id and delivery key, which the fake connector counts.
 *
 * That is how a fan-out happens in production: signals issued outside the working window wait in
 * the store with their cards due at its start, and the relay sends them. Two passes, each from a
 * fresh store, connector and limiter:
 *  - "relay back-to-back": `relayDue()` called again as soon as it returns (the relay's own speed);
 *  - "scheduler": the relay as the app runs it, from startScheduler every HWC_RELAY_INTERVAL_MS
 *    (BENCH_FANOUT_RELAY_INTERVAL_MS, default 5000 as in src/config.ts; ticks never overlap).
 *
 * Each signal goes to two school contacts (primary and backup), so 2,000 cards are 1,000 signals;
 * card n goes to conversation n mod BENCH_FANOUT_CONVERSATIONS (4 cards per chat by default).
 *
 * Env: BENCH_FANOUT_CARDS (2000), BENCH_FANOUT_CONVERSATIONS (500), BENCH_FANOUT_RATE (30),
 * BENCH_FANOUT_RELAY_INTERVAL_MS (5000), BENCH_FANOUT_PASSES ("loop,scheduler"),
 * BENCH_FANOUT_LATENCY_MS (0: the fake answers at once; e.g. 150 to stand in for the real service).
 * What-ifs: BENCH_FANOUT_MESSENGER_RATE (the messenger's rate, default BENCH_FANOUT_RATE: the
 * connector still enforces BENCH_FANOUT_RATE), BENCH_FANOUT_SLACK_MS (0: the connector measures
 * each window this much shorter, i.e. tolerates calls arriving a little early).
 * Exits non-zero only on a correctness failure: a duplicate, a lost card, a card in the wrong chat.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { HwcAdapter } from '../bot/adapter';
import { DEFAULT_GLOBAL_PER_SECOND } from '../bot/rate-limiter';
import { TeamsMessenger } from '../bot/teams-messenger';
import { Dispatcher, type RenderDelivery } from '../src/app/dispatcher';
import type { Member } from '../src/domain/directory';
import { REFERENCE_ALPHABET } from '../src/domain/reference-code';
import { issueSignal, isDeliveryPending, type Signal } from '../src/domain/signal';
import { startScheduler } from '../src/jobs/scheduler';
import type { ConversationAddress, Logger } from '../src/ports';
import { createMemoryStores } from '../src/store/memory';
import type { Stores } from '../src/store/stores';
import { positiveInt, sleep } from './env';
import { LimitedConnector, minimumSpanMs, TEAMS_PER_CONVERSATION, type Window } from './limited-connector';
import { table } from './stats';

const CARDS = positiveInt('BENCH_FANOUT_CARDS', 2000);
const CONVERSATIONS = positiveInt('BENCH_FANOUT_CONVERSATIONS', 500);
const RATE = positiveInt('BENCH_FANOUT_RATE', DEFAULT_GLOBAL_PER_SECOND);
/** What TeamsMessenger is configured with (HWC_TEAMS_RATE_PER_SECOND); the connector enforces RATE. */
const MESSENGER_RATE = positiveInt('BENCH_FANOUT_MESSENGER_RATE', RATE);
const SLACK_MS = positiveInt('BENCH_FANOUT_SLACK_MS', 0, true);
const RELAY_INTERVAL_MS = positiveInt('BENCH_FANOUT_RELAY_INTERVAL_MS', 5000);
const LATENCY_MS = positiveInt('BENCH_FANOUT_LATENCY_MS', 0, true);
const PASSES = (process.env.BENCH_FANOUT_PASSES?.trim() || 'loop,scheduler').split(',').map((p) => p.trim());
const TARGET_RATIO = 1.25;
const CONTACTS_PER_SIGNAL = 2;

const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const MUNICIPALITY_ID = 'GM0917';
const WORKER_ID = '11111111-1111-4111-8111-111111111111';

type PassName = 'loop' | 'scheduler';

interface PassResult {
  name: string;
  /** First relay call to the last card accepted by the connector (ms). */
  completionMs: number;
  /** First relay call to every outcome recorded in the store (ms). */
  settledMs: number;
  timedOut: boolean;
  refusedGlobal: number;
  refusedConversation: number;
  refusedAgain: number;
  /** 429s that came back to the dispatcher as a failed attempt (the rest botbuilder's HTTP client retried itself). */
  failedAttempts: Map<string, number>;
  duplicates: number;
  lost: number;
  misdelivered: number;
  /** Deliveries the store does not show as sent with the activity id the connector gave. */
  storeMismatches: number;
  otherCalls: number;
  relayCalls: number;
  peaks: { global: number; perConversation: number[] };
}

/** The key a card carries: "<signal id>|<delivery key>" in its first text block. */
function keyOfActivity(activity: unknown): string | undefined {
  const a = activity as { attachments?: Array<{ content?: { body?: Array<{ text?: string }> } }> };
  return a.attachments?.[0]?.content?.body?.[0]?.text;
}

const render: RenderDelivery = async (signal, delivery) => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [{ type: 'TextBlock', text: `${signal.id}|${delivery.key}` }],
});

function memberId(n: number): string {
  return `22222222-2222-4222-8222-${String(n).padStart(12, '0')}`;
}

/** A BRIN code per pair of members (a school with a primary and a backup contact). */
function schoolId(n: number): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return `${String(Math.floor(n / 676) % 100).padStart(2, '0')}${letters[Math.floor(n / 26) % 26]}${letters[n % 26]}00`;
}

function reference(n: number): string {
  let code = '';
  for (let i = 0, rest = n; i < 4; i++, rest = Math.floor(rest / REFERENCE_ALPHABET.length)) code = REFERENCE_ALPHABET[rest % REFERENCE_ALPHABET.length] + code;
  return `HWC-${code}`;
}

/** Members with a stored personal chat, and signals whose cards are all due now. Returns the expected "key -> conversation". */
async function seed(stores: Stores, serviceUrl: string): Promise<Map<string, string>> {
  const now = new Date();
  const members: Member[] = Array.from({ length: CONVERSATIONS }, (_, n) => ({
    aadObjectId: memberId(n),
    name: `Contact ${n}`,
    roles: [{ role: 'school_contact', schoolId: schoolId(Math.floor(n / 2)), rank: n % 2 === 0 ? 'primary' : 'backup' }],
  }));
  await stores.directory.upsertMembers(members);
  for (const member of members) {
    const address: ConversationAddress = {
      memberId: member.aadObjectId,
      userId: `29:${member.aadObjectId}`,
      conversationId: `a:personal-${member.aadObjectId}`,
      serviceUrl,
      tenantId: TENANT_ID,
      channelId: 'msteams',
      botId: '28:hwc-bot',
      locale: 'nl-NL',
      updatedAt: now.toISOString(),
    };
    await stores.directory.saveConversation(address);
  }
  const expected = new Map<string, string>();
  const child = { firstName: 'Sanne', lastName: 'Jansen', birthDate: `${now.getUTCFullYear() - 9}-03-15` };
  for (let s = 0, card = 0; card < CARDS; s++) {
    const cards = Array.from({ length: Math.min(CONTACTS_PER_SIGNAL, CARDS - card) }, (_, i) => (card + i) % CONVERSATIONS);
    card += cards.length;
    const school = schoolId(Math.floor(cards[0]! / 2));
    const signal: Signal = issueSignal({
      id: randomUUID(),
      reference: reference(s),
      child,
      municipalityId: MUNICIPALITY_ID,
      issuedBy: WORKER_ID,
      target: {
        route: 'direct',
        schoolId: school,
        contacts: cards.map((n, i) => ({ id: memberId(n), name: `Contact ${n}`, rank: i === 0 ? 'primary' : 'backup' })),
      },
      now,
    });
    await stores.signals.create(signal);
    for (const d of signal.deliveries) expected.set(`${signal.id}|${d.key}`, `a:personal-${d.recipientId}`);
  }
  return expected;
}

/** Every delivery of every signal either sent or failed for good: nothing left for the relay. */
async function pendingDeliveries(stores: Stores, ids: readonly string[]): Promise<number> {
  let pending = 0;
  for (const id of ids) pending += (await stores.signals.get(id))?.value.deliveries.filter(isDeliveryPending).length ?? 0;
  return pending;
}

async function runPass(pass: PassName): Promise<PassResult> {
  const connector = new LimitedConnector({ globalPerSecond: RATE, slackMs: SLACK_MS, latencyMs: LATENCY_MS, keyOf: keyOfActivity });
  await connector.start();
  const stores = createMemoryStores();
  const failedAttempts = new Map<string, number>();
  const logger: Logger = {
    info: () => undefined,
    warn: (fields) => {
      const code = typeof fields.code === 'string' ? fields.code : 'unknown';
      failedAttempts.set(code, (failedAttempts.get(code) ?? 0) + 1);
    },
    error: (fields, message) => console.error(message, fields),
  };
  try {
    const expected = await seed(stores, connector.url);
    const signalIds = [...new Set([...expected.keys()].map((key) => key.split('|')[0]!))];
    const adapter = new HwcAdapter({ appId: '' }, logger, async () => undefined);
    const messenger = new TeamsMessenger(adapter, { appId: '', serviceUrl: connector.url, tenantId: TENANT_ID, ratePerSecond: MESSENGER_RATE });
    const dispatcher = new Dispatcher({
      signals: stores.signals,
      directory: stores.directory,
      messenger,
      render,
      clock: { now: () => new Date() },
      logger,
      jitter: Math.random,
      audit: stores.audit,
    });

    // Generous: a pass that needs this long has a bug, not a slow path.
    const bound = theoreticalMinimumMs();
    const timeoutMs = Math.max(60_000, bound.minimumMs * 5);
    let relayCalls = 0;
    const relay = async () => {
      relayCalls++;
      return dispatcher.relayDue();
    };
    const t0 = performance.now();
    const allAccepted = () => connector.acceptedCount >= expected.size;
    let settled = false;
    // The store is read only when the connector has every card, or now and then (a card may fail for good).
    let lastStoreCheck = t0;
    const checkSettled = async () => {
      const now = performance.now();
      if (!allAccepted() && now - lastStoreCheck < 2_000) return false;
      lastStoreCheck = now;
      return (await pendingDeliveries(stores, signalIds)) === 0;
    };

    if (pass === 'loop') {
      while (performance.now() - t0 < timeoutMs) {
        if ((await relay()) > 0) continue;
        if ((settled = await checkSettled())) break;
        await sleep(50);
      }
    } else {
      const scheduler = startScheduler([{ name: 'relay', run: relay }], RELAY_INTERVAL_MS, logger);
      // The first tick at once: the bench starts the clock when the cards fall due.
      void scheduler.tick();
      while (performance.now() - t0 < timeoutMs) {
        await sleep(100);
        if ((settled = await checkSettled())) break;
      }
      await scheduler.stop();
    }
    const settledMs = performance.now() - t0;
    await dispatcher.idle();

    // Correctness, from both sides: what the connector accepted and what the store recorded.
    let duplicates = 0;
    let lost = 0;
    let misdelivered = 0;
    for (const [key, conversationId] of expected) {
      const got = connector.accepted.get(key) ?? [];
      if (got.length === 0) lost++;
      duplicates += Math.max(0, got.length - 1);
      misdelivered += got.filter((a) => a.conversationId !== conversationId).length;
    }
    for (const key of connector.accepted.keys()) if (!expected.has(key)) misdelivered++;
    let storeMismatches = 0;
    for (const id of signalIds) {
      const signal = (await stores.signals.get(id))?.value;
      for (const d of signal?.deliveries ?? []) {
        const got = connector.accepted.get(`${id}|${d.key}`);
        if (d.status !== 'sent' || !got?.some((a) => a.activityId === d.activityId)) storeMismatches++;
      }
    }
    return {
      name: pass === 'loop' ? 'relay back-to-back' : `scheduler, tick every ${RELAY_INTERVAL_MS / 1000} s`,
      completionMs: connector.lastAcceptedAt - t0,
      settledMs,
      timedOut: !settled,
      refusedGlobal: connector.refused.global,
      refusedConversation: connector.refused.conversation,
      refusedAgain: connector.refusedAgain,
      failedAttempts,
      duplicates,
      lost,
      misdelivered,
      storeMismatches,
      otherCalls: connector.otherCalls,
      relayCalls,
      peaks: connector.peaks(),
    };
  } finally {
    await stores.close();
    await connector.stop();
  }
}

/**
 * The least time the limits allow, from the first card to the last: the global rate over all
 * cards, or the per-conversation windows over the busiest chat, whichever is longer. Both are
 * sliding windows, so the first RATE cards may all go at t = 0.
 */
function theoreticalMinimumMs(): { minimumMs: number; globalMs: number; fluidMs: number; conversationMs: number; busiest: number } {
  const busiest = Math.ceil(CARDS / CONVERSATIONS);
  const globalMs = minimumSpanMs(CARDS, [{ count: RATE, perMs: 1_000 }]);
  const conversationMs = minimumSpanMs(busiest, TEAMS_PER_CONVERSATION);
  return { minimumMs: Math.max(globalMs, conversationMs), globalMs, fluidMs: (CARDS / RATE) * 1000, conversationMs, busiest };
}

function windows(ws: readonly Window[]): string {
  return ws.map((w) => `${w.count}/${w.perMs / 1000} s`).join(', ');
}

function seconds(ms: number): string {
  return Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : '—';
}

async function main(): Promise<number> {
  if (CONVERSATIONS < CONTACTS_PER_SIGNAL) throw new Error(`BENCH_FANOUT_CONVERSATIONS must be at least ${CONTACTS_PER_SIGNAL}`);
  const passes = PASSES.map((p) => {
    if (p !== 'loop' && p !== 'scheduler') throw new Error(`BENCH_FANOUT_PASSES: unknown pass "${p}" (loop, scheduler)`);
    return p;
  });
  const bound = theoreticalMinimumMs();
  const signals = Math.ceil(CARDS / CONTACTS_PER_SIGNAL);
  console.log('Handle with Care — fan-out benchmark');
  console.log(
    `${CARDS} cards to ${CONVERSATIONS} conversations: ${signals} signals × ${CONTACTS_PER_SIGNAL} contacts, up to ${bound.busiest} cards per chat; ` +
      `Dispatcher relay (memory stores) → TeamsMessenger (RateLimiter, ${MESSENGER_RATE}/s) → HwcAdapter (local mode)`,
  );
  console.log(
    `fake Bot Connector enforces per conversation ${windows(TEAMS_PER_CONVERSATION)} and ${RATE}/1 s overall, 429 + Retry-After beyond; ` +
      `answers after ${LATENCY_MS} ms${SLACK_MS ? `; windows ${SLACK_MS} ms short (diagnostic)` : ''}`,
  );
  console.log(
    `theoretical minimum ${seconds(bound.minimumMs)}: global ${seconds(bound.globalMs)} (${CARDS} cards, ${RATE} per sliding second, the first ${RATE} at t = 0; ` +
      `${CARDS}/${RATE} = ${seconds(bound.fluidMs)} as a steady rate), per conversation ${seconds(bound.conversationMs)} for ${bound.busiest} cards — ` +
      `${bound.globalMs >= bound.conversationMs ? 'the global rate binds' : 'the per-conversation windows bind'}`,
  );
  console.log('');

  const results: PassResult[] = [];
  for (const pass of passes) {
    console.log(`running: ${pass} …`);
    results.push(await runPass(pass));
  }
  console.log('');
  const verdict = (r: PassResult) => (r.timedOut ? 'timed out' : r.completionMs / bound.minimumMs <= TARGET_RATIO ? 'met' : 'not met');
  console.log(
    table(
      ['pass', 'last card', 'minimum', 'ratio', `target ≤ ${TARGET_RATIO}×`, '429s', 'duplicates', 'lost'],
      results.map((r) => [
        r.name,
        seconds(r.completionMs),
        seconds(bound.minimumMs),
        `${(r.completionMs / bound.minimumMs).toFixed(2)}×`,
        verdict(r),
        String(r.refusedGlobal + r.refusedConversation),
        String(r.duplicates),
        String(r.lost),
      ]),
    ),
  );
  console.log('');
  for (const r of results) {
    const attempts = [...r.failedAttempts].map(([code, n]) => `${code} ${n}`).join(', ') || 'none';
    const rate = CARDS / (r.completionMs / 1000);
    console.log(`${r.name}:`);
    console.log(`  all outcomes recorded after ${seconds(r.settledMs)}; ${r.relayCalls} relay calls; ${rate.toFixed(1)} cards/s on average`);
    console.log(`  429s: ${r.refusedGlobal} over the global rate, ${r.refusedConversation} over a conversation's windows; ${r.refusedAgain} of them to a card already refused once (a retry by botbuilder's HTTP client or by the relay); failed attempts recorded by the dispatcher: ${attempts}`);
    console.log(
      `  most accepted in any window: ${r.peaks.global}/1 s overall; per conversation ${r.peaks.perConversation
        .map((p, i) => `${p}/${TEAMS_PER_CONVERSATION[i]!.perMs / 1000} s`)
        .join(', ')}`,
    );
    console.log(`  cards in the wrong chat ${r.misdelivered}; deliveries the store does not show as sent with the connector's activity id ${r.storeMismatches}; other calls ${r.otherCalls}`);
  }
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB`);

  const broken = results.filter((r) => r.duplicates > 0 || r.lost > 0 || r.misdelivered > 0 || r.storeMismatches > 0 || r.timedOut);
  if (broken.length > 0) {
    console.error(`\n${broken.map((r) => r.name).join(', ')}: duplicate, lost or misdelivered cards (or a pass that never finished) — a bug, not a performance result.`);
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
