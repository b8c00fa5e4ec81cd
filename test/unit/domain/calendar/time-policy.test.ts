import { daysFrom } from '../../../../src/domain/calendar/local-time';
import { SchoolCalendar } from '../../../../src/domain/calendar/school-calendar';
import type { HolidayRegion, TimePolicyOverrides } from '../../../../src/domain/calendar/schemas';
import { TimePolicy, timePolicyFor } from '../../../../src/domain/calendar/time-policy';
import type { School } from '../../../../src/domain/directory';

/**
 * Every instant is written as Dutch wall-clock time with its offset: +01:00 in winter (CET),
 * +02:00 in summer (CEST). Unless a test names another region, the school is in midden.
 */
const at = (iso: string) => new Date(iso);
type SchoolDays = Pick<School, 'holidays' | 'schoolDays' | 'daysOff'>;
const policyFor = (region: HolidayRegion = 'midden', school: SchoolDays = {}, timePolicy?: TimePolicyOverrides) =>
  timePolicyFor(school, { holidayRegion: region, ...(timePolicy ? { timePolicy } : {}) });

const midden = policyFor('midden');
const noord = policyFor('noord');
const zuid = policyFor('zuid');

// Tuesday 10 March 2026: an ordinary school day in every region (winter time).
const TUESDAY = '2026-03-10';
const WEDNESDAY = '2026-03-11';

describe('the working window: 07:00 included to 20:00 excluded, on school days only', () => {
  it('opens at 07:00 and closes at 20:00', () => {
    expect(midden.isWorkingMoment(at(`${TUESDAY}T06:59:59+01:00`))).toBe(false);
    expect(midden.isWorkingMoment(at(`${TUESDAY}T07:00:00+01:00`))).toBe(true);
    expect(midden.isWorkingMoment(at(`${TUESDAY}T19:59:59+01:00`))).toBe(true);
    expect(midden.isWorkingMoment(at(`${TUESDAY}T20:00:00+01:00`))).toBe(false);
  });

  it('is closed all day on a Saturday, a public holiday and in the region holiday', () => {
    expect(midden.isWorkingMoment(at('2026-03-14T10:00:00+01:00'))).toBe(false);
    expect(midden.isWorkingMoment(at('2026-05-14T10:00:00+02:00'))).toBe(false);
    expect(zuid.isWorkingMoment(at('2025-10-14T10:00:00+02:00'))).toBe(false);
    expect(noord.isWorkingMoment(at('2025-10-14T10:00:00+02:00'))).toBe(true);
  });

  it('gives the window of a school day and none for a day without school', () => {
    expect(midden.windowOn(TUESDAY)).toEqual({ start: at(`${TUESDAY}T07:00:00+01:00`), end: at(`${TUESDAY}T20:00:00+01:00`) });
    expect(midden.windowOn('2026-03-14')).toBeUndefined();
  });
});

describe('nextWorkingMoment', () => {
  it('is the instant itself inside the window (a copy, not the same object)', () => {
    const instant = at(`${TUESDAY}T13:17:05+01:00`);
    expect(midden.nextWorkingMoment(instant)).toEqual(instant);
    expect(midden.nextWorkingMoment(instant)).not.toBe(instant);
  });

  it('is 07:00 the same day before the window opens on a school day', () => {
    expect(midden.nextWorkingMoment(at(`${TUESDAY}T03:00:00+01:00`))).toEqual(at(`${TUESDAY}T07:00:00+01:00`));
  });

  it('is 07:00 the next school day after the window closed', () => {
    expect(midden.nextWorkingMoment(at(`${TUESDAY}T20:00:00+01:00`))).toEqual(at(`${WEDNESDAY}T07:00:00+01:00`));
    expect(midden.nextWorkingMoment(at(`${TUESDAY}T23:59:00+01:00`))).toEqual(at(`${WEDNESDAY}T07:00:00+01:00`));
  });

  it('is Monday 07:00 summer time for an instant on the spring DST Sunday (29 March 2026)', () => {
    expect(midden.nextWorkingMoment(at('2026-03-29T01:30:00Z'))).toEqual(at('2026-03-30T07:00:00+02:00'));
    expect(midden.nextWorkingMoment(at('2026-03-29T01:30:00Z')).toISOString()).toBe('2026-03-30T05:00:00.000Z');
  });

  it('is Monday 07:00 winter time for either 02:30 of the autumn DST Sunday (25 October 2026)', () => {
    for (const instant of [at('2026-10-25T02:30:00+02:00'), at('2026-10-25T02:30:00+01:00')]) {
      expect(noord.nextWorkingMoment(instant).toISOString()).toBe('2026-10-26T06:00:00.000Z');
    }
  });
});

