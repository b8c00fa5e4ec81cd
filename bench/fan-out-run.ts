/**
 * One fan-out run, shared by bench/fan-out.ts and the four-instance test: signals with all their
 * cards due in a store, one or more app instances (each its own stores over the same backing
 * store, Dispatcher, TeamsMessenger and HwcAdapter in local mode) relaying them to a
 * LimitedConnector, and the count of what arrived: 429s, duplicates, losses, misdeliveries, and
 * the store's view of every delivery.
 */
import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { BotConnectorClient } from '../bot/bot-connector-client';
import type { TurnLimiter } from '../bot/rate-limiter';
import { SharedRateLimiter } from '../bot/shared-rate-limiter';
import { TeamsMessenger } from '../bot/teams-messenger';
import { Dispatcher, type RenderDelivery } from '../src/app/dispatcher';
import { SchoolTime } from '../src/app/school-time';
import type { Member } from '../src/domain/directory';
import { REFERENCE_ALPHABET } from '../src/domain/reference-code';
import { issueSignal, type Signal } from '../src/domain/signal';
import { isDeliveryPending } from '../src/domain/signal.deliveries';
import { startScheduler } from '../src/jobs/scheduler';
import type { ConversationAddress, Logger, RateBudget, RateTake, RateWindow } from '../src/ports';
import type { Stores } from '../src/store/stores';
import { sleep } from './env';
import { LimitedConnector, minimumSpanMs, TEAMS_PER_CONVERSATION } from './limited-connector';

const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const MUNICIPALITY_ID = 'GM0917';
const WORKER_ID = '11111111-1111-4111-8111-111111111111';
export const CONTACTS_PER_SIGNAL = 2;

export interface FanOutOptions {
  cards: number;
  conversations: number;
  /** What the connector enforces overall, per second. */
  rate: number;
  /** What each messenger is configured with (HWC_TEAMS_RATE_PER_SECOND); `rate` by default. */
  messengerRate?: number;
  /** One Stores per instance, all over the same backing store; the first seeds it. */
  instances: Stores[];
  /** Each instance's limiter: per process (RateLimiter, the messenger's default) or the store's budget. */
  limiter: 'process' | 'shared';
  /** The relay called again as soon as it returns, or from startScheduler every `relayIntervalMs`. */
  pass: 'loop' | 'scheduler';
  relayIntervalMs?: number;
  latencyMs?: number;
  slackMs?: number;
  /** How often the store is read to see whether every delivery has its outcome (before the connector has every card). */
  storeCheckEveryMs?: number;
}

export interface FanOutResult {
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
  /** The shared budget's takes over all instances: how many calls asked, refused, and the store's time per call (ms). */
  budget: { takes: number; refused: number; givenBack: number; meanMs: number };
  minimumMs: number;
  /** The event loop's delay (ms) while the run went: a stalled loop stamps calls late. */
  loopDelay: { p99: number; max: number };
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

/**
 * The least time the limits allow, from the first card to the last: the global rate over all
 * cards, or the per-conversation windows over the busiest chat, whichever is longer. Both are
 * sliding windows, so the first `rate` cards may all go at t = 0.
 */
export function theoreticalMinimumMs(cards: number, conversations: number, rate: number) {
  const busiest = Math.ceil(cards / conversations);
  const globalMs = minimumSpanMs(cards, [{ count: rate, perMs: 1_000 }]);
  const conversationMs = minimumSpanMs(busiest, TEAMS_PER_CONVERSATION);
  return { minimumMs: Math.max(globalMs, conversationMs), globalMs, fluidMs: (cards / rate) * 1000, conversationMs, busiest };
}

/** Members with a stored personal chat, and signals whose cards are all due now. Returns the expected "key -> conversation". */
async function seed(stores: Stores, serviceUrl: string, cards: number, conversations: number): Promise<Map<string, string>> {
  const now = new Date();
  const members: Member[] = Array.from({ length: conversations }, (_, n) => ({
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
  const signals: Signal[] = [];
  for (let s = 0, card = 0; card < cards; s++) {
    const targets = Array.from({ length: Math.min(CONTACTS_PER_SIGNAL, cards - card) }, (_, i) => (card + i) % conversations);
    card += targets.length;
    const signal: Signal = issueSignal({
      id: randomUUID(),
      reference: reference(s),
      child,
      municipalityId: MUNICIPALITY_ID,
      issuedBy: WORKER_ID,
      target: {
        route: 'direct',
        schoolId: schoolId(Math.floor(targets[0]! / 2)),
        contacts: targets.map((n, i) => ({ id: memberId(n), name: `Contact ${n}`, rank: i === 0 ? 'primary' : 'backup' })),
      },
      now,
    });
    signals.push(signal);
    for (const d of signal.deliveries) expected.set(`${signal.id}|${d.key}`, `a:personal-${d.recipientId}`);
  }
  // A few creates in flight at a time: a remote store is slow to fill one by one.
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let next = signals.shift(); next; next = signals.shift()) await stores.signals.create(next);
    }),
  );
  return expected;
}

