/**
 * A whole digest from a year of facts: the week's figures, the four weeks before it and the 52
 * weeks up to and including it (oldest first), and the per-school table when asked for.
 *
 * A year holds some 50,000 records: each `issuedAt` is parsed once and the record put in its week
 * by a binary search over the 53 week boundaries (Amsterdam Mondays 00:00), so the cost is
 * O(n log 52) with no calendar work per record. Facts outside the 52 weeks are ignored.
 */
import type { Digest } from './figures';
import { addWeeks, weekRange, type IsoWeek } from './iso-week';
import { schoolFiguresOfCohort } from './school-figures';
import type { SignalFacts } from './signal-facts';
import type { WeeklyCounts } from './weekly-counts';
import { figuresOfCohort, headlineOfCohort, type IssuedFacts } from './weekly-figures';

/** How many weeks the trend covers, the digest's week included. */
export const TREND_WEEKS = 52;
/** How many weeks before the digest's week are set beside it. */
export const PREVIOUS_WEEKS = 4;

export interface DigestOptions {
  /** Add one line per school (a municipality scope). */
  perSchool: boolean;
  /**
   * The trend's numbers as the store counted them, one per week of `trendWeeks(week)`; without
   * them the trend is counted from `facts`, which must then span all 52 weeks.
   */
  trendCounts?: readonly WeeklyCounts[];
}

/** The 52 weeks up to and including `week`, oldest first: what the trend covers. */
export function trendWeeks(week: IsoWeek): IsoWeek[] {
  return Array.from({ length: TREND_WEEKS }, (_, i) => addWeeks(week, i - (TREND_WEEKS - 1)));
}

/** The index of the last boundary `<= ms`: boundaries ascend and the caller ensures `boundaries[0] <= ms`. */
function weekIndex(boundaries: readonly number[], ms: number): number {
  let low = 0;
  let high = boundaries.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((boundaries[middle] as number) <= ms) low = middle;
    else high = middle - 1;
  }
  return low;
}

export function buildDigest(facts: readonly SignalFacts[], week: IsoWeek, now: Date, options: DigestOptions): Digest {
  const weeks = trendWeeks(week);
  const starts = weeks.map((w) => weekRange(w).from.getTime());
  const endMs = weekRange(week).to.getTime();
  const startMs = starts[0] as number;

  const buckets: IssuedFacts[][] = weeks.map(() => []);
  for (const f of facts) {
    const issuedMs = Date.parse(f.issuedAt);
    if (!(issuedMs >= startMs && issuedMs < endMs)) continue;
    (buckets[weekIndex(starts, issuedMs)] as IssuedFacts[]).push({ facts: f, issuedMs });
  }

  const thisWeek = buckets[TREND_WEEKS - 1] as IssuedFacts[];
  const figures = figuresOfCohort(thisWeek, week, now);
  const counted = options.trendCounts;
  const lastYear = weeks.map((w, i) =>
    i === TREND_WEEKS - 1
      ? { week, supportedWithin48h: figures.supportedWithin48h }
      : counted
        ? { week: w, supportedWithin48h: { numerator: counted[i]?.supportedWithin48h ?? 0, denominator: counted[i]?.issued ?? 0 } }
        : headlineOfCohort(buckets[i] as IssuedFacts[], w),
  );
  return {
    figures,
    previousWeeks: lastYear.slice(TREND_WEEKS - 1 - PREVIOUS_WEEKS, TREND_WEEKS - 1),
    lastYear,
    ...(options.perSchool ? { schools: schoolFiguresOfCohort(thisWeek) } : {}),
  };
}
