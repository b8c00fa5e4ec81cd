/**
 * The weekly digest's figures as plain data: counts only, never a child. Built by pure functions
 * (`weekly-figures.ts`, `school-figures.ts`, `build-digest.ts`; definitions in the header of
 * `weekly-figures.ts`) from `SignalFacts` with the clock passed in.
 */
import type { SupportCategory } from '../support';
import type { IsoWeek } from './iso-week';

/**
 * A share that says what it is a share of. `denominator` 0 means there was nothing to divide by:
 * cards show "—", never 0 %.
 */
export interface Share {
  numerator: number;
  denominator: number;
}

export interface WeeklyFigures {
  week: IsoWeek;
  /** Signals issued in the week (Monday 00:00 to Monday 00:00, Europe/Amsterdam). */
  issued: number;
  /** Of those: routed via leerplicht. */
  viaLeerplicht: number;
  /** Of those: a card reached a contact at a school. */
  delivered: number;
  /**
   * Of those: not closed at `now`: neither supported nor ended without a school (`unroutable`). A
   * direct signal sent back to the worker and not handed on (`bounced`) is open: no child was reached.
   */
  openNow: number;
  /**
   * Acknowledged by the school's target (school start for a signal that came in the evening or
   * night), of those at a school now whose target has passed or that were acknowledged already.
   */
  acknowledgedBeforeSchoolStart: Share;
  /** Acknowledged within 24 hours of issue, of those at a school now whose 24 hours have passed or that were acknowledged already. */
  acknowledgedWithin24h: Share;
  /** Median minutes from issue to acknowledgement, of those acknowledged (rounded after taking the median); undefined when none. */
  medianMinutesToAcknowledge?: number;
  /** THE HEADLINE: support recorded within 48 hours of issue, of all signals issued in the week. */
  supportedWithin48h: Share;
  /**
   * Signals whose 48 hours had not yet passed at `now`, with no support yet and not ended without a
   * school: the headline may still rise by this many.
   */
  supportWindowOpen: number;
  bounced: number;
  noSchool: number;
  escalated: number;
  /** Cards that could not be delivered after all retries. */
  deadDeliveries: number;
  /** Signals with each support category (one signal may count in several). */
  supportByCategory: Record<SupportCategory, number>;
  /** The school had no concern about the child before ("no"), of those whose support answered the question. */
  noPriorConcern: Share;
}

/** The headline of one week, for the trend. */
export interface WeeklyHeadline {
  week: IsoWeek;
  supportedWithin48h: Share;
}

/**
 * One school's line in a municipality manager's table: plain counts; the card suppresses small ones
 * (`showCount`). `bounced` counts signals this school sent back that are not at a school now: one
 * placed at another school since is on that school's line and not counted as bounced there.
 */
export interface SchoolFigures {
  schoolId: string;
  issued: number;
  acknowledged: number;
  supportedWithin48h: number;
  bounced: number;
}

/**
 * A count as shown: the number; suppressed (1 up to the threshold − 1, shown "<threshold") so no
 * child can be singled out; or hidden (a count of at least the threshold, shown "•") so that a
 * suppressed count elsewhere in its column cannot be worked out from the total
 * (`protectSchoolTable` in `small-counts.ts`).
 */
export type ShownCount = { kind: 'count'; value: number } | { kind: 'suppressed'; below: number } | { kind: 'hidden' };

export interface Digest {
  figures: WeeklyFigures;
  /** The four weeks before `figures.week`, oldest first. */
  previousWeeks: WeeklyHeadline[];
  /** The 52 weeks up to and including `figures.week`, oldest first. */
  lastYear: WeeklyHeadline[];
  /** Only for a municipality scope: one line per school with signals in the week, by school id. */
  schools?: SchoolFigures[];
}
