/**
 * Wall-clock time in Europe/Amsterdam, converted both ways with Intl only (no time-zone library).
 *
 * - A *day* is a calendar day as people in the Netherlands read it: `YYYY-MM-DD`.
 * - A *time of day* is a wall-clock time `HH:MM` (00:00–23:59).
 * - An *instant* is a `Date` (a point on the UTC time line).
 *
 * Daylight saving in Europe/Amsterdam: on the last Sunday of March the clock jumps from 02:00 CET
 * (UTC+1) to 03:00 CEST (UTC+2), so 02:00–02:59 does not exist that day; on the last Sunday of
 * October it falls back from 03:00 CEST to 02:00 CET, so 02:00–02:59 happens twice. `instantAt`
 * resolves both as Temporal's `disambiguation: 'compatible'` does: a time in the spring gap moves
 * forward by the gap (02:30 → 03:30 CEST), a repeated autumn time is its first occurrence (CEST).
 */
import { SCHOOL_TIME_ZONE, parseCalendarDate } from '../calendar-date';

/** `YYYY-MM-DD`, a calendar day in Europe/Amsterdam. */
export type CalendarDay = string;
/** `HH:MM`, a wall-clock time of day (24-hour clock). */
export type TimeOfDay = string;

export interface LocalDateTime {
  /** The calendar day in Europe/Amsterdam, `YYYY-MM-DD`. */
  day: CalendarDay;
  /** The wall-clock time, `HH:MM` (seconds dropped). */
  time: TimeOfDay;
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes after the offset from UTC, e.g. 60 in winter (CET) and 120 in summer (CEST). */
  offsetMinutes: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const wallClock = new Intl.DateTimeFormat('en-US', {
  timeZone: SCHOOL_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Wall-clock parts through Intl: exact, but costly enough to show in the issue benchmark. */
function intlPartsAt(epochMs: number): Parts {
  const found: Record<string, number> = {};
  for (const part of wallClock.formatToParts(epochMs)) {
    if (part.type !== 'literal') found[part.type] = Number(part.value);
  }
  return {
    year: found.year ?? NaN,
    month: found.month ?? NaN,
    day: found.day ?? NaN,
    // Some ICU versions write midnight as 24 even with h23; normalise.
    hour: (found.hour ?? NaN) % 24,
    minute: found.minute ?? NaN,
    second: found.second ?? NaN,
  };
}

const HOUR_MS = 3_600_000;
/** UTC offsets by UTC hour. The EU changes the clocks at 01:00 UTC, so an hour never straddles a change. */
const offsetByHour = new Map<number, number>();
/** How many answers each of this module's memos keeps before it starts over (about six years of hours). */
const MEMO_LIMIT = 50_000;

function partsAt(epochMs: number): Parts {
  const local = new Date(epochMs + offsetMinutesAt(epochMs) * MINUTE_MS);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/** The offset of Europe/Amsterdam from UTC at an instant, in minutes (60 or 120); asked of Intl once per hour. */
function offsetMinutesAt(epochMs: number): number {
  const hour = Math.floor(epochMs / HOUR_MS);
  const known = offsetByHour.get(hour);
  if (known !== undefined) return known;
  const p = intlPartsAt(hour * HOUR_MS);
  const offset = Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - hour * HOUR_MS) / MINUTE_MS);
  if (offsetByHour.size >= MEMO_LIMIT) offsetByHour.clear();
  offsetByHour.set(hour, offset);
  return offset;
}

function requireInstant(instant: Date, what: string): number {
  const ms = instant instanceof Date ? instant.getTime() : NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${what} needs a valid Date`);
  return ms;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The wall clock in Europe/Amsterdam at an instant. */
export function localDateTime(instant: Date): LocalDateTime {
  const ms = requireInstant(instant, 'localDateTime');
  const p = partsAt(ms);
  const day = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  return {
    day,
    time: `${pad(p.hour)}:${pad(p.minute)}`,
    hour: p.hour,
    minute: p.minute,
    second: p.second,
    weekday: isoWeekday(day),
    offsetMinutes: offsetMinutesAt(ms),
  };
}

/**
 * Days by UTC hour: every instant of one UTC hour has the same day in Europe/Amsterdam, since its
 * midnight, like its offset, falls on a whole UTC hour. Every signal and card asks for several.
 */
const dayByHour = new Map<number, CalendarDay>();

/** The calendar day of an instant in Europe/Amsterdam. */
export function localDay(instant: Date): CalendarDay {
  const ms = requireInstant(instant, 'localDay');
  const hour = Math.floor(ms / HOUR_MS);
  let day = dayByHour.get(hour);
  if (day === undefined) {
    day = localDateTime(instant).day;
    if (dayByHour.size >= MEMO_LIMIT) dayByHour.clear();
    dayByHour.set(hour, day);
  }
  return day;
}

/** `instantAt`'s answers as epoch ms, by day and time: a school's few times of day recur on every signal. */
const instantByDayTime = new Map<string, number>();

/**
 * The instant at which the wall clock in Europe/Amsterdam shows `time` on `day`. A time that does
 * not exist (spring gap) moves forward by the gap; a time that happens twice (autumn) is the
 * first, summer-time occurrence.
 */
export function instantAt(day: CalendarDay, time: TimeOfDay): Date {
  const key = `${day} ${time}`;
  let ms = instantByDayTime.get(key);
  if (ms === undefined) {
    ms = computeInstantAt(day, time);
    if (instantByDayTime.size >= MEMO_LIMIT) instantByDayTime.clear();
    instantByDayTime.set(key, ms);
  }
  // A Date of its own for each caller: Dates can be changed, the remembered instant cannot.
  return new Date(ms);
}

function computeInstantAt(day: CalendarDay, time: TimeOfDay): number {
  const date = parseCalendarDate(day);
  const minutes = parseTimeOfDay(time);
  if (!date) throw new RangeError(`instantAt needs a real day YYYY-MM-DD, got "${day}"`);
  if (minutes === undefined) throw new RangeError(`instantAt needs a time HH:MM, got "${time}"`);
  const asIfUtc = Date.UTC(date.year, date.month - 1, date.day, Math.floor(minutes / 60), minutes % 60);
  // At most one offset change lies within a day of any moment in Europe/Amsterdam.
  const offsetBefore = offsetMinutesAt(asIfUtc - DAY_MS);
  const offsetAfter = offsetMinutesAt(asIfUtc + DAY_MS);
  const candidates = [...new Set([offsetBefore, offsetAfter])]
    .map((offset) => asIfUtc - offset * MINUTE_MS)
    .filter((candidate) => asIfUtc - offsetMinutesAt(candidate) * MINUTE_MS === candidate);
  if (candidates.length > 0) return Math.min(...candidates);
  // The spring gap: read the wall-clock time with the offset in force before the jump.
  return asIfUtc - offsetBefore * MINUTE_MS;
}

/** Minutes after midnight of a strict `HH:MM` (00:00–23:59); undefined otherwise. */
export function parseTimeOfDay(text: string): number | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** The day `n` calendar days after `day` (before it when `n` is negative). */
export function addDays(day: CalendarDay, n: number): CalendarDay {
  const date = parseCalendarDate(day);
  if (!date) throw new RangeError(`addDays needs a real day YYYY-MM-DD, got "${day}"`);
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + n));
  return `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
}

/** ISO weekday of a day: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: CalendarDay): number {
  const date = parseCalendarDate(day);
  if (!date) throw new RangeError(`isoWeekday needs a real day YYYY-MM-DD, got "${day}"`);
  const sundayIsZero = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return sundayIsZero === 0 ? 7 : sundayIsZero;
}

/** Every day from `from` to `to`, both included (empty when `to` is before `from`). */
export function daysFrom(from: CalendarDay, to: CalendarDay): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** An instant `minutes` later (earlier when negative): elapsed time, not wall-clock time. */
export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(requireInstant(instant, 'addMinutes') + minutes * MINUTE_MS);
}
