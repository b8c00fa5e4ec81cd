/**
 * What the other contacts' cards turn into once a colleague picked the signal up: who and
 * when, and no child data at all, so the name does not linger in their chats.
 */
import { adaptiveCard, factSet, heading, textBlock, type AdaptiveCard } from './adaptive-card';
import { formatDate, formatTime, isSameSchoolTimeDay } from './format';
import { stringsFor } from './i18n/strings';
import type { TakenView } from './view-models';

export function takenCard(view: TakenView): AdaptiveCard {
  const t = stringsFor(view.locale);
  // A time alone reads as "today"; once the day has turned, say which day.
  const takenBy = isSameSchoolTimeDay(view.issuedAt, view.at)
    ? t.taken.takenAt(view.byName, formatTime(view.at))
    : t.taken.takenOn(view.byName, formatDate(view.at), formatTime(view.at));
  return adaptiveCard([
    heading(t.common.appName),
    textBlock(takenBy, { weight: 'bolder', color: 'good' }),
    factSet([
      [t.common.reference, view.reference],
      [t.common.school, view.schoolName],
    ]),
    textBlock(t.taken.nothingToDo, { isSubtle: true }),
  ]);
}
