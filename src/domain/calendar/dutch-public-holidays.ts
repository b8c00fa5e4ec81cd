import { addDays, isoWeekday, type CalendarDay } from './local-time';

/** A public holiday; `advice`: closed at most schools, a school may open. */
export interface PublicHolidayRule {
  date: CalendarDay;
  name: string;
  kind: 'public' | 'advice';
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
export function easterSunday(year: number): CalendarDay {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * The Dutch holidays that can close a school in a year, computed from the year so they never run
 * out: the fixed days, Koningsdag (26 April when the 27th is a Sunday), Bevrijdingsdag only in a
 * lustrum year (2025, 2030, …), and the movable feasts from Easter: Goede Vrijdag (advice, not law),
 * Tweede Paasdag, Hemelvaartsdag (Easter + 39) and Tweede Pinksterdag (Easter + 50).
 */
export function dutchPublicHolidays(year: number): PublicHolidayRule[] {
  const easter = easterSunday(year);
  const kingsDay = `${year}-04-27`;
  const holidays: PublicHolidayRule[] = [
    { date: `${year}-01-01`, name: 'Nieuwjaarsdag', kind: 'public' },
    { date: addDays(easter, -2), name: 'Goede Vrijdag', kind: 'advice' },
    { date: addDays(easter, 1), name: 'Tweede Paasdag', kind: 'public' },
    { date: isoWeekday(kingsDay) === 7 ? `${year}-04-26` : kingsDay, name: 'Koningsdag', kind: 'public' },
    ...(year % 5 === 0 ? [{ date: `${year}-05-05`, name: 'Bevrijdingsdag', kind: 'public' as const }] : []),
    { date: addDays(easter, 39), name: 'Hemelvaartsdag', kind: 'public' },
    { date: addDays(easter, 50), name: 'Tweede Pinksterdag', kind: 'public' },
    { date: `${year}-12-25`, name: 'Eerste Kerstdag', kind: 'public' },
    { date: `${year}-12-26`, name: 'Tweede Kerstdag', kind: 'public' },
  ];
  return holidays.sort((x, y) => x.date.localeCompare(y.date));
}
