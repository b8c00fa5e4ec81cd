/**
 * ISO 8601 weeks in Europe/Amsterdam: Monday to Sunday, week 1 holds the year's first Thursday,
 * so some years (2026) have a week 53 and a week's year can differ from its Monday's.
 */
import { addDays, instantAt, isoWeekday, localDay, type CalendarDay } from '../calendar/local-time';

export interface IsoWeek {
  year: number;
  /** 1–53 */
  week: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function utcDay(day: CalendarDay): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function calendarDay(utcMs: number): CalendarDay {
  return new Date(utcMs).toISOString().slice(0, 10);
}

/** The ISO week a calendar day belongs to. */
export function isoWeekOfDay(day: CalendarDay): IsoWeek {
  const thursday = utcDay(addDays(day, 4 - isoWeekday(day)));
  const year = new Date(thursday).getUTCFullYear();
  return { year, week: 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) };
}

/** The ISO week an instant falls in, on the Amsterdam calendar. */
export function isoWeekOf(instant: Date): IsoWeek {
  return isoWeekOfDay(localDay(instant));
}

/** The Monday of an ISO week. */
export function mondayOf(week: IsoWeek): CalendarDay {
  const jan4 = calendarDay(Date.UTC(week.year, 0, 4));
  const firstMonday = addDays(jan4, 1 - isoWeekday(jan4));
  return addDays(firstMonday, (week.week - 1) * 7);
}

/** 52 or 53. */
export function weeksInYear(year: number): number {
  return isoWeekOfDay(calendarDay(Date.UTC(year, 11, 28))).week;
}

/** The instants a week spans: from Monday 00:00 (included) to the next Monday 00:00 (excluded), Amsterdam time. */
export function weekRange(week: IsoWeek): { from: Date; to: Date } {
  const monday = mondayOf(week);
  return { from: instantAt(monday, '00:00'), to: instantAt(addDays(monday, 7), '00:00') };
}

/** The week `n` weeks later (earlier when negative). */
export function addWeeks(week: IsoWeek, n: number): IsoWeek {
  return isoWeekOfDay(addDays(mondayOf(week), n * 7));
}

/** `2026-W47` */
export function formatIsoWeek(week: IsoWeek): string {
  return `${week.year}-W${String(week.week).padStart(2, '0')}`;
}

/** Reads `2026-W47` (also `2026-w47`, `2026W47`); undefined for anything else or a week the year lacks. */
export function parseIsoWeek(text: string): IsoWeek | undefined {
  const match = /^(\d{4})-?[Ww](\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (year < 2000 || year > 2100 || week < 1 || week > weeksInYear(year)) return undefined;
  return { year, week };
}

/** Negative when `a` comes before `b`, 0 for the same week, positive after. */
export function compareWeeks(a: IsoWeek, b: IsoWeek): number {
  return a.year !== b.year ? a.year - b.year : a.week - b.week;
}


/** Whether `week` has ended at `now`: a week's figures are shown only then, never while they still change. */
export function isWeekOver(week: IsoWeek, now: Date): boolean {
  return compareWeeks(week, isoWeekOf(now)) < 0;
}
