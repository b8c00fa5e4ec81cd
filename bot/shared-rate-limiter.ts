import type { RateBudget, RateTake, RateWindow } from '../src/ports';
import { DEFAULT_GLOBAL_PER_SECOND, RateLimitWaitExceeded, TEAMS_CONVERSATION_LIMITS, type RateLimit, type TurnLimiter } from './rate-limiter';

/** The store keys of the budget: one for the bot as a whole, one per conversation. */
export const GLOBAL_BUDGET_KEY = 'teams:global';
export const conversationBudgetKey = (conversationId: string) => `teams:conversation:${conversationId}`;

export interface SharedRateLimiterOptions {
  /** Calls per second across all conversations and all instances (the tenant-wide budget). */
  globalPerSecond?: number;
  conversationLimits?: readonly RateLimit[];
  /**
   * Added to every window. Covers both the time a call takes to reach Teams after its turn (a
   * call arriving a few ms early for Teams' window is answered 429) and the skew between the
   * instances' clocks: a call stamped by a clock that is behind looks older to the others, so the
   * windows must be longer than the skew. 100 ms by default; hosts are assumed NTP-synchronised
   * (Azure keeps them within a few ms).
   */
  marginMs?: number;
  /** Wall-clock epoch milliseconds, the same scale on every instance; `Date.now` by default. */
  now?: () => number;
  /**
   * How far ahead of asking the first call is stamped (25 ms by default); after that, twice what
   * takes have lately cost (and at least the last one), up to MAX_LEAD_MS.
   */
  leadMs?: number;
}

/** A store slower than this per take is not followed further: its calls may go late. */
const MAX_LEAD_MS = 250;

interface Waiter {
  resolve(): void;
  reject(reason: unknown): void;
  settled: boolean;
  /** Its turn came too late once and was taken again. */
  late?: boolean;
  cleanup(): void;
}

interface Line {
  windows: RateWindow[];
  /** Callers waiting for this conversation, first come first served. */
  queue: Waiter[];
  /** The store said this conversation's windows are full until then (epoch ms). */
  notBefore: number;
}

const NO_CONVERSATION = Symbol('no conversation');

/**
 * Turns for Bot Connector calls under a budget kept in the store, so that every instance of the
 * bot on one store together stays inside Teams' limits: per conversation (7/1 s, 8/2 s, 60/30 s,
 * 1,800/h) and for the bot as a whole (`globalPerSecond`). Same `acquire` as RateLimiter, so
 * TeamsMessenger takes either.
 *
 * One pump per process asks the store, one step at a time: in each step the first caller of every
 * conversation that may go (one store call for all of them, `tryTakeEach`), callers of one
 * conversation in order, conversations in turn (round robin). A refusal names the key that is full and until when: a
 * full conversation is skipped until then, a full global budget pauses the pump until then. So a
 * process never polls the store faster than calls can be granted, and several instances racing
 * for the same free call are settled by the store's conditional write.
 */
export class SharedRateLimiter implements TurnLimiter {
  private readonly global: RateWindow;
  private readonly conversationLimits: readonly RateLimit[];
  private readonly now: () => number;
  /** Lines with callers waiting, in the order they are next served. */
  private readonly lines = new Map<string | symbol, Line>();
  private globalNotBefore = -Infinity;
  /** How long a take has lately taken (a moving average), and how far ahead calls are stamped. */
  private takeMs: number;
  private leadMs: number;
  /** A turn later than this for its stamp is given back and taken again (half the margin). */
  private readonly lateMs: number;
  /**
   * A call may go this much before its stamp (a quarter of the margin): Teams' windows are the
   * margin shorter than ours, so a call a few ms ahead of its stamp still falls inside the window
   * we counted it in. Waiting out a lead of a millisecond or two would only add a timer to every card.
   */
  private readonly earlyMs: number;
  /** Calls that could not be given back (left counted until their windows pass). */
  givebackFailures = 0;
  private pumping = false;
  private interrupt: (() => void) | undefined;

