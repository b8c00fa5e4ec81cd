import type { CalendarData } from './calendar-data';
import type { CalendarDay } from './local-time';

/**
 * How long before the region holiday data ends the service stops calling itself ready: time for
 * an operator to add the next school year (published by the Rijksoverheid years ahead) before a
 * holiday past the data would be planned as a school day.
 */
export const CALENDAR_HORIZON_DAYS = 120;

export interface CalendarHorizon {
  /** The last day the region holiday data describes. */
  endsOn: CalendarDay;
  /** Days from `today` to `endsOn`: 0 on the last covered day, negative after it. */
  daysLeft: number;
  endingSoon: boolean;
}

const MS_PER_DAY = 24 * 60 * 60 * 1000;
const dayNumber = (day: CalendarDay): number => Date.parse(`${day}T00:00:00Z`) / MS_PER_DAY;

export function calendarHorizon(data: CalendarData, today: CalendarDay, warnDays: number = CALENDAR_HORIZON_DAYS): CalendarHorizon {
  const endsOn = data.coverage.to;
  const daysLeft = Math.round(dayNumber(endsOn) - dayNumber(today));
  return { endsOn, daysLeft, endingSoon: daysLeft <= warnDays };
}