describe('deliveryTime: at once inside the working window, otherwise 07:00 on the next school day', () => {
  it('delivers at once at 10:00, at 07:00 sharp and at 19:59', () => {
    for (const time of ['10:00', '07:00', '19:59']) {
      const reached = at(`${TUESDAY}T${time}:00+01:00`);
      expect(midden.deliveryTime(reached)).toEqual(reached);
    }
  });

  it('holds a signal that arrives at 03:00 until 07:00 that morning', () => {
    expect(midden.deliveryTime(at(`${TUESDAY}T03:00:00+01:00`))).toEqual(at(`${TUESDAY}T07:00:00+01:00`));
  });

  it('holds a signal that arrives at 20:00 until 07:00 the next school day', () => {
    expect(midden.deliveryTime(at(`${TUESDAY}T20:00:00+01:00`))).toEqual(at(`${WEDNESDAY}T07:00:00+01:00`));
  });

  it('holds a Friday-night signal until Monday 07:00, and a Saturday signal too', () => {
    expect(midden.deliveryTime(at('2026-03-13T22:00:00+01:00'))).toEqual(at('2026-03-16T07:00:00+01:00'));
    expect(midden.deliveryTime(at('2026-03-14T11:00:00+01:00'))).toEqual(at('2026-03-16T07:00:00+01:00'));
  });

  it('holds a signal during the herfstvakantie of zuid until the Monday after, but delivers at once in noord', () => {
    const reached = at('2025-10-14T10:00:00+02:00');
    expect(zuid.deliveryTime(reached)).toEqual(at('2025-10-20T07:00:00+02:00'));
    expect(noord.deliveryTime(reached)).toEqual(reached);
  });
});

