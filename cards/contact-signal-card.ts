/**
 * The signal as a school contact receives it: exactly the child's name and birth date, the
 * school, when and the reference — the Handle with Care minimum — one button to pick it up and
 * one to say the child is not a pupil here.
 */
import { toDutchDate } from '../src/domain/calendar-date';
import { adaptiveCard, executeAction, factSet, heading, textBlock, type AdaptiveCard } from './adaptive-card';
import { formatDateTime } from './format';
import { stringsFor } from './i18n/strings';
import { Verbs } from './verbs';
import type { ContactSignalView } from './view-models';

export function contactSignalCard(view: ContactSignalView): AdaptiveCard {
  const t = stringsFor(view.locale);
  // Only these three fields are read: whatever else an object might carry never reaches Teams.
  const { firstName, lastName, birthDate } = view.child;
  return adaptiveCard(
    [
      heading(t.common.appName),
      textBlock(`${firstName} ${lastName}`, { size: 'extraLarge', weight: 'bolder' }),
      factSet([
        [t.common.birthDate, toDutchDate(birthDate)],
        [t.common.school, view.schoolName],
        [t.common.issuedAt, formatDateTime(view.issuedAt)],
        [t.common.reference, view.reference],
      ]),
      textBlock(t.contactSignal.expectation),
      textBlock(t.contactSignal.needToKnow, { isSubtle: true, spacing: 'small' }),
      textBlock(t.contactSignal.bounceHint, { isSubtle: true, size: 'small' }),
    ],
    [
      executeAction(Verbs.signalAcknowledge, t.contactSignal.acknowledge, {
        data: { signalId: view.signalId },
        style: 'positive',
      }),
      executeAction(Verbs.signalBounce, t.contactSignal.bounce, { data: { signalId: view.signalId } }),
    ],
  );
}
