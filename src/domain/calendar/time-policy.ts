/**
 * When things happen to a signal at a school, as pure functions of instants. All wall-clock times
 * are Europe/Amsterdam, converted per day with `instantAt`, so both daylight-saving changes are
 * handled; durations (two hours, 48 hours, 30 minutes) are elapsed time.
 *
 * Definitions (defaults in brackets, per municipality in the directory's `timePolicy`):
 * - **Working window**: on a school day, from `windowStart` [07:00] included to `windowEnd`
 *   [20:00] excluded. Everything else is **quiet time**: nights, weekends, holidays, days off.
 * - **nextWorkingMoment(t)**: `t` itself inside a working window; otherwise the next window's
 *   start (that same day's `windowStart` when `t` is early on a school day).
 * - **deliveryTime(reachedAt)** = nextWorkingMoment(reachedAt).
 * - **dueAt(reachedAt)** (acknowledgement target):
 *   - before `schoolDayStart` [08:30] on a school day (also at night) → that day's schoolDayStart;
 *   - from schoolDayStart until windowEnd → `acknowledgeWithinMinutes` [120] later, unless that
 *     passes windowEnd (lands after it; exactly at windowEnd still counts) → the next school
 *     day's schoolDayStart;
 *   - otherwise (after windowEnd, or not a school day) → the next school day's schoolDayStart.
 * - **reminderAt(due)** = nextWorkingMoment(due − `reminderBeforeMinutes` [30]).
 * - **escalationAt(due)** = nextWorkingMoment(due + `escalateAfterMinutes` [30]).
 *   Both only move when the plain sum falls in quiet time, and then forward to the next window's
 *   start: e.g. due 20:00 → escalation 20:30 is quiet → 07:00 the next school day. With the
 *   default policy a reminder never moves (a due moment is never before 08:30).
 * - **supportDeadline(issuedAt)** = issuedAt + `supportWithinHours` [48] elapsed hours (across a
 *   daylight-saving change the wall clock shows one hour more or less).
 * - **supportReminderAt(deadline)** = nextWorkingMoment(deadline).
 * - **forgetAfterPickUp(acknowledgedAt)** = `forgetAt` [17:00] on the day of pick-up when that is a
 *   school day and 17:00 is still ahead, otherwise 17:00 on the next school day: the teacher keeps
 *   the name for the school day the child is supported on, never overnight before it.
 * - **forgetAtTheLatest(issuedAt)** = `forgetAt` on the `forgetWithinSchoolDays`-th [3] school day
 *   after the day of issue (a Friday-night signal: Wednesday 17:00).
 * - **supportClosesAt(issuedAt)** = `forgetAt` on the `supportOpenSchoolDays`-th [5] school day
 *   after the day of issue: a late answer to the support reminder still counts until then.
 */
import type { Municipality, School } from '../directory';
import { NL_SCHOOL_CALENDAR, type CalendarData } from './calendar-data';
import { addMinutes, instantAt, localDay, type CalendarDay } from './local-time';
import { schoolCalendarFor, type SchoolCalendar } from './school-calendar';
import {
  DEFAULT_TIME_POLICY,
  resolveTimePolicySettings,
  timePolicyOverridesSchema,
  type TimePolicySettings,
} from './schemas';

/** Every planned moment of one signal at one school. */
export interface SignalTimeline {
  deliverAt: Date;
  dueAt: Date;
  remindAt: Date;
  escalateAt: Date;
  supportDeadline: Date;
  supportReminderAt: Date;
}

export class TimePolicy {
  readonly settings: Readonly<TimePolicySettings>;

  constructor(
    readonly calendar: SchoolCalendar,
    settings: TimePolicySettings = DEFAULT_TIME_POLICY,
  ) {
    // The same rules as the directory's overrides: HH:MM times, schoolDayStart inside the window.
    checkSettings(settings);
    this.settings = Object.freeze({ ...settings });
  }

  /** The working window of a day, or undefined when the day is not a school day. */
  windowOn(day: CalendarDay): { start: Date; end: Date } | undefined {
    if (!this.calendar.isSchoolDay(day)) return undefined;
    return { start: instantAt(day, this.settings.windowStart), end: instantAt(day, this.settings.windowEnd) };
  }

  /** The instant lessons start on a day (whether or not it is a school day). */
  schoolDayStartOn(day: CalendarDay): Date {
    return instantAt(day, this.settings.schoolDayStart);
  }

  /** Whether an instant lies inside a working window: a school day, windowStart ≤ t < windowEnd. */
  isWorkingMoment(instant: Date): boolean {
    const window = this.windowOn(localDay(instant));
    return window !== undefined && window.start <= instant && instant < window.end;
  }

  /** The instant itself inside a working window, otherwise the start of the next one. */
  nextWorkingMoment(instant: Date): Date {
    const day = localDay(instant);
    const window = this.windowOn(day);
    if (window && instant < window.start) return window.start;
    if (window && instant < window.end) return new Date(instant.getTime());
    return instantAt(this.calendar.nextSchoolDay(day), this.settings.windowStart);
  }

  /** When a signal that reached the school at `reachedAt` is sent to its contacts. */
  deliveryTime(reachedAt: Date): Date {
    return this.nextWorkingMoment(reachedAt);
  }

