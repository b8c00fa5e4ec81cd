import { BotConnectorClient } from '../../bot/bot-connector-client';
import { RateLimitWaitExceeded, RateLimiter, TEAMS_CONVERSATION_LIMITS, type RateLimit, type RateLimiterOptions } from '../../bot/rate-limiter';
import { TeamsMessenger } from '../../bot/teams-messenger';
import { HANDED_BACK, MessengerError, REDRAW_DUE, type ConversationAddress } from '../../src/ports';
import { FakeBotConnector } from '../support/fake-bot-connector';

const SECOND = 1_000;
const HOUR = 3_600 * SECOND;

/**
 * A time source the test moves: `sleep` resolves when the test advances past its moment, so the
 * limiter is exercised over hours of simulated time without any real waiting.
 */
class FakeTime {
  private current = 0;
  private sequence = 0;
  private sleepers: Array<{ at: number; order: number; wake: () => void }> = [];
  /** Every sleep the limiter asked for, in ms: shows it sets timers, not a busy loop. */
  readonly sleeps: number[] = [];

  readonly now = (): number => this.current;

  readonly sleep = (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    return new Promise((wake) => this.sleepers.push({ at: this.current + ms, order: this.sequence++, wake }));
  };

  /** Moves to `to`, waking each sleeper at its own moment and letting everyone react before going on. */
  async advanceTo(to: number): Promise<void> {
    for (;;) {
      await settle();
      const due = this.sleepers.filter((s) => s.at <= to).sort((a, b) => a.at - b.at || a.order - b.order)[0];
      if (!due) break;
      this.sleepers.splice(this.sleepers.indexOf(due), 1);
      this.current = Math.max(this.current, due.at);
      due.wake();
    }
    this.current = to;
    await settle();
  }
}

/** Lets every promise reaction that is ready run; no time passes. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Grant {
  conversationId: string;
  index: number;
  at: number;
}

function setUp(options: Omit<RateLimiterOptions, 'now' | 'sleep'> = {}) {
  const time = new FakeTime();
  const limiter = new RateLimiter({ ...options, now: time.now, sleep: time.sleep });
  const grants: Grant[] = [];
  const asked = new Map<string, number>();
  /** `count` callers ask for a turn in `conversationId` now; each grant is recorded with its time. */
  const request = (conversationId: string, count: number) => {
    const first = asked.get(conversationId) ?? 0;
    asked.set(conversationId, first + count);
    for (let i = 0; i < count; i++) {
      void limiter.acquire(conversationId).then(() => grants.push({ conversationId, index: first + i, at: time.now() }));
    }
  };
  const timesIn = (conversationId?: string) => grants.filter((g) => conversationId === undefined || g.conversationId === conversationId).map((g) => g.at);
  return { time, limiter, grants, request, timesIn };
}