describe('dueAt: the acknowledgement target', () => {
  it('is 08:30 the same day for a signal at 07:30', () => {
    expect(midden.dueAt(at(`${TUESDAY}T07:30:00+01:00`))).toEqual(at(`${TUESDAY}T08:30:00+01:00`));
  });

  it('is 08:30 the same day for a signal in the night before a school day', () => {
    expect(midden.dueAt(at(`${TUESDAY}T03:00:00+01:00`))).toEqual(at(`${TUESDAY}T08:30:00+01:00`));
  });

  it('is two hours later for a signal at 10:00: 12:00', () => {
    expect(midden.dueAt(at(`${TUESDAY}T10:00:00+01:00`))).toEqual(at(`${TUESDAY}T12:00:00+01:00`));
  });

  it('is two hours later for a signal at 08:30 sharp: 10:30', () => {
    expect(midden.dueAt(at(`${TUESDAY}T08:30:00+01:00`))).toEqual(at(`${TUESDAY}T10:30:00+01:00`));
  });

  it('is 20:00 for a signal at 18:00: landing exactly on the window end does not pass it', () => {
    expect(midden.dueAt(at(`${TUESDAY}T18:00:00+01:00`))).toEqual(at(`${TUESDAY}T20:00:00+01:00`));
  });

  it('is the next school day 08:30 for a signal at 18:01, whose two hours pass 20:00', () => {
    expect(midden.dueAt(at(`${TUESDAY}T18:01:00+01:00`))).toEqual(at(`${WEDNESDAY}T08:30:00+01:00`));
  });

  it('is the next school day 08:30 for a signal at 19:59', () => {
    expect(midden.dueAt(at(`${TUESDAY}T19:59:00+01:00`))).toEqual(at(`${WEDNESDAY}T08:30:00+01:00`));
  });

  it('is the next school day 08:30 for a signal at 20:00 or later', () => {
    expect(midden.dueAt(at(`${TUESDAY}T20:00:00+01:00`))).toEqual(at(`${WEDNESDAY}T08:30:00+01:00`));
    expect(midden.dueAt(at(`${TUESDAY}T23:30:00+01:00`))).toEqual(at(`${WEDNESDAY}T08:30:00+01:00`));
  });

  it('is Monday 08:30 for a Friday-night signal', () => {
    expect(midden.dueAt(at('2026-03-13T22:00:00+01:00'))).toEqual(at('2026-03-16T08:30:00+01:00'));
  });

  it('is Monday 08:30 for a signal on a Saturday', () => {
    expect(midden.dueAt(at('2026-03-14T11:00:00+01:00'))).toEqual(at('2026-03-16T08:30:00+01:00'));
  });

  it('is the first day after the herfstvakantie in zuid, and two hours later in noord, for the same signal', () => {
    const reached = at('2025-10-14T10:00:00+02:00');
    expect(zuid.dueAt(reached)).toEqual(at('2025-10-20T08:30:00+02:00'));
    expect(noord.dueAt(reached)).toEqual(at('2025-10-14T12:00:00+02:00'));
  });

  it('is Monday 08:30 winter time after the midden herfstvakantie 2026, 12:00 the same day in noord', () => {
    const reached = at('2026-10-20T10:00:00+02:00');
    expect(midden.dueAt(reached)).toEqual(at('2026-10-26T08:30:00+01:00'));
    expect(noord.dueAt(reached)).toEqual(at('2026-10-20T12:00:00+02:00'));
  });

  describe('across the spring DST change (Sunday 29 March 2026)', () => {
    it('is Monday 08:30 summer time for a signal on the Friday evening before, in winter time', () => {
      const due = midden.dueAt(at('2026-03-27T21:00:00+01:00'));
      expect(due).toEqual(at('2026-03-30T08:30:00+02:00'));
      expect(due.toISOString()).toBe('2026-03-30T06:30:00.000Z');
    });

    it('is Monday 08:30 summer time for a signal in the night of the change (03:30 CEST)', () => {
      expect(midden.dueAt(at('2026-03-29T01:30:00Z'))).toEqual(at('2026-03-30T08:30:00+02:00'));
    });

    it('is 08:30 summer time for a signal at 07:30 on the Monday after', () => {
      expect(midden.dueAt(at('2026-03-30T07:30:00+02:00'))).toEqual(at('2026-03-30T08:30:00+02:00'));
    });
  });

  describe('across the autumn DST change (Sunday 25 October 2026, in noord where school is on)', () => {
    it('is Monday 08:30 winter time for a signal on the Friday evening before, in summer time', () => {
      const due = noord.dueAt(at('2026-10-23T21:00:00+02:00'));
      expect(due).toEqual(at('2026-10-26T08:30:00+01:00'));
      expect(due.toISOString()).toBe('2026-10-26T07:30:00.000Z');
    });

    it('is Monday 08:30 winter time for a signal at either 02:30 of the Sunday', () => {
      expect(noord.dueAt(at('2026-10-25T02:30:00+02:00'))).toEqual(at('2026-10-26T08:30:00+01:00'));
      expect(noord.dueAt(at('2026-10-25T02:30:00+01:00'))).toEqual(at('2026-10-26T08:30:00+01:00'));
    });

    it('is 12:00 winter time for a signal at 10:00 on the Monday after', () => {
      expect(noord.dueAt(at('2026-10-26T10:00:00+01:00'))).toEqual(at('2026-10-26T12:00:00+01:00'));
    });
  });

  describe('around public holidays', () => {
    it('skips Hemelvaartsdag: a signal on Wednesday 13 May 2026 at 19:59 is due Friday 08:30', () => {
      expect(midden.dueAt(at('2026-05-13T19:59:00+02:00'))).toEqual(at('2026-05-15T08:30:00+02:00'));
    });

    it('skips Goede Vrijdag and Tweede Paasdag: a signal on Thursday 2 April 2026 evening is due Tuesday 08:30', () => {
      expect(midden.dueAt(at('2026-04-02T19:00:00+02:00'))).toEqual(at('2026-04-07T08:30:00+02:00'));
    });

    it('skips Koningsdag (Monday 27 April 2026) for a school that moved its meivakantie a week earlier', () => {
      const school = {
        holidays: [{ from: '2026-04-18', to: '2026-04-26', name: 'meivakantie' }],
        schoolDays: daysFrom('2026-04-28', '2026-05-01'),
      };
      expect(policyFor('midden', school).dueAt(at('2026-04-26T20:00:00+02:00'))).toEqual(at('2026-04-28T08:30:00+02:00'));
      expect(midden.dueAt(at('2026-04-26T20:00:00+02:00'))).toEqual(at('2026-05-04T08:30:00+02:00'));
    });

    it('opens on Goede Vrijdag for a school that forced it to be a school day', () => {
      const school = { schoolDays: ['2026-04-03'] };
      expect(policyFor('midden', school).dueAt(at('2026-04-02T19:00:00+02:00'))).toEqual(at('2026-04-03T08:30:00+02:00'));
    });
  });

  describe("with a school's own days", () => {
    it("skips the school's study day: a Friday-night signal before a Monday study day is due Tuesday", () => {
      const policy = policyFor('midden', { daysOff: ['2026-03-16'] });
      expect(policy.dueAt(at('2026-03-13T22:00:00+01:00'))).toEqual(at('2026-03-17T08:30:00+01:00'));
      expect(policy.deliveryTime(at('2026-03-13T22:00:00+01:00'))).toEqual(at('2026-03-17T07:00:00+01:00'));
    });

    it('skips the study day after Hemelvaartsdag too when the school takes it off', () => {
      const policy = policyFor('midden', { daysOff: ['2026-05-15'] });
      expect(policy.dueAt(at('2026-05-13T19:59:00+02:00'))).toEqual(at('2026-05-18T08:30:00+02:00'));
    });

    it('counts a day the school forced back from the advised herfstvakantie as a school day', () => {
      const school = {
        holidays: [{ from: '2025-10-11', to: '2025-10-19', name: 'herfstvakantie' }],
        schoolDays: daysFrom('2025-10-20', '2025-10-24'),
      };
      const reached = at('2025-10-22T10:00:00+02:00');
      expect(policyFor('midden', school).dueAt(reached)).toEqual(at('2025-10-22T12:00:00+02:00'));
      // Without the override it falls in the advised holiday; due after it, in winter time.
      expect(midden.dueAt(reached)).toEqual(at('2025-10-27T08:30:00+01:00'));
    });
  });
});