/** Every delivery of every signal either sent or failed for good: nothing left for the relay. */
async function pendingDeliveries(stores: Stores, ids: readonly string[]): Promise<number> {
  let pending = 0;
  for (const id of ids) pending += (await stores.signals.get(id))?.value.deliveries.filter(isDeliveryPending).length ?? 0;
  return pending;
}

/** The store's budget, timed: what sharing it costs every Teams call. */
class TimedBudget implements RateBudget {
  constructor(
    private readonly inner: RateBudget,
    private readonly tally: FanOutResult['budget'] & { totalMs: number },
  ) {}

  async tryTake(windows: readonly RateWindow[], now: number): Promise<RateTake> {
    const started = performance.now();
    const take = await this.inner.tryTake(windows, now);
    this.tally.totalMs += performance.now() - started;
    this.tally.takes++;
    if (!take.ok) this.tally.refused++;
    return take;
  }

  async tryTakeEach(requests: ReadonlyArray<readonly RateWindow[]>, now: number): Promise<RateTake[]> {
    const started = performance.now();
    const takes = await this.inner.tryTakeEach(requests, now);
    this.tally.totalMs += performance.now() - started;
    this.tally.takes += takes.length;
    this.tally.refused += takes.filter((take) => !take.ok).length;
    return takes;
  }

  async giveBack(windows: readonly RateWindow[], at: number): Promise<void> {
    this.tally.givenBack++;
    await this.inner.giveBack(windows, at);
  }
}

/**
 * One card from each instance to a connector of its own before the run, as instances that have
 * been up for a while: a cold instance's first call (code loaded and compiled on first use)
 * reaches Teams long after its turn was taken, later than the margin allows for. The turns come
 * from the same budget (so it is, if anything, fuller at the start); the measured connector never
 * sees these calls.
 */
async function warmUp(messengers: TeamsMessenger[]): Promise<void> {
  const other = new LimitedConnector({ globalPerSecond: 1_000, keyOf: () => undefined });
  const serviceUrl = await other.start();
  try {
    await Promise.all(
      messengers.map((messenger, i) =>
        messenger.send(
          { memberId: `warm-up-${i}`, userId: `29:warm-up-${i}`, conversationId: `a:warm-up-${i}`, serviceUrl, tenantId: TENANT_ID, channelId: 'msteams', botId: '28:hwc-bot', updatedAt: new Date().toISOString() },
          { type: 'AdaptiveCard', version: '1.5', body: [] },
        ),
      ),
    );
  } finally {
    await other.stop();
  }
}

