/**
 * Times as people at a Dutch school read them: Europe/Amsterdam, 24-hour clock, dd-mm-jjjj.
 * Cards never read the clock: every instant arrives as an ISO string in the view model. The wall
 * clock is the domain's (`localDateTime`), which asks Intl once an hour, so drawing a card costs no
 * formatting of its own (and does not depend on how a runtime's ICU data punctuates a locale).
 */
import { localDateTime } from '../src/domain/calendar/local-time';

interface Moment {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

function moment(iso: string): Moment {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`not an ISO instant: ${iso}`);
  const { day, time } = localDateTime(instant);
  const [year = '', month = '', dayOfMonth = ''] = day.split('-');
  const [hour = '', minute = ''] = time.split(':');
  return { year, month, day: dayOfMonth, hour, minute };
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
