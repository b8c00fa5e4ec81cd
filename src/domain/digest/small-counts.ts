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
 */
import type { Share, ShownCount } from './figures';

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
