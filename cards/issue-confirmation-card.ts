/** What the worker sees after sending: the reference code to talk about it, never the child. */
import { adaptiveCard, factSet, heading, textBlock, type AdaptiveCard } from './adaptive-card';
import { formatDateTime } from './format';
import { stringsFor } from './i18n/strings';
import type { IssueConfirmationView } from './view-models';

export function issueConfirmationCard(view: IssueConfirmationView): AdaptiveCard {
  const t = stringsFor(view.locale);
  return adaptiveCard([
    heading(t.issueConfirmation.title),
    textBlock(view.reference, { size: 'extraLarge', weight: 'bolder', fontType: 'monospace', color: 'accent' }),
    textBlock(t.issueConfirmation.referenceHint, { isSubtle: true, spacing: 'none' }),
    factSet([
      [t.common.school, view.schoolName],
      [t.issueConfirmation.sentAt, formatDateTime(view.issuedAt)],
    ]),
    textBlock(t.issueConfirmation.recipients(view.contactCount)),
    textBlock(t.issueConfirmation.statusHint, { isSubtle: true }),
  ]);
}
