/** A Veilig Thuis worker's recent signals: by reference and school only, never by child. */
import { adaptiveCard, heading, textBlock, type AdaptiveCard, type CardElement } from './adaptive-card';
import { formatShortDateTime } from './format';
import { stringsFor } from './i18n/strings';
import type { StatusView } from './view-models';

const cell = (text: string, bold = false): CardElement => ({
  type: 'TableCell',
  items: [textBlock(text, bold ? { weight: 'bolder' } : {})],
});

const row = (cells: CardElement[]): CardElement => ({ type: 'TableRow', cells });

export function statusCard(view: StatusView): AdaptiveCard {
  const t = stringsFor(view.locale);
  const title = heading(t.status.title(view.days));
  if (view.rows.length === 0) return adaptiveCard([title, textBlock(t.status.empty(view.days))]);

  const columns = t.status.columns;
  const table: CardElement = {
    type: 'Table',
    firstRowAsHeader: true,
    showGridLines: false,
    columns: [{ width: 2 }, { width: 3 }, { width: 3 }, { width: 2 }],
    rows: [
      row([cell(columns.reference, true), cell(columns.school, true), cell(columns.state, true), cell(columns.at, true)]),
      ...view.rows.map((r) =>
        row([cell(r.reference), cell(r.schoolName), cell(t.status.states[r.state]), cell(formatShortDateTime(r.at))]),
      ),
    ],
  };
  return adaptiveCard([title, table]);
}
