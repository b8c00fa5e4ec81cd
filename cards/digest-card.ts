/**
 * A manager's or coordinator's weekly digest: "was every child seen, heard and supported within
 * 48 hours?" for their scope and one ISO week — counts only, never a child. Every share says what
 * it is a share of and shows "—" when there was nothing to divide by; the chart of the last 52
 * weeks is never the only place a number appears (a text summary, a text list and a text
 * fallback carry the same numbers); per-school counts from 1 up to the threshold − 1 are shown
 * as "<threshold" so no child can be singled out, and in each column with such a count one more
 * is shown as "•" so the column's total cannot give it away (`protectSchoolTable`).
 */
import { SUPPORT_CATEGORIES } from '../src/domain/support';
import type { Share, SchoolFigures, ShownCount, WeeklyFigures, WeeklyHeadline } from '../src/domain/digest/figures';
import { formatIsoWeek, weekRange, type IsoWeek } from '../src/domain/digest/iso-week';
import { protectSchoolTable, sharePercent } from '../src/domain/digest/small-counts';
import { adaptiveCard, factSet, heading, textBlock, type AdaptiveCard, type CardElement } from './adaptive-card';
import { formatDate, formatDateTime } from './format';
import { stringsFor, type Strings } from './i18n/strings';
import type { DigestView } from './view-models';

/** Shown for a share whose denominator is 0 and for a missing median: never "0 %". */
const NOTHING = '—';

/** The hidden text list of all 52 weeks, shown by the toggle button. */
const ALL_WEEKS_ID = 'digest-all-weeks';

/**
 * Eight heights and a dot for a week without signals (not a zero). Like sharePercent, only none
 * is the lowest and only all is the highest: 99 % is never drawn as a full bar.
 */
const SPARK_LEVELS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;
const SPARK_EMPTY = '·';

function sparkLevel(percent: number): string {
  const top = SPARK_LEVELS.length - 1;
  const level = percent <= 0 ? 0 : percent >= 100 ? top : Math.min(top - 1, 1 + Math.floor((percent / 100) * (top - 1)));
  return SPARK_LEVELS[level] ?? SPARK_EMPTY;
}

/** Marks a count hidden so that a suppressed count in its column cannot be worked out. */
const HIDDEN = '•';

function shownCountText(shown: ShownCount): string {
  if (shown.kind === 'count') return String(shown.value);
  return shown.kind === 'suppressed' ? `<${shown.below}` : HIDDEN;
}

/** "16–22 november 2026", "30 november – 6 december 2026", "28 december 2026 – 3 januari 2027": Monday to Sunday in Amsterdam. */
function weekRangeText(t: Strings, week: IsoWeek): string {
  const { from, to } = weekRange(week);
  // `to` is the next Monday 00:00 (excluded): the millisecond before it is Sunday.
  const [d1, m1, y1] = formatDate(from.toISOString()).split('-').map(Number) as [number, number, number];
  const [d2, m2, y2] = formatDate(new Date(to.getTime() - 1).toISOString()).split('-').map(Number) as [number, number, number];
  const month = (m: number): string => t.digest.months[m - 1] ?? String(m);
  if (y1 !== y2) return `${d1} ${month(m1)} ${y1} – ${d2} ${month(m2)} ${y2}`;
  if (m1 !== m2) return `${d1} ${month(m1)} – ${d2} ${month(m2)} ${y2}`;
  return `${d1}–${d2} ${month(m2)} ${y2}`;
}

/**
 * How counts read on this card: as they are, or — on a school's own digest — with the small-count
 * rule (`threshold`): a count from 1 to threshold − 1 reads "<threshold", and a share of fewer
 * children than that, or of which fewer than that are counted, is not shown.
 */
interface CountStyle {
  threshold?: number;
}

function isSmall(n: number, style: CountStyle): boolean {
  return style.threshold !== undefined && n > 0 && n < style.threshold;
}

