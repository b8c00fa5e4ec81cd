/**
 * One week's figures from the anonymous facts of its signals, as pure functions: `now` is a
 * parameter, never the clock. Durations are elapsed time (48 hours across a daylight-saving change
 * is 48 real hours); weeks are Amsterdam wall-clock weeks (`weekRange`).
 *
 * Definitions ("the cohort" is every signal issued in the week):
 * - **Cohort**: the facts whose `issuedAt` lies in `weekRange(week)`, from Monday 00:00 included to
 *   the next Monday 00:00 excluded, Europe/Amsterdam. Callers may pass more; the rest is ignored.
 *   A signal issued Sunday 23:30 belongs to that week, also when UTC already reads Monday.
 * - **issued, viaLeerplicht, delivered**: counts over the cohort (`delivered`: a card reached a
 *   contact at a school).
 * - **openNow**: state not `supported` and not `unroutable` (ended without a school). A direct
 *   signal sent back to the worker (state `bounced`) and not handed on *is* open: it is the
 *   worker's work, and no child was reached. So is a signal at a school that never got support,
 *   even after support can no longer be recorded: open means "not closed", not "still actionable".
 * - **At a school now**: state `issued`, `delivered`, `acknowledged` or `supported` (`atASchoolNow`).
 *   Only then is the facts' `schoolId` the school the signal is at; a signal sent back and not
 *   placed elsewhere (`bounced`, `awaiting_routing`, `unroutable`) still carries the `dueAt` of the
 *   school that sent it back, and is in neither "seen" share: it would count against that school.
 * - **acknowledgedBeforeSchoolStart**: `acknowledgedAt <= dueAt`, of the signals at a school now
 *   with a `dueAt`, leaving out one not yet acknowledged while `dueAt > now` (school has not
 *   started: it is not late yet). An acknowledged one always counts, early or late; one not
 *   acknowledged once `dueAt <= now` counts in the denominator only. So on Monday 08:00 a signal
 *   of Sunday 21:00, due 08:30, is not yet in the share.
 * - **acknowledgedWithin24h**: `acknowledgedAt − issuedAt <= 24 h`, of the same signals, leaving
 *   out one not yet acknowledged while `issuedAt + 24 h > now` (its 24 hours still run).
 * - **medianMinutesToAcknowledge**: the median of `acknowledgedAt − issuedAt` over the acknowledged
 *   signals, taken in milliseconds (an even count: the mean of the two middle values) and only
 *   then rounded to whole minutes; undefined when none was acknowledged.
 * - **supportedWithin48h** (the headline): `supportRecordedAt − issuedAt <= 48 h`, of ALL signals in
 *   the cohort: a child that never reached a school was not supported either. Exactly 48 h counts;
 *   48 h and a millisecond does not. The letter's 48 hours, not a municipality's
 *   `supportWithinHours` (which only times the reminder).
 * - **supportWindowOpen**: no support recorded, not ended without a school (`unroutable` can never
 *   be supported, so it cannot raise the headline), and `issuedAt + 48 h > now`.
 * - **bounced, noSchool, escalated**: counts of the facts' flags; **deadDeliveries**: the sum of
 *   `failedDeliveries`.
 * - **supportByCategory**: per category of `SUPPORT_CATEGORIES` (all present, 0 when unused), the
 *   signals whose support names it; a category named twice on one signal counts once.
 * - **noPriorConcern**: `priorConcern === 'no'`, of the signals with a `priorConcern`.
 */
import type { SignalState } from '../signal';
import { SUPPORT_CATEGORIES, type SupportCategory } from '../support';
import type { Share, WeeklyFigures, WeeklyHeadline } from './figures';
import { weekRange, type IsoWeek } from './iso-week';
import type { SignalFacts } from './signal-facts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** The acknowledgement figure's horizon: 24 elapsed hours after issue. */
export const ACKNOWLEDGE_WITHIN_MS = 24 * HOUR_MS;
/** The headline's horizon: 48 elapsed hours after issue. */
export const SUPPORT_WITHIN_MS = 48 * HOUR_MS;

const AT_A_SCHOOL: ReadonlySet<SignalState> = new Set<SignalState>(['issued', 'delivered', 'acknowledged', 'supported']);

/**
 * Whether a signal in `state` is at a school now, so its facts' `schoolId` is the school it is at;
 * otherwise it was sent back (or never reached one) and `schoolId` is the school that sent it back.
 */
export function atASchoolNow(state: SignalState): boolean {
  return AT_A_SCHOOL.has(state);
}

/** A signal's facts with its issue instant read once, so a year of records is parsed once. */
export interface IssuedFacts {
  facts: SignalFacts;
  /** `issuedAt` in epoch milliseconds (NaN when unreadable: then in no week). */
  issuedMs: number;
}

/** The facts issued in `week`, each with its issue instant. */
export function cohortOf(facts: readonly SignalFacts[], week: IsoWeek): IssuedFacts[] {
  const { from, to } = weekRange(week);
  const fromMs = from.getTime();
  const toMs = to.getTime();
  const cohort: IssuedFacts[] = [];
  for (const f of facts) {
    const issuedMs = Date.parse(f.issuedAt);
    if (issuedMs >= fromMs && issuedMs < toMs) cohort.push({ facts: f, issuedMs });
  }
  return cohort;
}

