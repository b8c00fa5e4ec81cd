import type { WeeklyFigures } from '../../../../src/domain/digest/figures';
import type { IsoWeek } from '../../../../src/domain/digest/iso-week';
import { weeklyFigures, weeklyHeadline } from '../../../../src/domain/digest/weekly-figures';
import type { SignalState } from '../../../../src/domain/signal';
import { aFact, aFactWithoutSchool, hoursAfter, minutesAfter } from '../../../fixtures/signal-facts';

/** An instant written as Dutch wall-clock time with its offset, as the ISO string facts carry. */
const t = (local: string) => new Date(local).toISOString();

/** Monday 2 March 2026 00:00 CET up to Monday 9 March 2026 00:00 CET. */
const W10: IsoWeek = { year: 2026, week: 10 };
/** Long after every week in these tests: every 48-hour window has closed. */
const LATER = new Date('2026-12-31T12:00:00Z');

describe('weeklyFigures of an empty week', () => {
  it('counts 0 everywhere, divides by nothing and has no median', () => {
    const figures = weeklyFigures([], W10, LATER);
    const nothing = { numerator: 0, denominator: 0 };
    expect(figures).toEqual<WeeklyFigures>({
      week: W10,
      issued: 0,
      viaLeerplicht: 0,
      delivered: 0,
      openNow: 0,
      acknowledgedBeforeSchoolStart: nothing,
      acknowledgedWithin24h: nothing,
      supportedWithin48h: nothing,
      supportWindowOpen: 0,
      bounced: 0,
      noSchool: 0,
      escalated: 0,
      deadDeliveries: 0,
      supportByCategory: { no_penalty: 0, quiet_place: 0, listening_ear: 0, teacher_informed: 0, test_postponed: 0, other: 0 },
      noPriorConcern: nothing,
    });
    expect('medianMinutesToAcknowledge' in figures).toBe(false);
  });

  it('is empty when every fact passed in lies in another week', () => {
    const outside = [aFact({ issuedAt: t('2026-03-01T23:59:59+01:00') }), aFact({ issuedAt: t('2026-03-09T00:00:00+01:00') })];
    expect(weeklyFigures(outside, W10, LATER).issued).toBe(0);
  });
});

