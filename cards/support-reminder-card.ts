/**
 * To the contact who picked a signal up and, 48 hours after it was sent, has not recorded the
 * school's support: by reference code, without child data, with a button to the support form.
 */
import { adaptiveCard, executeAction, factSet, heading, textBlock, type AdaptiveCard } from './adaptive-card';
import { formatDateTime } from './format';
import { stringsFor } from './i18n/strings';
import { Verbs } from './verbs';
import type { SupportReminderView } from './view-models';

export function supportReminderCard(view: SupportReminderView): AdaptiveCard {
  const t = stringsFor(view.locale);
  return adaptiveCard(
    [
      heading(t.supportReminder.title),
      textBlock(t.supportReminder.text),
      factSet([
        [t.common.reference, view.reference],
        [t.common.school, view.schoolName],
        [t.common.issuedAt, formatDateTime(view.issuedAt)],
      ]),
    ],
    [
      executeAction(Verbs.supportEdit, t.supportReminder.record, {
        data: { signalId: view.signalId },
        associatedInputs: 'none',
        style: 'positive',
      }),
    ],
  );
}