export async function runFanOut(options: FanOutOptions): Promise<FanOutResult> {
  const { cards, conversations, rate, instances, pass } = options;
  const connector = new LimitedConnector({ globalPerSecond: rate, slackMs: options.slackMs ?? 0, latencyMs: options.latencyMs ?? 0, keyOf: keyOfActivity });
  await connector.start();
  const failedAttempts = new Map<string, number>();
  const logger: Logger = {
    info: () => undefined,
    warn: (fields) => {
      const code = typeof fields.code === 'string' ? fields.code : 'unknown';
      failedAttempts.set(code, (failedAttempts.get(code) ?? 0) + 1);
    },
    error: (fields, message) => console.error(message, fields),
  };
  const tally = { takes: 0, refused: 0, givenBack: 0, meanMs: NaN, totalMs: 0 };
  try {
    const first = instances[0]!;
    const expected = await seed(first, connector.url, cards, conversations);
    const signalIds = [...new Set([...expected.keys()].map((key) => key.split('|')[0]!))];
    const messengers: TeamsMessenger[] = [];
    const dispatchers = instances.map((stores) => {
      const settings = { appId: '', serviceUrl: connector.url, tenantId: TENANT_ID, ratePerSecond: options.messengerRate ?? rate };
      const shared = options.limiter === 'shared' ? stores.rateBudget : undefined;
      if (options.limiter === 'shared' && !shared) throw new Error('the "shared" limiter needs stores that keep a rate budget');
      const limiter: TurnLimiter | undefined = shared ? new SharedRateLimiter(new TimedBudget(shared, tally), { globalPerSecond: settings.ratePerSecond }) : undefined;
      const messenger = new TeamsMessenger(new BotConnectorClient(), settings, limiter);
      messengers.push(messenger);
      return new Dispatcher({
        signals: stores.signals,
        directory: stores.directory,
        messenger,
        render,
        clock: { now: () => new Date() },
        logger,
        jitter: Math.random,
        audit: stores.audit,
        // A fan-out bench: cards go out whatever the hour it runs at.
        schoolTime: new SchoolTime(stores.directory, { quietTime: false }),
      });
    });
    await warmUp(messengers);

    // Generous: a run that needs this long has a bug, not a slow path.
    const bound = theoreticalMinimumMs(cards, conversations, rate);
    const timeoutMs = Math.max(60_000, bound.minimumMs * 5);
    let relayCalls = 0;
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const t0 = performance.now();
    const allAccepted = () => connector.acceptedCount >= expected.size;
    const checkEvery = options.storeCheckEveryMs ?? 2_000;
    let settled = false;
    let lastStoreCheck = t0;
    let checking: Promise<boolean> | undefined;
    // The store is read only when the connector has every card, or now and then (a card may fail for good).
    const checkSettled = async () => {
      if (settled) return true;
      const now = performance.now();
      if (!allAccepted() && now - lastStoreCheck < checkEvery) return false;
      lastStoreCheck = now;
      checking ??= pendingDeliveries(first, signalIds).then((n) => n === 0).finally(() => (checking = undefined));
      settled = await checking;
      return settled;
    };

    if (pass === 'loop') {
      await Promise.all(
        dispatchers.map(async (dispatcher) => {
          while (!settled && performance.now() - t0 < timeoutMs) {
            relayCalls++;
            if ((await dispatcher.relayDue()) > 0) continue;
            if (await checkSettled()) break;
            await sleep(50);
          }
        }),
      );
    } else {
      const schedulers = dispatchers.map((dispatcher) =>
        startScheduler(
          [
            {
              name: 'relay',
              run: async () => {
                relayCalls++;
                return dispatcher.relayDue();
              },
            },
          ],
          options.relayIntervalMs ?? 5_000,
          logger,
        ),
      );
      // The first tick at once: the run starts the clock when the cards fall due.
      for (const scheduler of schedulers) void scheduler.tick();
      while (performance.now() - t0 < timeoutMs) {
        await sleep(100);
        if (await checkSettled()) break;
      }
      await Promise.all(schedulers.map((s) => s.stop()));
    }
    const settledMs = performance.now() - t0;
    loop.disable();
    await Promise.all(dispatchers.map((d) => d.idle()));

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
      const signal = (await first.signals.get(id))?.value;
      for (const d of signal?.deliveries ?? []) {
        const got = connector.accepted.get(`${id}|${d.key}`);
        if (d.status !== 'sent' || !got?.some((a) => a.activityId === d.activityId)) storeMismatches++;
      }
    }
    return {
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
      budget: { takes: tally.takes, refused: tally.refused, givenBack: tally.givenBack, meanMs: tally.takes ? tally.totalMs / tally.takes : NaN },
      minimumMs: bound.minimumMs,
      loopDelay: { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
    };
  } finally {
    await connector.stop();
  }
}
