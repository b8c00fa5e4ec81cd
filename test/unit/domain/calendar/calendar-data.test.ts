import {
  CalendarDataError,
  NL_SCHOOL_CALENDAR,
  REGION_HOLIDAY_NAMES,
  parseCalendarData,
  type CalendarDataInput,
} from '../../../../src/domain/calendar/calendar-data';
import { NL_SCHOOL_CALENDAR_SOURCE } from '../../../../src/domain/calendar/nl-school-calendar.data';
import { addDays, isoWeekday } from '../../../../src/domain/calendar/local-time';
import { HOLIDAY_REGIONS } from '../../../../src/domain/calendar/schemas';
import { easterSunday } from '../../../../src/domain/calendar/dutch-public-holidays';
import { CALENDAR_HORIZON_DAYS, calendarHorizon } from '../../../../src/domain/calendar/calendar-horizon';

const source = (): CalendarDataInput => structuredClone(NL_SCHOOL_CALENDAR_SOURCE) as unknown as CalendarDataInput;
const problemsOf = (raw: unknown): string[] => {
  try {
    parseCalendarData(raw);
  } catch (error) {
    if (error instanceof CalendarDataError) return error.problems;
    throw error;
  }
  return [];
};

describe('the shipped Dutch calendar data', () => {
  it('loads, names its source and covers September 2025 to the end of summer 2027', () => {
    expect(NL_SCHOOL_CALENDAR.source).toMatch(/rijksoverheid\.nl/);
    expect(NL_SCHOOL_CALENDAR.coverage).toEqual({ from: '2025-09-01', to: '2027-09-05' });
    expect(NL_SCHOOL_CALENDAR.schoolYears.map((y) => y.schoolYear)).toEqual(['2025-2026', '2026-2027']);
  });

  it('gives every region each of the five holidays once per school year', () => {
    for (const year of NL_SCHOOL_CALENDAR.schoolYears) {
      for (const region of HOLIDAY_REGIONS) {
        const names = year.holidays.filter((h) => h.regions.includes(region)).map((h) => h.name);
        expect(names.sort()).toEqual([...REGION_HOLIDAY_NAMES].sort());
      }
    }
  });

  it('runs every advised holiday from a Saturday to a Sunday, as the Rijksoverheid lists them', () => {
    for (const holiday of NL_SCHOOL_CALENDAR.schoolYears.flatMap((y) => y.holidays)) {
      expect({ ...holiday, fromWeekday: isoWeekday(holiday.from), toWeekday: isoWeekday(holiday.to) }).toMatchObject({
        fromWeekday: 6,
        toWeekday: 7,
      });
    }
  });

  it('marks only the summer holiday compulsory, six weeks long in every region', () => {
    for (const holiday of NL_SCHOOL_CALENDAR.schoolYears.flatMap((y) => y.holidays)) {
      expect(holiday.compulsory).toBe(holiday.name === 'zomervakantie');
      if (holiday.compulsory) expect(addDays(holiday.from, 6 * 7 + 1)).toBe(holiday.to);
    }
  });

  it('computes Easter from the year', () => {
    expect([2025, 2026, 2027, 2028, 2029, 2030, 2032, 2035, 2038].map(easterSunday)).toEqual([
      '2025-04-20', '2026-04-05', '2027-03-28', '2028-04-16', '2029-04-01', '2030-04-21', '2032-03-28',
      '2035-03-25', '2038-04-25',
    ]);
  });

  // The data's school holidays end; the public holidays must not, or every one of them after the
  // last listed year would be planned as a school day.
  it.each([2025, 2026, 2027, 2028, 2031, 2035, 2040])('computes the movable feasts of %i from Easter', (year) => {
    const easter = easterSunday(year);
    expect(NL_SCHOOL_CALENDAR.publicHolidayOn(addDays(easter, -2))).toMatchObject({ name: 'Goede Vrijdag', kind: 'advice' });
    expect(NL_SCHOOL_CALENDAR.publicHolidayOn(addDays(easter, 1))).toMatchObject({ name: 'Tweede Paasdag', kind: 'public' });
    expect(NL_SCHOOL_CALENDAR.publicHolidayOn(addDays(easter, 39))).toMatchObject({ name: 'Hemelvaartsdag', kind: 'public' });
    expect(NL_SCHOOL_CALENDAR.publicHolidayOn(addDays(easter, 50))).toMatchObject({ name: 'Tweede Pinksterdag', kind: 'public' });
    expect(NL_SCHOOL_CALENDAR.publicHolidayOn(`${year}-12-25`)).toMatchObject({ name: 'Eerste Kerstdag' });
  });

  it('has Hemelvaartsdag 2028 on 25 May and Tweede Pinksterdag 2028 on 5 June, past the listed school years', () => {
    expect(NL_SCHOOL_CALENDAR.publicHolidayOn('2028-05-25')).toEqual({ date: '2028-05-25', name: 'Hemelvaartsdag', kind: 'public' });
    expect(NL_SCHOOL_CALENDAR.publicHolidayOn('2028-06-05')).toEqual({ date: '2028-06-05', name: 'Tweede Pinksterdag', kind: 'public' });
  });

  it('has Koningsdag on 27 April, or on the 26th when the 27th is a Sunday (2025, 2031)', () => {
    const koningsdag = (year: number) => NL_SCHOOL_CALENDAR.publicHolidaysIn(year).find((h) => h.name === 'Koningsdag')?.date;
    expect([2025, 2026, 2027, 2031].map(koningsdag)).toEqual(['2025-04-26', '2026-04-27', '2027-04-27', '2031-04-26']);
    expect(isoWeekday('2025-04-27')).toBe(7);
    expect(isoWeekday('2031-04-27')).toBe(7);
  });

  it('has Bevrijdingsdag only in lustrum years, and Goede Vrijdag as the only advice', () => {
    const bevrijdingsdagen = [2025, 2026, 2027, 2028, 2029, 2030].flatMap((year) =>
      NL_SCHOOL_CALENDAR.publicHolidaysIn(year).filter((h) => h.name === 'Bevrijdingsdag').map((h) => h.date),
    );
    expect(bevrijdingsdagen).toEqual(['2025-05-05', '2030-05-05']);
    expect(NL_SCHOOL_CALENDAR.publicHolidaysIn(2026).filter((h) => h.kind === 'advice').map((h) => h.name)).toEqual(['Goede Vrijdag']);
  });

  it('finds a region holiday and a public holiday by day', () => {
    expect(NL_SCHOOL_CALENDAR.regionHolidayOn('zuid', '2025-10-14')?.name).toBe('herfstvakantie');
    expect(NL_SCHOOL_CALENDAR.regionHolidayOn('noord', '2025-10-14')).toBeUndefined();
    expect(NL_SCHOOL_CALENDAR.publicHolidayOn('2026-05-14')).toEqual({ date: '2026-05-14', name: 'Hemelvaartsdag', kind: 'public' });
    expect(NL_SCHOOL_CALENDAR.covers('2027-09-05')).toBe(true);
    expect(NL_SCHOOL_CALENDAR.covers('2027-09-06')).toBe(false);
  });
});

