/**
 * What a card that named the child becomes once the child is forgotten: Teams replaces the
 * message in place, so the name leaves every chat it reached. Reference, place and times only.
 */
import { adaptiveCard, factSet, heading, textBlock, type AdaptiveCard } from './adaptive-card';
import { formatDateTime } from './format';
import { stringsFor } from './i18n/strings';
import type { ForgottenSignalView } from './view-models';

export function forgottenSignalCard(view: ForgottenSignalView): AdaptiveCard {
  const t = stringsFor(view.locale);
  return adaptiveCard([
    heading(t.forgotten.title),
    textBlock(t.forgotten.forgottenOn(formatDateTime(view.redactedAt)), { weight: 'bolder' }),
    factSet([
      [t.common.reference, view.reference],
      [view.placeLabel === 'school' ? t.common.school : t.common.municipality, view.placeName],
      [t.forgotten.issuedAt, formatDateTime(view.issuedAt)],
      ...(view.takenBy ? [[t.forgotten.takenBy, `${view.takenBy.byName}, ${formatDateTime(view.takenBy.at)}`] as [string, string]] : []),
    ]),
    ...(view.takenBy ? [] : [textBlock(t.forgotten.notTaken)]),
    textBlock(t.forgotten.why, { isSubtle: true }),
  ]);
}
