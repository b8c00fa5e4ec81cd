import { performance } from 'node:perf_hooks';

/**
 * A check whose outcome, success or failure, is reused for `ttlMs`; probes that arrive together
 * share one run. Readiness probes come every few seconds from every load balancer and platform
 * probe, and each would otherwise cost a store round trip (request units on Cosmos DB). Monotonic
 * time, not the Clock port: this is the process's own pacing, and a test clock may stand still.
 */
export function cachedCheck(check: () => Promise<void>, ttlMs: number, now: () => number = () => performance.now()): () => Promise<void> {
  let last: { at: number; outcome: Promise<void> } | undefined;
  return () => {
    const at = now();
    if (!last || at - last.at >= ttlMs) last = { at, outcome: check() };
    return last.outcome;
  };
}
