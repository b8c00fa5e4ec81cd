import { sharePercent, showCount } from '../../../../src/domain/digest/small-counts';

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
