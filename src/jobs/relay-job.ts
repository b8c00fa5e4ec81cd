import type { Dispatcher } from '../app/dispatcher';
import type { Logger } from '../ports';

/**
 * Every `intervalMs`, sends whatever delivery work is due: first attempts a crash interrupted,
 * retries after a 429 or 5xx. Ticks never overlap; the timer does not keep the process alive.
 */
export function startRelayJob(dispatcher: Dispatcher, intervalMs: number, logger: Logger): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return;
    running = dispatcher
      .relayDue()
      .then((count) => {
        if (count > 0) logger.info({ count }, 'relayed due deliveries');
      })
      .catch((error: unknown) => logger.error({ errorName: error instanceof Error ? error.name : 'unknown' }, 'relay tick failed'))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
