/**
 * The weekly digest card: counts only, never a child. Digests are built by hand here, so these
 * tests say what the card shows for given figures, whatever computes them.
 */
import type { AdaptiveCard, CardElement } from '../../cards/adaptive-card';
import { digestCard } from '../../cards/digest-card';
import { en } from '../../cards/i18n/en';
import { nl } from '../../cards/i18n/nl';
import type { DigestView, Locale } from '../../cards/view-models';
import type { Digest, SchoolFigures, Share, WeeklyFigures, WeeklyHeadline } from '../../src/domain/digest/figures';
import { addWeeks, type IsoWeek } from '../../src/domain/digest/iso-week';
import { structuralProblems } from './card-structure';
import { actionsOf, elementsOf, visibleTexts } from './card-walk';
import { CHILD, CHILD_STRINGS, LOCALES } from './views';

const W47: IsoWeek = { year: 2026, week: 47 };
const NOTHING: Share = { numerator: 0, denominator: 0 };

const aWeek = (over: Partial<WeeklyFigures> = {}): WeeklyFigures => ({
  week: W47,
  issued: 10,
  viaLeerplicht: 3,
  delivered: 9,
  openNow: 2,
  acknowledgedBeforeSchoolStart: { numerator: 8, denominator: 9 },
  acknowledgedWithin24h: { numerator: 9, denominator: 9 },
  medianMinutesToAcknowledge: 200,
  supportedWithin48h: { numerator: 7, denominator: 10 },
  supportWindowOpen: 0,
  bounced: 1,
  noSchool: 1,
  escalated: 2,
  deadDeliveries: 0,
  supportByCategory: { no_penalty: 4, quiet_place: 2, listening_ear: 5, teacher_informed: 0, test_postponed: 0, other: 0 },
  noPriorConcern: { numerator: 3, denominator: 7 },
  ...over,
});

const anEmptyWeek = (week: IsoWeek = W47): WeeklyFigures =>
  aWeek({
    week,
    issued: 0,
    viaLeerplicht: 0,
    delivered: 0,
    openNow: 0,
    acknowledgedBeforeSchoolStart: NOTHING,
    acknowledgedWithin24h: NOTHING,
    medianMinutesToAcknowledge: undefined,
    supportedWithin48h: NOTHING,
    bounced: 0,
    noSchool: 0,
    escalated: 0,
    supportByCategory: { no_penalty: 0, quiet_place: 0, listening_ear: 0, teacher_informed: 0, test_postponed: 0, other: 0 },
    noPriorConcern: NOTHING,
  });

/** 52 weeks up to `last`, oldest first: no signals except in the weeks given. */
function aYear(last: IsoWeek, shares: Record<number, Share>): WeeklyHeadline[] {
  return Array.from({ length: 52 }, (_, i) => {
    const week = addWeeks(last, i - 51);
    return { week, supportedWithin48h: shares[week.week] ?? NOTHING };
  });
}

const YEAR_SHARES: Record<number, Share> = {
  20: { numerator: 1, denominator: 2 },
  30: { numerator: 9, denominator: 10 },
  43: { numerator: 8, denominator: 10 },
  45: { numerator: 6, denominator: 6 },
  47: { numerator: 7, denominator: 10 },
};

function aDigest(over: Partial<Digest> = {}): Digest {
  const figures = over.figures ?? aWeek();
  const lastYear = over.lastYear ?? aYear(figures.week, YEAR_SHARES);
  return { figures, previousWeeks: lastYear.slice(47, 51), lastYear, ...over };
}

const SCHOOL_NAMES = { '12AB00': 'Basisschool De Regenboog', '34CD01': 'Het Kompas', '56EF02': 'De Sterrenwacht' };

const aDigestView = (over: Partial<DigestView> = {}): DigestView => ({
  locale: 'nl',
  scopeName: 'Heerlen',
  digest: aDigest(),
  schoolNames: SCHOOL_NAMES,
  smallCountThreshold: 3,
  // Monday 07:00 in Amsterdam (CET).
  generatedAt: '2026-11-23T06:00:00.000Z',
  ...over,
});

