import { z } from 'zod';
import type { RateWindow } from '../ports';
import { parseDocument } from './invalid-document-error';

/**
 * What a store keeps per rate-budget key: the recent calls, enough to answer every window of the
 * key. The same decision for Cosmos DB and memory (SQLite's one process keeps no budget in its
 * store); each store only adds how it reads and writes the logs atomically.
 *
 * A window with a small limit (Teams' 7 per 1 s, 8 per 2 s, 60 per 30 s, the global rate) is
 * counted exactly, from the time of each call: a sliding window, never the 2N burst a fixed
 * window would allow at its edge. A window with a large limit (1,800 per hour) would need as many
 * times, so it is counted in buckets of 1/60 of the window, and a bucket that overlaps the window
 * at all counts whole: it may refuse a call a little early, never let one through too many.
 */
export interface RateLog {
  /** Times (epoch ms) of the calls the exact windows still count, ascending. */
  times: number[];
  /** [bucket start (epoch ms), calls] for the bucketed windows, ascending by start. */
  buckets: Array<[number, number]>;
}

/** Windows with a limit above this are counted in buckets. */
const EXACT_LIMIT_MAX = 120;
const BUCKETS_PER_WINDOW = 60;

const rateLogSchema = z.strictObject({
  times: z.array(z.number().int()),
  buckets: z.array(z.tuple([z.number().int(), z.number().int().min(1)])),
});

/** Store -> log; a log that breaks the schema fails as an invalid document, never read as empty. */
export function parseRateLog(raw: unknown): RateLog {
  return parseDocument(rateLogSchema, 'rate log', raw);
}

export const emptyRateLog = (): RateLog => ({ times: [], buckets: [] });

const isExact = (w: RateWindow) => w.limit <= EXACT_LIMIT_MAX;

function bucketMsOf(windows: readonly RateWindow[]): number {
  const bucketed = windows.filter((w) => !isExact(w));
  return Math.max(1, Math.floor(Math.min(...bucketed.map((w) => w.windowMs)) / BUCKETS_PER_WINDOW));
}

/** The windows grouped by key, keys in the order they first appear. */
export function windowsByKey(windows: readonly RateWindow[]): Map<string, RateWindow[]> {
  const byKey = new Map<string, RateWindow[]>();
  for (const w of windows) {
    if (!Number.isInteger(w.limit) || w.limit < 1 || !(w.windowMs > 0)) {
      throw new RangeError(`a rate window needs a whole limit of at least 1 and a positive length, got ${w.limit} per ${w.windowMs} ms`);
    }
    byKey.set(w.key, [...(byKey.get(w.key) ?? []), w]);
  }
  return byKey;
}

/** Milliseconds until one more call fits every window of the key; 0 when it fits now. */
export function waitMs(log: RateLog, windows: readonly RateWindow[], now: number): number {
  let wait = 0;
  for (const w of windows) {
    if (isExact(w)) {
      // Calls inside the window, including any stamped ahead of `now` by a clock a little fast.
      const inside = log.times.filter((t) => t > now - w.windowMs);
      if (inside.length >= w.limit) wait = Math.max(wait, inside[inside.length - w.limit]! + w.windowMs - now);
    } else {
      const bucketMs = bucketMsOf(windows);
      const inside = log.buckets.filter(([start]) => start + bucketMs > now - w.windowMs);
      let excess = inside.reduce((sum, [, calls]) => sum + calls, 0) - w.limit + 1;
      for (const [start, calls] of inside) {
        if (excess <= 0) break;
        excess -= calls;
        if (excess <= 0) wait = Math.max(wait, start + bucketMs + w.windowMs - now);
      }
    }
  }
  return Math.max(0, wait);
}

/** The log with one call at `now` added, and what no window counts any more dropped. */
export function taken(log: RateLog, windows: readonly RateWindow[], now: number): RateLog {
  const exact = windows.filter(isExact);
  const longestExact = Math.max(0, ...exact.map((w) => w.windowMs));
  const mostExact = Math.max(0, ...exact.map((w) => w.limit));
  // Kept for twice the longest window (and up to three times the largest count): instances stamp
  // calls a little ahead (and their clocks differ a little), so a later take may come with an
  // earlier `now` and must still see the calls its window holds.
  const times = exact.length === 0 ? [] : [...log.times, now].sort((a, b) => a - b).filter((t) => t > now - 2 * longestExact).slice(-3 * mostExact);
  const bucketed = windows.filter((w) => !isExact(w));
  if (bucketed.length === 0) return { times, buckets: [] };
  const bucketMs = bucketMsOf(windows);
  const longest = Math.max(...bucketed.map((w) => w.windowMs));
  const start = now - (now % bucketMs);
  const buckets = log.buckets.filter(([s]) => s + bucketMs > now - longest - bucketMs).map(([s, calls]): [number, number] => [s, calls]);
  const current = buckets.find(([s]) => s === start);
  if (current) current[1]++;
  else {
    buckets.push([start, 1]);
    buckets.sort((a, b) => a[0] - b[0]);
  }
  return { times, buckets };
}

/**
 * The log with the call taken at `now` given back (one that was taken but never made, when a
 * take over several keys could not be completed). Removing a call never lets one too many through.
 */
export function givenBack(log: RateLog, windows: readonly RateWindow[], now: number): RateLog {
  const times = [...log.times];
  const at = times.lastIndexOf(now);
  if (at >= 0) times.splice(at, 1);
  const bucketed = windows.some((w) => !isExact(w));
  if (!bucketed) return { times, buckets: log.buckets };
  const bucketMs = bucketMsOf(windows);
  const start = now - (now % bucketMs);
  const buckets = log.buckets
    .map(([s, calls]): [number, number] => [s, s === start ? calls - 1 : calls])
    .filter(([, calls]) => calls > 0);
  return { times, buckets };
}

/** When a key's log answers nothing any more and may be deleted: its longest window after the last call. */
export function expiresAt(windows: readonly RateWindow[], now: number): number {
  return now + Math.max(...windows.map((w) => w.windowMs));
}

/**
 * The decision over all keys at once: refused (nothing changes) when any window of any key is
 * full, else every key's log with the call added.
 */
export function decide(
  logs: ReadonlyMap<string, RateLog | undefined>,
  byKey: ReadonlyMap<string, RateWindow[]>,
  now: number,
): { ok: false; retryInMs: number; key: string } | { ok: true; logs: Map<string, RateLog> } {
  let wait = 0;
  let fullest = '';
  for (const [key, windows] of byKey) {
    const keyWait = waitMs(logs.get(key) ?? emptyRateLog(), windows, now);
    if (keyWait > wait) [wait, fullest] = [keyWait, key];
  }
  if (wait > 0) return { ok: false, retryInMs: Math.ceil(wait), key: fullest };
  const next = new Map<string, RateLog>();
  for (const [key, windows] of byKey) next.set(key, taken(logs.get(key) ?? emptyRateLog(), windows, now));
  return { ok: true, logs: next };
}
