import type { RateBudget, RateTake, RateWindow } from '../../ports';
import { decide, expiresAt, givenBack, windowsByKey, type RateLog } from '../rate-log';

/** In-memory RateBudget: one process's budget, for unit tests and the single-process benches. */
export class MemoryRateBudget implements RateBudget {
  private readonly logs = new Map<string, { log: RateLog; expiresAt: number }>();

  async tryTake(windows: readonly RateWindow[], now: number): Promise<RateTake> {
    return this.take(windows, now);
  }

  async tryTakeEach(requests: ReadonlyArray<readonly RateWindow[]>, now: number): Promise<RateTake[]> {
    return requests.map((windows) => this.take(windows, now));
  }

  private take(windows: readonly RateWindow[], now: number): RateTake {
    const byKey = windowsByKey(windows);
    const current = new Map([...byKey.keys()].map((key) => [key, this.logs.get(key)?.log]));
    const decision = decide(current, byKey, now);
    if (!decision.ok) return { ok: false, retryInMs: decision.retryInMs, key: decision.key };
    for (const [key, log] of decision.logs) this.logs.set(key, { log, expiresAt: expiresAt(byKey.get(key)!, now) });
    this.forgetExpired(now);
    return { ok: true };
  }

  async giveBack(windows: readonly RateWindow[], at: number): Promise<void> {
    for (const [key, ofKey] of windowsByKey(windows)) {
      const entry = this.logs.get(key);
      if (entry) this.logs.set(key, { ...entry, log: givenBack(entry.log, ofKey, at) });
    }
  }

  /** Keys whose every window is empty answer as an absent key would: drop them. */
  private forgetExpired(now: number): void {
    if (this.logs.size < 1_000) return;
    for (const [key, entry] of this.logs) if (entry.expiresAt <= now) this.logs.delete(key);
  }
}
