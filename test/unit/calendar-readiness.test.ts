import { calendarReadiness } from '../../bot/calendar-readiness';
import { NL_SCHOOL_CALENDAR } from '../../src/domain/calendar';
import { FixedClock, MINUTE, DAY } from '../support/fixed-clock';
import { RecordingLogger } from '../support/recording-logger';

// The shipped data covers region holidays up to and including 2027-09-05.
describe('readiness on the school calendar', () => {
  it('is ready while the region holiday data covers more than 120 days ahead', async () => {
    const logger = new RecordingLogger();
    const ready = calendarReadiness({ calendar: NL_SCHOOL_CALENDAR, clock: new FixedClock('2027-05-07T10:00:00Z'), logger });

    await expect(ready()).resolves.toBeUndefined();
    expect(logger.lines).toEqual([]);
  });

  it('is not ready, and logs an error, when the data ends within 120 days', async () => {
    const logger = new RecordingLogger();
    const ready = calendarReadiness({ calendar: NL_SCHOOL_CALENDAR, clock: new FixedClock('2027-05-08T10:00:00Z'), logger });

    await expect(ready()).rejects.toThrow(/2027-09-05/);
    expect(logger.lines).toEqual([
      { level: 'error', fields: { calendarEndsOn: '2027-09-05', daysLeft: 120 }, message: expect.stringMatching(/school calendar/) },
    ]);
  });

  it('stays not ready after the data has ended: holidays would otherwise be school days', async () => {
    const ready = calendarReadiness({ calendar: NL_SCHOOL_CALENDAR, clock: new FixedClock('2027-10-01T10:00:00Z'), logger: new RecordingLogger() });

    await expect(ready()).rejects.toThrow(/2027-09-05/);
  });

  it('logs the error at most once an hour, though every probe fails', async () => {
    const logger = new RecordingLogger();
    const clock = new FixedClock('2027-06-01T10:00:00Z');
    const ready = calendarReadiness({ calendar: NL_SCHOOL_CALENDAR, clock, logger });

    for (let probe = 0; probe < 12; probe++) {
      await expect(ready()).rejects.toThrow();
      clock.advance(5 * MINUTE - 1);
    }
    expect(logger.lines).toHaveLength(1);
    clock.set('2027-06-01T11:00:00Z');
    await expect(ready()).rejects.toThrow();
    expect(logger.lines).toHaveLength(2);
    clock.advance(DAY);
    await expect(ready()).rejects.toThrow();
    expect(logger.lines.map((l) => l.fields['daysLeft'])).toEqual([96, 96, 95]);
  });
});
