/**
 * What every leerplicht officer's card turns into once one of them forwarded the signal: who,
 * to which school and when — and no child data, so the name does not linger in their chats.
 */
import { adaptiveCard, factSet, heading, textBlock, type AdaptiveCard } from './adaptive-card';
import { formatDate, formatTime, isSameSchoolTimeDay } from './format';
import { stringsFor } from './i18n/strings';
import type { RoutedView } from './view-models';

export function routedCard(view: RoutedView): AdaptiveCard {
  const t = stringsFor(view.locale);
  // A time alone reads as "the day it was sent"; once the day has turned, say which day.
  const routedBy = isSameSchoolTimeDay(view.issuedAt, view.at)
    ? t.routed.routedAt(view.byName, view.schoolName, formatTime(view.at))
    : t.routed.routedOn(view.byName, view.schoolName, formatDate(view.at), formatTime(view.at));
  return adaptiveCard([
    heading(t.common.appName),
    textBlock(routedBy, { weight: 'bolder', color: 'good' }),
    factSet([
      [t.common.reference, view.reference],
      [t.common.municipality, view.municipalityName],
    ]),
    textBlock(t.routed.nothingToDo, { isSubtle: true }),
  ]);
}
