/**
 * Which days are school days for one school: its region's advised holidays, the public holidays,
 * and the school's own days from the directory.
 *
 * A day is decided by the first rule that applies:
 * 1. Saturday or Sunday → not a school day (`weekend`); nothing forces a weekend open.
 * 2. A public holiday by law (Nieuwjaarsdag, Tweede Paasdag, Koningsdag, …) → not a school day
 *    (`public_holiday`); a school cannot force it open.
 * 3. One of the school's `daysOff` (study days) → not a school day (`school_day_off`).
 * 4. Inside one of the school's own `holidays` → not a school day (`school_holiday`).
 * 5. One of the school's `schoolDays` → a school day (`forced_school_day`): the school shifted its
 *    holiday, so the region's advice (and an advised day off such as Goede Vrijdag) yields.
 * 6. An advised day off (Goede Vrijdag) → not a school day (`advised_day_off`).
 * 7. Inside the region's advised or compulsory holiday → not a school day (`region_holiday`).
 * 8. Otherwise → a school day (`school_day`).
 *
 * Outside the data's coverage (see `covers`) rules 6–7 know nothing: only weekends, the listed
 * public holidays and the school's own days count. Callers can check `covers` to warn an admin.
 */
import type { Municipality, School } from '../directory';
import { NL_SCHOOL_CALENDAR, type CalendarData } from './calendar-data';
import { addDays, isoWeekday, type CalendarDay } from './local-time';
import { DEFAULT_HOLIDAY_REGION, type HolidayRegion, type SchoolHoliday } from './schemas';

export type DayReason =
  | 'school_day'
  | 'forced_school_day'
  | 'weekend'
  | 'public_holiday'
  | 'school_day_off'
  | 'school_holiday'
  | 'advised_day_off'
  | 'region_holiday';

export interface DayInfo {
  day: CalendarDay;
  schoolDay: boolean;
  /** The rule that decided (see the module comment). */
  reason: DayReason;
  /** The holiday's name, e.g. `herfstvakantie`, `Koningsdag`, or a school holiday's name. */
  name?: string;
}

/** A school's own days, as the directory carries them. */
export interface SchoolCalendarOverrides {
  holidays?: readonly SchoolHoliday[];
  schoolDays?: readonly CalendarDay[];
  daysOff?: readonly CalendarDay[];
}

/** How far `nextSchoolDay` looks before it gives up: longer than any holiday. */
export const MAX_DAYS_WITHOUT_SCHOOL = 120;
/** Days a calendar remembers it has decided (a policy lives as long as its directory entry). */
const DAYS_KEPT = 1_000;

export class SchoolCalendar {
  private readonly forced: ReadonlySet<CalendarDay>;
  private readonly off: ReadonlySet<CalendarDay>;
  private readonly ownHolidays: readonly SchoolHoliday[];
  /** Days already decided: the same few are asked for by every signal of a week. */
  private readonly decided = new Map<CalendarDay, DayInfo>();
  /** `nextSchoolDay` already answered: forgetting counts three and five school days ahead for every signal. */
  private readonly nextAfter = new Map<CalendarDay, CalendarDay>();

  constructor(
    readonly region: HolidayRegion,
    overrides: SchoolCalendarOverrides = {},
    readonly data: CalendarData = NL_SCHOOL_CALENDAR,
  ) {
    this.forced = new Set(overrides.schoolDays ?? []);
    this.off = new Set(overrides.daysOff ?? []);
    this.ownHolidays = [...(overrides.holidays ?? [])];
  }

  /** Whether a day is a school day, and which rule decided. */
  describe(day: CalendarDay): DayInfo {
    const known = this.decided.get(day);
    if (known) return known;
    const info = Object.freeze(this.decide(day));
    if (this.decided.size >= DAYS_KEPT) this.decided.clear();
    this.decided.set(day, info);
    return info;
  }

  private decide(day: CalendarDay): DayInfo {
    if (isoWeekday(day) >= 6) return { day, schoolDay: false, reason: 'weekend' };
    const publicHoliday = this.data.publicHolidayOn(day);
    if (publicHoliday?.kind === 'public') {
      return { day, schoolDay: false, reason: 'public_holiday', name: publicHoliday.name };
    }
    if (this.off.has(day)) return { day, schoolDay: false, reason: 'school_day_off' };
    const own = this.ownHolidays.find((h) => h.from <= day && day <= h.to);
    if (own) return { day, schoolDay: false, reason: 'school_holiday', ...(own.name ? { name: own.name } : {}) };
    if (this.forced.has(day)) return { day, schoolDay: true, reason: 'forced_school_day' };
    if (publicHoliday) return { day, schoolDay: false, reason: 'advised_day_off', name: publicHoliday.name };
    const regionHoliday = this.data.regionHolidayOn(this.region, day);
    if (regionHoliday) return { day, schoolDay: false, reason: 'region_holiday', name: regionHoliday.name };
    return { day, schoolDay: true, reason: 'school_day' };
  }

  isSchoolDay(day: CalendarDay): boolean {
    return this.describe(day).schoolDay;
  }

  /** The first school day strictly after `after`. */
  nextSchoolDay(after: CalendarDay): CalendarDay {
    const known = this.nextAfter.get(after);
    if (known) return known;
    const next = this.firstSchoolDayFrom(addDays(after, 1));
    if (this.nextAfter.size >= DAYS_KEPT) this.nextAfter.clear();
    this.nextAfter.set(after, next);
    return next;
  }

  /** `day` itself when it is a school day, otherwise the first school day after it. */
  firstSchoolDayFrom(day: CalendarDay): CalendarDay {
    let candidate = day;
    for (let i = 0; i <= MAX_DAYS_WITHOUT_SCHOOL; i += 1, candidate = addDays(candidate, 1)) {
      if (this.isSchoolDay(candidate)) return candidate;
    }
    throw new RangeError(
      `no school day within ${MAX_DAYS_WITHOUT_SCHOOL} days from ${day} (region ${this.region}): check the school's holidays`,
    );
  }

  /** Whether the calendar data describes this day's region holidays. */
  covers(day: CalendarDay): boolean {
    return this.data.covers(day);
  }
}

/** A municipality's holiday region, `midden` when the directory names none. */
export function holidayRegionOf(municipality: Pick<Municipality, 'holidayRegion'> | undefined): HolidayRegion {
  return municipality?.holidayRegion ?? DEFAULT_HOLIDAY_REGION;
}

/**
 * The calendar of a school: its municipality's region plus the school's own days. Without a school
 * (a signal still with leerplicht), the region's calendar.
 */
export function schoolCalendarFor(
  school: Pick<School, 'holidays' | 'schoolDays' | 'daysOff'> | undefined,
  municipality: Pick<Municipality, 'holidayRegion'> | undefined,
  data: CalendarData = NL_SCHOOL_CALENDAR,
): SchoolCalendar {
  return new SchoolCalendar(
    holidayRegionOf(municipality),
    { holidays: school?.holidays, schoolDays: school?.schoolDays, daysOff: school?.daysOff },
    data,
  );
}
