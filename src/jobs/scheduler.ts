import type { Logger } from '../ports';

export interface ScheduledTask {
  name: string;
  /** Does whatever is due now; returns how much it did. */
  run(): Promise<number>;
}

/**
 * Every `intervalMs`, runs each task once: deliveries a crash or a 429 left pending, then
 * reminders and escalations that fell due. All work is found in the store by indexed times, so a
 * restart loses nothing. Ticks never overlap; the timer does not keep the process alive.
 */
export function startScheduler(tasks: ScheduledTask[], intervalMs: number, logger: Logger): { tick(): Promise<void>; stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const runAll = async () => {
    for (const task of tasks) {
      try {
        const count = await task.run();
        if (count > 0) logger.info({ task: task.name, count }, 'scheduled work done');
      } catch (error) {
        logger.error({ task: task.name, errorName: error instanceof Error ? error.name : 'unknown' }, 'scheduled task failed');
      }
    }
  };
  const tick = (): Promise<void> => {
    running ??= runAll().finally(() => {
      running = undefined;
    });
    return running;
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
