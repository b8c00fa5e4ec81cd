/**
 * Cards that outlive the moment of delivery must not carry the child's name or birth date:
 * they stay in chats after the signal is redacted or moved on. Each view here is built from an
 * object that also carries the child, as a careless caller might pass a whole signal.
 */
import type { AdaptiveCard } from '../../cards/adaptive-card';
import { bouncedNoticeCard } from '../../cards/bounced-notice-card';
import { escalationCard } from '../../cards/escalation-card';
import { escalationTakenCard } from '../../cards/escalation-taken-card';
import { issueConfirmationCard } from '../../cards/issue-confirmation-card';
import { leerplichtStatusCard } from '../../cards/leerplicht-status-card';
import { reminderCard } from '../../cards/reminder-card';
import { routeClosedCard } from '../../cards/route-closed-card';
import { routedCard } from '../../cards/routed-card';
import { statusCard } from '../../cards/status-card';
import { supportFormCard } from '../../cards/support-form-card';
import { supportRecordedCard } from '../../cards/support-recorded-card';
import { supportReminderCard } from '../../cards/support-reminder-card';
import { takenCard } from '../../cards/taken-card';
import { unroutableNoticeCard } from '../../cards/unroutable-notice-card';
import type { Locale } from '../../cards/view-models';
import { withdrawnCard } from '../../cards/withdrawn-card';
import {
  aBouncedNotice,
  aLeerplichtStatus,
  aReminder,
  aRouteClosed,
  aRouted,
  aStatus,
  aSupportForm,
  aSupportRecorded,
  aSupportReminder,
  aTaken,
  aWithdrawn,
  anEscalation,
  anEscalationTaken,
  anIssueConfirmation,
  anUnroutableNotice,
  CHILD,
  CHILD_STRINGS,
  LEERPLICHT_SIGNAL,
  LOCALES,
  SCHOOL_SIGNAL,
} from './views';

const withChild = <T extends object>(view: T): T => ({ ...view, child: CHILD, ...CHILD });

describe('cards that hold no child data', () => {
  const cardsFor = (locale: Locale): Array<[string, () => AdaptiveCard]> => [
    ['the taken card', () => takenCard(withChild(aTaken({ locale })))],
    [
      "the worker's confirmation",
      () => issueConfirmationCard(withChild(anIssueConfirmation({ locale, signals: [withChild(SCHOOL_SIGNAL)] }))),
    ],
    [
      "the worker's household confirmation",
      () =>
        issueConfirmationCard(
          withChild(anIssueConfirmation({ locale, signals: [withChild(SCHOOL_SIGNAL), withChild(LEERPLICHT_SIGNAL)] })),
        ),
    ],
    [
      'the status card',
      () =>
        statusCard(
          withChild(aStatus({ locale, rows: aStatus().rows.map((row) => withChild({ ...row, steps: row.steps.map(withChild) })) })),
        ),
    ],
    ['the leerplicht status card', () => leerplichtStatusCard(withChild(aLeerplichtStatus({ locale, rows: aLeerplichtStatus().rows.map(withChild) })))],
    ['the support-recorded card', () => supportRecordedCard(withChild(aSupportRecorded({ locale })))],
    ['the routed card', () => routedCard(withChild(aRouted({ locale })))],
    ['the route-closed card', () => routeClosedCard(withChild(aRouteClosed({ locale })))],
    ['the withdrawn card', () => withdrawnCard(withChild(aWithdrawn({ locale })))],
    ['the bounced notice', () => bouncedNoticeCard(withChild(aBouncedNotice({ locale })))],
    ['the bounced notice, rerouted', () => bouncedNoticeCard(withChild(aBouncedNotice({ locale, rerouted: { at: '2026-03-10T07:30:00.000Z' } })))],
    ['the unroutable notice', () => unroutableNoticeCard(withChild(anUnroutableNotice({ locale })))],
    ["the reminder to the school's contacts", () => reminderCard(withChild(aReminder({ locale })))],
    ["the coordinators' escalation", () => escalationCard(withChild(anEscalation({ locale })))],
    ["the coordinators' escalation, taken", () => escalationTakenCard(withChild(anEscalationTaken({ locale })))],
    ['the reminder to record support', () => supportReminderCard(withChild(aSupportReminder({ locale })))],
  ];
  const cards = LOCALES.flatMap((locale) =>
    cardsFor(locale).map(([name, build]): [string, () => AdaptiveCard] => [`${name} (${locale})`, build]),
  );

  it.each(cards)('%s shows neither name nor birth date', (_name, build) => {
    const json = JSON.stringify(build());

    for (const text of CHILD_STRINGS) expect(json).not.toContain(text);
  });

  it('the support form names the child only while the signal still holds the name', () => {
    const named = JSON.stringify(supportFormCard(aSupportForm()));
    const redacted = JSON.stringify(supportFormCard(aSupportForm({ child: undefined })));

    expect(named).toContain("Zoë van 't Hoff-Achterberg");
    for (const text of CHILD_STRINGS) expect(redacted).not.toContain(text);
    expect(redacted).toContain('HWC-7F3K');
  });
});
