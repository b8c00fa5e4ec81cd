/**
 * A municipal coordinator's card for a signal nobody at the school picked up in time: the
 * reference, the school, the times and the school's contacts to call — never the child's name
 * or birth date. One button records who takes it on.
 */
import { adaptiveCard, executeAction, factSet, heading, textBlock, type AdaptiveCard } from './adaptive-card';
import { formatDateTime } from './format';
import { stringsFor } from './i18n/strings';
import { Verbs } from './verbs';
import type { EscalationView } from './view-models';

export function escalationCard(view: EscalationView): AdaptiveCard {
  const t = stringsFor(view.locale);
  const contacts =
    view.contactNames.length > 0 ? t.escalation.contacts(view.contactNames.join(', ')) : t.escalation.noContacts;
  return adaptiveCard(
    [
      heading(t.escalation.title),
      textBlock(t.escalation.text, { weight: 'bolder', color: 'attention' }),
      factSet([
        [t.common.reference, view.reference],
        [t.common.school, view.schoolName],
        [t.common.issuedAt, formatDateTime(view.issuedAt)],
        [t.escalation.dueAt, formatDateTime(view.dueAt)],
      ]),
      textBlock(contacts),
      view.noCoordinator ? textBlock(t.escalation.noCoordinator, { weight: 'bolder' }) : textBlock(t.escalation.takeHint, { isSubtle: true }),
    ],
    view.noCoordinator
      ? []
      : [
          executeAction(Verbs.escalationTake, t.escalation.take, {
            data: { signalId: view.signalId },
            associatedInputs: 'none',
            style: 'positive',
          }),
        ],
  );
}