const textOf = (card: AdaptiveCard): string => visibleTexts(card).join('\n');
const ofType = (card: AdaptiveCard, type: string): CardElement[] => elementsOf(card).filter((e) => e.type === type);

/** The value a FactSet shows for a title, wherever on the card. */
function fact(card: AdaptiveCard, title: string): string | undefined {
  for (const set of ofType(card, 'FactSet')) {
    const found = (set.facts as Array<{ title: string; value: string }>).find((f) => f.title === title);
    if (found) return found.value;
  }
  return undefined;
}

/** The per-school table as rows of cell texts, header first. */
function tableRows(card: AdaptiveCard): string[][] {
  const [table] = ofType(card, 'Table');
  if (!table) throw new Error('no table');
  const rows = table.rows as Array<{ cells: Array<{ items: Array<{ text: string }> }> }>;
  return rows.map((row) => row.cells.map((c) => c.items.map((i) => i.text).join(' ')));
}

const aSchool = (schoolId: string, issued: number, over: Partial<SchoolFigures> = {}): SchoolFigures => ({
  schoolId,
  issued,
  acknowledged: issued,
  supportedWithin48h: issued,
  bounced: 0,
  ...over,
});

describe('the weekly digest card', () => {
  describe('its week', () => {
    it('names the week and its Monday to Sunday, in Dutch and in English', () => {
      expect(digestCard(aDigestView()).body[0]?.text).toBe('Overzicht week 47 (16–22 november 2026)');
      expect(digestCard(aDigestView({ locale: 'en' })).body[0]?.text).toBe('Overview week 47 (16–22 November 2026)');
    });

    it('counts the Sunday in Amsterdam, also in the week the clocks go back', () => {
      const week43 = aDigestView({ digest: aDigest({ figures: aWeek({ week: { year: 2026, week: 43 } }) }) });

      expect(digestCard(week43).body[0]?.text).toBe('Overzicht week 43 (19–25 oktober 2026)');
    });

    it('spells out both months, and both years, when the week spans them', () => {
      const across = (week: IsoWeek): unknown => digestCard(aDigestView({ digest: aDigest({ figures: aWeek({ week }) }) })).body[0]?.text;

      expect(across({ year: 2026, week: 44 })).toBe('Overzicht week 44 (26 oktober – 1 november 2026)');
      expect(across({ year: 2026, week: 53 })).toBe('Overzicht week 53 (28 december 2026 – 3 januari 2027)');
    });

    it('says whose figures they are and the week code to ask for it again', () => {
      const text = textOf(digestCard(aDigestView({ scopeName: 'Heerlen, Kerkrade' })));

      expect(text).toContain('Voor Heerlen, Kerkrade · 2026-W47');
    });
  });

  describe('the headline', () => {
    it('says how many children of how many had support within 48 hours, right under the title', () => {
      const card = digestCard(aDigestView());
      const headline = card.body[2]!;

      expect(headline).toMatchObject({ type: 'Container', style: 'emphasis' });
      expect((headline.items as CardElement[])[0]).toMatchObject({
        text: 'Steun binnen 48 uur: 7 van 10 kinderen (70%)',
        size: 'large',
        weight: 'bolder',
      });
    });

    it('shows "—", never 0 %, for a week without signals', () => {
      const text = textOf(digestCard(aDigestView({ digest: aDigest({ figures: anEmptyWeek(), lastYear: aYear(W47, {}) }) })));

      expect(text).toContain('Steun binnen 48 uur: — (deze week geen signalen)');
      expect(text).not.toMatch(/\b0 ?%/);
    });

    it('says for how many children the 48 hours are still running', () => {
      const open = (count: number, locale: Locale = 'nl'): string =>
        textOf(digestCard(aDigestView({ locale, digest: aDigest({ figures: aWeek({ supportWindowOpen: count }) }) })));

      expect(open(2)).toContain('Bij 2 kinderen loopt de 48 uur nog');
      expect(open(1)).toContain('Bij 1 kind loopt de 48 uur nog');
      expect(open(0)).not.toContain('loopt de 48 uur nog');
      expect(open(2, 'en')).toContain('For 2 children the 48 hours are still running');
    });

    it('speaks English for an English reader', () => {
      expect(textOf(digestCard(aDigestView({ locale: 'en' })))).toContain('Support within 48 hours: 7 of 10 children (70%)');
    });
  });

  describe('the week in figures', () => {
    it('lists every count, and every share with what it is a share of', () => {
      const card = digestCard(aDigestView());
      const f = nl.digest.figures;

      expect(fact(card, f.issued)).toBe('10');
      expect(fact(card, f.viaLeerplicht)).toBe('3');
      expect(fact(card, f.delivered)).toBe('9');
      expect(fact(card, f.openNow)).toBe('2');
      expect(fact(card, f.acknowledgedBeforeSchoolStart)).toBe('8 van 9 (89%)');
      expect(fact(card, f.acknowledgedWithin24h)).toBe('9 van 9 (100%)');
      expect(fact(card, f.medianToAcknowledge)).toBe('3 u 20 min');
      expect(fact(card, f.bounced)).toBe('1');
      expect(fact(card, f.noSchool)).toBe('1');
      expect(fact(card, f.escalated)).toBe('2');
      expect(fact(card, f.deadDeliveries)).toBe('0');
      expect(fact(card, f.noPriorConcern)).toBe('3 van 7 (43%)');
    });

    it('says what the "seen" shares are of: signals at a school now whose moment has passed', () => {
      expect(textOf(digestCard(aDigestView()))).toContain(
        'Gezien: van de signalen die nu bij een school zijn en waarvan het moment (schoolbegin, of 24 uur na versturen) al voorbij is',
      );
      expect(textOf(digestCard(aDigestView({ locale: 'en' })))).toContain(
        'Seen: of the signals at a school now whose moment (school start, or 24 hours after sending) has passed',
      );
    });

    it('writes a median of minutes as hours and minutes, in either language', () => {
      const median = (minutes: number, locale: Locale = 'nl'): string | undefined =>
        fact(
          digestCard(aDigestView({ locale, digest: aDigest({ figures: aWeek({ medianMinutesToAcknowledge: minutes }) }) })),
          (locale === 'nl' ? nl : en).digest.figures.medianToAcknowledge,
        );

      expect(median(45)).toBe('45 min');
      expect(median(120)).toBe('2 u');
      expect(median(1625.5)).toBe('27 u 6 min');
      expect(median(200, 'en')).toBe('3 h 20 min');
    });

    it('shows "—" for every share and the median of a week without signals', () => {
      const card = digestCard(aDigestView({ digest: aDigest({ figures: anEmptyWeek() }) }));
      const f = nl.digest.figures;

      expect(fact(card, f.issued)).toBe('0');
      for (const title of [f.acknowledgedBeforeSchoolStart, f.acknowledgedWithin24h, f.medianToAcknowledge, f.noPriorConcern]) {
        expect(fact(card, title)).toBe('—');
      }
    });

    it('lists the kinds of support that occurred, in the support form’s words', () => {
      const card = digestCard(aDigestView());

      expect(fact(card, nl.supportForm.categories.no_penalty)).toBe('4');
      expect(fact(card, nl.supportForm.categories.quiet_place)).toBe('2');
      expect(fact(card, nl.supportForm.categories.listening_ear)).toBe('5');
      expect(fact(card, nl.supportForm.categories.teacher_informed)).toBeUndefined();
      expect(textOf(card)).not.toContain(nl.digest.support.empty);
    });

    it('says so when no support was recorded yet', () => {
      const text = textOf(digestCard(aDigestView({ digest: aDigest({ figures: anEmptyWeek() }) })));

      expect(text).toContain('Nog geen steun vastgelegd.');
    });
  });

  describe('the trend', () => {
    it('lists the four weeks before, in text', () => {
      const card = digestCard(aDigestView());

      expect(fact(card, 'week 43')).toBe('80% (8 van 10)');
      expect(fact(card, 'week 44')).toBe('— (geen signalen)');
      expect(fact(card, 'week 45')).toBe('100% (6 van 6)');
      expect(fact(card, 'week 46')).toBe('— (geen signalen)');
    });

    it('sums up the 52 weeks in one line: the average over all children, the lowest and highest week', () => {
      // 1+9+8+6+7 of 2+10+10+6+10: 31 of 38.
      expect(textOf(digestCard(aDigestView()))).toContain(
        'Afgelopen 52 weken: gemiddeld 82% (31 van 38), over 5 weken met signalen; laagste week 50% (week 20), hoogste week 100% (week 45).',
      );
    });

    it('draws the weeks with signals as a Teams bar chart, with a text fallback', () => {
      const [chart] = ofType(digestCard(aDigestView()), 'Chart.VerticalBar');

      expect(chart).toMatchObject({
        title: nl.digest.trend.chartTitle,
        xAxisTitle: 'Weeknummer',
        yAxisTitle: 'Procent',
        data: [
          { x: '20', y: 50 },
          { x: '30', y: 90 },
          { x: '43', y: 80 },
          { x: '45', y: 100 },
          { x: '47', y: 70 },
        ],
      });
      const fallback = chart!.fallback as CardElement;
      expect(fallback.type).toBe('Container');
      const sparkline = String((fallback.items as CardElement[])[0]!.text);
      expect([...sparkline]).toHaveLength(52);
      // Weeks 43 to 47: 80 %, none, 100 %, none, 70 %.
      expect(sparkline.slice(-5)).toBe('▆·█·▆');
    });

    it('draws only none as the lowest and only all as the highest step of the text sparkline', () => {
      const spark = (share: Share): string => {
        const [chart] = ofType(digestCard(aDigestView({ digest: aDigest({ lastYear: aYear(W47, { 47: share }) }) })), 'Chart.VerticalBar');
        return [...String(((chart!.fallback as CardElement).items as CardElement[])[0]!.text)].at(-1)!;
      };

      expect(spark({ numerator: 0, denominator: 4 })).toBe('▁');
      expect(spark({ numerator: 1, denominator: 300 })).toBe('▂');
      expect(spark({ numerator: 199, denominator: 200 })).toBe('▇');
      expect(spark({ numerator: 4, denominator: 4 })).toBe('█');
    });

    it('never shows a number only in the chart: every bar is also a line of text on the card', () => {
      const card = digestCard(aDigestView());
      const [chart] = ofType(card, 'Chart.VerticalBar');
      const allWeeks = elementsOf(card).find((e) => e.id === 'digest-all-weeks')!;
      const toggle = actionsOf(card).find((a) => a.type === 'Action.ToggleVisibility');

      expect(toggle).toMatchObject({ title: 'Alle 52 weken als tekst', targetElements: ['digest-all-weeks'] });
      expect(allWeeks.isVisible).toBe(false);
      const listed = visibleTexts({ ...card, body: [allWeeks] }).join('\n');
      for (const { x, y } of chart!.data as Array<{ x: string; y: number }>) {
        expect(listed).toMatch(new RegExp(`week ${x}( \\(\\d{4}\\))?\\n${y}% \\(`));
      }
      // Weeks of the year before carry their year, so "week 48" is never ambiguous.
      expect(listed.match(/^week \d+( \(\d{4}\))?$/gm)).toHaveLength(52);
      expect(listed).toMatch(/^week 48 \(2025\)$/m);
      expect(listed).toMatch(/^week 47$/m);
    });

    it('leaves the chart out, and says so in words, while there were no signals all year', () => {
      const card = digestCard(aDigestView({ digest: aDigest({ figures: anEmptyWeek(), lastYear: aYear(W47, {}) }) }));

      expect(ofType(card, 'Chart.VerticalBar')).toEqual([]);
      expect(textOf(card)).toContain('Afgelopen 52 weken: nog geen signalen.');
    });
  });

  describe('the schools', () => {
    const withSchools = (schools: SchoolFigures[], over: Partial<DigestView> = {}): AdaptiveCard =>
      digestCard(aDigestView({ digest: aDigest({ schools }), ...over }));

    it('shows no school table for a scope without one', () => {
      const card = digestCard(aDigestView());

      expect(ofType(card, 'Table')).toEqual([]);
      expect(textOf(card)).not.toContain('Per school');
    });

    it('shows one row per school, by name, with every count', () => {
      const rows = tableRows(
        withSchools([aSchool('34CD01', 5, { acknowledged: 4, supportedWithin48h: 3, bounced: 0 }), aSchool('12AB00', 7, { bounced: 4 })]),
      );

      expect(rows).toEqual([
        ['School', 'Signalen', 'Gezien', 'Steun ≤ 48 u', 'Teruggestuurd'],
        ['Basisschool De Regenboog', '7', '7', '7', '4'],
        ['Het Kompas', '5', '4', '3', '0'],
      ]);
    });

    it('shows 1 and 2 as "<3" at threshold 3, but 0 and 3 as they are, and explains "<3"', () => {
      const card = withSchools([aSchool('12AB00', 3, { acknowledged: 2, supportedWithin48h: 1, bounced: 0 })]);

      expect(tableRows(card)[1]).toEqual(['Basisschool De Regenboog', '3', '<3', '<3', '0']);
      expect(textOf(card)).toContain('„<3” betekent 1 tot en met 2.');
    });

    it('hides one more count in a column with a "<3", so the total cannot give it away, and explains "•"', () => {
      // 10, 5 and 2 signals: the card shows 17 issued, so 10 / 5 / <3 would give the 2 away.
      const card = withSchools([
        aSchool('12AB00', 10, { acknowledged: 9, supportedWithin48h: 8 }),
        aSchool('34CD01', 5, { acknowledged: 5, supportedWithin48h: 4 }),
        aSchool('56EF02', 2, { acknowledged: 0, supportedWithin48h: 0 }),
      ]);

      expect(tableRows(card).slice(1)).toEqual([
        ['Basisschool De Regenboog', '10', '9', '8', '0'],
        ['De Sterrenwacht', '<3', '0', '0', '0'],
        ['Het Kompas', '•', '5', '4', '0'],
      ]);
      expect(textOf(card)).toContain(nl.digest.schools.hiddenNote);
      expect(nl.digest.schools.hiddenNote).toMatch(/^„•” /);
      expect(textOf(withSchools([aSchool('12AB00', 10), aSchool('34CD01', 2)], { locale: 'en' }))).toContain(
        '"•" is a hidden count: otherwise a small count elsewhere in the same column could be worked out from the total.',
      );
    });

    it('shows no "•" and no line about it when no count needs hiding', () => {
      const card = withSchools([aSchool('12AB00', 10), aSchool('34CD01', 5, { acknowledged: 4, supportedWithin48h: 3 })]);

      expect(tableRows(card).slice(1)).toEqual([
        ['Basisschool De Regenboog', '10', '10', '10', '0'],
        ['Het Kompas', '5', '4', '3', '0'],
      ]);
      expect(textOf(card)).not.toContain('•');
    });

    it('follows the configured threshold', () => {
      const card = withSchools([aSchool('12AB00', 4, { acknowledged: 5, bounced: 1 })], { smallCountThreshold: 5 });

      expect(tableRows(card)[1]).toEqual(['Basisschool De Regenboog', '<5', '5', '<5', '<5']);
      expect(textOf(card)).toContain('„<5” betekent 1 tot en met 4.');
    });

    it('shows a school the directory no longer names by its code', () => {
      expect(tableRows(withSchools([aSchool('99ZZ00', 0)]))[1]).toEqual(['99ZZ00', '0', '0', '0', '0']);
    });

    it('says so when no school had a signal', () => {
      const card = withSchools([]);

      expect(ofType(card, 'Table')).toEqual([]);
      expect(textOf(card)).toContain(nl.digest.schools.empty);
    });

    it('speaks English for an English reader', () => {
      const card = withSchools([aSchool('12AB00', 1)], { locale: 'en' });

      expect(tableRows(card)[0]).toEqual(['School', 'Signals', 'Seen', 'Support ≤ 48 h', 'Sent back']);
      expect(textOf(card)).toContain('"<3" means 1 to 2.');
    });
  });

  it('ends with a subtle footer: counts only, and when it was made', () => {
    const card = digestCard(aDigestView());

    expect(card.body.at(-1)).toMatchObject({ text: 'Alleen aantallen, nooit namen. Gemaakt op 23-11-2026 07:00.', isSubtle: true });
    expect(digestCard(aDigestView({ locale: 'en' })).body.at(-1)?.text).toBe('Counts only, never names. Made on 23-11-2026 07:00.');
  });

  describe('as an Adaptive Card', () => {
    const variants = LOCALES.flatMap((locale): Array<[string, AdaptiveCard]> => [
      [`${locale} digest`, digestCard(aDigestView({ locale }))],
      [`${locale} digest with schools`, digestCard(aDigestView({ locale, digest: aDigest({ schools: [aSchool('12AB00', 2), aSchool('34CD01', 9)] }) }))],
      [`${locale} empty digest`, digestCard(aDigestView({ locale, digest: aDigest({ figures: anEmptyWeek(), lastYear: aYear(W47, {}), schools: [] }) }))],
    ]);

    it.each(variants)('%s is well-formed, chart and fallback included', (_name, card) => {
      expect(structuralProblems(card)).toEqual([]);
    });

    it.each(variants)('%s survives a JSON round trip unchanged', (_name, card) => {
      expect(JSON.parse(JSON.stringify(card))).toEqual(card);
      expect(JSON.stringify(card)).not.toContain('undefined');
    });
  });

  it.each(LOCALES)('never shows a child, even from a view that carries one (%s)', (locale) => {
    const withChild = <T extends object>(value: T): T => ({ ...value, child: CHILD, ...CHILD });
    const digest = aDigest({ schools: [withChild(aSchool('12AB00', 4))] });
    const view = withChild(
      aDigestView({
        locale,
        digest: withChild({
          ...digest,
          figures: withChild(digest.figures),
          previousWeeks: digest.previousWeeks.map(withChild),
          lastYear: digest.lastYear.map(withChild),
        }),
      }),
    );

    const json = JSON.stringify(digestCard(view));

    for (const text of CHILD_STRINGS) expect(json).not.toContain(text);
    expect(json).toContain('Basisschool De Regenboog');
  });
});

