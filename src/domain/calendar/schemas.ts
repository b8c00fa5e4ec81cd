/**
 * The zod schemas the directory file uses for the school calendar and the time policy. Every field
 * is optional and carries no materialised default, so every existing directory stays valid and
 * parses to exactly what it parsed to before; the defaults are applied where the calendar and the
 * policy are built (`resolveTimePolicySettings`, `holidayRegionOf`).
 *
 * This module imports no data, so the directory schemas do not load the holiday data.
 */
import { z } from 'zod';
import { parseCalendarDate } from '../calendar-date';

export const HOLIDAY_REGIONS = ['noord', 'midden', 'zuid'] as const;
export type HolidayRegion = (typeof HOLIDAY_REGIONS)[number];

/**
 * The region of a municipality without `holidayRegion` in the directory. Midden is the region of
 * the largest share of pupils (all of Zuid-Holland and Utrecht, much of Gelderland); set
 * `holidayRegion` for every municipality in noord or zuid.
 */
export const DEFAULT_HOLIDAY_REGION: HolidayRegion = 'midden';

export const holidayRegionSchema = z.enum(HOLIDAY_REGIONS);

/** A strict `YYYY-MM-DD` that names a real day. */
export const calendarDaySchema = z
  .string()
  .refine((text) => parseCalendarDate(text) !== undefined, 'a real day written YYYY-MM-DD');

/** A strict `HH:MM` on the 24-hour clock, 00:00–23:59. */
export const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time written HH:MM (00:00–23:59)');

/** The time policy of a municipality, every value resolved. */
export interface TimePolicySettings {
  /** Lessons start: the acknowledgement target for signals that arrive before it. */
  schoolDayStart: string;
  /** The working window on school days, [windowStart, windowEnd): nothing is sent outside it. */
  windowStart: string;
  windowEnd: string;
  /** A signal that reaches the school after `schoolDayStart` is due this many minutes later. */
  acknowledgeWithinMinutes: number;
  /** Contacts are reminded this long before the due moment. */
  reminderBeforeMinutes: number;
  /** The coordinators are alerted this long after the due moment. */
  escalateAfterMinutes: number;
  /** Support is due this many hours (elapsed) after the signal was issued. */
  supportWithinHours: number;
  /** The child's identity is forgotten at this time on the school day it was picked up. */
  forgetAt: string;
  /** …and at the latest at `forgetAt` on this school day after the day of issue, even if nobody acted. */
  forgetWithinSchoolDays: number;
  /** Support may still be recorded (on the card without the child) until `forgetAt` on this school day after issue. */
  supportOpenSchoolDays: number;
}

export const DEFAULT_TIME_POLICY: Readonly<TimePolicySettings> = Object.freeze({
  schoolDayStart: '08:30',
  windowStart: '07:00',
  windowEnd: '20:00',
  acknowledgeWithinMinutes: 120,
  reminderBeforeMinutes: 30,
  escalateAfterMinutes: 30,
  supportWithinHours: 48,
  forgetAt: '17:00',
  forgetWithinSchoolDays: 3,
  supportOpenSchoolDays: 5,
});

const minutes = (max: number) => z.number().int().min(0).max(max);

/**
 * A municipality's overrides of the default time policy; unknown keys are rejected so that a typo
 * never silently leaves a deadline at its default. The resolved window must hold the school-day
 * start: windowStart ≤ schoolDayStart < windowEnd.
 */
export const timePolicyOverridesSchema = z
  .strictObject({
    schoolDayStart: timeOfDaySchema.optional(),
    windowStart: timeOfDaySchema.optional(),
    windowEnd: timeOfDaySchema.optional(),
    acknowledgeWithinMinutes: minutes(12 * 60).min(1).optional(),
    reminderBeforeMinutes: minutes(12 * 60).optional(),
    escalateAfterMinutes: minutes(24 * 60).optional(),
    supportWithinHours: z.number().int().min(1).max(14 * 24).optional(),
    forgetAt: timeOfDaySchema.optional(),
    // The programme promises schools forget quickly: a few school days at most, never weeks.
    forgetWithinSchoolDays: z.number().int().min(1).max(5).optional(),
    supportOpenSchoolDays: z.number().int().min(1).max(10).optional(),
  })
  .superRefine((overrides, ctx) => {
    const s = { ...DEFAULT_TIME_POLICY, ...definedOnly(overrides) };
    if (s.supportOpenSchoolDays < s.forgetWithinSchoolDays) {
      ctx.addIssue({
        code: 'custom',
        message: `supportOpenSchoolDays ${s.supportOpenSchoolDays} must be at least forgetWithinSchoolDays ${s.forgetWithinSchoolDays}`,
        path: ['supportOpenSchoolDays'],
      });
    }
    // A malformed time is reported by its own field; the order is only checked between valid times.
    if (![s.windowStart, s.windowEnd, s.schoolDayStart].every((t) => timeOfDaySchema.safeParse(t).success)) return;
    if (!(s.windowStart < s.windowEnd)) {
      ctx.addIssue({ code: 'custom', message: `windowStart ${s.windowStart} must be before windowEnd ${s.windowEnd}`, path: ['windowEnd'] });
    }
    if (!(s.windowStart <= s.schoolDayStart && s.schoolDayStart < s.windowEnd)) {
      ctx.addIssue({
        code: 'custom',
        message: `schoolDayStart ${s.schoolDayStart} must lie in the working window ${s.windowStart}–${s.windowEnd}`,
        path: ['schoolDayStart'],
      });
    }
  });

export type TimePolicyOverrides = z.infer<typeof timePolicyOverridesSchema>;

/** The defaults with a municipality's overrides applied (validate overrides with the schema first). */
export function resolveTimePolicySettings(overrides: TimePolicyOverrides | undefined): TimePolicySettings {
  return { ...DEFAULT_TIME_POLICY, ...definedOnly(overrides ?? {}) };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A school's own closed period (a shifted or extra holiday), both days included. */
export const schoolHolidaySchema = z
  .object({
    from: calendarDaySchema,
    to: calendarDaySchema,
    name: z.string().trim().min(1).max(100).optional(),
  })
  .refine((h) => h.from <= h.to, { message: '`from` must not be after `to`', path: ['to'] });

export type SchoolHoliday = z.infer<typeof schoolHolidaySchema>;

/** A weekday (Monday–Friday) `YYYY-MM-DD`: only those can be forced to be school days. */
export const schoolWeekdaySchema = calendarDaySchema.refine((day) => {
  const date = parseCalendarDate(day);
  const weekday = date ? new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() : 0;
  return weekday >= 1 && weekday <= 5;
}, 'a Monday to Friday: weekends are never school days');
