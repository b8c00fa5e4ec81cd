/**
 * A new message to every contact of a school whose signal is not picked up 30 minutes before
 * it is due. It points to the signal's card by reference code and repeats no child data: the
 * name stays on that one card, where Gezien is pressed.
 */
import { adaptiveCard, factSet, heading, textBlock, type AdaptiveCard } from './adaptive-card';
import { formatShortDateTime } from './format';
import { stringsFor } from './i18n/strings';
import type { ReminderView } from './view-models';

export function reminderCard(view: ReminderView): AdaptiveCard {
  const t = stringsFor(view.locale);
  return adaptiveCard([
    heading(t.reminder.title),
    factSet([
      [t.common.reference, view.reference],
      [t.common.school, view.schoolName],
    ]),
    textBlock(t.reminder.pickUpBefore(formatShortDateTime(view.dueAt)), { weight: 'bolder' }),
  ]);
}
