/**
 * What the worker sees after sending: the reference code of each child's signal to talk about
 * it, and where it went — never the child. One child reads as a single large code; a household
 * as one line per child, in form order.
 */
import { adaptiveCard, factSet, heading, textBlock, type AdaptiveCard, type CardElement } from './adaptive-card';
import { formatDateTime } from './format';
import { stringsFor, type Strings } from './i18n/strings';
import type { IssueConfirmationView, IssuedDestination, IssuedSignal } from './view-models';

function destinationName(t: Strings, destination: IssuedDestination): string {
  return destination.kind === 'school'
    ? destination.schoolName
    : t.issueConfirmation.viaLeerplicht(destination.municipalityName);
}

function reach(t: Strings, destination: IssuedDestination): string {
  return destination.kind === 'school'
    ? t.issueConfirmation.recipients(destination.contactCount)
    : t.issueConfirmation.leerplichtRecipients(destination.municipalityName, destination.officerCount);
}

function single(t: Strings, signal: IssuedSignal, issuedAt: string): CardElement[] {
  return [
    heading(t.issueConfirmation.title),
    textBlock(signal.reference, { size: 'extraLarge', weight: 'bolder', fontType: 'monospace', color: 'accent' }),
    textBlock(t.issueConfirmation.referenceHint, { isSubtle: true, spacing: 'none' }),
    factSet([
      [t.common.school, destinationName(t, signal.destination)],
      [t.issueConfirmation.sentAt, formatDateTime(issuedAt)],
    ]),
    textBlock(reach(t, signal.destination)),
  ];
}

function household(t: Strings, signals: IssuedSignal[], issuedAt: string): CardElement[] {
  return [
    heading(t.issueConfirmation.titleMany(signals.length)),
    textBlock(t.issueConfirmation.referenceHintMany, { isSubtle: true, spacing: 'none' }),
    ...signals.flatMap((s) => [
      textBlock(t.issueConfirmation.line(s.childNumber, s.reference, destinationName(t, s.destination)), {
        weight: 'bolder',
        spacing: 'medium',
      }),
      textBlock(
        s.destination.kind === 'school'
          ? t.issueConfirmation.contacts(s.destination.contactCount)
          : t.issueConfirmation.officers(s.destination.officerCount),
        { isSubtle: true, spacing: 'none' },
      ),
    ]),
    factSet([[t.issueConfirmation.sentAt, formatDateTime(issuedAt)]]),
  ];
}

export function issueConfirmationCard(view: IssueConfirmationView): AdaptiveCard {
  const t = stringsFor(view.locale);
  const [only] = view.signals;
  const [title, ...rest] = view.signals.length === 1 && only ? single(t, only, view.issuedAt) : household(t, view.signals, view.issuedAt);
  const repeated = view.repeated ? [textBlock(t.issueConfirmation.alreadySent, { weight: 'bolder', color: 'attention' })] : [];
  return adaptiveCard([title!, ...repeated, ...rest, textBlock(t.issueConfirmation.statusHint, { isSubtle: true })]);
}
