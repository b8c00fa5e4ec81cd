import {
  addDays,
  addMinutes,
  daysFrom,
  instantAt,
  isoWeekday,
  localDateTime,
  localDay,
  parseTimeOfDay,
} from '../../../../src/domain/calendar/local-time';

/** An instant written with its offset, so each test reads as Dutch wall-clock time. */
const at = (iso: string) => new Date(iso);

describe('instantAt: a wall-clock time in Europe/Amsterdam on a day, as an instant', () => {
  it('uses UTC+1 in winter and UTC+2 in summer', () => {
    expect(instantAt('2026-01-15', '08:30')).toEqual(at('2026-01-15T07:30:00Z'));
    expect(instantAt('2026-06-15', '08:30')).toEqual(at('2026-06-15T06:30:00Z'));
  });

  describe('the spring change, last Sunday of March (29 March 2026, 02:00 CET → 03:00 CEST)', () => {
    it('keeps winter time before the jump and summer time after it', () => {
      expect(instantAt('2026-03-29', '01:59')).toEqual(at('2026-03-29T00:59:00Z'));
      expect(instantAt('2026-03-29', '03:00')).toEqual(at('2026-03-29T01:00:00Z'));
      expect(instantAt('2026-03-29', '07:00')).toEqual(at('2026-03-29T05:00:00Z'));
    });

    it('moves a time that does not exist (02:30) forward by the gap, to 03:30 CEST', () => {
      expect(instantAt('2026-03-29', '02:30')).toEqual(at('2026-03-29T01:30:00Z'));
      expect(instantAt('2026-03-29', '02:00')).toEqual(instantAt('2026-03-29', '03:00'));
    });

    it('puts the Friday before in winter time and the Monday after in summer time', () => {
      expect(instantAt('2026-03-27', '08:30')).toEqual(at('2026-03-27T08:30:00+01:00'));
      expect(instantAt('2026-03-30', '08:30')).toEqual(at('2026-03-30T08:30:00+02:00'));
    });
  });

  describe('the autumn change, last Sunday of October (25 October 2026, 03:00 CEST → 02:00 CET)', () => {
    it('takes the first occurrence of a repeated time (02:30 CEST, not 02:30 CET)', () => {
      expect(instantAt('2026-10-25', '02:30')).toEqual(at('2026-10-25T00:30:00Z'));
    });

    it('uses summer time before the repeat and winter time after it', () => {
      expect(instantAt('2026-10-25', '01:30')).toEqual(at('2026-10-24T23:30:00Z'));
      expect(instantAt('2026-10-25', '03:00')).toEqual(at('2026-10-25T02:00:00Z'));
      expect(instantAt('2026-10-26', '08:30')).toEqual(at('2026-10-26T07:30:00Z'));
    });
  });

  it('hands every caller a Date of its own: changing one answer does not change the next', () => {
    const first = instantAt('2026-01-15', '17:00');
    first.setUTCHours(3);

    expect(instantAt('2026-01-15', '17:00')).toEqual(at('2026-01-15T16:00:00Z'));
  });

  it('rejects a day that does not exist and a time that is not HH:MM', () => {
    expect(() => instantAt('2026-02-30', '08:30')).toThrow(RangeError);
    expect(() => instantAt('2026-03-01', '8:30')).toThrow(RangeError);
    expect(() => instantAt('2026-03-01', '24:00')).toThrow(RangeError);
  });
});

