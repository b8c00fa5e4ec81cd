/**
 * The calendar data (region holiday advice and public holidays), validated with zod when loaded.
 * The shipped Dutch data is parsed once, when this module is first imported: a malformed entry
 * fails at start-up, never in the middle of planning a signal.
 */
import { z } from 'zod';
import { NL_SCHOOL_CALENDAR_SOURCE } from './nl-school-calendar.data';
import { dutchPublicHolidays } from './dutch-public-holidays';
import { addDays, type CalendarDay } from './local-time';
import { HOLIDAY_REGIONS, calendarDaySchema, holidayRegionSchema, type HolidayRegion } from './schemas';

export const REGION_HOLIDAY_NAMES = [
  'herfstvakantie',
  'kerstvakantie',
  'voorjaarsvakantie',
  'meivakantie',
  'zomervakantie',
] as const;
export type RegionHolidayName = (typeof REGION_HOLIDAY_NAMES)[number];

const regionHolidaySchema = z
  .object({
    name: z.enum(REGION_HOLIDAY_NAMES),
    regions: z.array(holidayRegionSchema).min(1),
    from: calendarDaySchema,
    to: calendarDaySchema,
    /** True only for the summer holiday: the one period every school in the region must keep. */
    compulsory: z.boolean().default(false),
  })
  .refine((h) => h.from <= h.to, { message: '`from` must not be after `to`', path: ['to'] })
  .refine((h) => new Set(h.regions).size === h.regions.length, { message: 'a region is listed twice', path: ['regions'] })
  .refine((h) => h.compulsory === (h.name === 'zomervakantie'), {
    message: 'only the zomervakantie is compulsory',
    path: ['compulsory'],
  });

const schoolYearSchema = z
  .object({
    schoolYear: z
      .string()
      .regex(/^\d{4}-\d{4}$/, 'a school year such as 2025-2026')
      .refine((y) => Number(y.slice(5)) === Number(y.slice(0, 4)) + 1, 'two consecutive years, e.g. 2025-2026'),
    holidays: z.array(regionHolidaySchema),
  })
  .superRefine((year, ctx) => {
    const first = Number(year.schoolYear.slice(0, 4));
    for (const region of HOLIDAY_REGIONS) {
      for (const name of REGION_HOLIDAY_NAMES) {
        const count = year.holidays.filter((h) => h.name === name && h.regions.includes(region)).length;
        if (count !== 1) {
          ctx.addIssue({
            code: 'custom',
            message: `${year.schoolYear}: region ${region} needs exactly one ${name}, found ${count}`,
            path: ['holidays'],
          });
        }
      }
    }
    year.holidays.forEach((h, i) => {
      // A school year runs from the end of one summer holiday to the end of the next.
      if (h.from < `${first}-08-01` || h.to > `${first + 1}-09-30`) {
        ctx.addIssue({
          code: 'custom',
          message: `${year.schoolYear}: ${h.name} ${h.from}…${h.to} lies outside the school year`,
          path: ['holidays', i],
        });
      }
    });
  });

const publicHolidaySchema = z.object({
  date: calendarDaySchema,
  name: z.string().trim().min(1).max(60),
  /** `public`: a day off by law; `advice`: most schools close, a school may force it open. */
  kind: z.enum(['public', 'advice']),
});

export const calendarDataSchema = z
  .object({
    source: z.string().min(1),
    coverage: z
      .object({ from: calendarDaySchema, to: calendarDaySchema })
      .refine((c) => c.from <= c.to, { message: '`from` must not be after `to`', path: ['to'] }),
    schoolYears: z.array(schoolYearSchema).min(1),
    /** Days off beside the computed public holidays (see `PublicHolidayRules`); usually none. */
    publicHolidays: z.array(publicHolidaySchema).default([]),
  })
  .superRefine((data, ctx) => {
    const years = data.schoolYears.map((y) => y.schoolYear);
    years.forEach((year, i) => {
      if (years.indexOf(year) !== i) {
        ctx.addIssue({ code: 'custom', message: `school year ${year} is listed twice`, path: ['schoolYears', i] });
      }
    });
    const dates = data.publicHolidays.map((h) => h.date);
    dates.forEach((date, i) => {
      if (dates.indexOf(date) !== i) {
        ctx.addIssue({ code: 'custom', message: `public holiday ${date} is listed twice`, path: ['publicHolidays', i] });
      }
    });
    data.schoolYears.forEach((year, y) =>
      year.holidays.forEach((h, i) => {
        if (h.from < data.coverage.from || h.to > data.coverage.to) {
          ctx.addIssue({
            code: 'custom',
            message: `${h.name} ${h.from}…${h.to} lies outside coverage ${data.coverage.from}…${data.coverage.to}`,
            path: ['schoolYears', y, 'holidays', i],
          });
        }
      }),
    );
  });

