import { parseDirectory } from '../../../../src/app/import-directory';
import { municipalitySchema, schoolSchema } from '../../../../src/domain/directory';
import { DEFAULT_TIME_POLICY, resolveTimePolicySettings } from '../../../../src/domain/calendar/schemas';
import { timePolicyFor } from '../../../../src/domain/calendar/time-policy';

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('directory: the calendar fields are optional and add nothing to an existing entry', () => {
  it('parses an existing municipality and school to exactly what they parsed to before', () => {
    expect(municipalitySchema.parse({ id: 'GM0917', name: 'Heerlen' })).toEqual({ id: 'GM0917', name: 'Heerlen', routing: 'direct' });
    expect(schoolSchema.parse({ id: '12AB00', name: 'De Regenboog', municipalityId: 'GM0917' })).toEqual({
      id: '12AB00',
      name: 'De Regenboog',
      municipalityId: 'GM0917',
    });
  });

  it('gives a municipality without overrides the default policy (08:30, 07:00–20:00, 30/30 min, 48 h) in midden', () => {
    const policy = timePolicyFor(undefined, municipalitySchema.parse({ id: 'GM0917', name: 'Heerlen' }));
    expect(policy.settings).toEqual(DEFAULT_TIME_POLICY);
    expect(policy.calendar.region).toBe('midden');
    expect(resolveTimePolicySettings(undefined)).toEqual(DEFAULT_TIME_POLICY);
  });
});

describe('directory: a municipality carries its holiday region and time policy', () => {
  it('accepts a region and partial overrides', () => {
    const parsed = municipalitySchema.parse({
      id: 'GM0917',
      name: 'Heerlen',
      holidayRegion: 'zuid',
      timePolicy: { schoolDayStart: '08:15', supportWithinHours: 36 },
    });
    expect(parsed).toMatchObject({ holidayRegion: 'zuid', timePolicy: { schoolDayStart: '08:15', supportWithinHours: 36 } });
    expect(timePolicyFor(undefined, parsed).settings).toMatchObject({ schoolDayStart: '08:15', windowStart: '07:00', supportWithinHours: 36 });
  });

  it('rejects an unknown region, a time that is not HH:MM and a typo in an override', () => {
    const result = municipalitySchema.safeParse({
      id: 'GM0917',
      name: 'Heerlen',
      holidayRegion: 'oost',
      timePolicy: { schoolDayStart: '8:30', windowstart: '07:00' },
    });
    expect(issuesOf(result)).toEqual([
      expect.stringMatching(/^holidayRegion: /),
      expect.stringMatching(/^timePolicy\.schoolDayStart: a time written HH:MM/),
      expect.stringMatching(/^timePolicy: .*windowstart/),
    ]);
  });

  it('rejects a school-day start outside the working window and a window that ends before it starts', () => {
    expect(issuesOf(municipalitySchema.safeParse({ id: 'GM0917', name: 'H', timePolicy: { schoolDayStart: '06:45' } }))).toEqual([
      'timePolicy.schoolDayStart: schoolDayStart 06:45 must lie in the working window 07:00–20:00',
    ]);
    expect(issuesOf(municipalitySchema.safeParse({ id: 'GM0917', name: 'H', timePolicy: { windowStart: '21:00', windowEnd: '07:00' } }))).toEqual(
      expect.arrayContaining(['timePolicy.windowEnd: windowStart 21:00 must be before windowEnd 07:00']),
    );
  });

  it('rejects minutes that are not whole or out of range', () => {
    expect(issuesOf(municipalitySchema.safeParse({ id: 'GM0917', name: 'H', timePolicy: { reminderBeforeMinutes: 7.5, supportWithinHours: 0 } }))).toEqual([
      expect.stringMatching(/^timePolicy\.reminderBeforeMinutes: /),
      expect.stringMatching(/^timePolicy\.supportWithinHours: /),
    ]);
  });
});

describe("directory: a school carries its own holidays, forced school days and study days", () => {
  it('accepts them', () => {
    const parsed = schoolSchema.parse({
      id: '12AB00',
      name: 'De Regenboog',
      municipalityId: 'GM0917',
      holidays: [{ from: '2025-10-11', to: '2025-10-19', name: 'herfstvakantie' }],
      schoolDays: ['2025-10-20', '2025-10-21'],
      daysOff: ['2025-11-24'],
    });
    expect(timePolicyFor(parsed, { holidayRegion: 'midden' }).calendar.isSchoolDay('2025-10-20')).toBe(true);
    expect(timePolicyFor(parsed, { holidayRegion: 'midden' }).calendar.isSchoolDay('2025-11-24')).toBe(false);
  });

  it('rejects a holiday that ends before it starts, a weekend as a forced school day and a day that does not exist', () => {
    const result = schoolSchema.safeParse({
      id: '12AB00',
      name: 'De Regenboog',
      municipalityId: 'GM0917',
      holidays: [{ from: '2025-10-19', to: '2025-10-11' }],
      schoolDays: ['2025-10-18'],
      daysOff: ['2025-02-29'],
    });
    expect(issuesOf(result)).toEqual([
      'holidays.0.to: `from` must not be after `to`',
      'schoolDays.0: a Monday to Friday: weekends are never school days',
      'daysOff.0: a real day written YYYY-MM-DD',
    ]);
  });

  it('passes through the directory import, which names the entry of a bad field', () => {
    const directory = parseDirectory({
      municipalities: [{ id: 'GM0917', name: 'Heerlen', holidayRegion: 'zuid' }],
      schools: [{ id: '12AB00', name: 'De Regenboog', municipalityId: 'GM0917', daysOff: ['2026-03-09'] }],
    });
    expect(directory.municipalities[0]).toMatchObject({ holidayRegion: 'zuid' });
    expect(directory.schools[0]).toMatchObject({ daysOff: ['2026-03-09'] });
    expect(() =>
      parseDirectory({
        municipalities: [{ id: 'GM0917', name: 'Heerlen' }],
        schools: [{ id: '12AB00', name: 'De Regenboog', municipalityId: 'GM0917', daysOff: ['9 maart'] }],
      }),
    ).toThrow(/schools\[0\]\.daysOff\[0\].*a real day written YYYY-MM-DD/);
  });
});
