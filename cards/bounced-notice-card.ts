/**
 * Tells the issuing Veilig Thuis worker that a school sent a direct signal back, by reference
 * code only, with one way on: let the municipality's leerplicht look the school up.
 */
import { adaptiveCard, executeAction, factSet, heading, textBlock, type AdaptiveCard } from './adaptive-card';
import { formatDateTime, formatTime } from './format';
import { stringsFor } from './i18n/strings';
import { Verbs } from './verbs';
import type { BouncedNoticeView } from './view-models';

export function bouncedNoticeCard(view: BouncedNoticeView): AdaptiveCard {
  const t = stringsFor(view.locale);
  const body = [
    heading(t.bouncedNotice.title),
    textBlock(t.bouncedNotice.bouncedBy(view.schoolName), { weight: 'bolder' }),
    factSet([
      [t.common.reference, view.reference],
      [t.bouncedNotice.bouncedAt, formatDateTime(view.at)],
    ]),
  ];
  if (view.rerouted) {
    return adaptiveCard([...body, textBlock(t.bouncedNotice.rerouted(formatTime(view.rerouted.at)), { color: 'good' })]);
  }
  if (view.forgotten) return adaptiveCard([...body, textBlock(t.bouncedNotice.forgotten, { isSubtle: true })]);
  return adaptiveCard(
    [...body, textBlock(t.bouncedNotice.newSignalHint, { isSubtle: true })],
    [
      executeAction(Verbs.signalToLeerplicht, t.bouncedNotice.toLeerplicht(view.municipalityName), {
        data: { signalId: view.signalId },
        associatedInputs: 'none',
      }),
    ],
  );
}
