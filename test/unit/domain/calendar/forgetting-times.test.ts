import { timePolicyFor } from '../../../../src/domain/calendar/time-policy';
import { timePolicyOverridesSchema } from '../../../../src/domain/calendar/schemas';

/** Dutch wall-clock times with their offset: +01:00 in winter, +02:00 in summer. School in midden. */
const at = (iso: string) => new Date(iso);
const midden = timePolicyFor({}, { holidayRegion: 'midden' });

describe('forgetAfterPickUp: 17:00 on the school day the child was picked up, never overnight before it', () => {
  it.each([
    ['on a school day before 17:00: that day', '2026-03-10T10:00:00+01:00', '2026-03-10T17:00:00+01:00'],
    ['at 17:00 exactly: the next school day (the moment has come)', '2026-03-10T17:00:00+01:00', '2026-03-11T17:00:00+01:00'],
    ['in the evening: the next school day, when the child is at school', '2026-03-10T18:30:00+01:00', '2026-03-11T17:00:00+01:00'],
    ['on a Saturday: Monday', '2026-03-14T11:00:00+01:00', '2026-03-16T17:00:00+01:00'],
    ['on Friday evening before the Christmas holiday: the first day back', '2026-12-18T19:00:00+01:00', '2027-01-04T17:00:00+01:00'],
    ['in summer time: 17:00 on the wall clock', '2026-06-09T09:00:00+02:00', '2026-06-09T17:00:00+02:00'],
  ])('%s', (_case, pickedUp, expected) => {
    expect(midden.forgetAfterPickUp(at(pickedUp))).toEqual(at(expected));
  });
});

describe('forgetAtTheLatest: 17:00 on the third school day after the day of issue', () => {
  it.each([
    ['issued on a Friday night: Wednesday', '2026-03-13T22:00:00+01:00', '2026-03-18T17:00:00+01:00'],
    ['issued at 03:00 on a Monday: Thursday', '2026-03-16T03:00:00+01:00', '2026-03-19T17:00:00+01:00'],
    ['issued before the Christmas holiday: the third day back', '2026-12-18T10:00:00+01:00', '2027-01-06T17:00:00+01:00'],
    ['across the spring change to summer time (Sunday 29 March)', '2026-03-27T20:00:00+01:00', '2026-04-01T17:00:00+02:00'],
  ])('%s', (_case, issued, expected) => {
    expect(midden.forgetAtTheLatest(at(issued))).toEqual(at(expected));
  });

  it("follows the school's own days off", () => {
    const school = timePolicyFor({ daysOff: ['2026-03-17'] }, { holidayRegion: 'midden' });
    expect(school.forgetAtTheLatest(at('2026-03-13T22:00:00+01:00'))).toEqual(at('2026-03-19T17:00:00+01:00'));
  });
});

describe('supportClosesAt: support can be recorded until 17:00 on the fifth school day after issue', () => {
  it('gives a late answer to the 48-hour reminder two more school days after the name is gone', () => {
    expect(midden.supportClosesAt(at('2026-03-13T22:00:00+01:00'))).toEqual(at('2026-03-20T17:00:00+01:00'));
  });
});

describe("a municipality's forgetting policy", () => {
  it('applies its own time and number of school days', () => {
    const strict = timePolicyFor({}, { holidayRegion: 'midden', timePolicy: { forgetAt: '15:30', forgetWithinSchoolDays: 1 } });
    expect(strict.forgetAfterPickUp(at('2026-03-10T10:00:00+01:00'))).toEqual(at('2026-03-10T15:30:00+01:00'));
    expect(strict.forgetAtTheLatest(at('2026-03-13T22:00:00+01:00'))).toEqual(at('2026-03-16T15:30:00+01:00'));
  });

  it('refuses to keep a child longer than five school days, or support open shorter than the name', () => {
    expect(timePolicyOverridesSchema.safeParse({ forgetWithinSchoolDays: 6 }).success).toBe(false);
    const shorter = timePolicyOverridesSchema.safeParse({ forgetWithinSchoolDays: 4, supportOpenSchoolDays: 3 });
    expect(shorter.success).toBe(false);
    expect(shorter.error?.issues[0]?.path).toEqual(['supportOpenSchoolDays']);
  });
});
