/** A leerplicht officer's `status`: the signals waiting to be forwarded, by reference only, never by child. */
import { adaptiveCard, container, factSet, heading, textBlock, type AdaptiveCard, type CardElement } from './adaptive-card';
import { formatDateTime } from './format';
import { stringsFor, type Strings } from './i18n/strings';
import type { LeerplichtStatusRow, LeerplichtStatusView } from './view-models';

function waitingBlock(t: Strings, row: LeerplichtStatusRow): CardElement {
  const facts: Array<[string, string]> = [
    [t.common.municipality, row.municipalityName],
    [t.common.issuedAt, formatDateTime(row.issuedAt)],
  ];
  if (row.returnedBy) facts.push([t.leerplichtStatus.returnedBy, row.returnedBy]);
  return container(
    [textBlock(row.reference, { weight: 'bolder', fontType: 'monospace' }), { ...factSet(facts), spacing: 'small' }],
    { separator: true },
  );
}

export function leerplichtStatusCard(view: LeerplichtStatusView): AdaptiveCard {
  const t = stringsFor(view.locale);
  const title = heading(t.leerplichtStatus.title);
  if (view.rows.length === 0) return adaptiveCard([title, textBlock(t.leerplichtStatus.empty)]);
  return adaptiveCard([
    title,
    ...view.rows.map((row) => waitingBlock(t, row)),
    textBlock(t.leerplichtStatus.hint, { isSubtle: true }),
  ]);
}