function countText(n: number, style: CountStyle): string {
  return isSmall(n, style) ? `<${style.threshold}` : String(n);
}

/** A share the small-count rule keeps off the card: too few children, or too few of them counted. */
function isProtected(share: Share, style: CountStyle): boolean {
  return isSmall(share.denominator, style) || isSmall(share.numerator, style) || isSmall(share.denominator - share.numerator, style);
}

/** "8 van 9 (89%)", or "—" when there was nothing to divide by. */
function shareText(t: Strings, share: Share, style: CountStyle = {}): string {
  if (isProtected(share, style)) return t.digest.suppressedShare(style.threshold!);
  const percent = sharePercent(share);
  return percent === undefined ? NOTHING : t.digest.share(share.numerator, share.denominator, percent);
}

/** "3 u 20 min", or "—" when nobody acknowledged anything. */
function durationText(t: Strings, minutes: number | undefined): string {
  if (minutes === undefined) return NOTHING;
  const total = Math.round(minutes);
  return t.digest.duration(Math.floor(total / 60), total % 60);
}

function sectionTitle(text: string): CardElement {
  return textBlock(text, { weight: 'bolder', size: 'medium', separator: true, spacing: 'large' });
}

function subtle(text: string): CardElement {
  return textBlock(text, { isSubtle: true, size: 'small', spacing: 'small' });
}

/** THE HEADLINE, prominent, with what it is a share of and whether it may still rise. */
function headlineBlock(t: Strings, figures: WeeklyFigures, style: CountStyle): CardElement {
  const share = figures.supportedWithin48h;
  const percent = sharePercent(share);
  const figure =
    percent === undefined
      ? `${NOTHING} (${t.digest.headlineNoSignals})`
      : isProtected(share, style)
        ? t.digest.suppressedShare(style.threshold!)
        : t.digest.headlineShare(share.numerator, share.denominator, percent);
  const items: CardElement[] = [textBlock(t.digest.headline(figure), { size: 'large', weight: 'bolder', color: 'accent' })];
  if (figures.supportWindowOpen > 0 && !isSmall(figures.supportWindowOpen, style)) items.push(textBlock(t.digest.windowOpen(figures.supportWindowOpen), { spacing: 'small' }));
  items.push(subtle(t.digest.headlineExplained));
  return { type: 'Container', style: 'emphasis', items };
}

function figuresBlock(t: Strings, figures: WeeklyFigures, style: CountStyle): CardElement[] {
  const f = t.digest.figures;
  const count = (n: number) => countText(n, style);
  // A median of one or two pick-up times is those times.
  const median = isSmall(figures.acknowledgedWithin24h.denominator, style) ? NOTHING : durationText(t, figures.medianMinutesToAcknowledge);
  return [
    sectionTitle(t.digest.figuresTitle),
    factSet([
      [f.issued, count(figures.issued)],
      [f.viaLeerplicht, count(figures.viaLeerplicht)],
      [f.delivered, count(figures.delivered)],
      [f.openNow, count(figures.openNow)],
      [f.acknowledgedBeforeSchoolStart, shareText(t, figures.acknowledgedBeforeSchoolStart, style)],
      [f.acknowledgedWithin24h, shareText(t, figures.acknowledgedWithin24h, style)],
      [f.medianToAcknowledge, median],
      [f.bounced, count(figures.bounced)],
      [f.noSchool, count(figures.noSchool)],
      [f.escalated, count(figures.escalated)],
      [f.deadDeliveries, count(figures.deadDeliveries)],
      [f.noPriorConcern, shareText(t, figures.noPriorConcern, style)],
    ]),
    subtle(t.digest.figuresNote),
  ];
}

/** Only the categories that occurred, in the support form's order and words. */
function supportBlock(t: Strings, figures: WeeklyFigures, style: CountStyle): CardElement[] {
  const used = SUPPORT_CATEGORIES.filter((c) => (figures.supportByCategory[c] ?? 0) > 0);
  const title = sectionTitle(t.digest.support.title);
  if (used.length === 0) return [title, textBlock(t.digest.support.empty)];
  return [
    title,
    factSet(used.map((c) => [t.supportForm.categories[c], countText(figures.supportByCategory[c] ?? 0, style)])),
    subtle(t.digest.support.note),
  ];
}