describe('localDateTime: an instant as the wall clock in Europe/Amsterdam', () => {
  it('reads winter and summer time with their offsets', () => {
    expect(localDateTime(at('2026-01-15T07:30:00Z'))).toEqual({
      day: '2026-01-15',
      time: '08:30',
      hour: 8,
      minute: 30,
      second: 0,
      weekday: 4,
      offsetMinutes: 60,
    });
    expect(localDateTime(at('2026-06-15T06:30:15Z'))).toMatchObject({ day: '2026-06-15', time: '08:30', second: 15, offsetMinutes: 120 });
  });

  it('changes day at local midnight, not at UTC midnight', () => {
    expect(localDateTime(at('2026-06-14T22:30:00Z'))).toMatchObject({ day: '2026-06-15', time: '00:30', weekday: 1 });
    expect(localDateTime(at('2026-01-14T23:00:00Z'))).toMatchObject({ day: '2026-01-15', time: '00:00', hour: 0 });
  });

  it('jumps from 01:59 CET to 03:00 CEST on 29 March 2026', () => {
    expect(localDateTime(at('2026-03-29T00:59:00Z'))).toMatchObject({ time: '01:59', offsetMinutes: 60 });
    expect(localDateTime(at('2026-03-29T01:00:00Z'))).toMatchObject({ time: '03:00', offsetMinutes: 120 });
  });

  it('shows 02:30 twice on 25 October 2026, first in summer time then in winter time', () => {
    expect(localDateTime(at('2026-10-25T00:30:00Z'))).toMatchObject({ day: '2026-10-25', time: '02:30', offsetMinutes: 120 });
    expect(localDateTime(at('2026-10-25T01:30:00Z'))).toMatchObject({ day: '2026-10-25', time: '02:30', offsetMinutes: 60 });
  });

  it('round-trips with instantAt for every quarter hour across both changes', () => {
    for (const day of ['2026-03-28', '2026-03-29', '2026-03-30', '2026-10-24', '2026-10-25', '2026-10-26']) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
        const local = localDateTime(instantAt(day, time));
        const inSpringGap = day === '2026-03-29' && time.startsWith('02:');
        expect({ day: local.day, time: local.time }).toEqual(
          inSpringGap ? { day, time: `03:${time.slice(3)}` } : { day, time },
        );
      }
    }
  });

  it('rejects an invalid Date', () => {
    expect(() => localDateTime(new Date('nonsense'))).toThrow(RangeError);
    expect(() => localDay(new Date('nonsense'))).toThrow(RangeError);
  });

  it('gives localDay the day localDateTime gives, each minute around both local midnights and both changes', () => {
    const around = ['2026-01-14T22:00:00Z', '2026-06-14T21:00:00Z', '2026-03-28T22:00:00Z', '2026-10-24T21:00:00Z', '2026-10-25T22:00:00Z'];
    for (const start of around) {
      for (let minute = 0; minute < 4 * 60; minute++) {
        // Each minute, and the last millisecond before it: a day changes on the hour, never inside one.
        for (const ms of [0, -1]) {
          const instant = new Date(at(start).getTime() + minute * 60_000 + ms);
          expect(localDay(instant)).toBe(localDateTime(instant).day);
        }
      }
    }
  });
});

describe('day and time arithmetic', () => {
  it('adds calendar days across months, years and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('counts a DST Sunday as one calendar day', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
  });

  it('names ISO weekdays, Monday 1 to Sunday 7', () => {
    expect(isoWeekday('2026-04-27')).toBe(1); // Koningsdag 2026
    expect(isoWeekday('2026-05-14')).toBe(4); // Hemelvaartsdag 2026
    expect(isoWeekday('2026-03-29')).toBe(7);
  });

  it('lists days inclusively', () => {
    expect(daysFrom('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(daysFrom('2026-03-02', '2026-03-01')).toEqual([]);
  });

  it('parses only strict HH:MM', () => {
    expect(parseTimeOfDay('00:00')).toBe(0);
    expect(parseTimeOfDay('20:00')).toBe(1200);
    expect(parseTimeOfDay('23:59')).toBe(1439);
    for (const bad of ['24:00', '7:00', '07:60', '07:00:00', '']) expect(parseTimeOfDay(bad)).toBeUndefined();
  });

  it('adds elapsed minutes, so 48 hours over the spring change read 49 on the wall clock', () => {
    const fridayEvening = at('2026-03-27T21:00:00+01:00');
    expect(localDateTime(addMinutes(fridayEvening, 48 * 60))).toMatchObject({ day: '2026-03-29', time: '22:00' });
  });
});
