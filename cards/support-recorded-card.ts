/** The contact's card after saving support: what was recorded, and a way back the same day. */
import { adaptiveCard, executeAction, factSet, heading, textBlock, type AdaptiveCard } from './adaptive-card';
import { formatDateTime } from './format';
import { stringsFor } from './i18n/strings';
import { Verbs } from './verbs';
import type { SupportRecordedView } from './view-models';

export function supportRecordedCard(view: SupportRecordedView): AdaptiveCard {
  const t = stringsFor(view.locale);
  const body = [
    heading(t.supportRecorded.title),
    factSet([
      [t.common.reference, view.reference],
      [t.common.school, view.schoolName],
      [t.supportRecorded.recordedAt, formatDateTime(view.recordedAt)],
      [t.supportRecorded.priorConcern, t.supportForm.priorConcern[view.priorConcern]],
    ]),
    textBlock(t.supportRecorded.categories, { weight: 'bolder' }),
    ...view.categories.map((c) => textBlock(`• ${t.supportForm.categories[c]}`, { spacing: 'none' })),
  ];
  if (!view.canChange) return adaptiveCard(body);
  return adaptiveCard(
    [...body, textBlock(t.supportRecorded.changeHint, { isSubtle: true })],
    [executeAction(Verbs.supportEdit, t.supportRecorded.edit, { data: { signalId: view.signalId }, associatedInputs: 'none' })],
  );
}
