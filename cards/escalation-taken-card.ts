/**
 * What every coordinator's escalation card turns into once one of them took it on: who calls
 * the school, since when — no child data and no button, so nobody calls twice.
 */
import { adaptiveCard, factSet, heading, textBlock, type AdaptiveCard } from './adaptive-card';
import { formatTime } from './format';
import { stringsFor } from './i18n/strings';
import type { EscalationTakenView } from './view-models';

export function escalationTakenCard(view: EscalationTakenView): AdaptiveCard {
  const t = stringsFor(view.locale);
  return adaptiveCard([
    heading(t.escalation.title),
    textBlock(t.escalationTaken.takenBy(view.byName, view.schoolName, formatTime(view.at)), {
      weight: 'bolder',
      color: 'good',
    }),
    factSet([
      [t.common.reference, view.reference],
      [t.common.school, view.schoolName],
    ]),
  ]);
}