describe('weeklyFigures of a typical week (2026-W10)', () => {
  /** Monday evening, direct: seen before school, supported the next morning, no concern before. */
  const mondayEvening = aFact({
    issuedAt: t('2026-03-02T20:30+01:00'),
    dueAt: t('2026-03-03T08:30+01:00'),
    acknowledgedAt: t('2026-03-03T08:00+01:00'), // 690 min
    supportRecordedAt: t('2026-03-03T10:00+01:00'), // 13.5 h
    supportCategories: ['no_penalty', 'listening_ear'],
    priorConcern: 'no',
    state: 'supported',
  });
  /** Tuesday morning via leerplicht: seen late but within 24 h, escalated, supported after 49 h. */
  const tuesdayViaLeerplicht = aFact({
    issuedAt: t('2026-03-03T10:00+01:00'),
    viaLeerplicht: true,
    dueAt: t('2026-03-03T14:00+01:00'),
    acknowledgedAt: t('2026-03-03T15:00+01:00'), // 300 min
    supportRecordedAt: t('2026-03-05T11:00+01:00'), // 49 h
    supportCategories: ['quiet_place'],
    priorConcern: 'yes',
    escalated: true,
    state: 'supported',
  });
  /** Wednesday evening: seen after 25 hours, never supported, one card failed for good. */
  const wednesdayEvening = aFact({
    issuedAt: t('2026-03-04T19:00+01:00'),
    dueAt: t('2026-03-05T08:30+01:00'),
    acknowledgedAt: t('2026-03-05T20:00+01:00'), // 1500 min
    state: 'acknowledged',
    failedDeliveries: 1,
  });
  /** Thursday, direct: the school answered "niet onze leerling"; back with the worker. */
  const thursdayBounced = aFact({
    issuedAt: t('2026-03-05T09:00+01:00'),
    schoolId: '34CD00',
    dueAt: t('2026-03-05T11:00+01:00'),
    bounced: true,
    state: 'bounced',
  });
  /** Friday night via leerplicht: no school found. */
  const fridayNoSchool = aFactWithoutSchool({
    issuedAt: t('2026-03-06T22:00+01:00'),
    viaLeerplicht: true,
    noSchool: true,
    state: 'unroutable',
  });
  /** Sunday 23:30, still this week: seen and supported Monday morning; two cards failed. */
  const sundayNight = aFact({
    issuedAt: t('2026-03-08T23:30+01:00'),
    dueAt: t('2026-03-09T08:30+01:00'),
    acknowledgedAt: t('2026-03-09T08:10+01:00'), // 520 min
    supportRecordedAt: t('2026-03-09T12:00+01:00'),
    supportCategories: ['other', 'no_penalty'],
    priorConcern: 'unknown',
    state: 'supported',
    failedDeliveries: 2,
  });
  const otherWeeks = [
    aFact({ issuedAt: t('2026-03-01T23:59+01:00'), state: 'supported', supportRecordedAt: t('2026-03-02T09:00+01:00') }),
    aFact({ issuedAt: t('2026-03-09T00:00+01:00'), bounced: true, state: 'bounced' }),
  ];
  const facts = [otherWeeks[0]!, mondayEvening, tuesdayViaLeerplicht, wednesdayEvening, thursdayBounced, fridayNoSchool, sundayNight, otherWeeks[1]!];
  const figures = weeklyFigures(facts, W10, LATER);

  it('counts the signals issued, via leerplicht and delivered, leaving other weeks out', () => {
    expect(figures).toMatchObject({ week: W10, issued: 6, viaLeerplicht: 2, delivered: 5 });
  });

  it('counts as open what is neither supported nor closed without a school: the bounced one included', () => {
    expect(figures.openNow).toBe(2);
  });

  it('shares acknowledgements among the signals at a school now: not the one sent back', () => {
    expect(figures.acknowledgedBeforeSchoolStart).toEqual({ numerator: 2, denominator: 4 });
    expect(figures.acknowledgedWithin24h).toEqual({ numerator: 3, denominator: 4 });
  });

  it('takes the median time to acknowledge over the acknowledged, the mean of the middle two for an even count', () => {
    // 300, 520, 690, 1500 minutes
    expect(figures.medianMinutesToAcknowledge).toBe(605);
  });

  it('shares support within 48 hours among every signal issued, those without a school included', () => {
    expect(figures.supportedWithin48h).toEqual({ numerator: 2, denominator: 6 });
    expect(figures.supportWindowOpen).toBe(0);
  });

  it('counts bounced, no school, escalated and cards that failed for good', () => {
    expect(figures).toMatchObject({ bounced: 1, noSchool: 1, escalated: 1, deadDeliveries: 3 });
  });

  it('counts each support category, with 0 for the unused ones', () => {
    expect(figures.supportByCategory).toEqual({ no_penalty: 2, quiet_place: 1, listening_ear: 1, teacher_informed: 0, test_postponed: 0, other: 1 });
  });

  it('shares "no concern before" among the supports that answered the question', () => {
    expect(figures.noPriorConcern).toEqual({ numerator: 1, denominator: 3 });
  });

  it('gives the same headline as the figures', () => {
    expect(weeklyHeadline(facts, W10)).toEqual({ week: W10, supportedWithin48h: figures.supportedWithin48h });
  });
});