describe('reminderAt and escalationAt: 30 minutes before and after due, never in quiet time', () => {
  it('reminds at 11:30 and escalates at 12:30 for a signal due at 12:00', () => {
    const due = at(`${TUESDAY}T12:00:00+01:00`);
    expect(midden.reminderAt(due)).toEqual(at(`${TUESDAY}T11:30:00+01:00`));
    expect(midden.escalationAt(due)).toEqual(at(`${TUESDAY}T12:30:00+01:00`));
  });

  it('reminds at 08:00 and escalates at 09:00 for a signal due at the start of lessons', () => {
    const due = at('2026-03-16T08:30:00+01:00');
    expect(midden.reminderAt(due)).toEqual(at('2026-03-16T08:00:00+01:00'));
    expect(midden.escalationAt(due)).toEqual(at('2026-03-16T09:00:00+01:00'));
  });

  it('moves an escalation at 20:30 to 07:00 the next school day', () => {
    const due = midden.dueAt(at(`${TUESDAY}T18:00:00+01:00`));
    expect(due).toEqual(at(`${TUESDAY}T20:00:00+01:00`));
    expect(midden.reminderAt(due)).toEqual(at(`${TUESDAY}T19:30:00+01:00`));
    expect(midden.escalationAt(due)).toEqual(at(`${WEDNESDAY}T07:00:00+01:00`));
  });

  it('moves a Friday 20:30 escalation to Monday 07:00, and one before Hemelvaartsdag to Friday', () => {
    expect(midden.escalationAt(at('2026-03-13T20:00:00+01:00'))).toEqual(at('2026-03-16T07:00:00+01:00'));
    expect(midden.escalationAt(at('2026-05-13T19:45:00+02:00'))).toEqual(at('2026-05-15T07:00:00+02:00'));
  });

  it('moves a reminder that falls before 07:00 to 07:00 when lessons start early', () => {
    const early = policyFor('midden', {}, { schoolDayStart: '07:10' });
    const due = early.dueAt(at(`${TUESDAY}T05:00:00+01:00`));
    expect(due).toEqual(at(`${TUESDAY}T07:10:00+01:00`));
    expect(early.reminderAt(due)).toEqual(at(`${TUESDAY}T07:00:00+01:00`));
  });

  it('reminds and escalates in summer time on the Monday after the spring change', () => {
    const due = midden.dueAt(at('2026-03-27T21:00:00+01:00'));
    expect(midden.reminderAt(due).toISOString()).toBe('2026-03-30T06:00:00.000Z');
    expect(midden.escalationAt(due).toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });
});

describe('supportDeadline and supportReminderAt: 48 elapsed hours, then the next working moment', () => {
  it('is 48 hours after issue; a deadline inside the window is reminded at once', () => {
    const deadline = midden.supportDeadline(at(`${TUESDAY}T10:00:00+01:00`));
    expect(deadline).toEqual(at('2026-03-12T10:00:00+01:00'));
    expect(midden.supportReminderAt(deadline)).toEqual(deadline);
  });

  it('reminds on Monday 07:00 for a deadline on a Saturday evening', () => {
    const deadline = midden.supportDeadline(at('2026-03-12T21:00:00+01:00'));
    expect(deadline).toEqual(at('2026-03-14T21:00:00+01:00'));
    expect(midden.supportReminderAt(deadline)).toEqual(at('2026-03-16T07:00:00+01:00'));
  });

  it('counts elapsed hours across the spring change: Friday 21:00 CET + 48 h = Sunday 22:00 CEST', () => {
    const deadline = midden.supportDeadline(at('2026-03-27T21:00:00+01:00'));
    expect(deadline).toEqual(at('2026-03-29T22:00:00+02:00'));
    expect(midden.supportReminderAt(deadline)).toEqual(at('2026-03-30T07:00:00+02:00'));
  });

  it('counts elapsed hours across the autumn change: Friday 12:00 CEST + 48 h = Sunday 11:00 CET', () => {
    const deadline = noord.supportDeadline(at('2026-10-23T12:00:00+02:00'));
    expect(deadline).toEqual(at('2026-10-25T11:00:00+01:00'));
    expect(noord.supportReminderAt(deadline)).toEqual(at('2026-10-26T07:00:00+01:00'));
  });

  it('waits for the end of the region holiday: midden reminds a week later than noord', () => {
    const deadline = midden.supportDeadline(at('2026-02-12T09:00:00+01:00'));
    expect(midden.supportReminderAt(deadline)).toEqual(at('2026-02-23T07:00:00+01:00'));
    expect(noord.supportReminderAt(deadline)).toEqual(at('2026-02-16T07:00:00+01:00'));
  });
});

describe('timeline: every planned moment of one signal', () => {
  it('plans a Friday-night signal: delivered Monday 07:00, due 08:30, reminded 08:00, escalated 09:00', () => {
    const issuedAt = at('2026-03-13T22:00:00+01:00');
    expect(midden.timeline(issuedAt)).toEqual({
      deliverAt: at('2026-03-16T07:00:00+01:00'),
      dueAt: at('2026-03-16T08:30:00+01:00'),
      remindAt: at('2026-03-16T08:00:00+01:00'),
      escalateAt: at('2026-03-16T09:00:00+01:00'),
      supportDeadline: at('2026-03-15T22:00:00+01:00'),
      supportReminderAt: at('2026-03-16T07:00:00+01:00'),
    });
  });

  it('counts due from reaching the school and support from issue when leerplicht routed it later', () => {
    const timeline = midden.timeline(at(`${TUESDAY}T09:00:00+01:00`), at(`${TUESDAY}T11:00:00+01:00`));
    expect(timeline.dueAt).toEqual(at(`${TUESDAY}T13:00:00+01:00`));
    expect(timeline.supportDeadline).toEqual(at('2026-03-12T09:00:00+01:00'));
  });
});

describe("a municipality's own time policy", () => {
  const strict = policyFor('midden', {}, {
    schoolDayStart: '08:15',
    windowStart: '07:30',
    windowEnd: '18:00',
    acknowledgeWithinMinutes: 60,
    reminderBeforeMinutes: 15,
    escalateAfterMinutes: 45,
    supportWithinHours: 24,
  });

  it('applies every override', () => {
    expect(strict.deliveryTime(at(`${TUESDAY}T07:15:00+01:00`))).toEqual(at(`${TUESDAY}T07:30:00+01:00`));
    expect(strict.dueAt(at(`${TUESDAY}T07:15:00+01:00`))).toEqual(at(`${TUESDAY}T08:15:00+01:00`));
    expect(strict.dueAt(at(`${TUESDAY}T10:00:00+01:00`))).toEqual(at(`${TUESDAY}T11:00:00+01:00`));
    expect(strict.dueAt(at(`${TUESDAY}T17:30:00+01:00`))).toEqual(at(`${WEDNESDAY}T08:15:00+01:00`));
    expect(strict.reminderAt(at(`${TUESDAY}T11:00:00+01:00`))).toEqual(at(`${TUESDAY}T10:45:00+01:00`));
    expect(strict.escalationAt(at(`${TUESDAY}T11:00:00+01:00`))).toEqual(at(`${TUESDAY}T11:45:00+01:00`));
    expect(strict.supportDeadline(at(`${TUESDAY}T10:00:00+01:00`))).toEqual(at(`${WEDNESDAY}T10:00:00+01:00`));
    expect(strict.isWorkingMoment(at(`${TUESDAY}T18:00:00+01:00`))).toBe(false);
  });

  it('keeps the defaults for every value it does not override', () => {
    expect(policyFor('midden', {}, { schoolDayStart: '08:45' }).settings).toEqual({
      forgetAt: '17:00',
      forgetWithinSchoolDays: 3,
      supportOpenSchoolDays: 5,
      schoolDayStart: '08:45',
      windowStart: '07:00',
      windowEnd: '20:00',
      acknowledgeWithinMinutes: 120,
      reminderBeforeMinutes: 30,
      escalateAfterMinutes: 30,
      supportWithinHours: 48,
    });
  });

  it('refuses settings whose school-day start lies outside the window', () => {
    const calendar = new SchoolCalendar('midden');
    expect(() => new TimePolicy(calendar, { ...midden.settings, schoolDayStart: '06:30' })).toThrow(/schoolDayStart/);
    expect(() => new TimePolicy(calendar, { ...midden.settings, windowEnd: '7:00' })).toThrow();
  });
});

describe('inputs', () => {
  it('rejects an invalid Date instead of planning with it', () => {
    expect(() => midden.dueAt(new Date('not a date'))).toThrow(RangeError);
  });

  it('plans from absolute instants: Friday 21:00Z (22:00 CET) is due Monday 07:30Z (08:30 CET)', () => {
    expect(midden.dueAt(at('2026-03-13T21:00:00Z')).toISOString()).toBe('2026-03-16T07:30:00.000Z');
  });
});

describe('one policy per directory entry that cannot change', () => {
  it('reuses the policy of frozen entries (as the store hands them out), and builds anew for entries that may still change', () => {
    const school: SchoolDays = { daysOff: ['2026-03-10'] };
    Object.freeze(school.daysOff);
    Object.freeze(school);
    const municipality = Object.freeze({ holidayRegion: 'zuid' as const });

    const first = timePolicyFor(school, municipality);
    expect(timePolicyFor(school, municipality)).toBe(first);
    expect(timePolicyFor(undefined, municipality)).toBe(timePolicyFor(undefined, municipality));
    expect(timePolicyFor(undefined, municipality)).not.toBe(first);
    // Its days off count, remembered or not.
    expect(first.calendar.isSchoolDay(TUESDAY)).toBe(false);
    expect(first.calendar.isSchoolDay(TUESDAY)).toBe(false);

    const editable: SchoolDays = { daysOff: ['2026-03-10'] };
    const policy = timePolicyFor(editable, municipality);
    expect(timePolicyFor(editable, municipality)).not.toBe(policy);
    editable.daysOff = [];
    expect(timePolicyFor(editable, municipality).calendar.isSchoolDay(TUESDAY)).toBe(true);
  });
});
