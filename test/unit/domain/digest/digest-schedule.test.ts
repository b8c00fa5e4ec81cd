import { digestMaySendAt, digestWeekAt, DEFAULT_DIGEST_SCHEDULE } from '../../../../src/domain/digest/digest-schedule';

const at = (iso: string) => new Date(iso);

describe('digestWeekAt: which week is being sent, and whether a run may start', () => {
  it.each([
    ['Monday 07:59: still the week before last, only to finish', '2026-11-23T07:59:00+01:00', { year: 2026, week: 46 }, false],
    ['Monday 08:00: last week, and it may start', '2026-11-23T08:00:00+01:00', { year: 2026, week: 47 }, true],
    ['Wednesday: still last week', '2026-11-25T12:00:00+01:00', { year: 2026, week: 47 }, true],
    ['Sunday 23:59: still last week', '2026-11-29T23:59:00+01:00', { year: 2026, week: 47 }, true],
    ['Monday 4 January 2027 08:00: week 53 of 2026', '2027-01-04T08:00:00+01:00', { year: 2026, week: 53 }, true],
  ])('%s', (_case, now, week, mayStart) => {
    expect(digestWeekAt(at(now), DEFAULT_DIGEST_SCHEDULE)).toEqual({ week, mayStart });
  });

  it('follows a configured day and time, in Amsterdam time across the spring change', () => {
    const friday = { weekday: 5, time: '16:30' };
    expect(digestWeekAt(at('2026-04-03T16:29:00+02:00'), friday)).toEqual({ week: { year: 2026, week: 12 }, mayStart: false });
    expect(digestWeekAt(at('2026-04-03T16:30:00+02:00'), friday)).toEqual({ week: { year: 2026, week: 13 }, mayStart: true });
  });
});

describe('digestMaySendAt: a digest caught up late waits for office hours', () => {
  it.each([
    ['2026-11-29T21:27:00+01:00', false, 'Sunday evening, after downtime'],
    ['2026-11-30T06:59:00+01:00', false, 'Monday before 07:00'],
    ['2026-11-30T07:00:00+01:00', true, 'Monday 07:00'],
    ['2026-11-30T08:00:00+01:00', true, 'the moment itself'],
    ['2026-12-02T19:59:00+01:00', true, 'Wednesday in office hours'],
    ['2026-12-02T20:00:00+01:00', false, 'Wednesday evening'],
    ['2026-12-05T10:00:00+01:00', false, 'Saturday'],
  ])('at %s: %s (%s)', (now, may) => {
    expect(digestMaySendAt(new Date(now), DEFAULT_DIGEST_SCHEDULE)).toBe(may);
  });

  it('always lets the configured moment through, also outside office hours', () => {
    const early = { weekday: 1, time: '06:00' };
    expect(digestMaySendAt(new Date('2026-11-30T06:00:00+01:00'), early)).toBe(true);
    expect(digestMaySendAt(new Date('2026-11-30T06:30:00+01:00'), early)).toBe(true);
  });
});