describe('which week a signal belongs to', () => {
  it('puts 2026-W53 from Monday 28 December 2026 to Sunday 3 January 2027, both ends on the Amsterdam clock', () => {
    const week53: IsoWeek = { year: 2026, week: 53 };
    const facts = [
      aFact({ issuedAt: t('2026-12-27T23:59+01:00') }),
      aFact({ issuedAt: t('2026-12-28T00:00+01:00') }),
      aFact({ issuedAt: t('2026-12-31T23:30+01:00') }),
      aFact({ issuedAt: t('2027-01-03T23:59+01:00') }),
      aFact({ issuedAt: t('2027-01-04T00:00+01:00') }),
    ];
    expect(weeklyFigures(facts, week53, LATER).issued).toBe(3);
    expect(weeklyFigures(facts, { year: 2027, week: 1 }, LATER).issued).toBe(1);
    expect(weeklyFigures(facts, { year: 2026, week: 52 }, LATER).issued).toBe(1);
  });

  it('keeps a signal issued Sunday 25 October 2026 23:30, after the clocks went back, in 2026-W43', () => {
    // 22:30 UTC: 168 hours after Monday 00:00 CEST would already be the next week.
    const sundayNight = aFact({ issuedAt: t('2026-10-25T23:30+01:00') });
    const mondayMidnight = aFact({ issuedAt: t('2026-10-26T00:00+01:00') });
    expect(weeklyFigures([sundayNight, mondayMidnight], { year: 2026, week: 43 }, LATER).issued).toBe(1);
    expect(weeklyFigures([sundayNight, mondayMidnight], { year: 2026, week: 44 }, LATER).issued).toBe(1);
  });

  it('puts a signal issued Monday 00:30 in Amsterdam (Sunday in UTC) in the new week', () => {
    const facts = [aFact({ issuedAt: '2026-03-08T23:30:00.000Z' })];
    expect(weeklyFigures(facts, W10, LATER).issued).toBe(0);
    expect(weeklyFigures(facts, { year: 2026, week: 11 }, LATER).issued).toBe(1);
  });
});

describe('the 48-hour headline', () => {
  const issuedAt = t('2026-03-03T10:00+01:00');

  it('counts support recorded exactly 48 hours after issue, not 48 hours and a minute', () => {
    const atTheHour = aFact({ issuedAt, supportRecordedAt: hoursAfter(issuedAt, 48), state: 'supported' });
    const aMinuteLate = aFact({ issuedAt, supportRecordedAt: minutesAfter(issuedAt, 48 * 60 + 1), state: 'supported' });
    expect(weeklyFigures([atTheHour], W10, LATER).supportedWithin48h).toEqual({ numerator: 1, denominator: 1 });
    expect(weeklyFigures([aMinuteLate], W10, LATER).supportedWithin48h).toEqual({ numerator: 0, denominator: 1 });
  });

  it('measures elapsed hours across the spring change, not the wall clock', () => {
    // Saturday 28 March 10:00 CET; Monday 30 March 11:00 CEST is 48 elapsed hours later.
    const saturday = t('2026-03-28T10:00+01:00');
    const week13: IsoWeek = { year: 2026, week: 13 };
    const onTime = aFact({ issuedAt: saturday, supportRecordedAt: t('2026-03-30T11:00+02:00'), state: 'supported' });
    const late = aFact({ issuedAt: saturday, supportRecordedAt: t('2026-03-30T11:01+02:00'), state: 'supported' });
    expect(weeklyFigures([onTime, late], week13, LATER).supportedWithin48h).toEqual({ numerator: 1, denominator: 2 });
  });

  it('counts support recorded late, after 48 hours, in the denominator only', () => {
    const late = aFact({ issuedAt, supportRecordedAt: hoursAfter(issuedAt, 72), state: 'supported' });
    expect(weeklyFigures([late], W10, LATER).supportedWithin48h).toEqual({ numerator: 0, denominator: 1 });
  });
});