export type CalendarDataInput = z.input<typeof calendarDataSchema>;
export type CalendarDataDocument = z.output<typeof calendarDataSchema>;
export type RegionHoliday = CalendarDataDocument['schoolYears'][number]['holidays'][number];
export type PublicHoliday = CalendarDataDocument['publicHolidays'][number];

/** Validated calendar data with the lookups a `SchoolCalendar` needs, built once. */
export interface CalendarData {
  readonly source: string;
  readonly coverage: Readonly<{ from: CalendarDay; to: CalendarDay }>;
  readonly schoolYears: readonly CalendarDataDocument['schoolYears'][number][];
  /** The days off listed in the data, beside the computed ones. */
  readonly publicHolidays: readonly PublicHoliday[];
  /** The public holiday on a day, if any: listed, or computed from the day's year. */
  publicHolidayOn(day: CalendarDay): PublicHoliday | undefined;
  /** Every public holiday of a calendar year, listed and computed, by date. */
  publicHolidaysIn(year: number): readonly PublicHoliday[];
  /** The region's advised (or, in summer, compulsory) holiday that contains a day, if any. */
  regionHolidayOn(region: HolidayRegion, day: CalendarDay): RegionHoliday | undefined;
  /** Whether the data describes the region holidays of this day (see `coverage`). */
  covers(day: CalendarDay): boolean;
}

export class CalendarDataError extends Error {
  constructor(readonly problems: string[]) {
    super(`The school calendar data has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CalendarDataError';
  }
}

/** The public holidays of a calendar year by rule, so they never run out as listed data does. */
export type PublicHolidayRules = (year: number) => readonly PublicHoliday[];

/**
 * Validates raw calendar data (shape, dates, completeness per region) and indexes it by day. The
 * public holidays are those listed plus, when `rules` is given, those computed per year.
 */
export function parseCalendarData(raw: unknown, rules: PublicHolidayRules = () => []): CalendarData {
  const parsed = calendarDataSchema.safeParse(raw);
  if (!parsed.success) {
    throw new CalendarDataError(parsed.error.issues.map((i) => `${i.path.join('.') || '(data)'}: ${i.message}`));
  }
  const data = parsed.data;
  const listedByDay = new Map(data.publicHolidays.map((h) => [h.date, h]));
  const byYear = new Map<number, Map<CalendarDay, PublicHoliday>>();
  const holidaysOfYear = (year: number): Map<CalendarDay, PublicHoliday> => {
    let days = byYear.get(year);
    if (!days) {
      days = new Map(rules(year).map((h) => [h.date, h]));
      for (const [day, h] of listedByDay) if (day.startsWith(`${year}-`)) days.set(day, h);
      byYear.set(year, days);
    }
    return days;
  };
  const byRegion = new Map<HolidayRegion, Map<CalendarDay, RegionHoliday>>(
    HOLIDAY_REGIONS.map((region) => [region, new Map()]),
  );
  for (const year of data.schoolYears) {
    for (const holiday of year.holidays) {
      for (const region of holiday.regions) {
        const days = byRegion.get(region);
        for (let day = holiday.from; day <= holiday.to; day = addDays(day, 1)) days?.set(day, holiday);
      }
    }
  }
  return {
    source: data.source,
    coverage: data.coverage,
    schoolYears: data.schoolYears,
    publicHolidays: data.publicHolidays,
    publicHolidayOn: (day) => holidaysOfYear(Number(day.slice(0, 4))).get(day),
    publicHolidaysIn: (year) => [...holidaysOfYear(year).values()].sort((a, b) => a.date.localeCompare(b.date)),
    regionHolidayOn: (region, day) => byRegion.get(region)?.get(day),
    covers: (day) => day >= data.coverage.from && day <= data.coverage.to,
  };
}

/** The shipped Dutch calendar: Rijksoverheid advice 2025-2026 and 2026-2027, public holidays of any year. */
export const NL_SCHOOL_CALENDAR: CalendarData = parseCalendarData(NL_SCHOOL_CALENDAR_SOURCE, dutchPublicHolidays);
