/**
 * What every leerplicht officer's card turns into once one of them found no school: the reason,
 * who and when, and no child data.
 */
import { adaptiveCard, factSet, heading, textBlock, type AdaptiveCard } from './adaptive-card';
import { formatTime } from './format';
import { stringsFor } from './i18n/strings';
import type { RouteClosedView } from './view-models';

export function routeClosedCard(view: RouteClosedView): AdaptiveCard {
  const t = stringsFor(view.locale);
  // The reason is a choice title ("Verhuisd"); inside the sentence it reads lower case.
  const reasonTitle = t.route.reasons[view.reason];
  const reason = reasonTitle.charAt(0).toLocaleLowerCase(view.locale) + reasonTitle.slice(1);
  // Nobody closed an expired signal: it ran out of time waiting for a school.
  const closed = view.reason === 'expired' ? t.routeClosed.expired(formatTime(view.at)) : t.routeClosed.closedBy(reason, view.byName, formatTime(view.at));
  return adaptiveCard([
    heading(t.common.appName),
    textBlock(closed, { weight: 'bolder' }),
    factSet([
      [t.common.reference, view.reference],
      [t.common.municipality, view.municipalityName],
    ]),
    textBlock(t.routeClosed.nothingToDo, { isSubtle: true }),
  ]);
}
