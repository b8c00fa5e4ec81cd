/**
 * Every card the bot can send, parsed by Microsoft's own `adaptivecards` SDK (the renderer Teams
 * builds on), in both languages and with sample data at the largest sizes the bot produces: a
 * card the SDK warns about is a card some Teams client draws differently or not at all.
 * The SDK ignores properties it does not know (and `msteams`), so verbs are checked by our own
 * structural check as well.
 */
import * as AC from 'adaptivecards';
import type { AdaptiveCard } from '../../cards/adaptive-card';
import { cardCatalog } from '../../cards/card-catalog';
import * as cards from '../../cards/index';
import {
  auditTrailCard,
  bouncedNoticeCard,
  contactSignalCard,
  deliveryAlertCard,
  digestCard,
  escalationCard,
  escalationTakenCard,
  forgottenSignalCard,
  helpCard,
  issueConfirmationCard,
  leerplichtStatusCard,
  noticeCard,
  reminderCard,
  routeCard,
  routeClosedCard,
  routedCard,
  signalFormCard,
  statusCard,
  supportFormCard,
  supportRecordedCard,
  supportReminderCard,
  takenCard,
  unroutableNoticeCard,
  withdrawnCard,
} from '../../cards/index';
import type { AuditTrailRow, ChildFormEntry, Locale } from '../../cards/view-models';
import type { SchoolFigures, WeeklyFigures, WeeklyHeadline } from '../../src/domain/digest/figures';
import { addWeeks, type IsoWeek } from '../../src/domain/digest/iso-week';
import { elementsOf } from './card-walk';
import { structuralProblems } from './card-structure';
import {
  aBouncedNotice,
  aContactSignal,
  aLeerplichtStatus,
  aReminder,
  aRoute,
  aRouteClosed,
  aRouted,
  aSignalForm,
  aStatus,
  aSupportForm,
  aSupportRecorded,
  aSupportReminder,
  aTaken,
  aWithdrawn,
  anEscalation,
  anEscalationTaken,
  anIssueConfirmation,
  anUnroutableNotice,
  LEERPLICHT_SIGNAL,
  LOCALES,
  SCHOOL_SIGNAL,
} from './views';

/**
 * Teams draws `Chart.VerticalBar` (the digest's trend); the SDK's default registry does not know
 * it. The test registers it as Teams' renderer does, with its data checked here, and the SDK
 * still parses the chart's text fallback for hosts without charts.
 */
class TeamsVerticalBarChart extends AC.CardElement {
  getJsonTypeName(): string {
    return 'Chart.VerticalBar';
  }
  protected internalRender(): undefined {
    return undefined;
  }
  protected override internalParse(source: AC.PropertyBag, context: AC.SerializationContext): void {
    super.internalParse(source, context);
    const data = source.data;
    const wellFormed = Array.isArray(data) && data.every((d) => typeof d?.x === 'string' && typeof d?.y === 'number');
    if (!wellFormed) context.logParseEvent(this, AC.ValidationEvent.InvalidPropertyValue, 'Chart.VerticalBar data is not [{x: string, y: number}]');
  }
}

