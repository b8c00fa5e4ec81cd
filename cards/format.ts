/**
 * Times as people at a Dutch school read them: Europe/Amsterdam, 24-hour clock, dd-mm-jjjj.
 * Cards never read the clock: every instant arrives as an ISO string in the view model.
 * Built from formatToParts so the result does not depend on how a runtime's ICU data
 * punctuates a locale (nl-NL writes "7-3-2026", which is not what a form expects).
 */
import { SCHOOL_TIME_ZONE } from '../src/domain/calendar-date';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: SCHOOL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

interface Moment {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

const HOUR_MS = 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/**
 * UTC hours formatted lately, as their Amsterdam day and hour. Amsterdam's offset has been a whole
 * number of hours since 1940, so within one UTC hour the day and the hour stay the same and the
 * minute is the UTC minute: formatting, the costly part of drawing a card, is needed once an hour
 * rather than once for every instant (each signal brings new ones).
 */
const recentHours = new Map<number, Omit<Moment, 'minute'>>();
const RECENT_HOURS_KEPT = 1_000;

function moment(iso: string): Moment {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO instant: ${iso}`);
  if (ms < 0) return formatMoment(ms);
  const hourStart = ms - (ms % HOUR_MS);
  let hour = recentHours.get(hourStart);
  if (!hour) {
    const { year, month, day, hour: hh } = formatMoment(hourStart);
    hour = Object.freeze({ year, month, day, hour: hh });
    if (recentHours.size >= RECENT_HOURS_KEPT) recentHours.clear();
    recentHours.set(hourStart, hour);
  }
  return { ...hour, minute: String(Math.floor((ms % HOUR_MS) / MINUTE_MS)).padStart(2, '0') };
}

/** One formatToParts call per instant. */
function formatMoment(ms: number): Moment {
  const found: Record<string, string> = {};
  for (const part of parts.formatToParts(ms)) found[part.type] = part.value;
  const pick = (type: keyof Moment): string => found[type] ?? '';
  return { year: pick('year'), month: pick('month'), day: pick('day'), hour: pick('hour'), minute: pick('minute') };
}

/** dd-mm-jjjj of an instant, in Europe/Amsterdam. Not for birth dates: use toDutchDate. */
export function formatDate(iso: string): string {
  const m = moment(iso);
  return `${m.day}-${m.month}-${m.year}`;
}

/** HH:mm of an instant, in Europe/Amsterdam. */
export function formatTime(iso: string): string {
  const m = moment(iso);
  return `${m.hour}:${m.minute}`;
}

/** dd-mm-jjjj HH:mm of an instant, in Europe/Amsterdam. */
export function formatDateTime(iso: string): string {
  const m = moment(iso);
  return `${m.day}-${m.month}-${m.year} ${m.hour}:${m.minute}`;
}

/** dd-mm HH:mm: for lists of recent events, where the year is obvious. */
export function formatShortDateTime(iso: string): string {
  const m = moment(iso);
  return `${m.day}-${m.month} ${m.hour}:${m.minute}`;
}

/** True when both instants fall on the same calendar day in Europe/Amsterdam. */
export function isSameSchoolTimeDay(a: string, b: string): boolean {
  return formatDate(a) === formatDate(b);
}
