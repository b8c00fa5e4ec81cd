/** Tells the issuing Veilig Thuis worker that leerplicht found no school: by reference code, with the reason. */
import { adaptiveCard, factSet, heading, textBlock, type AdaptiveCard } from './adaptive-card';
import { formatDateTime } from './format';
import { stringsFor } from './i18n/strings';
import type { UnroutableNoticeView } from './view-models';

export function unroutableNoticeCard(view: UnroutableNoticeView): AdaptiveCard {
  const t = stringsFor(view.locale);
  const expired = view.reason === 'expired';
  return adaptiveCard([
    heading(t.unroutableNotice.title),
    textBlock(expired ? t.unroutableNotice.expiredText : t.unroutableNotice.text),
    factSet([
      [t.common.reference, view.reference],
      [t.unroutableNotice.reason, t.route.reasons[view.reason]],
      [t.common.municipality, view.municipalityName],
      // An expired signal was closed by the clock, not by a person.
      ...(expired ? [] : [[t.unroutableNotice.by, view.byName] as [string, string]]),
      [t.unroutableNotice.at, formatDateTime(view.at)],
    ]),
  ]);
}