  /** When the school should have acknowledged a signal that reached it at `reachedAt`. */
  dueAt(reachedAt: Date): Date {
    const day = localDay(reachedAt);
    if (this.calendar.isSchoolDay(day)) {
      const lessonsStart = this.schoolDayStartOn(day);
      if (reachedAt < lessonsStart) return lessonsStart;
      const windowEnd = instantAt(day, this.settings.windowEnd);
      if (reachedAt < windowEnd) {
        const due = addMinutes(reachedAt, this.settings.acknowledgeWithinMinutes);
        if (due <= windowEnd) return due;
      }
    }
    return this.schoolDayStartOn(this.calendar.nextSchoolDay(day));
  }

  /** When the school's contacts are reminded of a signal due at `due` that nobody acknowledged. */
  reminderAt(due: Date): Date {
    return this.nextWorkingMoment(addMinutes(due, -this.settings.reminderBeforeMinutes));
  }

  /** When the municipality's coordinators are alerted about a signal due at `due`. */
  escalationAt(due: Date): Date {
    return this.nextWorkingMoment(addMinutes(due, this.settings.escalateAfterMinutes));
  }

  /** When support should have been recorded for a signal issued at `issuedAt` (elapsed hours). */
  supportDeadline(issuedAt: Date): Date {
    return addMinutes(issuedAt, this.settings.supportWithinHours * 60);
  }

  /** When the acknowledging contact is reminded that support is missing: inside a working window. */
  supportReminderAt(deadline: Date): Date {
    return this.nextWorkingMoment(deadline);
  }

  /** When the identity of a child picked up at `acknowledgedAt` is forgotten. */
  forgetAfterPickUp(acknowledgedAt: Date): Date {
    const day = localDay(acknowledgedAt);
    const sameDay = instantAt(day, this.settings.forgetAt);
    if (this.calendar.isSchoolDay(day) && acknowledgedAt < sameDay) return sameDay;
    return instantAt(this.calendar.nextSchoolDay(day), this.settings.forgetAt);
  }

  /** When the identity of a child issued at `issuedAt` is forgotten even if nobody acted. */
  forgetAtTheLatest(issuedAt: Date): Date {
    return this.atForgetTimeAfterSchoolDays(issuedAt, this.settings.forgetWithinSchoolDays);
  }

  /** Until when support can be recorded for a signal issued at `issuedAt`. */
  supportClosesAt(issuedAt: Date): Date {
    return this.atForgetTimeAfterSchoolDays(issuedAt, this.settings.supportOpenSchoolDays);
  }

  private atForgetTimeAfterSchoolDays(issuedAt: Date, schoolDays: number): Date {
    let day = localDay(issuedAt);
    for (let i = 0; i < schoolDays; i++) day = this.calendar.nextSchoolDay(day);
    return instantAt(day, this.settings.forgetAt);
  }

  /** Every planned moment of a signal issued at `issuedAt` that reached the school at `reachedSchoolAt`. */
  timeline(issuedAt: Date, reachedSchoolAt: Date = issuedAt): SignalTimeline {
    const dueAt = this.dueAt(reachedSchoolAt);
    const supportDeadline = this.supportDeadline(issuedAt);
    return {
      deliverAt: this.deliveryTime(reachedSchoolAt),
      dueAt,
      remindAt: this.reminderAt(dueAt),
      escalateAt: this.escalationAt(dueAt),
      supportDeadline,
      supportReminderAt: this.supportReminderAt(supportDeadline),
    };
  }
}

/**
 * Settings already found valid, by their values: a policy is built for every signal, card and
 * deadline, from the few settings the municipalities have. Bounded, in case they are many.
 */
const validSettings = new Set<string>();
const VALID_SETTINGS_KEPT = 1_000;

function checkSettings(settings: TimePolicySettings): void {
  const key = JSON.stringify(settings);
  if (validSettings.has(key)) return;
  timePolicyOverridesSchema.parse(settings);
  if (validSettings.size >= VALID_SETTINGS_KEPT) validSettings.clear();
  validSettings.add(key);
}

/**
 * Policies already built for directory entries that can no longer change: a store hands out its
 * entries deeply frozen (src/store/parsed-text-cache.ts), the same object for the same entry, so
 * each signal, card and deadline of a school reuses one policy and the school days its calendar
 * has already decided. Held weakly: an entry the store no longer hands out takes its policy along.
 */
const policiesByMunicipality = new WeakMap<object, WeakMap<object, TimePolicy>>();
/** Stands in for "no school" or "no municipality" as a key. */
const NONE = Object.freeze({});

/**
 * The time policy for a school: its municipality's region and `timePolicy` overrides, the
 * school's own days. Pass the school as undefined for a signal not yet routed to a school.
 */
export function timePolicyFor(
  school: Pick<School, 'holidays' | 'schoolDays' | 'daysOff'> | undefined,
  municipality: Pick<Municipality, 'holidayRegion' | 'timePolicy'> | undefined,
  data: CalendarData = NL_SCHOOL_CALENDAR,
): TimePolicy {
  const build = () => new TimePolicy(schoolCalendarFor(school, municipality, data), resolveTimePolicySettings(municipality?.timePolicy));
  const [municipalityKey, schoolKey] = [municipality ?? NONE, school ?? NONE];
  if (data !== NL_SCHOOL_CALENDAR || !Object.isFrozen(municipalityKey) || !Object.isFrozen(schoolKey)) return build();
  let bySchool = policiesByMunicipality.get(municipalityKey);
  if (!bySchool) policiesByMunicipality.set(municipalityKey, (bySchool = new WeakMap()));
  let policy = bySchool.get(schoolKey);
  if (!policy) bySchool.set(schoolKey, (policy = build()));
  return policy;
}
