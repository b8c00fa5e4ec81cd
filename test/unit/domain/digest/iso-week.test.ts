import {
  addWeeks,
  formatIsoWeek,
  isoWeekOf,
  mondayOf,
  parseIsoWeek,
  weekRange,
  weeksInYear,
} from '../../../../src/domain/digest/iso-week';

/** An instant written with its offset, so each test reads as Dutch wall-clock time. */
const at = (iso: string) => new Date(iso);
const HOUR_MS = 3_600_000;
const hoursIn = (range: { from: Date; to: Date }) => (range.to.getTime() - range.from.getTime()) / HOUR_MS;

describe('ISO weeks around the new year', () => {
  it('gives 2026 a week 53, Monday 28 December 2026 to Sunday 3 January 2027', () => {
    expect(weeksInYear(2026)).toBe(53);
    expect(mondayOf({ year: 2026, week: 53 })).toBe('2026-12-28');
    expect(weekRange({ year: 2026, week: 53 })).toEqual({ from: at('2026-12-28T00:00:00+01:00'), to: at('2027-01-04T00:00:00+01:00') });
    expect(isoWeekOf(at('2027-01-03T23:59:00+01:00'))).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf(at('2026-12-28T00:00:00+01:00'))).toEqual({ year: 2026, week: 53 });
  });

  it('starts 2027-W01 on Monday 4 January 2027', () => {
    expect(mondayOf({ year: 2027, week: 1 })).toBe('2027-01-04');
    expect(isoWeekOf(at('2027-01-04T00:00:00+01:00'))).toEqual({ year: 2027, week: 1 });
  });

  it('puts 1 January 2026 (a Thursday) in 2026-W01, whose Monday is in 2025', () => {
    expect(isoWeekOf(at('2026-01-01T12:00:00+01:00'))).toEqual({ year: 2026, week: 1 });
    expect(mondayOf({ year: 2026, week: 1 })).toBe('2025-12-29');
  });

  it('gives 52 weeks to 2025 and 2027', () => {
    expect(weeksInYear(2025)).toBe(52);
    expect(weeksInYear(2027)).toBe(52);
  });
});

describe('isoWeekOf reads the Amsterdam calendar, not UTC', () => {
  it('keeps Sunday 23:30 in Amsterdam in that week', () => {
    expect(isoWeekOf(at('2026-03-01T23:30:00+01:00'))).toEqual({ year: 2026, week: 9 });
  });

  it('puts Monday 00:30 in Amsterdam in the next week, while UTC still reads Sunday 23:30', () => {
    const mondayHalfPastMidnight = at('2026-03-01T23:30:00Z');
    expect(mondayHalfPastMidnight.getUTCDay()).toBe(0);
    expect(isoWeekOf(mondayHalfPastMidnight)).toEqual({ year: 2026, week: 10 });
  });

  it('does the same in summer time (UTC+2)', () => {
    expect(isoWeekOf(at('2026-06-07T22:30:00Z'))).toEqual({ year: 2026, week: 24 });
    expect(isoWeekOf(at('2026-06-07T21:59:00Z'))).toEqual({ year: 2026, week: 23 });
  });
});

describe('weekRange: Monday 00:00 to Monday 00:00, Amsterdam time', () => {
  it('spans 168 hours in an ordinary week', () => {
    expect(hoursIn(weekRange({ year: 2026, week: 10 }))).toBe(168);
    expect(weekRange({ year: 2026, week: 10 }).from).toEqual(at('2026-03-02T00:00:00+01:00'));
  });

  it('spans 167 hours in 2026-W13, whose Sunday 29 March loses an hour to summer time', () => {
    const range = weekRange({ year: 2026, week: 13 });
    expect(range).toEqual({ from: at('2026-03-23T00:00:00+01:00'), to: at('2026-03-30T00:00:00+02:00') });
    expect(hoursIn(range)).toBe(167);
  });

  it('spans 169 hours in 2026-W43, whose Sunday 25 October gains an hour back', () => {
    const range = weekRange({ year: 2026, week: 43 });
    expect(range).toEqual({ from: at('2026-10-19T00:00:00+02:00'), to: at('2026-10-26T00:00:00+01:00') });
    expect(hoursIn(range)).toBe(169);
  });

  it('leaves no gap and no overlap between consecutive weeks across a change', () => {
    expect(weekRange({ year: 2026, week: 43 }).to).toEqual(weekRange({ year: 2026, week: 44 }).from);
    expect(hoursIn(weekRange({ year: 2026, week: 44 }))).toBe(168);
  });
});

describe('parseIsoWeek', () => {
  it.each(['2026-W47', '2026-w47', '2026W47', ' 2026-W47 '])('accepts %j as 2026-W47', (text) => {
    expect(parseIsoWeek(text)).toEqual({ year: 2026, week: 47 });
  });

  it('accepts week 53 of a year that has one', () => {
    expect(parseIsoWeek('2026-W53')).toEqual({ year: 2026, week: 53 });
  });

  it.each(['2025-W53', '2026-W00', '2026-W54', '2026-W5', '2026-47', '26-W47', 'W47', '1999-W10', '2026-W47x', ''])('rejects %j', (text) => {
    expect(parseIsoWeek(text)).toBeUndefined();
  });

  it('reads back what formatIsoWeek writes', () => {
    expect(formatIsoWeek({ year: 2027, week: 3 })).toBe('2027-W03');
    expect(parseIsoWeek(formatIsoWeek({ year: 2026, week: 53 }))).toEqual({ year: 2026, week: 53 });
  });
});

describe('addWeeks', () => {
  it('steps through week 53 into the new year and back', () => {
    expect(addWeeks({ year: 2026, week: 52 }, 1)).toEqual({ year: 2026, week: 53 });
    expect(addWeeks({ year: 2026, week: 53 }, 1)).toEqual({ year: 2027, week: 1 });
    expect(addWeeks({ year: 2027, week: 1 }, -1)).toEqual({ year: 2026, week: 53 });
  });

  it('goes from week 52 straight to week 1 in a year without a week 53', () => {
    expect(addWeeks({ year: 2025, week: 52 }, 1)).toEqual({ year: 2026, week: 1 });
    expect(addWeeks({ year: 2026, week: 1 }, -1)).toEqual({ year: 2025, week: 52 });
  });

  it('counts the week 53 when going back a year: 52 weeks before 2027-W01 is 2026-W02', () => {
    expect(addWeeks({ year: 2027, week: 1 }, -52)).toEqual({ year: 2026, week: 2 });
    expect(addWeeks({ year: 2027, week: 1 }, -53)).toEqual({ year: 2026, week: 1 });
  });

  it('returns the same week for 0', () => {
    expect(addWeeks({ year: 2026, week: 13 }, 0)).toEqual({ year: 2026, week: 13 });
  });
});
