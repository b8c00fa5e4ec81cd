import { buildDigest, trendWeeks } from '../../../../src/domain/digest/build-digest';
import { countsOf } from '../../../../src/domain/digest/weekly-counts';
import { addWeeks, weekRange, type IsoWeek } from '../../../../src/domain/digest/iso-week';
import type { SignalFacts } from '../../../../src/domain/digest/signal-facts';
import { weeklyFigures, weeklyHeadline } from '../../../../src/domain/digest/weekly-figures';
import { aFact, hoursAfter } from '../../../fixtures/signal-facts';

/** Its trend reaches back over 2026-W53 into 2026-W04. */
const WEEK: IsoWeek = { year: 2027, week: 2 };
const NOW = new Date('2027-01-18T06:00:00Z');

/** A signal issued `hoursIntoWeek` after the week's Monday 00:00, supported within 48 hours or not. */
function issuedIn(week: IsoWeek, hoursIntoWeek: number, supportedInTime: boolean, overrides: Partial<SignalFacts> = {}): SignalFacts {
  const issuedAt = hoursAfter(weekRange(week).from.toISOString(), hoursIntoWeek);
  return aFact({
    issuedAt,
    supportRecordedAt: hoursAfter(issuedAt, supportedInTime ? 30 : 60),
    state: 'supported',
    ...overrides,
  });
}

describe('buildDigest', () => {
  it('gives the 52 weeks up to and including the week, oldest first, one after the other', () => {
    const { lastYear } = buildDigest([], WEEK, NOW, { perSchool: false });
    expect(lastYear).toHaveLength(52);
    expect(lastYear[0]!.week).toEqual({ year: 2026, week: 4 });
    expect(lastYear[51]!.week).toEqual(WEEK);
    lastYear.slice(1).forEach((headline, i) => expect(headline.week).toEqual(addWeeks(lastYear[i]!.week, 1)));
  });

  it('gives the four weeks before the week, oldest first, week 53 of 2026 among them', () => {
    const { previousWeeks } = buildDigest([], WEEK, NOW, { perSchool: false });
    expect(previousWeeks.map((h) => h.week)).toEqual([
      { year: 2026, week: 51 },
      { year: 2026, week: 52 },
      { year: 2026, week: 53 },
      { year: 2027, week: 1 },
    ]);
  });

  it('puts each signal in its own week of the trend, 2026-W53 included', () => {
    const week53: IsoWeek = { year: 2026, week: 53 };
    const facts = [issuedIn(week53, 0, true), issuedIn(week53, 167.99, false), issuedIn(WEEK, 10, true)];
    const digest = buildDigest(facts, WEEK, NOW, { perSchool: false });
    expect(digest.previousWeeks[2]).toEqual({ week: week53, supportedWithin48h: { numerator: 1, denominator: 2 } });
    expect(digest.lastYear[49]).toEqual(digest.previousWeeks[2]);
    expect(digest.lastYear[51]).toEqual({ week: WEEK, supportedWithin48h: { numerator: 1, denominator: 1 } });
  });

  it('gives the same figures and headlines as asking week by week, and ignores signals outside the 52 weeks', () => {
    const weeks = Array.from({ length: 54 }, (_, i) => addWeeks(WEEK, i - 52));
    // Every week gets signals at its first and last instants and in between, so each boundary is tried.
    const facts = weeks.flatMap((week, i) => [
      issuedIn(week, 0, i % 2 === 0),
      issuedIn(week, 84.5, i % 3 === 0, { schoolId: '34CD00' }),
      aFact({ issuedAt: new Date(weekRange(week).to.getTime() - 1).toISOString(), state: 'delivered' }),
    ]);
    const digest = buildDigest(facts, WEEK, NOW, { perSchool: true });
    expect(digest.figures).toEqual(weeklyFigures(facts, WEEK, NOW));
    expect(digest.lastYear).toEqual(weeks.slice(1, 53).map((week) => weeklyHeadline(facts, week)));
    expect(digest.lastYear.reduce((sum, h) => sum + h.supportedWithin48h.denominator, 0)).toBe(52 * 3);
  });

  it('gives no school table when perSchool is false', () => {
    const digest = buildDigest([issuedIn(WEEK, 10, true)], WEEK, NOW, { perSchool: false });
    expect('schools' in digest).toBe(false);
  });

  it('gives the week\'s school table when perSchool is true', () => {
    const facts = [issuedIn(WEEK, 10, true, { schoolId: '34CD00' }), issuedIn(WEEK, 11, false), issuedIn(addWeeks(WEEK, -1), 10, true, { schoolId: '78GH00' })];
    expect(buildDigest(facts, WEEK, NOW, { perSchool: true }).schools).toEqual([
      { schoolId: '12AB00', issued: 1, acknowledged: 0, supportedWithin48h: 0, bounced: 0 },
      { schoolId: '34CD00', issued: 1, acknowledged: 0, supportedWithin48h: 1, bounced: 0 },
    ]);
  });

  it("takes the trend from a store's own counts, week by week, and the week itself from its facts", () => {
    const facts = [issuedIn(WEEK, 10, true), issuedIn(WEEK, 20, false)];
    const trendCounts = trendWeeks(WEEK).map((_, i) => ({ issued: i, supportedWithin48h: Math.floor(i / 2) }));

    const { lastYear, previousWeeks, figures } = buildDigest(facts, WEEK, NOW, { perSchool: false, trendCounts });

    expect(lastYear[0]!.supportedWithin48h).toEqual({ numerator: 0, denominator: 0 });
    expect(lastYear[50]!.supportedWithin48h).toEqual({ numerator: 25, denominator: 50 });
    expect(previousWeeks.at(-1)).toEqual(lastYear[50]);
    // The digest's own week is always the figures' headline, from the facts.
    expect(lastYear[51]!.supportedWithin48h).toEqual(figures.supportedWithin48h);
    expect(figures.supportedWithin48h).toEqual({ numerator: 1, denominator: 2 });
  });

  it('gives the same trend from counts as from a whole year of facts', () => {
    const year = trendWeeks(WEEK).flatMap((w, i) => Array.from({ length: i % 4 }, (_, k) => issuedIn(w, 10 + k, k % 2 === 0)));
    const fromFacts = buildDigest(year, WEEK, NOW, { perSchool: false });
    const scope = { readMunicipalityIds: [year[0]!.municipalityId], municipalityIds: [year[0]!.municipalityId], schoolIds: [] };
    const trendCounts = countsOf(year, scope, trendWeeks(WEEK).map(weekRange));

    expect(buildDigest(year.filter((f) => weekOf(f) === 'this'), WEEK, NOW, { perSchool: false, trendCounts })).toEqual(fromFacts);
  });
});

/** Whether a fact was issued in WEEK. */
function weekOf(f: SignalFacts): 'this' | 'other' {
  const { from, to } = weekRange(WEEK);
  const ms = Date.parse(f.issuedAt);
  return ms >= from.getTime() && ms < to.getTime() ? 'this' : 'other';
}
