import { formatDate, formatDateTime, formatShortDateTime, formatTime, isSameSchoolTimeDay } from '../../cards/format';

describe('formatting times for Dutch readers', () => {
  it('shows an instant as dd-mm-jjjj HH:mm in Amsterdam winter time (UTC+1)', () => {
    expect(formatDate('2026-01-05T23:30:00Z')).toBe('06-01-2026');
    expect(formatTime('2026-01-05T23:30:00Z')).toBe('00:30');
    expect(formatDateTime('2026-01-05T23:30:00Z')).toBe('06-01-2026 00:30');
  });

  it('follows summer time (UTC+2) and the 24-hour clock', () => {
    expect(formatDateTime('2026-07-01T13:05:00Z')).toBe('01-07-2026 15:05');
    expect(formatShortDateTime('2026-07-01T21:59:00Z')).toBe('01-07 23:59');
  });

  it('compares calendar days in Amsterdam, not in UTC', () => {
    expect(isSameSchoolTimeDay('2026-03-10T06:00:00Z', '2026-03-10T22:59:00Z')).toBe(true);
    expect(isSameSchoolTimeDay('2026-03-10T06:00:00Z', '2026-03-10T23:01:00Z')).toBe(false);
  });

  it('gives every instant around the switches to and from summer time what a formatter of its own would (an hour is formatted once, its minutes counted)', () => {
    const oracle = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const expected = (ms: number) => {
      const p = Object.fromEntries(oracle.formatToParts(ms).map((part) => [part.type, part.value]));
      return `${p.day}-${p.month}-${p.year} ${p.hour}:${p.minute}`;
    };
    // Every 7 min 13.5 s over the two days of each switch in 2026 (29 March, 25 October).
    for (const start of [Date.UTC(2026, 2, 28), Date.UTC(2026, 9, 24)]) {
      for (let ms = start; ms < start + 2 * 24 * 3600_000; ms += 433_500) {
        expect(formatDateTime(new Date(ms).toISOString())).toBe(expected(ms));
      }
    }
  });

  it('refuses what is not an instant rather than printing NaN', () => {
    expect(() => formatDate('yesterday')).toThrow(RangeError);
  });
});