/** Whether support was recorded no later than 48 elapsed hours after issue. */
export function supportedInTime({ facts, issuedMs }: IssuedFacts): boolean {
  return facts.supportRecordedAt !== undefined && Date.parse(facts.supportRecordedAt) - issuedMs <= SUPPORT_WITHIN_MS;
}

function share(numerator: number, denominator: number): Share {
  return { numerator, denominator };
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

/** The figures of a cohort already picked out (every element issued in `week`). */
export function figuresOfCohort(cohort: readonly IssuedFacts[], week: IsoWeek, now: Date): WeeklyFigures {
  const nowMs = now.getTime();
  const supportByCategory = Object.fromEntries(SUPPORT_CATEGORIES.map((c) => [c, 0])) as Record<SupportCategory, number>;
  const msToAcknowledge: number[] = [];
  let viaLeerplicht = 0;
  let delivered = 0;
  let openNow = 0;
  let beforeSchoolStartOf = 0;
  let beforeSchoolStart = 0;
  let within24hOf = 0;
  let within24h = 0;
  let supported = 0;
  let supportWindowOpen = 0;
  let bounced = 0;
  let noSchool = 0;
  let escalated = 0;
  let deadDeliveries = 0;
  let answeredConcern = 0;
  let noPriorConcern = 0;

  for (const entry of cohort) {
    const { facts, issuedMs } = entry;
    if (facts.viaLeerplicht) viaLeerplicht += 1;
    if (facts.delivered) delivered += 1;
    if (facts.state !== 'supported' && facts.state !== 'unroutable') openNow += 1;

    const acknowledgedMs = facts.acknowledgedAt === undefined ? undefined : Date.parse(facts.acknowledgedAt);
    if (acknowledgedMs !== undefined) msToAcknowledge.push(acknowledgedMs - issuedMs);
    if (facts.dueAt !== undefined && atASchoolNow(facts.state)) {
      const dueMs = Date.parse(facts.dueAt);
      // Not yet acknowledged while its moment has not passed: neither seen nor missed yet.
      if (acknowledgedMs !== undefined || dueMs <= nowMs) {
        beforeSchoolStartOf += 1;
        if (acknowledgedMs !== undefined && acknowledgedMs <= dueMs) beforeSchoolStart += 1;
      }
      if (acknowledgedMs !== undefined || issuedMs + ACKNOWLEDGE_WITHIN_MS <= nowMs) {
        within24hOf += 1;
        if (acknowledgedMs !== undefined && acknowledgedMs - issuedMs <= ACKNOWLEDGE_WITHIN_MS) within24h += 1;
      }
    }

    if (supportedInTime(entry)) supported += 1;
    if (facts.supportRecordedAt === undefined && facts.state !== 'unroutable' && issuedMs + SUPPORT_WITHIN_MS > nowMs) supportWindowOpen += 1;

    if (facts.bounced) bounced += 1;
    if (facts.noSchool) noSchool += 1;
    if (facts.escalated) escalated += 1;
    deadDeliveries += facts.failedDeliveries;

    for (const category of new Set(facts.supportCategories)) {
      if (category in supportByCategory) supportByCategory[category] += 1;
    }
    if (facts.priorConcern !== undefined) {
      answeredConcern += 1;
      if (facts.priorConcern === 'no') noPriorConcern += 1;
    }
  }

  const medianMs = median(msToAcknowledge);
  return {
    week,
    issued: cohort.length,
    viaLeerplicht,
    delivered,
    openNow,
    acknowledgedBeforeSchoolStart: share(beforeSchoolStart, beforeSchoolStartOf),
    acknowledgedWithin24h: share(within24h, within24hOf),
    ...(medianMs === undefined ? {} : { medianMinutesToAcknowledge: Math.round(medianMs / MINUTE_MS) }),
    supportedWithin48h: share(supported, cohort.length),
    supportWindowOpen,
    bounced,
    noSchool,
    escalated,
    deadDeliveries,
    supportByCategory,
    noPriorConcern: share(noPriorConcern, answeredConcern),
  };
}

/** The headline of a cohort already picked out. */
export function headlineOfCohort(cohort: readonly IssuedFacts[], week: IsoWeek): WeeklyHeadline {
  let supported = 0;
  for (const entry of cohort) if (supportedInTime(entry)) supported += 1;
  return { week, supportedWithin48h: share(supported, cohort.length) };
}

/** The figures of the signals issued in `week`, as they stand at `now`. */
export function weeklyFigures(facts: readonly SignalFacts[], week: IsoWeek, now: Date): WeeklyFigures {
  return figuresOfCohort(cohortOf(facts, week), week, now);
}

/** The headline of `week`: support within 48 hours, of every signal issued in it. */
export function weeklyHeadline(facts: readonly SignalFacts[], week: IsoWeek): WeeklyHeadline {
  return headlineOfCohort(cohortOf(facts, week), week);
}
