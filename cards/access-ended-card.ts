/**
 * What a card that would name the child becomes for someone who no longer holds the role it was
 * meant for (taken off the school or the municipality in the directory): reference and place only.
 */
import { adaptiveCard, factSet, heading, textBlock, type AdaptiveCard } from './adaptive-card';
import { stringsFor } from './i18n/strings';
import type { AccessEndedView } from './view-models';

export function accessEndedCard(view: AccessEndedView): AdaptiveCard {
  const t = stringsFor(view.locale);
  return adaptiveCard([
    heading(t.common.appName),
    textBlock(t.accessEnded.noLongerYours, { weight: 'bolder' }),
    factSet([
      [t.common.reference, view.reference],
      [view.placeLabel === 'school' ? t.common.school : t.common.municipality, view.placeName],
    ]),
    textBlock(t.accessEnded.dataRemoved, { isSubtle: true }),
  ]);
}
