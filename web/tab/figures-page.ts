/**
 * Managers and coordinators: one finished week's figures (any of the last 52), the 52-week trend
 * as a chart and as a table, and the tables as CSV — exactly the texts shown, small counts suppressed.
 */
import type { FiguresData, ShownCount } from './api';
import { trendChart } from './chart';
import { toCsv } from './csv';
import { downloadCsv } from './download';
import { h, table } from './dom';
import type { Locale, Strings } from './strings';

const percentText = (t: Strings, percent: number | null) => (percent === null ? t.figures.noValue : `${percent}%`);

/** As the weekly digest card: "<3" for a small count, "•" for one hidden so it cannot be worked back. */
export function shownText(count: ShownCount): string {
  if (count.kind === 'count') return String(count.value);
  if (count.kind === 'suppressed') return `<${count.below}`;
  return '•';
}

export interface FiguresChoice {
  /** The finished weeks to choose from, newest first (the default load's trend, reversed). */
  weeks: string[];
  /** Shows another week's figures. */
  choose: (week: string) => void;
  locale: Locale;
}

export function figuresPage(t: Strings, data: FiguresData, theme: string, choice: FiguresChoice): HTMLElement {
  const f = t.figures;
  const hl = data.headline;
  const facts: Array<[string, string]> = [
    [f.issued, String(hl.issued)],
    [f.viaLeerplicht, String(hl.viaLeerplicht)],
    [f.delivered, String(hl.delivered)],
    [f.openNow, String(hl.openNow)],
    [f.ack24, percentText(t, hl.acknowledgedWithin24hPercent)],
    [f.support48, percentText(t, hl.supportedWithin48hPercent)],
    [f.median, hl.medianMinutesToAcknowledge === null ? f.noValue : f.minutes(hl.medianMinutesToAcknowledge)],
  ];
  const first = data.trend[0]?.week ?? '';
  const last = data.trend[data.trend.length - 1]?.week ?? '';
  const trendRows = data.trend.map((w) => [w.week, percentText(t, w.percent), w.denominator === 0 ? f.noSignals : f.shareOf(w.numerator, w.denominator)]);
  const schoolHeaders = [f.schoolCols.name, f.schoolCols.issued, f.schoolCols.acknowledged, f.schoolCols.supportedWithin48h, f.schoolCols.bounced];
  const schoolRows = data.schools.map((s) => [s.name, shownText(s.issued), shownText(s.acknowledged), shownText(s.supportedWithin48h), shownText(s.bounced)]);

  const picker = h('select', { id: 'figures-week' }, ...choice.weeks.map((week) => h('option', { value: week, ...(week === data.week ? { selected: '' } : {}) }, week))) as HTMLSelectElement;
  picker.addEventListener('change', () => choice.choose(picker.value));
  const exportButton = (id: string, label: string, fileName: string, rows: string[][]) => {
    const button = h('fluent-button', { id, appearance: 'neutral' }, label);
    button.addEventListener('click', () => downloadCsv(fileName, toCsv(rows, choice.locale === 'nl' ? ';' : ',')));
    return button;
  };
  return h(
    'section',
    { 'aria-labelledby': 'figures-heading' },
    h('div', { class: 'toolbar' }, h('label', { for: 'figures-week' }, f.chooseWeek), picker),
    h('h2', { id: 'figures-heading' }, f.heading(data.week, data.scopeName)),
    h('dl', { class: 'facts' }, ...facts.flatMap(([title, value]) => [h('dt', {}, title), h('dd', {}, value)])),
    h('h3', {}, f.trend),
    h(
      'div',
      { class: 'trend' },
      h('figure', {}, trendChart(data.trend, f.trendChart(first, last), theme)),
      h('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': f.trendTable }, table(f.trendTable, [f.week, f.percent, f.share], trendRows, { id: 'trend-table' })),
    ),
    h('div', { class: 'toolbar' }, exportButton('export-trend', f.exportTrend, `handle-with-care-trend-${data.week}.csv`, [[f.week, f.percent, f.share], ...trendRows])),
    h('h3', {}, f.schools),
    data.schools.length === 0 ? h('p', {}, f.noSchools) : table(f.schools, schoolHeaders, schoolRows, { id: 'school-table' }),
    data.schools.length > 0 && h('p', { class: 'note' }, f.smallNote(data.smallCountThreshold)),
    data.schools.length > 0 &&
      h('div', { class: 'toolbar' }, exportButton('export-schools', f.exportSchools, `handle-with-care-scholen-${data.week}.csv`, [schoolHeaders, ...schoolRows])),
  );
}
