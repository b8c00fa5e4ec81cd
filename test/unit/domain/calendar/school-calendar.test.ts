import {
  SchoolCalendar,
  holidayRegionOf,
  schoolCalendarFor,
} from '../../../../src/domain/calendar/school-calendar';
import { daysFrom } from '../../../../src/domain/calendar/local-time';
import { aMunicipality, aSchool } from '../../../fixtures/directory';

const noord = new SchoolCalendar('noord');
const midden = new SchoolCalendar('midden');
const zuid = new SchoolCalendar('zuid');

describe('a school day: Monday to Friday, not a public holiday, not a holiday of the region or the school', () => {
  it('is an ordinary weekday outside every holiday', () => {
    expect(midden.describe('2026-03-10')).toEqual({ day: '2026-03-10', schoolDay: true, reason: 'school_day' });
  });

  it('is never a Saturday or a Sunday', () => {
    expect(midden.describe('2026-03-14')).toMatchObject({ schoolDay: false, reason: 'weekend' });
    expect(midden.isSchoolDay('2026-03-15')).toBe(false);
  });

  it('is not Koningsdag, Monday 27 April 2026, nor Hemelvaartsdag, Thursday 14 May 2026', () => {
    expect(midden.describe('2026-04-27')).toMatchObject({ schoolDay: false, reason: 'public_holiday', name: 'Koningsdag' });
    expect(midden.describe('2026-05-14')).toMatchObject({ schoolDay: false, reason: 'public_holiday', name: 'Hemelvaartsdag' });
    expect(midden.isSchoolDay('2026-05-15')).toBe(true); // the Friday after is a school's own choice
  });

  it('is not Tweede Paasdag, Tweede Pinksterdag or Nieuwjaarsdag 2027', () => {
    for (const day of ['2026-04-06', '2026-05-25', '2027-01-01', '2027-03-29', '2027-05-17']) {
      expect(noord.describe(day)).toMatchObject({ schoolDay: false, reason: 'public_holiday' });
    }
  });

  it('is not Goede Vrijdag by default, as advice rather than law', () => {
    expect(zuid.describe('2026-04-03')).toEqual({
      day: '2026-04-03',
      schoolDay: false,
      reason: 'advised_day_off',
      name: 'Goede Vrijdag',
    });
  });

  it('is an ordinary day on Bevrijdingsdag 2026, which is not a lustrum year', () => {
    expect(midden.isSchoolDay('2026-05-05')).toBe(true);
  });

  it('differs by region: 14 October 2025 is herfstvakantie in zuid, a school day in noord and midden', () => {
    expect(zuid.describe('2025-10-14')).toMatchObject({ schoolDay: false, reason: 'region_holiday', name: 'herfstvakantie' });
    expect(noord.isSchoolDay('2025-10-14')).toBe(true);
    expect(midden.isSchoolDay('2025-10-14')).toBe(true);
    expect(noord.describe('2025-10-21')).toMatchObject({ schoolDay: false, name: 'herfstvakantie' });
    expect(zuid.isSchoolDay('2025-10-21')).toBe(true);
  });

  it('differs by region in spring 2027: zuid has voorjaarsvakantie a week before noord and midden', () => {
    expect(zuid.isSchoolDay('2027-02-15')).toBe(false);
    expect(noord.isSchoolDay('2027-02-15')).toBe(true);
    expect(zuid.isSchoolDay('2027-02-22')).toBe(true);
    expect(noord.isSchoolDay('2027-02-22')).toBe(false);
  });

  it('follows each region through its summer holiday 2026', () => {
    expect(noord.isSchoolDay('2026-07-06')).toBe(false);
    expect(midden.isSchoolDay('2026-07-06')).toBe(true);
    expect(noord.isSchoolDay('2026-08-17')).toBe(true);
    expect(midden.describe('2026-08-28')).toMatchObject({ schoolDay: false, name: 'zomervakantie' });
  });
});

