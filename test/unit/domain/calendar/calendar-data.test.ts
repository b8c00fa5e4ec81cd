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

/** Easter Sunday (Gregorian, anonymous algorithm), to check the Easter-dependent holidays. */
function easterSunday(year: number): string {
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
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

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

  it('has the Easter-dependent public holidays on the dates Easter gives', () => {
    for (const year of [2025, 2026, 2027]) {
      const easter = easterSunday(year);
      const on = (name: string) =>
        NL_SCHOOL_CALENDAR.publicHolidays.find((h) => h.name === name && h.date.startsWith(`${year}-`))?.date;
      expect(on('Goede Vrijdag')).toBe(addDays(easter, -2));
      expect(on('Tweede Paasdag')).toBe(addDays(easter, 1));
      expect(on('Hemelvaartsdag')).toBe(addDays(easter, 39));
      expect(on('Tweede Pinksterdag')).toBe(addDays(easter, 50));
    }
    expect(['2025', '2026', '2027'].map(Number).map(easterSunday)).toEqual(['2025-04-20', '2026-04-05', '2027-03-28']);
  });

  it('has Koningsdag on 27 April, or on the 26th when the 27th is a Sunday (2025)', () => {
    const koningsdagen = NL_SCHOOL_CALENDAR.publicHolidays.filter((h) => h.name === 'Koningsdag').map((h) => h.date);
    expect(koningsdagen).toEqual(['2025-04-26', '2026-04-27', '2027-04-27']);
    expect(isoWeekday('2025-04-27')).toBe(7);
    expect(isoWeekday('2026-04-27')).toBe(1);
  });

  it('lists Bevrijdingsdag only in the lustrum year 2025, and Goede Vrijdag as advice', () => {
    expect(NL_SCHOOL_CALENDAR.publicHolidays.filter((h) => h.name === 'Bevrijdingsdag').map((h) => h.date)).toEqual([
      '2025-05-05',
    ]);
    expect(NL_SCHOOL_CALENDAR.publicHolidays.filter((h) => h.kind === 'advice').map((h) => h.name)).toEqual([
      'Goede Vrijdag',
      'Goede Vrijdag',
      'Goede Vrijdag',
    ]);
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
    raw.publicHolidays[0]!.date = '2025-02-30';
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
    raw.publicHolidays.push({ date: '2026-04-27', name: 'Koningsdag', kind: 'public' });
    raw.schoolYears.push(structuredClone(raw.schoolYears[0]!));
    expect(problemsOf(raw)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/public holiday 2026-04-27 is listed twice/),
        expect.stringMatching(/school year 2025-2026 is listed twice/),
      ]),
    );
  });
});