/** "80% (8 van 10)", or "— (geen signalen)". */
function trendText(t: Strings, share: Share, style: CountStyle): string {
  if (isProtected(share, style)) return t.digest.suppressedShare(style.threshold!);
  const percent = sharePercent(share);
  return percent === undefined ? t.digest.trend.noSignals : t.digest.trend.share(percent, share.numerator, share.denominator);
}

/** Weeks of the digest's own year by number; others with their year, so week 48 is never ambiguous. */
function weekFacts(t: Strings, weeks: WeeklyHeadline[], year: number, style: CountStyle): CardElement {
  const label = (w: IsoWeek) => (w.year === year ? t.digest.trend.week(w.week) : t.digest.trend.weekOfYear(w.week, w.year));
  return factSet(weeks.map((w) => [label(w.week), trendText(t, w.supportedWithin48h, style)]));
}

/**
 * The year in one line. The average is over every child of the weeks with signals (summed
 * shares), not a mean of weekly percentages, so a week with one signal does not weigh as much
 * as a week with twenty.
 */
function yearSummary(t: Strings, withSignals: Array<{ week: IsoWeek; share: Share; percent: number }>, style: CountStyle): string {
  if (withSignals.length === 0) return t.digest.trend.yearEmpty;
  const total: Share = {
    numerator: withSignals.reduce((sum, w) => sum + w.share.numerator, 0),
    denominator: withSignals.reduce((sum, w) => sum + w.share.denominator, 0),
  };
  // The earliest week wins a tie: reduce keeps the first of equals.
  const lowest = withSignals.reduce((a, b) => (b.percent < a.percent ? b : a));
  const highest = withSignals.reduce((a, b) => (b.percent > a.percent ? b : a));
  return t.digest.trend.year(
    trendText(t, total, style),
    withSignals.length,
    t.digest.trend.extreme(lowest.percent, lowest.week.week),
    t.digest.trend.extreme(highest.percent, highest.week.week),
  );
}

function sparkline(weeks: WeeklyHeadline[]): string {
  return weeks
    .map((w) => {
      const percent = sharePercent(w.supportedWithin48h);
      return percent === undefined ? SPARK_EMPTY : sparkLevel(percent);
    })
    .join('');
}

/**
 * Teams' vertical bar chart of the weekly percentages (weeks without signals left out: a bar at
 * 0 % would read as "no child supported"), with a text sparkline as its fallback where a host
 * cannot draw charts.
 */
function yearChart(t: Strings, weeks: WeeklyHeadline[], withSignals: Array<{ week: IsoWeek; percent: number }>): CardElement {
  return {
    type: 'Chart.VerticalBar',
    title: t.digest.trend.chartTitle,
    xAxisTitle: t.digest.trend.xAxis,
    yAxisTitle: t.digest.trend.yAxis,
    color: 'categoricalTeal',
    data: withSignals.map((w) => ({ x: String(w.week.week), y: w.percent })),
    fallback: {
      type: 'Container',
      items: [textBlock(sparkline(weeks), { fontType: 'monospace' }), subtle(t.digest.trend.sparklineLegend)],
    },
  };
}

