/**
 * When the weekly digest goes out: on a configured weekday and time (Monday 08:00 by default,
 * Europe/Amsterdam), about the ISO week before.
 */
import { addDays, instantAt, localDateTime } from '../calendar/local-time';
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

/** A digest caught up late goes out in office hours only: Monday to Friday, 07:00 to 20:00. */
const OFFICE_HOURS = { from: 7, until: 20, lastWeekday: 5 } as const;
/** The configured moment itself always counts, for a schedule set outside office hours. */
const MOMENT_GRACE_MS = 60 * 60 * 1000;

/**
 * Whether a digest may go out at `now`: at the week's moment (and the hour after it), or in office
 * hours. A bot that comes back on Sunday evening sends last week's digest on Monday morning, not
 * at 21:30; a run already under way waits the same way.
 */
export function digestMaySendAt(now: Date, schedule: DigestSchedule): boolean {
  const moment = instantAt(addDays(mondayOf(isoWeekOf(now)), schedule.weekday - 1), schedule.time);
  if (now >= moment && now.getTime() - moment.getTime() < MOMENT_GRACE_MS) return true;
  const local = localDateTime(now);
  return local.weekday <= OFFICE_HOURS.lastWeekday && local.hour >= OFFICE_HOURS.from && local.hour < OFFICE_HOURS.until;
}
