import type { Clock } from '../../src/ports';

/**
 * Real time, moved to another moment: the bot's own timers (scheduler, leases, call deadlines)
 * run as they do in production, and the test picks the day and hour they run on.
 */
export class ShiftedClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** From now on the clock reads `at`, and runs on from there. */
  set(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
  }
}
