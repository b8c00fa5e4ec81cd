/**
 * When the weekly digest goes out: on a configured weekday and time (Monday 08:00 by default,
 * Europe/Amsterdam), about the ISO week before.
 */
import { addDays, instantAt } from '../calendar/local-time';
import { addWeeks, isoWeekOf, mondayOf, type IsoWeek } from './iso-week';

export interface DigestSchedule {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** HH:MM, Europe/Amsterdam. */
  time: string;
}

export const DEFAULT_DIGEST_SCHEDULE: DigestSchedule = { weekday: 1, time: '08:00' };

/**
 * The week whose digest is being sent at `now`, and whether a run for it may start now: from this
 * week's moment on it is last week's digest (a run may start); before it, the week before that
 * (its run can only be finished, never started: a new install never sends an old week).
 */
export function digestWeekAt(now: Date, schedule: DigestSchedule): { week: IsoWeek; mayStart: boolean } {
  const thisWeek = isoWeekOf(now);
  const moment = instantAt(addDays(mondayOf(thisWeek), schedule.weekday - 1), schedule.time);
  const passed = now >= moment;
  return { week: addWeeks(thisWeek, passed ? -1 : -2), mayStart: passed };
}
