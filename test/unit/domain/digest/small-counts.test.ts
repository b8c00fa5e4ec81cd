import fc from 'fast-check';
import type { SchoolFigures, ShownCount } from '../../../../src/domain/digest/figures';
import { protectColumn, protectSchoolTable, SCHOOL_COUNT_COLUMNS, sharePercent, showCount } from '../../../../src/domain/digest/small-counts';

describe('showCount: small counts are suppressed so no child can be singled out', () => {
  it.each([1, 2])('suppresses %i at threshold 3', (value) => {
    expect(showCount(value, 3)).toEqual({ kind: 'suppressed', below: 3 });
  });

  it.each([0, 3, 4, 250])('shows %i at threshold 3', (value) => {
    expect(showCount(value, 3)).toEqual({ kind: 'count', value });
  });

  it('suppresses only 1 at the smallest threshold, 2', () => {
    expect(showCount(1, 2)).toEqual({ kind: 'suppressed', below: 2 });
    expect(showCount(2, 2)).toEqual({ kind: 'count', value: 2 });
  });

  it.each([1, 0, -3, 2.5, Number.NaN])('refuses threshold %p: suppression cannot be switched off by a threshold', (threshold) => {
    expect(() => showCount(1, threshold)).toThrow(RangeError);
  });

  it.each([-1, 1.5, Number.NaN])('refuses %p, which is not a count', (value) => {
    expect(() => showCount(value, 3)).toThrow(RangeError);
  });
});

describe('sharePercent', () => {
  it('is undefined when there was nothing to divide by', () => {
    expect(sharePercent({ numerator: 0, denominator: 0 })).toBeUndefined();
  });

  it.each([
    [1, 3, 33],
    [2, 3, 67],
    [1, 2, 50],
    [1, 8, 13],
    [0, 5, 0],
    [7, 7, 100],
  ])('rounds %i of %i to %i %%', (numerator, denominator, percent) => {
    expect(sharePercent({ numerator, denominator })).toBe(percent);
  });

  it('never shows 100 % when one was missed, nor 0 % when one was there', () => {
    expect(sharePercent({ numerator: 199, denominator: 200 })).toBe(99);
    expect(sharePercent({ numerator: 1, denominator: 300 })).toBe(1);
  });
});

/**
 * What a reader can work out of one column: the total, the shown counts, "<t" is 1 … t − 1 and
 * "•" is at least t. For each suppressed cell, the values it can have in some assignment of all
 * masked cells that adds up to the total. Brute force over reachable sums, independent of the rule.
 */
function possibleValues(shown: readonly ShownCount[], total: number, threshold: number): Map<number, number[]> {
  const masked = shown.flatMap((cell, i) => (cell.kind === 'count' ? [] : [i]));
  const rest = total - shown.reduce((sum, cell) => sum + (cell.kind === 'count' ? cell.value : 0), 0);
  const range = (i: number): [number, number] => (shown[i]!.kind === 'suppressed' ? [1, threshold - 1] : [threshold, total]);
  const result = new Map<number, number[]>();
  for (const i of masked) {
    if (shown[i]!.kind !== 'suppressed') continue;
    // Sums the other masked cells can reach together.
    let reachable = new Set([0]);
    for (const j of masked) {
      if (j === i) continue;
      const [low, high] = range(j);
      const next = new Set<number>();
      for (const sum of reachable) for (let v = low; v <= high && sum + v <= total; v += 1) next.add(sum + v);
      reachable = next;
    }
    const values: number[] = [];
    for (let v = 1; v < threshold; v += 1) if (reachable.has(rest - v)) values.push(v);
    result.set(i, values);
  }
  return result;
}

/** Whether a reader can tell the exact value of some suppressed cell of the column. */
function someSuppressedDerivable(shown: readonly ShownCount[], values: readonly number[], threshold: number): boolean {
  const total = values.reduce((a, b) => a + b, 0);
  return [...possibleValues(shown, total, threshold).values()].some((possible) => possible.length < 2);
}

/** The same column with every non-zero count that is not suppressed hidden: the most any hiding could do. */
function allHidden(values: readonly number[], threshold: number): ShownCount[] {
  return values.map((v) => (v >= threshold ? { kind: 'hidden' } : showCount(v, threshold)));
}

/** Every column of `length` cells with counts from 0 to `max`. */
function* columns(length: number, max: number): Generator<number[]> {
  if (length === 0) {
    yield [];
    return;
  }
  for (const head of columns(length - 1, max)) for (let v = 0; v <= max; v += 1) yield [...head, v];
}

