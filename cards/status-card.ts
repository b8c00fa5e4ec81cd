/**
 * A Veilig Thuis worker's recent signals, by reference only, never by child: where each one
 * stands and every step it took, with times.
 */
import { adaptiveCard, container, factSet, heading, textBlock, type AdaptiveCard, type CardElement } from './adaptive-card';
import { formatShortDateTime } from './format';
import { stringsFor, type Strings } from './i18n/strings';
import type { StatusRow, StatusStepEntry, StatusView } from './view-models';

function stepText(t: Strings, entry: StatusStepEntry): string {
  const steps = t.status.steps;
  switch (entry.step) {
    case 'issued':
      return steps.issued(entry.schoolName);
    case 'to_leerplicht':
      return steps.to_leerplicht;
    case 'forwarded':
      return steps.forwarded(entry.schoolName);
    case 'acknowledged':
      return steps.acknowledged;
    case 'supported':
      return steps.supported;
    case 'bounced':
      return steps.bounced(entry.schoolName);
    case 'unroutable':
      return steps.unroutable;
  }
}

/** One signal: its reference and state, then its steps as "time — step" pairs, oldest first. */
function signalBlock(t: Strings, row: StatusRow): CardElement {
  const steps: Array<[string, string]> =
    row.steps.length > 0
      ? row.steps.map((s) => [formatShortDateTime(s.at), stepText(t, s)])
      : // A signal without a recorded step still says where it stands and since when.
        [[formatShortDateTime(row.at), t.status.states[row.state]]];
  return container(
    [
      textBlock(`${row.reference} — ${t.status.states[row.state]}`, { weight: 'bolder' }),
      { ...factSet(steps), spacing: 'small' },
    ],
    { separator: true },
  );
}

export function statusCard(view: StatusView): AdaptiveCard {
  const t = stringsFor(view.locale);
  const title = heading(t.status.title(view.days));
  if (view.rows.length === 0) return adaptiveCard([title, textBlock(t.status.empty(view.days))]);
  return adaptiveCard([title, ...view.rows.map((row) => signalBlock(t, row))]);
}
