/**
 * Keeps the bot's Bot Connector calls inside Teams' rate limits on purpose, so that 429s are the
 * exception rather than the way we find the limit.
 *
 * Every limit "at most N calls in any window of T ms" is a bucket of N tokens in which a token
 * that is taken comes back exactly T later (a sliding window). A bucket that instead refills
 * continuously at N/T would let almost 2N calls through in one window (7 at once, then one every
 * 1/7 s: 13 in the first second), which is over the limit Teams documents; the sliding form has
 * the same long-run rate and never bursts past N.
 */

/** At most `count` calls in any window of `perMs` milliseconds. */
export interface RateLimit {
  count: number;
  perMs: number;
}

/**
 * Microsoft's documented limits per bot per conversation for sending (and creating conversations):
 * 7 per second, 8 per 2 seconds, 60 per 30 seconds, 1,800 per hour.
 */
export const TEAMS_CONVERSATION_LIMITS: readonly RateLimit[] = [
  { count: 7, perMs: 1_000 },
  { count: 8, perMs: 2_000 },
  { count: 60, perMs: 30_000 },
  { count: 1_800, perMs: 3_600_000 },
];

/** Teams allows an app about 30–50 requests per second per tenant; we stay at the low end. */
export const DEFAULT_GLOBAL_PER_SECOND = 30;

export interface RateLimiterOptions {
  /** Calls per second across all conversations (this process's share of the tenant budget). */
  globalPerSecond?: number;
  /** Limits each conversation has on its own; Teams' documented ones by default. */
  conversationLimits?: readonly RateLimit[];
  /** A monotonic time in milliseconds; `performance.now()` by default. */
  now?: () => number;
  /** Resolves after `ms`; an unref'd `setTimeout` by default, so it never keeps the process up. */
  sleep?: (ms: number) => Promise<void>;
  /** How often idle conversations (no one waiting, every window empty) are forgotten; 1 minute by default. */
  sweepEveryMs?: number;
  /**
   * Added to every window: calls arrive at Teams a little later than they leave here, and a call
   * that arrives a few milliseconds early for Teams' window is answered 429. 0 by default.
   */
  marginMs?: number;
}

export interface AcquireOptions {
  /** Give up (RateLimitWaitExceeded) when no turn came within this many ms; no token is spent. */
  maxWaitMs?: number;
  /** Give up with the signal's reason when it aborts; no token is spent. */
  signal?: AbortSignal;
}

/** What TeamsMessenger waits on before each Bot Connector call: RateLimiter or SharedRateLimiter. */
export interface TurnLimiter {
  acquire(conversationId: string | undefined, options: AcquireOptions): Promise<void>;
  /**
   * A turn at once, when one is free and nobody waits for one; false (and nothing taken) otherwise,
   * and the caller then `acquire`s. Only limiters that can answer without waiting offer it.
   */
  takeNow?(conversationId: string | undefined): boolean;
}

/** The caller's turn did not come within its `maxWaitMs`: try again later. */
export class RateLimitWaitExceeded extends Error {
  constructor(readonly maxWaitMs: number) {
    super(`no turn within ${maxWaitMs} ms`);
    this.name = 'RateLimitWaitExceeded';
  }
}

/**
 * The times of recent grants, checked against several limits at once: the Nth most recent grant
 * tells when one more call fits "N per T". Holds no more than the longest window and the largest
 * count need.
 */
class GrantLog {
  private times: number[] = [];
  private head = 0;
  private readonly keepMs: number;
  private readonly keepCount: number;

  constructor(private readonly limits: readonly RateLimit[]) {
    this.keepMs = Math.max(0, ...limits.map((l) => l.perMs));
    this.keepCount = Math.max(0, ...limits.map((l) => l.count));
  }

  /** Milliseconds until one more call fits every limit; 0 or less when it fits now. */
  waitMs(now: number): number {
    this.forget(now);
    const size = this.times.length - this.head;
    let wait = 0;
    for (const { count, perMs } of this.limits) {
      if (size >= count) wait = Math.max(wait, this.times[this.head + size - count]! + perMs - now);
    }
    return wait;
  }

  take(now: number): void {
    if (this.limits.length === 0) return;
    this.times.push(now);
    if (this.times.length - this.head > this.keepCount) this.head++;
    this.compact();
  }

  /** True when every window is empty again: the log may be dropped without changing any answer. */
  isIdle(now: number): boolean {
    this.forget(now);
    return this.head === this.times.length;
  }

  private forget(now: number): void {
    while (this.head < this.times.length && this.times[this.head]! <= now - this.keepMs) this.head++;
    this.compact();
  }

  private compact(): void {
    if (this.head === this.times.length) {
      this.times = [];
      this.head = 0;
    } else if (this.head > 64 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
  }
}

interface Waiter {
  resolve(): void;
  reject(reason: unknown): void;
  settled: boolean;
  cleanup?: () => void;
}

interface Line {
  log: GrantLog;
  /** Callers waiting for this conversation, first come first served. */
  queue: Waiter[];
}

/** The line for calls that belong to no conversation yet (creating one): the global limit only. */
const NO_CONVERSATION = Symbol('no conversation');

/**
 * Hands out turns for Bot Connector calls: `await limiter.acquire(conversationId)` right before
 * each call. A turn takes a token from the conversation's buckets and the global bucket at the
 * same moment, only when all of them have one, so a waiting caller never holds a token. Callers of
 * one conversation are served in order; conversations take turns (round robin) for the global
 * budget. One timer at a time, set to the next moment a waiting caller can go: no polling.
 *
 * The budget is this process's own: several instances each have one (SharedRateLimiter keeps
 * one budget in the store for all of them).
 */
export class RateLimiter implements TurnLimiter {
  private readonly global: GrantLog;
  private readonly conversationLimits: readonly RateLimit[];
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly sweepEveryMs: number;
  private readonly lines = new Map<string, Line>();
  /** Lines with callers waiting, in the order they are next served; a served line goes to the back. */
  private readonly waiting = new Map<string | symbol, Line>();
  private readonly noConversation: Line = { log: new GrantLog([]), queue: [] };
  private wakeAt: number | undefined;
  private lastSweep: number;