  constructor(
    private readonly budget: RateBudget,
    options: SharedRateLimiterOptions = {},
  ) {
    const margin = options.marginMs ?? 100;
    const globalPerSecond = options.globalPerSecond ?? DEFAULT_GLOBAL_PER_SECOND;
    this.global = { key: GLOBAL_BUDGET_KEY, limit: globalPerSecond, windowMs: 1_000 + margin };
    this.conversationLimits = (options.conversationLimits ?? TEAMS_CONVERSATION_LIMITS).map((l) => ({ count: l.count, perMs: l.perMs + margin }));
    for (const limit of [{ count: globalPerSecond, perMs: 1_000 }, ...this.conversationLimits]) {
      if (!Number.isInteger(limit.count) || limit.count < 1 || !(limit.perMs > 0)) {
        throw new RangeError(`a rate limit needs a whole count of at least 1 and a positive window, got ${limit.count} per ${limit.perMs} ms`);
      }
    }
    this.now = options.now ?? Date.now;
    this.leadMs = options.leadMs ?? 25;
    this.lateMs = Math.max(10, margin / 2);
    this.earlyMs = margin / 4;
    this.takeMs = this.leadMs / 2;
  }

  /**
   * Resolves when the caller may make one Bot Connector call in `conversationId` (without one: a
   * call that creates a conversation, under the global budget only). Rejects with
   * RateLimitWaitExceeded after `maxWaitMs`, with the signal's reason when it aborts (no call is
   * taken from the budget either way), or with the store's error when the budget cannot be read.
   */
  acquire(conversationId: string | undefined, options: { maxWaitMs?: number; signal?: AbortSignal } = {}): Promise<void> {
    const { maxWaitMs, signal } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const key = conversationId ?? NO_CONVERSATION;
    let line = this.lines.get(key);
    if (!line) {
      line = { windows: this.windowsOf(conversationId), queue: [], notBefore: -Infinity };
      this.lines.set(key, line);
    }
    const queued = line;
    return new Promise<void>((resolve, reject) => {
      const cleanups: Array<() => void> = [];
      const waiter: Waiter = { resolve, reject, settled: false, cleanup: () => cleanups.forEach((c) => c()) };
      queued.queue.push(waiter);
      if (maxWaitMs !== undefined) {
        const timer = setTimeout(() => this.giveUp(key, waiter, new RateLimitWaitExceeded(maxWaitMs)), maxWaitMs);
        timer.unref();
        cleanups.push(() => clearTimeout(timer));
      }
      if (signal) {
        const onAbort = () => this.giveUp(key, waiter, signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        cleanups.push(() => signal.removeEventListener('abort', onAbort));
      }
      this.kick();
    });
  }

  private windowsOf(conversationId: string | undefined): RateWindow[] {
    if (conversationId === undefined) return [this.global];
    const key = conversationBudgetKey(conversationId);
    // The global key first: it is the contended one, and a take that loses it has written nothing yet.
    return [this.global, ...this.conversationLimits.map((l) => ({ key, limit: l.count, windowMs: l.perMs }))];
  }

  /** Starts the pump, or wakes it when it waits only for full conversations: a new one may go now. */
  private kick(): void {
    if (this.pumping) {
      if (this.globalNotBefore <= this.now()) this.interrupt?.();
      return;
    }
    this.pumping = true;
    void this.pump().finally(() => {
      this.pumping = false;
      if (this.lines.size > 0) this.kick();
    });
  }

  private async pump(): Promise<void> {
    // One tick first: callers that ask in the same moment (the cards of one signal, each to its
    // own chat) are then in line together, and one store step serves them all.
    await Promise.resolve();
    while (this.lines.size > 0) {
      if (this.globalNotBefore > this.now()) {
        await this.pause(Math.max(1, Math.min(this.globalNotBefore - this.now(), 1_000)));
        continue;
      }
      const now = this.now();
      for (const [key, line] of this.lines) if (line.queue.length === 0) this.lines.delete(key);
      const ready = [...this.lines].filter(([, line]) => line.notBefore <= now);
      if (ready.length > 0 && (await this.serveRound(ready))) continue;
      if (this.lines.size === 0) continue;
      // Nothing could go: sleep until the first full window (global or a conversation's) opens.
      const after = this.now();
      let next = this.globalNotBefore > after ? this.globalNotBefore : Infinity;
      if (next === Infinity) for (const line of this.lines.values()) next = Math.min(next, line.notBefore);
      await this.pause(Math.max(1, Math.min(next - after, 1_000)));
    }
  }

  /**
   * One store step for the first caller of every line that may go: true when a caller was
   * answered. Lines are asked in their round-robin order, and a served line goes to the back.
   */
  private async serveRound(ready: Array<[string | symbol, Line]>): Promise<boolean> {
    // The calls are stamped a little ahead, by about what a take costs, and each caller goes at
    // that moment: then every call is made when its stamp says, whatever the store's latency.
    // Stamped when asked, a slow take (a cold connection, a busy store) would make the call
    // later than its stamp, and the next call into the same window, stamped correctly, would
    // reach Teams early.
    const asked = this.now();
    const stamp = asked + this.leadMs;
    let takes: RateTake[];
    try {
      takes = await this.budget.tryTakeEach(
        ready.map(([, line]) => line.windows),
        stamp,
      );
    } catch (error) {
      // The store could not be asked: each first caller hears why, the others wait their turn.
      for (const [key, line] of ready) {
        const waiter = line.queue.shift();
        if (line.queue.length === 0) this.lines.delete(key);
        if (!waiter) continue;
        this.settle(waiter);
        waiter.reject(error);
      }
      return true;
    }
    const took = this.now() - asked;
    this.takeMs = this.takeMs * 0.8 + took * 0.2;
    this.leadMs = Math.min(MAX_LEAD_MS, Math.ceil(Math.max(2 * this.takeMs, took)));
    let served = false;
    ready.forEach(([key, line], i) => {
      const take = takes[i]!;
      if (!take.ok) {
        const until = asked + take.retryInMs;
        if (take.key === GLOBAL_BUDGET_KEY) this.globalNotBefore = Math.max(this.globalNotBefore, until);
        else line.notBefore = until;
        return;
      }
      // The caller may have given up during the take: then the call goes back to the budget.
      const waiter = line.queue.shift();
      this.lines.delete(key);
      if (line.queue.length > 0) this.lines.set(key, line);
      if (!waiter) {
        this.giveBack(line.windows, stamp);
        return;
      }
      served = true;
      const early = stamp - this.now();
      if (early > this.earlyMs) setTimeout(() => this.go(key, line, waiter, stamp), early);
      else this.go(key, line, waiter, stamp);
    });
    return served;
  }

  /**
   * Lets the caller make its call, stamped `stamp`. A turn that comes much later than its stamp
   * (the process was busy: a long GC pause, a blocked event loop) is given back and the caller
   * goes to the front of its line for a fresh one, once: its call would reach Teams that much
   * later than the budget counts it, and the next call into its windows too early.
   */
  private go(key: string | symbol, line: Line, waiter: Waiter, stamp: number): void {
    if (waiter.settled) {
      // Gave up while waiting for its stamp: the call is not made.
      this.giveBack(line.windows, stamp);
      return;
    }
    if (this.now() - stamp > this.lateMs && !waiter.late) {
      waiter.late = true;
      this.giveBack(line.windows, stamp);
      const current = this.lines.get(key) ?? line;
      current.queue.unshift(waiter);
      // First in line and served next: the line goes to the front of the round as well.
      const rest = [...this.lines].filter(([k]) => k !== key);
      this.lines.clear();
      this.lines.set(key, current);
      for (const [k, l] of rest) this.lines.set(k, l);
      this.kick();
      return;
    }
    this.settle(waiter);
    waiter.resolve();
  }

  private giveBack(windows: readonly RateWindow[], at: number): void {
    this.budget.giveBack(windows, at).catch(() => {
      // Left counted: a call counted but not made only slows the budget down, never past it.
      this.givebackFailures++;
    });
  }

  /** Waits `ms`, or until `kick` interrupts. */
  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.interrupt = undefined;
        resolve();
      };
      const timer = setTimeout(done, Math.ceil(ms));
      timer.unref();
      this.interrupt = done;
    });
  }

  private giveUp(key: string | symbol, waiter: Waiter, reason: unknown): void {
    if (waiter.settled) return;
    this.settle(waiter);
    // Not in its line while it waits for its stamp: then `go` finds it settled and gives the call back.
    const line = this.lines.get(key);
    const at = line ? line.queue.indexOf(waiter) : -1;
    if (line && at >= 0) {
      line.queue.splice(at, 1);
      if (line.queue.length === 0) this.lines.delete(key);
    }
    waiter.reject(reason);
  }

  private settle(waiter: Waiter): void {
    waiter.settled = true;
    waiter.cleanup();
  }
}