/** What the SDK reports while parsing one card: warnings and errors, as readable lines. */
function parseProblems(card: AdaptiveCard): string[] {
  const context = new AC.SerializationContext();
  const elements = new AC.CardObjectRegistry<AC.CardElement>();
  AC.GlobalRegistry.populateWithDefaultElements(elements);
  elements.register('Chart.VerticalBar', TeamsVerticalBarChart, AC.Versions.v1_5);
  context.setElementRegistry(elements);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card as unknown as AC.PropertyBag, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    problems.push(`${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  // Validation after parsing finds what parsing alone lets pass (e.g. duplicate ids).
  const validation = parsed.validateProperties();
  for (const event of validation.validationEvents) problems.push(`${AC.ValidationEvent[event.event]}: ${event.message}`);
  return problems;
}

/** The card's problems and those of each element's fallback, parsed as a card of its own. */
function sdkProblems(card: AdaptiveCard): string[] {
  const fallbacks = elementsOf(card).flatMap((e) => (typeof e.fallback === 'object' && e.fallback !== null ? [e.fallback] : []));
  return [card, ...fallbacks.map((f) => ({ type: 'AdaptiveCard', version: '1.5', body: [f] }) as unknown as AdaptiveCard)].flatMap(parseProblems);
}

const W47: IsoWeek = { year: 2026, week: 47 };
const aWeek = (): WeeklyFigures => ({
  week: W47,
  issued: 1234,
  viaLeerplicht: 300,
  delivered: 1200,
  openNow: 20,
  acknowledgedBeforeSchoolStart: { numerator: 1100, denominator: 1200 },
  acknowledgedWithin24h: { numerator: 1190, denominator: 1200 },
  medianMinutesToAcknowledge: 200,
  supportedWithin48h: { numerator: 1000, denominator: 1234 },
  supportWindowOpen: 3,
  bounced: 10,
  noSchool: 4,
  escalated: 12,
  deadDeliveries: 1,
  supportByCategory: { no_penalty: 400, quiet_place: 200, listening_ear: 500, teacher_informed: 90, test_postponed: 30, other: 14 },
  noPriorConcern: { numerator: 300, denominator: 700 },
});
const aYear = (): WeeklyHeadline[] =>
  Array.from({ length: 52 }, (_, i) => ({ week: addWeeks(W47, i - 51), supportedWithin48h: { numerator: i, denominator: 60 } }));
/** A large municipality: 120 schools with signals in one week, some below the small-count threshold. */
const SCHOOLS: SchoolFigures[] = Array.from({ length: 120 }, (_, i) => ({
  schoolId: `${String(i).padStart(2, '0')}XY00`,
  issued: (i % 7) + 1,
  acknowledged: i % 7,
  supportedWithin48h: i % 5,
  bounced: i % 2,
}));
const SCHOOL_NAMES = Object.fromEntries(SCHOOLS.map((s, i) => [s.schoolId, `Basisschool met een lange naam nummer ${i}`]));

/** The most children a household form holds, each with every field filled and every error shown. */
const fullHousehold = (max: number): ChildFormEntry[] =>
  Array.from({ length: max }, (_, i) => ({
    values: { firstName: `Kind ${i}`, lastName: 'Achternaam', birthDate: '2015-03-09', schoolId: '12AB00' },
    errors: { firstName: 'required', lastName: 'required', birthDate: 'tooYoung', schoolId: 'notAllowed' },
  }));

const manyAuditRows = (): AuditTrailRow[] =>
  Array.from({ length: 50 }, (_, i) => ({
    at: '2026-03-10T06:45:07.000Z',
    actorId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    actorName: 'Anouk de Wit',
    role: 'school_contact',
    action: i % 2 ? 'signal.acknowledge' : 'card.shown',
    result: 'ok',
    origin: 'msteams:a:primary',
  }));

const manyStatusRows = (locale: Locale) => {
  const base = aStatus({ locale }).rows;
  return Array.from({ length: 30 }, (_, i) => ({ ...base[i % base.length]!, reference: `HWC-${String(1000 + i)}` }));
};

const everyCard = LOCALES.flatMap((locale): Array<[string, AdaptiveCard]> => [
  [`${locale} signal form`, signalFormCard(aSignalForm({ locale }))],
  [`${locale} signal form, 8 children with every error`, signalFormCard(aSignalForm({ locale, maxChildren: 8, children: fullHousehold(8) }))],
  [`${locale} household confirmation`, issueConfirmationCard(anIssueConfirmation({ locale, signals: [SCHOOL_SIGNAL, LEERPLICHT_SIGNAL] }))],
  [`${locale} contact signal`, contactSignalCard(aContactSignal({ locale }))],
  [`${locale} withdrawn`, withdrawnCard(aWithdrawn({ locale }))],
  [
    `${locale} route, sent back, with errors`,
    routeCard(
      aRoute({
        locale,
        returnedBy: { schoolName: 'Het Kompas', at: '2026-03-11T07:30:00.000Z' },
        triedSchoolNames: ['Het Kompas', 'Basisschool De Regenboog'],
        values: { schoolId: '34CD01', reason: 'moved' },
        errors: { schoolId: 'tried', reason: 'required' },
      }),
    ),
  ],
  [`${locale} routed`, routedCard(aRouted({ locale }))],
  [`${locale} route closed`, routeClosedCard(aRouteClosed({ locale }))],
  [`${locale} bounced notice, rerouted`, bouncedNoticeCard(aBouncedNotice({ locale, rerouted: { at: '2026-03-10T07:30:00.000Z' } }))],
  [`${locale} unroutable notice`, unroutableNoticeCard(anUnroutableNotice({ locale }))],
  [`${locale} leerplicht status`, leerplichtStatusCard(aLeerplichtStatus({ locale }))],
  [`${locale} taken`, takenCard(aTaken({ locale }))],
  [`${locale} support form with errors`, supportFormCard(aSupportForm({ locale, errors: { categories: 'required' } }))],
  [`${locale} redacted support form`, supportFormCard(aSupportForm({ locale, child: undefined }))],
  [`${locale} support recorded`, supportRecordedCard(aSupportRecorded({ locale }))],
  [`${locale} reminder`, reminderCard(aReminder({ locale }))],
  [`${locale} escalation`, escalationCard(anEscalation({ locale }))],
  [`${locale} escalation taken`, escalationTakenCard(anEscalationTaken({ locale }))],
  [`${locale} support reminder`, supportReminderCard(aSupportReminder({ locale }))],
  [`${locale} status, 30 signals`, statusCard(aStatus({ locale, rows: manyStatusRows(locale) }))],
  [`${locale} empty status`, statusCard(aStatus({ locale, rows: [] }))],
  [`${locale} help, all roles`, helpCard({ locale, roles: ['vt_worker', 'school_contact', 'leerplicht', 'coordinator', 'manager', 'admin'] })],
  [`${locale} notice`, noticeCard({ locale, title: 'Titel', text: 'Tekst' })],
  [`${locale} audit trail, 50 entries and more`, auditTrailCard({ locale, reference: 'HWC-7F3K', rows: manyAuditRows(), more: 12 })],
  [
    `${locale} delivery alert`,
    deliveryAlertCard({ locale, reference: 'HWC-7F3K', recipientName: 'Anouk', role: 'school_contact', reason: 'blocked', at: '2026-03-10T06:45:07.000Z', nameNotRemoved: true }),
  ],
  [
    `${locale} forgotten signal`,
    forgottenSignalCard({
      locale,
      reference: 'HWC-7F3K',
      placeLabel: 'school',
      placeName: 'Basisschool De Regenboog',
      issuedAt: '2026-03-10T06:45:07.000Z',
      redactedAt: '2026-09-10T06:45:07.000Z',
      takenBy: { byName: 'Anouk', at: '2026-03-10T07:00:00.000Z' },
    }),
  ],
  [
    `${locale} digest, 120 schools, 52 weeks`,
    digestCard({
      locale,
      scopeName: 'Heerlen, Kerkrade, Landgraaf, Brunssum',
      digest: { figures: aWeek(), previousWeeks: aYear().slice(47, 51), lastYear: aYear(), schools: SCHOOLS },
      schoolNames: SCHOOL_NAMES,
      smallCountThreshold: 3,
      generatedAt: '2026-11-23T06:00:00.000Z',
    }),
  ],
]);

describe('the adaptivecards SDK', () => {
  it.each(everyCard)('parses the %s card with no warning', (_name, card) => {
    expect(sdkProblems(card)).toEqual([]);
  });

  it.each(everyCard)('%s: every button is one the bot understands', (_name, card) => {
    expect(structuralProblems(card)).toEqual([]);
  });

  const catalog = LOCALES.flatMap((locale) => cardCatalog(locale).map((entry): [string, AdaptiveCard] => [`${locale} ${entry.id} (preview)`, entry.card]));

  it.each(catalog)('parses the %s card with no warning', (_name, card) => {
    expect(sdkProblems(card)).toEqual([]);
    expect(structuralProblems(card)).toEqual([]);
  });

  it('previews every card the bot can send: each builder cards/index exports is in the catalog, in both languages', () => {
    const builders = Object.entries(cards)
      .filter(([name, value]) => typeof value === 'function' && /Card$/.test(name))
      .map(([name]) => name)
      .sort();
    for (const locale of LOCALES) {
      const entries = cardCatalog(locale);
      expect([...new Set(entries.map((e) => e.builder))].sort()).toEqual(builders);
      expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
      expect(entries.every((e) => e.title.length > 0)).toBe(true);
    }
    expect(cardCatalog('en').map((e) => e.title)).not.toEqual(cardCatalog('nl').map((e) => e.title));
  });

  it('reads the trend chart\'s text fallback too, for hosts that cannot draw charts', () => {
    const chartWithBrokenFallback = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'Chart.VerticalBar', data: [{ x: '1', y: 50 }], fallback: { type: 'Textblock', text: 'x' } }],
    } as unknown as AdaptiveCard;
    expect(sdkProblems(chartWithBrokenFallback)).toEqual([expect.stringContaining('Unknown element type "Textblock"')]);
  });

  it('reports what it does not know, so a clean parse means something', () => {
    const broken = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Textblock', text: 'typo' }] } as unknown as AdaptiveCard;
    expect(sdkProblems(broken)).toEqual([expect.stringContaining('Unknown element type "Textblock"')]);
  });
});
