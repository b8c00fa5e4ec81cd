/**
 * What every contact card of a school turns into once the school said "niet onze leerling":
 * who and when, and no child data — a signal never stays at a school it was sent back from.
 */
import { adaptiveCard, factSet, heading, textBlock, type AdaptiveCard } from './adaptive-card';
import { formatTime } from './format';
import { stringsFor } from './i18n/strings';
import type { WithdrawnView } from './view-models';

export function withdrawnCard(view: WithdrawnView): AdaptiveCard {
  const t = stringsFor(view.locale);
  return adaptiveCard([
    heading(t.common.appName),
    textBlock(t.withdrawn.withdrawnBy(view.byName, formatTime(view.at)), { weight: 'bolder' }),
    factSet([
      [t.common.reference, view.reference],
      [t.common.school, view.schoolName],
    ]),
    textBlock(t.withdrawn.dataRemoved, { isSubtle: true }),
  ]);
}