function trendBlock(t: Strings, previousWeeks: WeeklyHeadline[], lastYear: WeeklyHeadline[], year: number, style: CountStyle): CardElement[] {
  // A week the small-count rule protects gets no bar, no extreme and no place in the sparkline.
  const shown = lastYear.map((w) => (isProtected(w.supportedWithin48h, style) ? { ...w, supportedWithin48h: { numerator: 0, denominator: 0 } } : w));
  const withSignals = shown.flatMap((w) => {
    const percent = sharePercent(w.supportedWithin48h);
    return percent === undefined ? [] : [{ week: w.week, share: w.supportedWithin48h, percent }];
  });
  const blocks: CardElement[] = [sectionTitle(t.digest.trend.title)];
  if (previousWeeks.length > 0) blocks.push(weekFacts(t, previousWeeks, year, style));
  blocks.push(textBlock(yearSummary(t, withSignals, style)));
  if (withSignals.length === 0) return blocks;
  blocks.push(yearChart(t, shown, withSignals), subtle(t.digest.trend.chartNote), {
    type: 'ActionSet',
    actions: [{ type: 'Action.ToggleVisibility', title: t.digest.trend.showAll, targetElements: [ALL_WEEKS_ID] }],
  });
  blocks.push({ type: 'Container', id: ALL_WEEKS_ID, isVisible: false, items: [weekFacts(t, lastYear, year, style)] });
  return blocks;
}

function cell(text: string, bolder = false): CardElement {
  return { type: 'TableCell', items: [textBlock(text, bolder ? { weight: 'bolder' } : {})] };
}

/**
 * A municipality scope's table: one row per school, every count through the small-count rule and
 * secondary suppression (`protectSchoolTable`), with a legend line for "•" when one is shown.
 */
function schoolsBlock(t: Strings, view: DigestView, schools: SchoolFigures[]): CardElement[] {
  const s = t.digest.schools;
  const nameOf = (id: string): string => view.schoolNames[id] ?? id;
  const protectedRows = protectSchoolTable(schools, view.smallCountThreshold);
  const anyHidden = protectedRows.some((row) => [row.issued, row.acknowledged, row.supportedWithin48h, row.bounced].some((c) => c.kind === 'hidden'));
  const rows = protectedRows
    .sort((a, b) => nameOf(a.schoolId).localeCompare(nameOf(b.schoolId), 'nl'))
    .map((school) => ({
      type: 'TableRow',
      cells: [
        cell(nameOf(school.schoolId)),
        cell(shownCountText(school.issued)),
        cell(shownCountText(school.acknowledged)),
        cell(shownCountText(school.supportedWithin48h)),
        cell(shownCountText(school.bounced)),
      ],
    }));
  if (rows.length === 0) return [sectionTitle(s.title), textBlock(s.empty)];
  const numberColumn = { width: 1, horizontalCellContentAlignment: 'right' };
  return [
    sectionTitle(s.title),
    {
      type: 'Table',
      firstRowAsHeader: true,
      showGridLines: true,
      columns: [{ width: 3 }, numberColumn, numberColumn, numberColumn, numberColumn],
      rows: [
        { type: 'TableRow', cells: [t.common.school, s.issued, s.acknowledged, s.supported, s.bounced].map((h) => cell(h, true)) },
        ...rows,
      ],
    },
    subtle(s.suppressedNote(view.smallCountThreshold)),
    ...(anyHidden ? [subtle(s.hiddenNote)] : []),
  ];
}

export function digestCard(view: DigestView): AdaptiveCard {
  const t = stringsFor(view.locale);
  const { figures, previousWeeks, lastYear, schools } = view.digest;
  const style: CountStyle = view.smallCountsInFigures ? { threshold: view.smallCountThreshold } : {};
  return adaptiveCard([
    heading(t.digest.title(figures.week.week, weekRangeText(t, figures.week))),
    textBlock(t.digest.scope(view.scopeName, formatIsoWeek(figures.week)), { isSubtle: true, spacing: 'none' }),
    headlineBlock(t, figures, style),
    ...figuresBlock(t, figures, style),
    ...supportBlock(t, figures, style),
    ...trendBlock(t, previousWeeks, lastYear, figures.week.year, style),
    ...(schools ? schoolsBlock(t, view, schools) : []),
    textBlock(t.digest.footer(formatDateTime(view.generatedAt)), { isSubtle: true, size: 'small', separator: true, spacing: 'large' }),
  ]);
}
