import { NL_SCHOOL_CALENDAR, calendarHorizon, localDay, type CalendarData } from '../src/domain/calendar';
import type { Clock, Logger } from '../src/ports';

const HOUR_MS = 60 * 60 * 1000;

export interface CalendarReadinessDeps {
  calendar?: CalendarData;
  clock: Clock;
  logger: Logger;
  /** Readiness probes come every few seconds; the error is logged at most this often. */
  logEveryMs?: number;
}

/**
 * A readiness check that fails while the region holiday data ends within CALENDAR_HORIZON_DAYS:
 * past its end every school holiday is planned as a school day, and nothing else would say so.
 * Not ready takes the instance out of rotation and the error log line reaches the alerts, so an
 * operator adds the next school year (see nl-school-calendar.data.ts) in time.
 */
export function calendarReadiness({ calendar = NL_SCHOOL_CALENDAR, clock, logger, logEveryMs = HOUR_MS }: CalendarReadinessDeps): () => Promise<void> {
  let loggedAt: number | undefined;
  return async () => {
    const now = clock.now();
    const horizon = calendarHorizon(calendar, localDay(now));
    if (!horizon.endingSoon) return;
    if (loggedAt === undefined || now.getTime() - loggedAt >= logEveryMs) {
      loggedAt = now.getTime();
      logger.error(
        { calendarEndsOn: horizon.endsOn, daysLeft: horizon.daysLeft },
        'school calendar data ends soon: add the next school year of region holidays',
      );
    }
    throw new Error(`school calendar data ends on ${horizon.endsOn}`);
  };
}
