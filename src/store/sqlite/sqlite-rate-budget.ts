import type { Database, Statement } from 'better-sqlite3';
import type { RateBudget, RateTake, RateWindow } from '../../ports';
import { ParsedTextCache } from '../parsed-text-cache';
import { decide, expiresAt, givenBack, parseRateLog, windowsByKey, type RateLog } from '../rate-log';

/** Expired keys are deleted at most this often (by the callers' clock). */
const SWEEP_EVERY_MS = 60_000;
/**
 * Logs kept parsed, by their text. Every card's take reads the global key and its chat's keys,
 * which this process mostly wrote itself a moment ago: read back, they need no parsing.
 */
const PARSED_LOGS = 2_000;

/**
 * The rate budget as one row per key (its log as JSON), read and written in one IMMEDIATE
 * transaction: every process on the database file takes from the same windows, and two takes
 * never both see the last free call.
 */
export class SqliteRateBudget implements RateBudget {
  private readonly read: Statement<[string], { log: string }>;
  private readonly write: Statement<[string, string, number]>;
  private readonly sweep: Statement<[number]>;
  private readonly take: (requests: ReadonlyArray<Map<string, RateWindow[]>>, now: number) => RateTake[];
  private readonly untake: (byKey: Map<string, RateWindow[]>, at: number) => void;
  private readonly update: Statement<[string, string]>;
  private lastSweep = -Infinity;
  private readonly parsed = new ParsedTextCache<RateLog>(parseRateLog, PARSED_LOGS);

  constructor(db: Database) {
    this.read = db.prepare(`SELECT log FROM rate_budget WHERE key = ?`);
    this.write = db.prepare(
      `INSERT INTO rate_budget (key, log, expires_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET log = excluded.log, expires_at = excluded.expires_at`,
    );
    this.sweep = db.prepare(`DELETE FROM rate_budget WHERE expires_at <= ?`);
    const transaction = db.transaction((requests: ReadonlyArray<Map<string, RateWindow[]>>, now: number): RateTake[] => {
      // Each key is read once and written once, however many of the takes it is in.
      const logs = new Map<string, RateLog | undefined>();
      const expiries = new Map<string, number>();
      const takes = requests.map((byKey): RateTake => {
        for (const key of byKey.keys()) {
          if (logs.has(key)) continue;
          const row = this.read.get(key);
          logs.set(key, row && this.parsed.get(row.log));
        }
        const decision = decide(logs, byKey, now);
        if (!decision.ok) return { ok: false, retryInMs: decision.retryInMs, key: decision.key };
        for (const [key, log] of decision.logs) {
          logs.set(key, log);
          expiries.set(key, Math.max(expiries.get(key) ?? 0, expiresAt(byKey.get(key)!, now)));
        }
        return { ok: true };
      });
      for (const [key, expiry] of expiries) {
        const log = logs.get(key)!;
        const text = JSON.stringify(log);
        this.write.run(key, text, expiry);
        this.parsed.remember(text, log);
      }
      return takes;
    });
    // IMMEDIATE: the write lock is taken before the read, so no other process reads the same free call.
    this.take = (requests, now) => transaction.immediate(requests, now);
    this.update = db.prepare(`UPDATE rate_budget SET log = ? WHERE key = ?`);
    const giveBack = db.transaction((byKey: Map<string, RateWindow[]>, at: number) => {
      for (const [key, windows] of byKey) {
        const row = this.read.get(key);
        if (row) this.update.run(JSON.stringify(givenBack(this.parsed.get(row.log), windows, at)), key);
      }
    });
    this.untake = (byKey, at) => giveBack.immediate(byKey, at);
  }

  async giveBack(windows: readonly RateWindow[], at: number): Promise<void> {
    this.untake(windowsByKey(windows), at);
  }

  async tryTake(windows: readonly RateWindow[], now: number): Promise<RateTake> {
    const [take] = await this.tryTakeEach([windows], now);
    return take!;
  }

  async tryTakeEach(requests: ReadonlyArray<readonly RateWindow[]>, now: number): Promise<RateTake[]> {
    const takes = this.take(requests.map(windowsByKey), now);
    if (now - this.lastSweep >= SWEEP_EVERY_MS) {
      this.lastSweep = now;
      this.sweep.run(now);
    }
    return takes;
  }
}