describe('supportWindowOpen: signals whose 48 hours are still running at now', () => {
  const issuedAt = t('2026-03-03T10:00+01:00');
  const waiting = aFact({ issuedAt, acknowledgedAt: hoursAfter(issuedAt, 1), state: 'acknowledged' });
  const alreadySupported = aFact({ issuedAt, supportRecordedAt: hoursAfter(issuedAt, 2), state: 'supported' });
  const noSchool = aFactWithoutSchool({ issuedAt, noSchool: true, state: 'unroutable' });
  const facts = [waiting, alreadySupported, noSchool];
  const openAt = (hours: number) => weeklyFigures(facts, W10, new Date(hoursAfter(issuedAt, hours))).supportWindowOpen;

  it('counts a signal without support while now is inside its 48 hours', () => {
    expect(openAt(1)).toBe(1);
    expect(openAt(47.99)).toBe(1);
  });

  it('closes the window at 48 hours', () => {
    expect(openAt(48)).toBe(0);
    expect(openAt(49)).toBe(0);
  });

  it('leaves out a signal already supported and one closed without a school: neither can raise the headline', () => {
    expect(weeklyFigures([alreadySupported, noSchool], W10, new Date(hoursAfter(issuedAt, 1))).supportWindowOpen).toBe(0);
  });
});

describe('the "seen" shares count only what can be judged at now', () => {
  // Sunday 8 March 21:00, due Monday 08:30: at Monday 08:00 it is neither late nor missed yet.
  const issuedAt = t('2026-03-08T21:00+01:00');
  const dueAt = t('2026-03-09T08:30+01:00');
  const at = (local: string) => new Date(t(local));
  const seen = (facts: Parameters<typeof weeklyFigures>[0], now: Date) => {
    const f = weeklyFigures(facts, W10, now);
    return [f.acknowledgedBeforeSchoolStart, f.acknowledgedWithin24h];
  };
  const share = (numerator: number, denominator: number) => ({ numerator, denominator });

  it('leaves an unacknowledged signal out of both while school has not started', () => {
    expect(seen([aFact({ issuedAt, dueAt })], at('2026-03-09T08:00+01:00'))).toEqual([share(0, 0), share(0, 0)]);
  });

  it('counts it as not seen before school start once school started, not yet against the 24 hours', () => {
    expect(seen([aFact({ issuedAt, dueAt })], at('2026-03-09T08:30+01:00'))).toEqual([share(0, 1), share(0, 0)]);
    expect(seen([aFact({ issuedAt, dueAt })], at('2026-03-09T20:59+01:00'))).toEqual([share(0, 1), share(0, 0)]);
  });

  it('counts it as not seen within 24 hours once the 24 hours have passed', () => {
    expect(seen([aFact({ issuedAt, dueAt })], at('2026-03-09T21:00+01:00'))).toEqual([share(0, 1), share(0, 1)]);
  });

  it('counts a signal already acknowledged at once, in the numerator and the denominator', () => {
    const early = aFact({ issuedAt, dueAt, acknowledgedAt: t('2026-03-09T07:50+01:00'), state: 'acknowledged' });
    expect(seen([early], at('2026-03-09T08:00+01:00'))).toEqual([share(1, 1), share(1, 1)]);
  });

  it('counts a late acknowledgement as late, also while the 24 hours still run', () => {
    const late = aFact({ issuedAt, dueAt, acknowledgedAt: t('2026-03-09T09:00+01:00'), state: 'acknowledged' });
    expect(seen([late], at('2026-03-09T10:00+01:00'))).toEqual([share(0, 1), share(1, 1)]);
  });
});

describe('the "seen" shares count only signals at a school now', () => {
  const issuedAt = t('2026-03-03T10:00+01:00');
  const dueAt = t('2026-03-03T12:00+01:00');
  const share = (numerator: number, denominator: number) => ({ numerator, denominator });

  it.each<SignalState>(['bounced', 'awaiting_routing', 'unroutable'])(
    'leaves out a signal sent back, now %s, though it carries the dueAt of the school that sent it back',
    (state) => {
      const sentBack = aFact({ issuedAt, dueAt, schoolId: '34CD00', bounced: true, state, viaLeerplicht: state !== 'bounced' });
      const figures = weeklyFigures([sentBack], W10, LATER);
      expect(figures.acknowledgedBeforeSchoolStart).toEqual(share(0, 0));
      expect(figures.acknowledgedWithin24h).toEqual(share(0, 0));
    },
  );

  it.each<SignalState>(['issued', 'delivered', 'acknowledged', 'supported'])('counts a signal at a school now, %s', (state) => {
    const atSchool = aFact({ issuedAt, dueAt, state });
    expect(weeklyFigures([atSchool], W10, LATER).acknowledgedBeforeSchoolStart.denominator).toBe(1);
    expect(weeklyFigures([atSchool], W10, LATER).acknowledgedWithin24h.denominator).toBe(1);
  });

  it('counts a signal placed at another school after one sent it back, by its new due time', () => {
    const placed = aFact({ issuedAt, dueAt, bounced: true, viaLeerplicht: true, acknowledgedAt: hoursAfter(issuedAt, 1), state: 'acknowledged' });
    expect(weeklyFigures([placed], W10, LATER).acknowledgedBeforeSchoolStart).toEqual(share(1, 1));
  });
});

