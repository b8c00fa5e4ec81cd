import { setMaxListeners } from 'node:events';

/** An AbortSignal that fires once `ms` have passed, unless cleared first. */
export interface CallDeadline {
  signal: AbortSignal;
  /** The calls are done: the timer goes, and the signal never fires. */
  clear(): void;
}

/**
 * A deadline for calls to Teams whose timer is cleared once they are done: cards answered in
 * milliseconds must not leave a timer behind for minutes each (AbortSignal.timeout's cannot be
 * cleared), thousands of them in a fan-out. Never keeps the process alive on its own.
 */
export function callDeadline(ms: number): CallDeadline {
  const controller = new AbortController();
  // Every call sharing it listens to it (a municipality's officers may be many): no leak.
  setMaxListeners(0, controller.signal);
  const timer = setTimeout(() => controller.abort(new DOMException('The call outlasted its deadline', 'TimeoutError')), ms);
  timer.unref();
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}
