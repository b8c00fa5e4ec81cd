/** Dates as people in the Netherlands read them: calendar days in Europe/Amsterdam. */
export const SCHOOL_TIME_ZONE = 'Europe/Amsterdam';

const isoDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: SCHOOL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const HOUR_MS = 60 * 60 * 1000;
/** The UTC hour last asked for, and its Amsterdam day: a signal asks for the same one several times. */
let lastHour = Number.NaN;
let lastDay = '';

/** The calendar day (YYYY-MM-DD) of an instant, in Europe/Amsterdam. */
export function amsterdamDay(instant: Date): string {
  const ms = instant.getTime();
  // Amsterdam's offset has been a whole number of hours since 1940 (CET or CEST), so since then a
  // UTC hour lies within one Amsterdam day: formatting, the costly part, is needed once an hour.
  if (!(ms >= 0)) return isoDay.format(instant);
  const hour = Math.floor(ms / HOUR_MS);
  if (hour !== lastHour) {
    lastDay = isoDay.format(instant);
    lastHour = hour;
  }
  return lastDay;
}

/** Parses a strict YYYY-MM-DD that names a real day; undefined otherwise. */
export function parseCalendarDate(text: string): { year: number; month: number; day: number } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  const real =
    probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
  return real ? { year, month, day } : undefined;
}

/** Whole years between a birth date and a day, both YYYY-MM-DD. */
export function ageInYears(birthDate: string, onDay: string): number {
  const born = parseCalendarDate(birthDate);
  const today = parseCalendarDate(onDay);
  if (!born || !today) throw new RangeError('ageInYears needs two real dates');
  const hadBirthday = today.month > born.month || (today.month === born.month && today.day >= born.day);
  return today.year - born.year - (hadBirthday ? 0 : 1);
}

/** YYYY-MM-DD as the Dutch write it: dd-mm-jjjj. */
export function toDutchDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}-${month}-${year}`;
}