describe('openNow', () => {
  const states: [SignalState, number][] = [
    ['awaiting_routing', 1],
    ['issued', 1],
    ['delivered', 1],
    ['acknowledged', 1],
    ['bounced', 1],
    ['supported', 0],
    ['unroutable', 0],
  ];
  it.each(states)('counts a signal in state %s as %i open', (state, open) => {
    expect(weeklyFigures([aFact({ state })], W10, LATER).openNow).toBe(open);
  });
});

describe('the smaller rules', () => {
  it('rounds the median to whole minutes only after taking it', () => {
    const issuedAt = t('2026-03-03T10:00+01:00');
    const secondsAfter = (s: number) => new Date(Date.parse(issuedAt) + s * 1000).toISOString();
    // 10 min 40 s and 11 min 40 s: the median is 11 min 10 s, so 11 (rounding each first would give 11.5 → 12).
    const facts = [aFact({ issuedAt, acknowledgedAt: secondsAfter(640) }), aFact({ issuedAt, acknowledgedAt: secondsAfter(700) })];
    expect(weeklyFigures(facts, W10, LATER).medianMinutesToAcknowledge).toBe(11);
  });

  it('rounds a median of half a minute up', () => {
    const issuedAt = t('2026-03-03T10:00+01:00');
    const facts = [10, 11].map((m) => aFact({ issuedAt, acknowledgedAt: minutesAfter(issuedAt, m) }));
    expect(weeklyFigures(facts, W10, LATER).medianMinutesToAcknowledge).toBe(11);
  });

  it('takes the middle value of an odd count', () => {
    const issuedAt = t('2026-03-03T10:00+01:00');
    const facts = [5, 900, 60].map((m) => aFact({ issuedAt, acknowledgedAt: minutesAfter(issuedAt, m) }));
    expect(weeklyFigures(facts, W10, LATER).medianMinutesToAcknowledge).toBe(60);
  });

  it('counts a support category named twice on one signal once', () => {
    const twice = aFact({ issuedAt: t('2026-03-03T10:00+01:00'), supportCategories: ['quiet_place', 'quiet_place'], state: 'supported' });
    expect(weeklyFigures([twice], W10, LATER).supportByCategory.quiet_place).toBe(1);
  });

  it('counts an acknowledgement at exactly the due time as before school start', () => {
    const dueAt = t('2026-03-04T08:30+01:00');
    const onTheDot = aFact({ issuedAt: t('2026-03-03T21:00+01:00'), dueAt, acknowledgedAt: dueAt });
    expect(weeklyFigures([onTheDot], W10, LATER).acknowledgedBeforeSchoolStart).toEqual({ numerator: 1, denominator: 1 });
  });

  it('counts an acknowledgement exactly 24 hours after issue as within 24 hours, a minute more not', () => {
    const issuedAt = t('2026-03-03T10:00+01:00');
    const facts = [aFact({ issuedAt, acknowledgedAt: hoursAfter(issuedAt, 24) }), aFact({ issuedAt, acknowledgedAt: minutesAfter(issuedAt, 24 * 60 + 1) })];
    expect(weeklyFigures(facts, W10, LATER).acknowledgedWithin24h).toEqual({ numerator: 1, denominator: 2 });
  });
});