describe("a school's own digest: small counts suppressed in the figures too", () => {
  const fewAtOneSchool = aDigest({
    figures: aWeek({
      issued: 2,
      viaLeerplicht: 1,
      delivered: 2,
      openNow: 0,
      acknowledgedBeforeSchoolStart: { numerator: 1, denominator: 2 },
      acknowledgedWithin24h: { numerator: 2, denominator: 2 },
      supportedWithin48h: { numerator: 1, denominator: 2 },
      bounced: 0,
      noSchool: 0,
      escalated: 1,
      supportByCategory: { no_penalty: 1, quiet_place: 0, listening_ear: 0, teacher_informed: 0, test_postponed: 0, other: 0 },
      noPriorConcern: { numerator: 1, denominator: 1 },
    }),
    lastYear: aYear(W47, { 46: { numerator: 1, denominator: 1 }, 47: { numerator: 1, denominator: 2 } }),
  });
  const card = digestCard(aDigestView({ scopeName: 'Basisschool De Regenboog', digest: fewAtOneSchool, smallCountsInFigures: true }));
  const text = textOf(card);

  it('shows no count from 1 to 2, nor a share of fewer than 3 children, anywhere on the card', () => {
    expect(text).not.toMatch(/\b[12] van [0-9]/);
    expect(text).not.toMatch(/\b(50|100)%/);
    expect(fact(card, nl.digest.figures.issued)).toBe('<3');
    expect(fact(card, nl.digest.figures.escalated)).toBe('<3');
    expect(text).toContain('<3');
  });

  it('leaves a municipality digest, protected by its per-school table, as it was', () => {
    const municipality = textOf(digestCard(aDigestView({ digest: fewAtOneSchool })));
    expect(municipality).toMatch(/1 van 2/);
  });
});