describe('protectColumn: secondary suppression, so a "<t" cannot be worked out from the total', () => {
  it('hides one more count beside the one "<3" of schools with 10, 5 and 2 signals: 17 − 10 no longer gives 2', () => {
    const shown = protectColumn([10, 5, 2], 3);

    expect(shown).toEqual([{ kind: 'count', value: 10 }, { kind: 'hidden' }, { kind: 'suppressed', below: 3 }]);
    expect(possibleValues(shown, 17, 3).get(2)).toEqual([1, 2]);
  });

  it('hides a count above the threshold rather than one of exactly the threshold: "<3" and a hidden 3 adding up to 4 give the 1 away', () => {
    expect(protectColumn([3, 1, 10], 3)).toEqual([{ kind: 'count', value: 3 }, { kind: 'suppressed', below: 3 }, { kind: 'hidden' }]);
  });

  it('hides the smallest count above the threshold, the first of equals', () => {
    expect(protectColumn([9, 4, 2, 4], 3)).toEqual([
      { kind: 'count', value: 9 },
      { kind: 'hidden' },
      { kind: 'suppressed', below: 3 },
      { kind: 'count', value: 4 },
    ]);
  });

  it('hides one count beside several "<t" too, so the choice never depends on the suppressed values', () => {
    expect(protectColumn([1, 1, 6], 3)).toEqual([{ kind: 'suppressed', below: 3 }, { kind: 'suppressed', below: 3 }, { kind: 'hidden' }]);
    expect(protectColumn([1, 2, 6], 3)).toEqual([{ kind: 'suppressed', below: 3 }, { kind: 'suppressed', below: 3 }, { kind: 'hidden' }]);
  });

  it('hides nothing in a column without a "<t", and never a zero', () => {
    expect(protectColumn([10, 5, 0, 3], 3)).toEqual([10, 5, 0, 3].map((value) => ({ kind: 'count', value })));
    expect(protectColumn([0, 2, 0], 3)).toEqual([{ kind: 'count', value: 0 }, { kind: 'suppressed', below: 3 }, { kind: 'count', value: 0 }]);
  });

  it('hides nothing at threshold 2, where "<2" already means 1', () => {
    expect(protectColumn([1, 7], 2)).toEqual([{ kind: 'suppressed', below: 2 }, { kind: 'count', value: 7 }]);
  });

  it('refuses a threshold below 2, as showCount does', () => {
    expect(() => protectColumn([1, 7], 1)).toThrow(RangeError);
  });

  it.each([3, 4, 5])(
    'at threshold %i, over every column of up to 4 schools with 0 to 9: a "<t" is never worked out unless no hiding at all could prevent it',
    (threshold) => {
      let checked = 0;
      const problems: string[] = [];
      for (let length = 1; length <= 4; length += 1) {
        for (const values of columns(length, 9)) {
          const shown = protectColumn(values, threshold);
          checked += 1;
          // What is shown is true, small counts are suppressed, "•" is at least t, one "•" at most.
          const truthful = shown.every((cell, i) => {
            const value = values[i]!;
            if (cell.kind === 'count') return cell.value === value;
            if (cell.kind === 'suppressed') return value > 0 && value < threshold && cell.below === threshold;
            return value >= threshold;
          });
          if (!truthful) problems.push(`[${values}] shown untruthfully`);
          const hidden = shown.filter((cell) => cell.kind === 'hidden').length;
          const hasSuppressed = shown.some((cell) => cell.kind === 'suppressed');
          if (hidden !== (hasSuppressed && values.some((v) => v >= threshold) ? 1 : 0)) problems.push(`[${values}] hides ${hidden}`);

          if (someSuppressedDerivable(shown, values, threshold)) {
            // Only the documented limits: no other non-zero count, or all 1 beside others of exactly t.
            const others = values.filter((v) => v >= threshold);
            const small = values.filter((v) => v > 0 && v < threshold);
            const documented = others.length === 0 || (others.every((v) => v === threshold) && small.every((v) => v === 1));
            if (!documented || !someSuppressedDerivable(allHidden(values, threshold), values, threshold)) {
              problems.push(`[${values}] gives a "<${threshold}" away`);
            }
          }
        }
      }
      expect(problems.slice(0, 10)).toEqual([]);
      expect(checked).toBe(10 + 100 + 1000 + 10_000);
    },
  );
});

describe('protectSchoolTable: every column of the per-school table protected on its own', () => {
  const aLine = (schoolId: string, issued: number, acknowledged: number, supportedWithin48h: number, bounced: number): SchoolFigures => ({
    schoolId,
    issued,
    acknowledged,
    supportedWithin48h,
    bounced,
  });

  it('keeps the rows in their order and protects each column', () => {
    const table = protectSchoolTable([aLine('12AB00', 10, 9, 8, 0), aLine('34CD00', 5, 5, 4, 0), aLine('56EF00', 2, 0, 0, 3)], 3);

    expect(table).toEqual([
      { schoolId: '12AB00', issued: { kind: 'count', value: 10 }, acknowledged: { kind: 'count', value: 9 }, supportedWithin48h: { kind: 'count', value: 8 }, bounced: { kind: 'count', value: 0 } },
      { schoolId: '34CD00', issued: { kind: 'hidden' }, acknowledged: { kind: 'count', value: 5 }, supportedWithin48h: { kind: 'count', value: 4 }, bounced: { kind: 'count', value: 0 } },
      { schoolId: '56EF00', issued: { kind: 'suppressed', below: 3 }, acknowledged: { kind: 'count', value: 0 }, supportedWithin48h: { kind: 'count', value: 0 }, bounced: { kind: 'count', value: 3 } },
    ]);
  });

  it('gives an empty table for no schools', () => {
    expect(protectSchoolTable([], 3)).toEqual([]);
  });

  it('for generated tables, works out no "<t" of any column from its total, beyond what no hiding could prevent', () => {
    const count = fc.nat({ max: 14 });
    const line = fc.record({ issued: count, acknowledged: count, supportedWithin48h: count, bounced: count });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 7 }), fc.integer({ min: 3, max: 6 }), (lines, threshold) => {
        const rows = lines.map((l, i) => ({ schoolId: `S${i}`, ...l }));
        const table = protectSchoolTable(rows, threshold);
        expect(table.map((r) => r.schoolId)).toEqual(rows.map((r) => r.schoolId));
        for (const column of SCHOOL_COUNT_COLUMNS) {
          const values = rows.map((r) => r[column]);
          const shown = table.map((r) => r[column]);
          expect(shown).toEqual(protectColumn(values, threshold));
          if (someSuppressedDerivable(shown, values, threshold)) {
            expect(someSuppressedDerivable(allHidden(values, threshold), values, threshold)).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