describe('validating calendar data at load', () => {
  it('accepts the shipped source unchanged', () => {
    expect(problemsOf(source())).toEqual([]);
  });

  it('rejects a holiday that ends before it starts', () => {
    const raw = source();
    raw.schoolYears[0]!.holidays[0]!.to = '2025-10-17';
    expect(problemsOf(raw)).toEqual([expect.stringMatching(/schoolYears\.0\.holidays\.0\.to: `from` must not be after `to`/)]);
  });

  it('rejects a day that does not exist', () => {
    const raw = source();
    raw.publicHolidays = [{ date: '2025-02-30', name: 'Studiedag', kind: 'advice' }];
    expect(problemsOf(raw)).toEqual([expect.stringMatching(/publicHolidays\.0\.date: a real day/)]);
  });

  it('rejects a school year in which a region misses a holiday', () => {
    const raw = source();
    raw.schoolYears[1]!.holidays = raw.schoolYears[1]!.holidays.filter((h) => !(h.name === 'zomervakantie' && h.regions.includes('zuid')));
    expect(problemsOf(raw)).toEqual([expect.stringMatching(/2026-2027: region zuid needs exactly one zomervakantie, found 0/)]);
  });

  it('rejects a school year that gives a region the same holiday twice', () => {
    const raw = source();
    raw.schoolYears[0]!.holidays[1]!.regions = ['zuid', 'midden'];
    expect(problemsOf(raw)).toEqual([expect.stringMatching(/region midden needs exactly one herfstvakantie, found 2/)]);
  });

  it('rejects an advised holiday marked compulsory and an unknown region, naming each entry', () => {
    const raw = source();
    raw.schoolYears[0]!.holidays[5]!.compulsory = true;
    (raw.schoolYears[0]!.holidays[2]! as { regions: string[] }).regions = ['noord', 'midden', 'oost'];
    expect(problemsOf(raw)).toEqual([
      expect.stringMatching(/^schoolYears\.0\.holidays\.2\.regions\.2: /),
      expect.stringMatching(/^schoolYears\.0\.holidays\.5\.compulsory: only the zomervakantie is compulsory/),
    ]);
  });

  it('rejects a holiday outside its school year or outside the coverage', () => {
    const raw = source();
    raw.schoolYears[0]!.holidays[0]!.from = '2026-10-10';
    raw.schoolYears[0]!.holidays[0]!.to = '2026-10-18';
    raw.coverage.to = '2027-08-31';
    const problems = problemsOf(raw);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/2025-2026: herfstvakantie 2026-10-10…2026-10-18 lies outside the school year/),
        expect.stringMatching(/zomervakantie 2027-07-24…2027-09-05 lies outside coverage/),
      ]),
    );
  });

  it('rejects a public holiday listed twice and a school year listed twice', () => {
    const raw = source();
    raw.publicHolidays = [
      { date: '2026-04-27', name: 'Koningsdag', kind: 'public' },
      { date: '2026-04-27', name: 'Koningsdag', kind: 'public' },
    ];
    raw.schoolYears.push(structuredClone(raw.schoolYears[0]!));
    expect(problemsOf(raw)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/public holiday 2026-04-27 is listed twice/),
        expect.stringMatching(/school year 2025-2026 is listed twice/),
      ]),
    );
  });
});

describe('the end of the region holiday data', () => {
  it('is far enough away on the day the data was written', () => {
    expect(calendarHorizon(NL_SCHOOL_CALENDAR, '2026-12-05')).toEqual({ endsOn: '2027-09-05', daysLeft: 274, endingSoon: false });
  });

  it(`is ending soon from ${CALENDAR_HORIZON_DAYS} days before the last covered day`, () => {
    expect(CALENDAR_HORIZON_DAYS).toBe(120);
    expect(calendarHorizon(NL_SCHOOL_CALENDAR, '2027-05-07')).toMatchObject({ daysLeft: 121, endingSoon: false });
    expect(calendarHorizon(NL_SCHOOL_CALENDAR, '2027-05-08')).toMatchObject({ daysLeft: 120, endingSoon: true });
    expect(calendarHorizon(NL_SCHOOL_CALENDAR, '2027-09-05')).toMatchObject({ daysLeft: 0, endingSoon: true });
  });

  it('is past once the last covered day is over', () => {
    expect(calendarHorizon(NL_SCHOOL_CALENDAR, '2027-09-06')).toMatchObject({ daysLeft: -1, endingSoon: true });
  });
});