describe("a school's own days", () => {
  it('adds a study day to the calendar', () => {
    const calendar = new SchoolCalendar('midden', { daysOff: ['2026-03-09'] });
    expect(calendar.describe('2026-03-09')).toMatchObject({ schoolDay: false, reason: 'school_day_off' });
    expect(calendar.isSchoolDay('2026-03-10')).toBe(true);
  });

  it('adds its own holidays to the region advice (two weeks in May instead of one)', () => {
    const calendar = new SchoolCalendar('midden', { holidays: [{ from: '2026-04-18', to: '2026-04-26', name: 'meivakantie week 1' }] });
    expect(calendar.describe('2026-04-20')).toMatchObject({ schoolDay: false, reason: 'school_holiday', name: 'meivakantie week 1' });
    expect(calendar.describe('2026-04-28')).toMatchObject({ schoolDay: false, reason: 'region_holiday', name: 'meivakantie' });
  });

  it('forces a shifted holiday back to school days, a week of the advised herfstvakantie', () => {
    // A midden school that took herfstvakantie a week early, with the south.
    const calendar = new SchoolCalendar('midden', {
      holidays: [{ from: '2025-10-11', to: '2025-10-19', name: 'herfstvakantie' }],
      schoolDays: daysFrom('2025-10-20', '2025-10-24'),
    });
    expect(calendar.isSchoolDay('2025-10-15')).toBe(false);
    expect(calendar.describe('2025-10-22')).toMatchObject({ schoolDay: true, reason: 'forced_school_day' });
    expect(midden.isSchoolDay('2025-10-22')).toBe(false);
  });

  it('opens on Goede Vrijdag when it forces that day, but cannot open on a public holiday by law', () => {
    const calendar = new SchoolCalendar('midden', { schoolDays: ['2026-04-03', '2026-04-27', '2026-04-28'] });
    expect(calendar.isSchoolDay('2026-04-03')).toBe(true);
    expect(calendar.describe('2026-04-27')).toMatchObject({ schoolDay: false, name: 'Koningsdag' });
    expect(calendar.isSchoolDay('2026-04-28')).toBe(true);
  });

  it('keeps a study day off even when the same day is listed as a school day', () => {
    const calendar = new SchoolCalendar('zuid', { schoolDays: ['2026-03-09'], daysOff: ['2026-03-09'] });
    expect(calendar.describe('2026-03-09')).toMatchObject({ schoolDay: false, reason: 'school_day_off' });
  });
});

describe('the next school day', () => {
  it('skips the weekend: after Friday comes Monday', () => {
    expect(midden.nextSchoolDay('2026-03-13')).toBe('2026-03-16');
  });

  it('skips Hemelvaartsdag: after Wednesday 13 May 2026 comes Friday 15 May', () => {
    expect(midden.nextSchoolDay('2026-05-13')).toBe('2026-05-15');
  });

  it('skips Goede Vrijdag and Tweede Paasdag: after Thursday 2 April 2026 comes Tuesday 7 April', () => {
    expect(noord.nextSchoolDay('2026-04-02')).toBe('2026-04-07');
  });

  it('skips the region holiday: in zuid after Friday 10 October 2025 comes Monday 20 October', () => {
    expect(zuid.nextSchoolDay('2025-10-10')).toBe('2025-10-20');
    expect(noord.nextSchoolDay('2025-10-10')).toBe('2025-10-13');
  });

  it('skips the summer holiday, the kerstvakantie and a study day', () => {
    expect(midden.nextSchoolDay('2026-07-17')).toBe('2026-08-31');
    expect(noord.nextSchoolDay('2025-12-19')).toBe('2026-01-05');
    expect(new SchoolCalendar('midden', { daysOff: ['2026-03-16'] }).nextSchoolDay('2026-03-13')).toBe('2026-03-17');
  });

  it('is strictly after the given day; firstSchoolDayFrom includes it', () => {
    expect(midden.nextSchoolDay('2026-03-10')).toBe('2026-03-11');
    expect(midden.firstSchoolDayFrom('2026-03-10')).toBe('2026-03-10');
    expect(midden.firstSchoolDayFrom('2026-03-14')).toBe('2026-03-16');
  });

  it('gives up with a clear error when a school is closed for months', () => {
    const closed = new SchoolCalendar('midden', { holidays: [{ from: '2026-01-01', to: '2026-12-31' }] });
    expect(() => closed.nextSchoolDay('2026-03-01')).toThrow(/no school day within 120 days from 2026-03-02/);
  });

  it('counts only weekends and public holidays outside the data coverage', () => {
    expect(midden.covers('2027-09-06')).toBe(false);
    expect(midden.isSchoolDay('2027-10-18')).toBe(true);
    expect(midden.isSchoolDay('2027-12-24')).toBe(true);
    expect(midden.isSchoolDay('2027-12-25')).toBe(false);
  });
});

describe('building the calendar of a school from the directory', () => {
  it("takes the municipality's holiday region, midden when none is set", () => {
    expect(holidayRegionOf(aMunicipality())).toBe('midden');
    expect(holidayRegionOf(undefined)).toBe('midden');
    expect(holidayRegionOf(aMunicipality({ holidayRegion: 'zuid' }))).toBe('zuid');
  });

  it("combines the region with the school's own days", () => {
    const calendar = schoolCalendarFor(
      aSchool({ daysOff: ['2025-11-24'], holidays: [{ from: '2026-02-23', to: '2026-02-27' }] }),
      aMunicipality({ holidayRegion: 'zuid' }),
    );
    expect(calendar.region).toBe('zuid');
    expect(calendar.isSchoolDay('2025-10-14')).toBe(false);
    expect(calendar.isSchoolDay('2025-11-24')).toBe(false);
    expect(calendar.isSchoolDay('2026-02-25')).toBe(false);
  });

  it('is the region calendar for a signal not yet routed to a school', () => {
    const calendar = schoolCalendarFor(undefined, aMunicipality({ holidayRegion: 'noord' }));
    expect(calendar.isSchoolDay('2026-10-12')).toBe(false);
  });
});
