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

/**
 * Instants formatted lately: the cards of one signal (one per recipient, then the answer to the
 * worker) show the same few instants, and formatting is the costly part of rendering a card.
 */
const recentMoments = new Map<string, Moment>();
const RECENT_MOMENTS_KEPT = 1_000;

function moment(iso: string): Moment {
  const known = recentMoments.get(iso);
  if (known) return known;
  const formatted = Object.freeze(formatMoment(iso));
  if (recentMoments.size >= RECENT_MOMENTS_KEPT) recentMoments.clear();
  recentMoments.set(iso, formatted);
  return formatted;
}

/** One formatToParts call per instant. */
function formatMoment(iso: string): Moment {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`not an ISO instant: ${iso}`);
  const found: Record<string, string> = {};
  for (const part of parts.formatToParts(instant)) found[part.type] = part.value;
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
