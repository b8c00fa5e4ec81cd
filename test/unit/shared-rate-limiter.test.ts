import { RateLimitWaitExceeded } from '../../bot/rate-limiter';
import { SharedRateLimiter } from '../../bot/shared-rate-limiter';
import type { RateBudget, RateTake, RateWindow } from '../../src/ports';
import { MemoryRateBudget } from '../../src/store/memory';

const T0 = Date.parse('2026-12-07T07:30:00.000Z');

/** The most grants in any window of `perMs` (sliding), over grant times in ms. */
function busiest(times: number[], perMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[j]! <= sorted[i]! - perMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

/** Counts the store's steps (a take of one call or of several), to show a waiting process does not poll it. */
class CountingBudget implements RateBudget {
  takes = 0;
  /** How many calls each step asked for. */
  readonly sizes: number[] = [];
  failNext: Error | undefined;
  constructor(private readonly inner: RateBudget) {}
  async tryTake(windows: readonly RateWindow[], now: number): Promise<RateTake> {
    const [take] = await this.tryTakeEach([windows], now);
    return take!;
  }
  async tryTakeEach(requests: ReadonlyArray<readonly RateWindow[]>, now: number): Promise<RateTake[]> {
    this.takes++;
    this.sizes.push(requests.length);
    const failure = this.failNext;
    this.failNext = undefined;
    if (failure) throw failure;
    return this.inner.tryTakeEach(requests, now);
  }
  giveBack(windows: readonly RateWindow[], at: number): Promise<void> {
    return this.inner.giveBack(windows, at);
  }
}

/** A budget from a stub's tryTake: several takes are asked one after another. */
function oneByOne(stub: Pick<RateBudget, 'tryTake' | 'giveBack'>): RateBudget {
  return {
    ...stub,
    tryTakeEach: async (requests, now) => {
      const takes: RateTake[] = [];
      for (const windows of requests) takes.push(await stub.tryTake(windows, now));
      return takes;
    },
  };
}

describe('SharedRateLimiter: one budget in the store for every instance', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: T0 });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  /** Asks `count` turns in each conversation from `limiter`; records the grant times. */
  const ask = (limiter: SharedRateLimiter, conversations: string[], count: number, grants: Array<{ conversationId: string; at: number }>) =>
    conversations.flatMap((conversationId) =>
      Array.from({ length: count }, () =>
        limiter.acquire(conversationId, { maxWaitMs: 600_000 }).then(() => {
          grants.push({ conversationId, at: Date.now() });
        }),
      ),
    );

  it('four instances on one budget together stay inside the global rate', async () => {
    const budget = new MemoryRateBudget();
    // Each stamps its calls ahead by another lead: the store sees their calls out of order.
    const instances = [0, 9, 25, 40].map((leadMs) => new SharedRateLimiter(budget, { globalPerSecond: 10, marginMs: 0, leadMs }));
    const grants: Array<{ conversationId: string; at: number }> = [];
    const all = instances.flatMap((limiter, i) => ask(limiter, [`chat-${i}-a`, `chat-${i}-b`], 10, grants));

    await jest.advanceTimersByTimeAsync(20_000);
    await Promise.all(all);

    expect(grants).toHaveLength(80);
    expect(busiest(grants.map((g) => g.at), 1_000)).toBe(10);
    // Close to the rate, not far under it: 80 calls at 10 per sliding second end within 8 s.
    expect(Math.max(...grants.map((g) => g.at)) - T0).toBeLessThanOrEqual(8_000);
  });

  it("two instances writing into one chat together stay inside Teams' windows for it", async () => {
    const budget = new MemoryRateBudget();
    const [a, b] = [new SharedRateLimiter(budget, { marginMs: 0, leadMs: 0 }), new SharedRateLimiter(budget, { marginMs: 0, leadMs: 0 })];
    const grants: Array<{ conversationId: string; at: number }> = [];
    const all = [...ask(a!, ['chat'], 40, grants), ...ask(b!, ['chat'], 40, grants)];

    await jest.advanceTimersByTimeAsync(120_000);
    await Promise.all(all);

    const times = grants.map((g) => g.at);
    expect(times).toHaveLength(80);
    expect(busiest(times, 1_000)).toBeLessThanOrEqual(7);
    expect(busiest(times, 2_000)).toBeLessThanOrEqual(8);
    expect(busiest(times, 30_000)).toBeLessThanOrEqual(60);
  });

  it('a full chat does not hold up a call into another chat', async () => {
    const budget = new MemoryRateBudget();
    const limiter = new SharedRateLimiter(budget, { marginMs: 0, leadMs: 0 });
    const grants: Array<{ conversationId: string; at: number }> = [];
    const busy = ask(limiter, ['busy'], 9, grants);
    await jest.advanceTimersByTimeAsync(10);

    const other = ask(limiter, ['quiet'], 1, grants);
    await jest.advanceTimersByTimeAsync(10);

    expect(grants.filter((g) => g.conversationId === 'quiet')).toEqual([{ conversationId: 'quiet', at: T0 + 10 }]);
    await jest.advanceTimersByTimeAsync(5_000);
    await Promise.all([...busy, ...other]);
  });

  it('waits for the window without polling the store: one take when the window is full, one when it opens', async () => {
    const budget = new CountingBudget(new MemoryRateBudget());
    const limiter = new SharedRateLimiter(budget, { globalPerSecond: 1, marginMs: 0, leadMs: 0 });
    await limiter.acquire('chat', { maxWaitMs: 5_000 });
    const second = limiter.acquire('chat', { maxWaitMs: 5_000 });

    await jest.advanceTimersByTimeAsync(999);
    expect(budget.takes).toBe(2);
    await jest.advanceTimersByTimeAsync(1);
    await second;

    expect(budget.takes).toBe(3);
  });

  it('serves callers that ask in the same moment, each into its own chat, with one store step', async () => {
    const budget = new CountingBudget(new MemoryRateBudget());
    const limiter = new SharedRateLimiter(budget, { marginMs: 0, leadMs: 0 });

    // The cards of one signal, each to another contact's chat.
    await Promise.all(['chat-a', 'chat-b', 'chat-c'].map((chat) => limiter.acquire(chat, { maxWaitMs: 1_000 })));

    expect(budget.sizes).toEqual([3]);
  });

  it('answers each caller of a shared step on its own: a full chat waits, the others go', async () => {
    const budget = new CountingBudget(new MemoryRateBudget());
    const limiter = new SharedRateLimiter(budget, { globalPerSecond: 100, marginMs: 0, leadMs: 0 });
    const grants: Array<{ conversationId: string; at: number }> = [];
    // Seven fill chat-a's first second; then an eighth there and one into chat-b ask together.
    await Promise.all(ask(limiter, ['chat-a'], 7, grants));
    const together = [...ask(limiter, ['chat-a'], 1, grants), ...ask(limiter, ['chat-b'], 1, grants)];

    await jest.advanceTimersByTimeAsync(1_000);
    await Promise.all(together);

    // One caller per chat per step: seven steps for chat-a alone, then both chats in one step.
    expect(budget.sizes.slice(0, 8)).toEqual([1, 1, 1, 1, 1, 1, 1, 2]);
    expect(grants.find((g) => g.conversationId === 'chat-b')?.at).toBe(T0);
    expect(grants.filter((g) => g.conversationId === 'chat-a').map((g) => g.at - T0)).toEqual([0, 0, 0, 0, 0, 0, 0, 1_000]);
  });

  it('gives up after maxWaitMs with RateLimitWaitExceeded and takes nothing from the budget', async () => {
    const budget = new MemoryRateBudget();
    const limiter = new SharedRateLimiter(budget, { globalPerSecond: 1, marginMs: 0, leadMs: 0 });
    await limiter.acquire('chat', { maxWaitMs: 100 });

    const late = limiter.acquire('chat', { maxWaitMs: 100 });
    const outcome = expect(late).rejects.toBeInstanceOf(RateLimitWaitExceeded);
    await jest.advanceTimersByTimeAsync(100);
    await outcome;

    // The window opens at 1 s for the next caller: the one that gave up took nothing.
    await jest.advanceTimersByTimeAsync(900);
    await expect(budget.tryTake([{ key: 'teams:global', limit: 1, windowMs: 1_000 }], Date.now())).resolves.toEqual({ ok: true });
  });

  it("stops waiting when the caller's signal aborts, with the signal's reason, and takes nothing", async () => {
    const budget = new MemoryRateBudget();
    const limiter = new SharedRateLimiter(budget, { globalPerSecond: 1, marginMs: 0, leadMs: 0 });
    await limiter.acquire('chat', { maxWaitMs: 100 });
    const controller = new AbortController();
    const reason = new Error('the dispatcher gave up on this call');

    const waiting = limiter.acquire('chat', { maxWaitMs: 5_000, signal: controller.signal });
    const outcome = expect(waiting).rejects.toBe(reason);
    await jest.advanceTimersByTimeAsync(300);
    controller.abort(reason);
    await outcome;

    await expect(limiter.acquire('chat', { maxWaitMs: 0, signal: controller.signal })).rejects.toBe(reason);
    await jest.advanceTimersByTimeAsync(700);
    await expect(budget.tryTake([{ key: 'teams:global', limit: 1, windowMs: 1_000 }], Date.now())).resolves.toEqual({ ok: true });
  });

  it("fails a call with the store's error when the budget cannot be read, and serves the next one", async () => {
    const budget = new CountingBudget(new MemoryRateBudget());
    const limiter = new SharedRateLimiter(budget, { marginMs: 0, leadMs: 0 });
    const unreachable = new Error('store unreachable');
    budget.failNext = unreachable;

    await expect(limiter.acquire('chat', { maxWaitMs: 1_000 })).rejects.toBe(unreachable);
    await expect(limiter.acquire('chat', { maxWaitMs: 1_000 })).resolves.toBeUndefined();
  });

  it('stamps a call ahead by what takes cost and lets the caller go at that moment, so a slow store never makes a call late for its stamp', async () => {
    const stamps: number[] = [];
    const slow: RateBudget = oneByOne({
      tryTake: async (windows, now) => {
        stamps.push(now - T0);
        // The store answers after 30 ms the first time (a cold connection), then after 5 ms.
        await new Promise((resolve) => setTimeout(resolve, stamps.length === 1 ? 30 : 5));
        return { ok: true };
      },
      giveBack: async () => undefined,
    });
    // A 60 ms margin: a call may be up to 30 ms late for its stamp and 15 ms early.
    const limiter = new SharedRateLimiter(slow, { leadMs: 10, marginMs: 60 });
    const granted: number[] = [];
    const grant = (conversationId: string) => limiter.acquire(conversationId, { maxWaitMs: 5_000 }).then(() => granted.push(Date.now() - T0));

    const first = grant('a');
    await jest.advanceTimersByTimeAsync(100);
    await first;
    const second = grant('b');
    await jest.advanceTimersByTimeAsync(200);
    await second;

    // The first take took 30 ms of its 10 ms lead: it goes as soon as it has the answer. The
    // second is stamped 30 ms ahead (what the last take cost), answered after 5, and waits for its stamp.
    expect(stamps).toEqual([10, 130]);
    expect(granted).toEqual([30, 130]);
  });

  it('lets a call stamped at most a quarter of the margin ahead go at once; further ahead, it waits for its stamp', async () => {
    const budget: RateBudget = oneByOne({
      tryTake: async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        return { ok: true };
      },
      giveBack: async () => undefined,
    });
    const grantedAt = async (limiter: SharedRateLimiter) => {
      const start = Date.now();
      let at = -1;
      const done = limiter.acquire('chat', { maxWaitMs: 5_000 }).then(() => (at = Date.now() - start));
      await jest.advanceTimersByTimeAsync(100);
      await done;
      return at;
    };

    // Stamped 8 ms ahead, answered after 1: 7 ms early. A 100 ms margin allows 25, 20 ms allows 5.
    expect(await grantedAt(new SharedRateLimiter(budget, { leadMs: 8, marginMs: 100 }))).toBe(1);
    expect(await grantedAt(new SharedRateLimiter(budget, { leadMs: 8, marginMs: 20 }))).toBe(8);
  });

  it('gives back a turn that came too late for its stamp (a blocked process) and takes a fresh one, once', async () => {
    const stamps: number[] = [];
    const givenBack: number[] = [];
    const budget: RateBudget = oneByOne({
      tryTake: async (windows, now) => {
        stamps.push(now - T0);
        // The first answer comes 200 ms late, as from a process that stalled; then 5 ms.
        await new Promise((resolve) => setTimeout(resolve, stamps.length === 1 ? 200 : 5));
        return { ok: true };
      },
      giveBack: async (windows, at) => {
        givenBack.push(at - T0);
      },
    });
    const limiter = new SharedRateLimiter(budget, { leadMs: 10, marginMs: 100 });
    let grantedAt: number | undefined;

    const turn = limiter.acquire('chat', { maxWaitMs: 5_000 }).then(() => (grantedAt = Date.now() - T0));
    await jest.advanceTimersByTimeAsync(1_000);
    await turn;

    // Stamped 10, answered at 200: 190 ms late, more than half the margin. Given back, taken
    // again stamped 200 ahead (what the last take cost), and made at that stamp.
    expect(givenBack).toEqual([10]);
    expect(stamps).toEqual([10, 400]);
    expect(grantedAt).toBe(400);
  });

  it('gives back the turn of a caller that gave up while waiting for its stamp', async () => {
    const givenBack: number[] = [];
    const budget: RateBudget = oneByOne({ tryTake: async () => ({ ok: true }), giveBack: async (windows, at) => void givenBack.push(at - T0) });
    const limiter = new SharedRateLimiter(budget, { leadMs: 50 });
    const controller = new AbortController();

    const turn = limiter.acquire('chat', { maxWaitMs: 5_000, signal: controller.signal });
    const outcome = expect(turn).rejects.toBe('stop');
    await jest.advanceTimersByTimeAsync(20);
    controller.abort('stop');
    await outcome;
    await jest.advanceTimersByTimeAsync(100);

    expect(givenBack).toEqual([50]);
  });

  it('adds the margin to every window: a call never arrives a little early for Teams', async () => {
    const budget = new MemoryRateBudget();
    const limiter = new SharedRateLimiter(budget, { globalPerSecond: 1, marginMs: 100, leadMs: 0 });
    const grants: Array<{ conversationId: string; at: number }> = [];
    const all = ask(limiter, [undefined as unknown as string], 2, grants);

    await jest.advanceTimersByTimeAsync(2_000);
    await Promise.all(all);

    expect(grants.map((g) => g.at - T0)).toEqual([0, 1_100]);
  });
});
