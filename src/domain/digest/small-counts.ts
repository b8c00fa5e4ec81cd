/**
 * How counts and shares are shown to managers, so that no child can be singled out.
 *
 * - **showCount(value, threshold)**: 0 and every count from `threshold` up are shown; 1 up to
 *   `threshold − 1` are suppressed. The threshold must be a whole number of at least 2: a
 *   threshold of 1 would suppress nothing, and a table that must not single out a child should
 *   not lose that by a configured "1". A scope that needs no suppression does not call this.
 * - **sharePercent(share)**: the whole percentage, rounded half up; undefined when there was
 *   nothing to divide by (the card shows "—", never 0 %). Only a share that is all shows 100 and
 *   only a share that is none shows 0: 199 of 200 is 99, 1 of 300 is 1, so "was every child
 *   supported?" is never answered "100 %" when one was not.
 * - **protectSchoolTable(rows, threshold)**: the per-school table with secondary suppression, so a
 *   suppressed count cannot be worked back out of the column's total (rule and limits below).
 */
import type { SchoolFigures, Share, ShownCount } from './figures';

export function showCount(value: number, threshold: number): ShownCount {
  if (!Number.isInteger(threshold) || threshold < 2) {
    throw new RangeError(`showCount needs a whole threshold of at least 2, got ${threshold}`);
  }
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`showCount needs a count (a whole number ≥ 0), got ${value}`);
  return value > 0 && value < threshold ? { kind: 'suppressed', below: threshold } : { kind: 'count', value };
}

export function sharePercent(share: Share): number | undefined {
  const { numerator, denominator } = share;
  if (denominator === 0) return undefined;
  const percent = Math.round((100 * numerator) / denominator);
  if (numerator > 0 && numerator < denominator) return Math.min(99, Math.max(1, percent));
  return percent;
}

/** The per-school counts, in the order of the card's columns. */
export const SCHOOL_COUNT_COLUMNS = ['issued', 'acknowledged', 'supportedWithin48h', 'bounced'] as const;
export type SchoolCountColumn = (typeof SCHOOL_COUNT_COLUMNS)[number];

/** One school's line as the card may show it: every count through `protectSchoolTable`. */
export type ProtectedRow = { schoolId: string } & Record<SchoolCountColumn, ShownCount>;

/**
 * One column of the per-school table, protected (see `protectSchoolTable`); cells in the order given.
 */
export function protectColumn(values: readonly number[], threshold: number): ShownCount[] {
  const shown = values.map((value) => showCount(value, threshold));
  // At threshold 2, "<2" already says 1: there is nothing left to protect.
  if (threshold < 3 || !shown.some((s) => s.kind === 'suppressed')) return shown;
  let pick: number | undefined;
  let pickAbove: number | undefined;
  values.forEach((value, i) => {
    if (value < threshold) return;
    if (pick === undefined) pick = i;
    if (value > threshold && (pickAbove === undefined || value < (values[pickAbove] as number))) pickAbove = i;
  });
  const hide = pickAbove ?? pick;
  if (hide !== undefined) shown[hide] = { kind: 'hidden' };
  return shown;
}

/**
 * The per-school table as the card may show it, rows in the order given: small counts suppressed
 * (`showCount`) and, per column, one more count hidden so that the column's total cannot give a
 * suppressed one away. The card shows exact municipality totals, and a column's total is treated
 * as known to the reader (the worst case: not every column adds up to a figure on the card).
 *
 * **The rule**, per column, at a threshold t of 3 or more: when the column has at least one
 * suppressed count (1 … t − 1) and another non-zero count, exactly one of those other counts is
 * hidden: the smallest above t (the first of equals in row order), or, when every other non-zero
 * count is exactly t, the first of them. Zeros are never hidden, so "•" is always at least t.
 * Whether and which cell is hidden never depends on the suppressed values, so the choice itself
 * gives none of them away.
 *
 * **Why one cell above t is enough**: a reader knows the total, the shown counts, that "<t" is 1 …
 * t − 1 and that "•" is at least t. With suppressed counts p₁ … p_k and a hidden h, only their sum
 * is known: a pᵢ of 2 or more could as well be 1 lower with h 1 higher; a pᵢ of 1 could be 2
 * (t ≥ 3) with h 1 lower, as long as h stays ≥ t, or with another pⱼ of 2 or more 1 lower. So
 * every pᵢ has two possible values unless they are all 1 and h is exactly t ("<3" and a hidden 3
 * that add up to 4: the "<3" is 1), which is why a count above t is preferred. Hiding a second
 * cell of exactly t would not help.
 *
 * **Limits** (what this does not protect):
 * - A column whose only non-zero counts are suppressed: the total gives their sum, so a single
 *   one, or several that are all 1 or all t − 1, can be worked out. Hiding zeros would not help.
 * - A column where the suppressed counts are all 1 and every other non-zero count is exactly t.
 * - At threshold 2 nothing is hidden: "<2" already means 1.
 * - Only each column against its own total. Relations between columns of a row are not used
 *   (a school's seen and supported are part of its signals: signals shown 10, •, "<3" (10, 5, 1)
 *   beside seen 10, 5, 0 tell that the "•" is at least 5, so the "<3" is 1), nor
 *   other figures on the card, earlier weeks' digests, or a reader who uses the rule itself: "•"
 *   is at most every shown count above t, which settles it when one of them equals it (10, 4, 4,
 *   "<3" shown 10, •, 4, "<3": the "•" is 4, so with the total the "<3" is known too).
 */
export function protectSchoolTable(rows: readonly SchoolFigures[], threshold: number): ProtectedRow[] {
  const columns = SCHOOL_COUNT_COLUMNS.map((column) =>
    protectColumn(
      rows.map((row) => row[column]),
      threshold,
    ),
  );
  return rows.map((row, i) => {
    const cells = Object.fromEntries(SCHOOL_COUNT_COLUMNS.map((column, c) => [column, (columns[c] as ShownCount[])[i] as ShownCount]));
    return { schoolId: row.schoolId, ...cells } as ProtectedRow;
  });
}