/** The most calls found in any window of `perMs` (a call at t counts in (t - perMs, t]). */
function mostInAnyWindow(times: number[], perMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let end = 0, start = 0; end < sorted.length; end++) {
    while (sorted[start]! <= sorted[end]! - perMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

function expectWithin(times: number[], limits: readonly RateLimit[]): void {
  for (const { count, perMs } of limits) expect(mostInAnyWindow(times, perMs)).toBeLessThanOrEqual(count);
}

describe('RateLimiter', () => {
  it('lets a burst of 20 to one conversation out 7 in the first second and spreads the rest per the limits', async () => {
    const { time, request, timesIn } = setUp();
    request('a', 20);
    await time.advanceTo(0);
    expect(timesIn('a')).toHaveLength(7);
    await time.advanceTo(10 * SECOND);
    const times = timesIn('a');
    expect(times.filter((t) => t < SECOND)).toHaveLength(7);
    // 7 per second and 8 per 2 seconds together: 7, then 1, then 7 as the first ones leave the 2 s window.
    expect(times).toEqual([...Array(7).fill(0), 1_000, ...Array(7).fill(2_000), 3_000, ...Array(4).fill(4_000)]);
    expectWithin(times, TEAMS_CONVERSATION_LIMITS);
  });

  it('sets one timer per moment something can go, never polls', async () => {
    const { time, request, timesIn } = setUp();
    request('a', 20);
    await time.advanceTo(10 * SECOND);
    expect(timesIn('a')).toHaveLength(20);
    expect(time.sleeps).toEqual([1_000, 1_000, 1_000, 1_000]);
  });

  it('holds 60 per 30 seconds in one conversation', async () => {
    const { time, request, timesIn } = setUp();
    request('a', 130);
    await time.advanceTo(90 * SECOND);
    const times = timesIn('a');
    expect(times).toHaveLength(130);
    expect(times.filter((t) => t < 30 * SECOND)).toHaveLength(60);
    expect(mostInAnyWindow(times, 30 * SECOND)).toBe(60);
    expectWithin(times, TEAMS_CONVERSATION_LIMITS);
  });

  it('holds 1,800 per hour in one conversation', async () => {
    const { time, request, timesIn } = setUp();
    request('a', 1_810);
    await time.advanceTo(HOUR + 60 * SECOND);
    const times = timesIn('a');
    expect(times.filter((t) => t < HOUR)).toHaveLength(1_800);
    expect(times).toHaveLength(1_810);
    expect(times[1_800]).toBeGreaterThanOrEqual(HOUR);
    expectWithin(times, TEAMS_CONVERSATION_LIMITS);
  });

  it('does not let two conversations hold each other up while the global rate has room', async () => {
    const { time, request, timesIn } = setUp();
    request('a', 20);
    request('b', 20);
    await time.advanceTo(10 * SECOND);
    const alone = [...Array(7).fill(0), 1_000, ...Array(7).fill(2_000), 3_000, ...Array(4).fill(4_000)];
    expect(timesIn('a')).toEqual(alone);
    expect(timesIn('b')).toEqual(alone);
  });

  it('shares a tight global rate fairly between the conversations that wait', async () => {
    const { time, request, timesIn } = setUp({ globalPerSecond: 4 });
    request('a', 20);
    request('b', 20);
    // First come, first served: a asked first and takes the whole first second.
    await time.advanceTo(0);
    expect(timesIn('a')).toEqual([0, 0, 0, 0]);
    expect(timesIn('b')).toEqual([]);
    // From then on the two take turns.
    await time.advanceTo(2 * SECOND);
    expect(timesIn('a')).toEqual([0, 0, 0, 0, 1_000, 1_000, 2_000, 2_000]);
    expect(timesIn('b')).toEqual([1_000, 1_000, 2_000, 2_000]);
    await time.advanceTo(30 * SECOND);
    expect(timesIn()).toHaveLength(40);
    expect(mostInAnyWindow(timesIn(), SECOND)).toBe(4);
    expectWithin(timesIn('a'), TEAMS_CONVERSATION_LIMITS);
    expectWithin(timesIn('b'), TEAMS_CONVERSATION_LIMITS);
  });

  it('holds the global rate across 100 conversations, each getting its first call before any gets a second', async () => {
    const { time, request, timesIn, grants } = setUp({ globalPerSecond: 30 });
    for (let c = 0; c < 100; c++) request(`c${c}`, 1);
    for (let c = 0; c < 100; c++) request(`c${c}`, 1);
    await time.advanceTo(0);
    expect(timesIn()).toHaveLength(30);
    await time.advanceTo(20 * SECOND);
    const times = timesIn();
    expect(times).toHaveLength(200);
    expect(mostInAnyWindow(times, SECOND)).toBe(30);
    // 200 calls at 30 per second: the last goes at 6 s, the least the global rate allows.
    expect(Math.max(...times)).toBe(6 * SECOND);
    expect(grants.slice(0, 100).every((g) => g.index === 0)).toBe(true);
  });

  it('serves the callers of one conversation in the order they asked', async () => {
    const { time, request, grants } = setUp();
    request('a', 30);
    request('b', 5);
    request('a', 10);
    await time.advanceTo(60 * SECOND);
    const order = grants.filter((g) => g.conversationId === 'a').map((g) => g.index);
    expect(order).toEqual([...Array(40).keys()]);
  });

  it('refuses a caller whose turn does not come within maxWaitMs, spends no token and keeps the line in order', async () => {
    const { time, limiter, request, timesIn } = setUp();
    request('a', 7);
    const late = limiter.acquire('a', { maxWaitMs: 500 });
    const outcome = late.then(
      () => 'granted',
      (error: unknown) => error,
    );
    request('a', 1);
    await time.advanceTo(600);
    await expect(outcome).resolves.toBeInstanceOf(RateLimitWaitExceeded);
    await time.advanceTo(2 * SECOND);
    // The caller behind it went at 1 s in the refused caller's place; the 8 per 2 s window still had room.
    expect(timesIn('a')).toEqual([...Array(7).fill(0), 1_000]);
  });

  it('takes a free turn at once (takeNow) under the same limits as acquire, and takes nothing when there is none', async () => {
    const { time, limiter, request, timesIn } = setUp();
    const taken = Array.from({ length: 8 }, () => limiter.takeNow('a'));
    // 7 per second: the eighth is refused and spends nothing.
    expect(taken).toEqual([...Array(7).fill(true), false]);
    // The turns taken count for acquire too: a caller now waits for 8 per 2 s to allow one more.
    request('a', 1);
    await time.advanceTo(SECOND);
    expect(timesIn('a')).toEqual([1_000]);
    expect(limiter.takeNow('a')).toBe(false);
  });

  it('refuses takeNow while anyone waits, in any conversation: those who wait are served first', async () => {
    const { time, limiter, request, timesIn } = setUp({ globalPerSecond: 2 });
    request('a', 3);
    await time.advanceTo(0);
    expect(timesIn('a')).toHaveLength(2);
    // Room in b's own windows, but a is waiting for the global budget: b does not jump the line.
    expect(limiter.takeNow('b')).toBe(false);
    await time.advanceTo(SECOND);
    expect(timesIn('a')).toEqual([0, 0, 1_000]);
    expect(limiter.takeNow('b')).toBe(true);
  });

  it('lets a caller stop waiting with an AbortSignal', async () => {
    const { time, limiter, request, timesIn } = setUp();
    request('a', 7);
    const abort = new AbortController();
    const waiting = limiter.acquire('a', { signal: abort.signal });
    abort.abort(new Error('shutting down'));
    await expect(waiting).rejects.toThrow('shutting down');
    request('a', 1);
    await time.advanceTo(SECOND);
    expect(timesIn('a')).toEqual([...Array(7).fill(0), 1_000]);
    await expect(limiter.acquire('a', { signal: AbortSignal.abort(new Error('already')) })).rejects.toThrow('already');
  });

  it('counts calls without a conversation (creating a chat) against the global rate only', async () => {
    const { time, limiter, request, timesIn } = setUp({ globalPerSecond: 10 });
    const creates: number[] = [];
    for (let i = 0; i < 12; i++) void limiter.acquire(undefined).then(() => creates.push(time.now()));
    await time.advanceTo(0);
    expect(creates).toHaveLength(10);
    request('a', 1);
    await time.advanceTo(5 * SECOND);
    expect(creates).toEqual([...Array(10).fill(0), 1_000, 1_000]);
    expect(timesIn('a')).toEqual([1_000]);
    expect(limiter.trackedConversations).toBe(1);
  });

  it('forgets conversations whose windows are all empty again, and starts them afresh', async () => {
    const { time, limiter, request, timesIn } = setUp();
    request('a', 20);
    request('b', 1);
    await time.advanceTo(10 * SECOND);
    expect(limiter.trackedConversations).toBe(2);
    // Within the hour the 1,800 per hour window still remembers them.
    await time.advanceTo(HOUR - SECOND);
    request('c', 1);
    await time.advanceTo(HOUR - SECOND);
    expect(limiter.trackedConversations).toBe(3);
    // Idle conversations are looked for once a minute, when the limiter is next used.
    await time.advanceTo(HOUR + 60 * SECOND);
    request('d', 1);
    await time.advanceTo(HOUR + 60 * SECOND);
    expect(limiter.trackedConversations).toBe(2);
    request('a', 7);
    await time.advanceTo(HOUR + 60 * SECOND);
    expect(timesIn('a').filter((t) => t === HOUR + 60 * SECOND)).toHaveLength(7);
  });

  it('keeps many short-lived conversations from growing memory', async () => {
    const { time, limiter, request } = setUp({ globalPerSecond: 50 });
    for (let hour = 0; hour < 5; hour++) {
      for (let c = 0; c < 200; c++) request(`h${hour}-c${c}`, 1);
      await time.advanceTo((hour + 1) * HOUR);
    }
    expect(limiter.trackedConversations).toBeLessThanOrEqual(400);
  });

  it.each([[0], [1.5], [-1], [Number.NaN]])('refuses a global rate of %s per second', (globalPerSecond) => {
    expect(() => new RateLimiter({ globalPerSecond })).toThrow(RangeError);
  });
});

describe('TeamsMessenger under the rate limiter', () => {
  const to: ConversationAddress = {
    memberId: 'm1',
    userId: '29:u1',
    conversationId: 'a:conversation',
    serviceUrl: 'https://connector.example/',
    channelId: 'msteams',
    botId: '28:bot',
    updatedAt: '2026-01-05T08:00:00.000Z',
  };

  function messengerWith(options: Omit<RateLimiterOptions, 'now' | 'sleep'>, maxRateWaitMs?: number) {
    const time = new FakeTime();
    const limiter = new RateLimiter({ ...options, now: time.now, sleep: time.sleep });
    const calls: Array<{ kind: string; at: number }> = [];
    let nextId = 1;
    const connector = {
      sendActivity: async () => {
        calls.push({ kind: 'send', at: time.now() });
        return { id: `activity-${nextId++}` };
      },
      updateActivity: async () => {
        calls.push({ kind: 'update', at: time.now() });
      },
      createConversation: async () => {
        calls.push({ kind: 'create', at: time.now() });
        return { id: `new-${nextId++}` };
      },
    } as unknown as BotConnectorClient;
    const messenger = new TeamsMessenger(
      connector,
      { appId: '', serviceUrl: to.serviceUrl, ...(maxRateWaitMs !== undefined ? { maxRateWaitMs } : {}) },
      limiter,
    );
    return { time, messenger, calls };
  }

  it('waits for a turn before every send, update and chat creation', async () => {
    const { time, messenger, calls } = messengerWith({ globalPerSecond: 2 });
    void messenger.send(to, { type: 'AdaptiveCard' });
    void messenger.update(to, 'activity-1', { type: 'AdaptiveCard' });
    void messenger.openPersonalChat('m2');
    void messenger.send(to, { type: 'AdaptiveCard' });
    await time.advanceTo(5 * SECOND);
    expect(calls).toEqual([
      { kind: 'send', at: 0 },
      { kind: 'update', at: 0 },
      { kind: 'create', at: 1_000 },
      { kind: 'send', at: 1_000 },
    ]);
  });

  it("ends a wait for a turn when the call's own deadline passes: nothing is sent later", async () => {
    const { time, messenger, calls } = messengerWith({ globalPerSecond: 1 });
    void messenger.send(to, { type: 'AdaptiveCard' });
    const deadline = new AbortController();
    const cancelled = messenger.send(to, { type: 'AdaptiveCard' }, { signal: deadline.signal }).catch((error: unknown) => error);
    await time.advanceTo(200);
    deadline.abort();
    expect(await cancelled).toMatchObject({ code: 'rate_limit_wait', retryable: true });
    await time.advanceTo(5 * SECOND);
    expect(calls).toHaveLength(1);
  });

  it('hands back a call still waiting for its turn when the process stops (beforeCall), and never sends it; a stopped process makes no call at all', async () => {
    const { time, messenger, calls } = messengerWith({ globalPerSecond: 1 });
    const stopping = new AbortController();
    void messenger.send(to, { type: 'AdaptiveCard' }, { beforeCall: stopping.signal });
    const waiting = messenger.send(to, { type: 'AdaptiveCard' }, { beforeCall: stopping.signal }).catch((error: unknown) => error);
    await time.advanceTo(200);
    stopping.abort();
    expect(await waiting).toMatchObject({ code: HANDED_BACK, retryable: true });
    await expect(messenger.update(to, 'activity-1', { type: 'AdaptiveCard' }, { beforeCall: stopping.signal })).rejects.toMatchObject({ code: HANDED_BACK });
    await time.advanceTo(5 * SECOND);
    expect(calls).toEqual([{ kind: 'send', at: 0 }]);
  });

  it('does not send a card whose turn came after it stopped being sendable (it names a child due to be forgotten): refused as redraw_due, never a call', async () => {
    const { time, messenger, calls } = messengerWith({ globalPerSecond: 1 });
    const forgetAt = 500;
    const stillSendable = () => time.now() < forgetAt;
    void messenger.send(to, { type: 'AdaptiveCard' }, { stillSendable });
    const late = messenger.send(to, { type: 'AdaptiveCard' }, { stillSendable }).catch((error: unknown) => error);
    await time.advanceTo(5 * SECOND);
    expect(await late).toMatchObject({ code: REDRAW_DUE, retryable: true });
    expect(calls).toEqual([{ kind: 'send', at: 0 }]);
  });

  it('gives up waiting as a retryable failure, before the dispatcher gives up on the call', async () => {
    const { time, messenger, calls } = messengerWith({ globalPerSecond: 1 }, 500);
    void messenger.send(to, { type: 'AdaptiveCard' });
    const refused = messenger.send(to, { type: 'AdaptiveCard' }).catch((error: unknown) => error);
    await time.advanceTo(5 * SECOND);
    const error = await refused;
    expect(error).toBeInstanceOf(MessengerError);
    expect(error).toMatchObject({ code: 'rate_limit_wait', retryable: true });
    expect(calls).toHaveLength(1);
  });

  it("hands Teams' answer to the caller as a coded failure, with one request per call (no retries below the caller)", async () => {
    const connector = new FakeBotConnector();
    const url = await connector.start();
    try {
      const messenger = new TeamsMessenger(new BotConnectorClient(), { appId: '', serviceUrl: url });
      const there = { ...to, serviceUrl: url };
      const roster = { error: { code: 'BotNotInConversationRoster', message: 'not in roster' } };
      connector.failNext(1, 403, {}, roster);
      await expect(messenger.send(there, { type: 'AdaptiveCard' })).rejects.toMatchObject({ code: 'http_403_BotNotInConversationRoster', retryable: false });
      connector.failNext(1, 403, {}, roster);
      await expect(messenger.update(there, 'activity-1', { type: 'AdaptiveCard' })).rejects.toMatchObject({ code: 'http_403_BotNotInConversationRoster', retryable: false });
      connector.failNext(1, 429, { 'retry-after': '3' });
      await expect(messenger.send(there, { type: 'AdaptiveCard' })).rejects.toMatchObject({ code: 'http_429_Throttled', retryable: true, retryAfterMs: 3000, inDoubt: false });
      expect(connector.requests.map((r) => r.status)).toEqual([403, 403, 429]);
      await expect(messenger.send(there, { type: 'AdaptiveCard' })).resolves.toEqual({ activityId: expect.any(String) });
    } finally {
      await connector.stop();
    }
  });
});