  constructor(options: RateLimiterOptions = {}) {
    const globalPerSecond = options.globalPerSecond ?? DEFAULT_GLOBAL_PER_SECOND;
    const margin = options.marginMs ?? 0;
    this.conversationLimits = (options.conversationLimits ?? TEAMS_CONVERSATION_LIMITS).map((l) => ({ ...l, perMs: l.perMs + margin }));
    for (const limit of [{ count: globalPerSecond, perMs: 1_000 }, ...this.conversationLimits]) {
      if (!Number.isInteger(limit.count) || limit.count < 1 || !(limit.perMs > 0)) {
        throw new RangeError(`a rate limit needs a whole count of at least 1 and a positive window, got ${limit.count} per ${limit.perMs} ms`);
      }
    }
    this.global = new GrantLog([{ count: globalPerSecond, perMs: 1_000 + margin }]);
    this.now = options.now ?? (() => performance.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()));
    this.sweepEveryMs = options.sweepEveryMs ?? 60_000;
    this.lastSweep = this.now();
  }

  /**
   * Resolves when the caller may make one Bot Connector call in `conversationId` (or, without a
   * conversation id, one that creates a conversation: the global limit only).
   */
  acquire(conversationId: string | undefined, options: AcquireOptions = {}): Promise<void> {
    const { maxWaitMs, signal } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const key = conversationId ?? NO_CONVERSATION;
    const line = conversationId === undefined ? this.noConversation : this.lineOf(conversationId);
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, settled: false };
      line.queue.push(waiter);
      if (!this.waiting.has(key)) this.waiting.set(key, line);
      if (signal) {
        const onAbort = () => this.giveUp(key, line, waiter, signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        waiter.cleanup = () => signal.removeEventListener('abort', onAbort);
      }
      this.serve();
      if (!waiter.settled && maxWaitMs !== undefined) {
        void this.sleep(maxWaitMs).then(() => this.giveUp(key, line, waiter, new RateLimitWaitExceeded(maxWaitMs)));
      }
    });
  }

  /**
   * The usual case, taken without a promise, a timer or a listener: a turn free now, in the
   * conversation and globally. Refused while anyone waits, anywhere: they are served first.
   */
  takeNow(conversationId: string | undefined): boolean {
    if (this.waiting.size > 0) return false;
    const now = this.now();
    this.sweep(now);
    const line = conversationId === undefined ? this.noConversation : this.lineOf(conversationId);
    if (this.global.waitMs(now) > 0 || line.log.waitMs(now) > 0) return false;
    line.log.take(now);
    this.global.take(now);
    return true;
  }

  /** Conversations whose recent calls are still remembered (for tests and metrics). */
  get trackedConversations(): number {
    return this.lines.size;
  }

  private lineOf(conversationId: string): Line {
    let line = this.lines.get(conversationId);
    if (!line) {
      line = { log: new GrantLog(this.conversationLimits), queue: [] };
      this.lines.set(conversationId, line);
    }
    return line;
  }

  /** Serves every waiting caller whose buckets all have a token now, then sets the next wake-up. */
  private serve(): void {
    const now = this.now();
    this.sweep(now);
    // Round robin: one call per conversation per pass, passes until nothing more fits.
    let served = true;
    while (served && this.waiting.size > 0 && this.global.waitMs(now) <= 0) {
      served = false;
      for (const [key, line] of [...this.waiting]) {
        if (this.global.waitMs(now) > 0) break;
        if (line.log.waitMs(now) > 0) continue;
        const waiter = line.queue.shift()!;
        line.log.take(now);
        this.global.take(now);
        this.waiting.delete(key);
        if (line.queue.length > 0) this.waiting.set(key, line);
        this.settle(waiter);
        waiter.resolve();
        served = true;
      }
    }
    this.scheduleWake(now);
  }

  private scheduleWake(now: number): void {
    if (this.waiting.size === 0) return;
    const globalWait = this.global.waitMs(now);
    let next = Infinity;
    for (const line of this.waiting.values()) next = Math.min(next, now + Math.max(globalWait, line.log.waitMs(now)));
    // A wake-up already due no later will serve and set the next one itself.
    if (this.wakeAt !== undefined && this.wakeAt <= next) return;
    this.wakeAt = next;
    void this.sleep(Math.max(1, Math.ceil(next - now))).then(() => {
      if (this.wakeAt === next) this.wakeAt = undefined;
      this.serve();
    });
  }

  private giveUp(key: string | symbol, line: Line, waiter: Waiter, reason: unknown): void {
    if (waiter.settled) return;
    this.settle(waiter);
    line.queue.splice(line.queue.indexOf(waiter), 1);
    if (line.queue.length === 0) this.waiting.delete(key);
    waiter.reject(reason);
  }

  private settle(waiter: Waiter): void {
    waiter.settled = true;
    waiter.cleanup?.();
  }

  /** Forgets conversations nobody waits in whose windows are all empty: their buckets are full again. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.sweepEveryMs) return;
    this.lastSweep = now;
    for (const [conversationId, line] of this.lines) {
      if (line.queue.length === 0 && line.log.isIdle(now)) this.lines.delete(conversationId);
    }
  }
}
