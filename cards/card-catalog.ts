/**
 * Every card the bot can send, built by its real card builders from sample data: the tab's card
 * previews (for training new contacts and reviewing wording) and the test that every card parses
 * in Microsoft's `adaptivecards` SDK. Sample data only, never a real child: the child on these
 * cards is made up (`sample-views.ts`).
 */
import type { AdaptiveCard } from './adaptive-card';
import { accessEndedCard } from './access-ended-card';
import { auditTrailCard } from './audit-trail-card';
import { bouncedNoticeCard } from './bounced-notice-card';
import { contactSignalCard } from './contact-signal-card';
import { deliveryAlertCard } from './delivery-alert-card';
import { digestCard } from './digest-card';
import { escalationCard } from './escalation-card';
import { escalationTakenCard } from './escalation-taken-card';
import { forgottenSignalCard } from './forgotten-signal-card';
import { helpCard } from './help-card';
import { issueConfirmationCard } from './issue-confirmation-card';
import { leerplichtStatusCard } from './leerplicht-status-card';
import { noticeCard } from './notice-card';
import { reminderCard } from './reminder-card';
import { routeCard } from './route-card';
import { routeClosedCard } from './route-closed-card';
import { routedCard } from './routed-card';
import { signalFormCard } from './signal-form-card';
import { statusCard } from './status-card';
import { supportFormCard } from './support-form-card';
import { supportRecordedCard } from './support-recorded-card';
import { supportReminderCard } from './support-reminder-card';
import { takenCard } from './taken-card';
import { unroutableNoticeCard } from './unroutable-notice-card';
import { withdrawnCard } from './withdrawn-card';
import { sampleDigest, sampleAuditRows } from './sample-digest';
import {
  aBouncedNotice,
  aContactSignal,
  aLeerplichtStatus,
  aReminder,
  aRoute,
  aRouteClosed,
  aRouted,
  aSignalForm,
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
  ISSUED_AT,
  LEERPLICHT_SIGNAL,
  SCHOOL_SIGNAL,
} from './sample-views';
import type { Locale } from './view-models';

/** Who receives a card: one of the directory's roles, or anyone who writes to the bot. */
export type CardAudience = 'vt_worker' | 'school_contact' | 'leerplicht' | 'coordinator' | 'manager' | 'admin' | 'anyone';

export interface CatalogCard {
  /** Stable, for links and tests: the builder and, where one builder has several looks, which. */
  id: string;
  /** The builder that drew it (a name exported by `cards/index.ts`). */
  builder: string;
  audience: CardAudience;
  /** When the card is sent, in the preview's language. */
  title: string;
  card: AdaptiveCard;
}

type Entry = Omit<CatalogCard, 'title'> & { title: Record<Locale, string> };

/** The cards in the order a signal meets them, then the ones around it. */
export function cardCatalog(locale: Locale): CatalogCard[] {
  const entries: Entry[] = [
    {
      id: 'signal-form',
      builder: 'signalFormCard',
      audience: 'vt_worker',
      title: { nl: 'Het formulier van een signaal (opdracht "signaal")', en: 'The signal form (command "signaal")' },
      card: signalFormCard(aSignalForm({ locale })),
    },
    {
      id: 'issue-confirmation',
      builder: 'issueConfirmationCard',
      audience: 'vt_worker',
      title: { nl: 'Bevestiging na Verstuur, voor een gezin met twee kinderen', en: 'Confirmation after Send, for a household of two children' },
      card: issueConfirmationCard(anIssueConfirmation({ locale, signals: [SCHOOL_SIGNAL, LEERPLICHT_SIGNAL] })),
    },
    {
      id: 'contact-signal',
      builder: 'contactSignalCard',
      audience: 'school_contact',
      title: { nl: 'Het signaal bij de contactpersoon van de school', en: "The signal in the school contact's chat" },
      card: contactSignalCard(aContactSignal({ locale })),
    },
    {
      id: 'taken',
      builder: 'takenCard',
      audience: 'school_contact',
      title: { nl: 'Na Gezien: wie het oppakte', en: 'After Seen: who picked it up' },
      card: takenCard(aTaken({ locale })),
    },
    {
      id: 'support-form',
      builder: 'supportFormCard',
      audience: 'school_contact',
      title: { nl: 'Steun vastleggen', en: 'Recording support' },
      card: supportFormCard(aSupportForm({ locale })),
    },
    {
      id: 'support-recorded',
      builder: 'supportRecordedCard',
      audience: 'school_contact',
      title: { nl: 'Steun vastgelegd', en: 'Support recorded' },
      card: supportRecordedCard(aSupportRecorded({ locale })),
    },
    {
      id: 'reminder',
      builder: 'reminderCard',
      audience: 'school_contact',
      title: { nl: 'Herinnering vóór schooltijd, als niemand Gezien drukte', en: 'Reminder before school starts, when nobody pressed Seen' },
      card: reminderCard(aReminder({ locale })),
    },
    {
      id: 'support-reminder',
      builder: 'supportReminderCard',
      audience: 'school_contact',
      title: { nl: 'Herinnering om steun vast te leggen', en: 'Reminder to record support' },
      card: supportReminderCard(aSupportReminder({ locale })),
    },
    {
      id: 'withdrawn',
      builder: 'withdrawnCard',
      audience: 'school_contact',
      title: { nl: 'Teruggestuurd: "niet onze leerling"', en: 'Sent back: "not our pupil"' },
      card: withdrawnCard(aWithdrawn({ locale })),
    },
    {
      id: 'escalation',
      builder: 'escalationCard',
      audience: 'coordinator',
      title: { nl: 'Escalatie: niemand op school pakte het signaal op', en: 'Escalation: nobody at the school picked it up' },
      card: escalationCard(anEscalation({ locale })),
    },
    {
      id: 'escalation-taken',
      builder: 'escalationTakenCard',
      audience: 'coordinator',
      title: { nl: 'Escalatie opgepakt', en: 'Escalation taken' },
      card: escalationTakenCard(anEscalationTaken({ locale })),
    },
    {
      id: 'route',
      builder: 'routeCard',
      audience: 'leerplicht',
      title: { nl: 'Doorsturen naar de juiste school', en: 'Forwarding to the right school' },
      card: routeCard(aRoute({ locale })),
    },
    {
      id: 'routed',
      builder: 'routedCard',
      audience: 'leerplicht',
      title: { nl: 'Doorgestuurd (bij de andere leerplichtambtenaren)', en: 'Forwarded (for the other officers)' },
      card: routedCard(aRouted({ locale })),
    },
    {
      id: 'route-closed',
      builder: 'routeClosedCard',
      audience: 'leerplicht',
      title: { nl: 'Geen school gevonden: afgesloten', en: 'No school found: closed' },
      card: routeClosedCard(aRouteClosed({ locale })),
    },
    {
      id: 'leerplicht-status',
      builder: 'leerplichtStatusCard',
      audience: 'leerplicht',
      title: { nl: 'Signalen die wachten op doorsturen', en: 'Signals waiting to be forwarded' },
      card: leerplichtStatusCard(aLeerplichtStatus({ locale })),
    },
    {
      id: 'bounced-notice',
      builder: 'bouncedNoticeCard',
      audience: 'vt_worker',
      title: { nl: 'Een school stuurde het signaal terug', en: 'A school sent the signal back' },
      card: bouncedNoticeCard(aBouncedNotice({ locale })),
    },
    {
      id: 'unroutable-notice',
      builder: 'unroutableNoticeCard',
      audience: 'vt_worker',
      title: { nl: 'Leerplicht vond geen school', en: 'Leerplicht found no school' },
      card: unroutableNoticeCard(anUnroutableNotice({ locale })),
    },
    {
      id: 'status',
      builder: 'statusCard',
      audience: 'vt_worker',
      title: { nl: 'De eigen signalen (opdracht "status")', en: 'Own signals (command "status")' },
      card: statusCard(aStatus({ locale })),
    },
    {
      id: 'forgotten-signal',
      builder: 'forgottenSignalCard',
      audience: 'school_contact',
      title: { nl: 'Na het vergeten: dezelfde kaart zonder het kind', en: 'After forgetting: the same card without the child' },
      card: forgottenSignalCard({
        locale,
        reference: SCHOOL_SIGNAL.reference,
        placeLabel: 'school',
        placeName: 'Basisschool De Regenboog',
        issuedAt: ISSUED_AT,
        redactedAt: '2026-03-17T06:45:00.000Z',
        takenBy: { byName: 'Anouk Jansen', at: '2026-03-10T07:12:00.000Z' },
      }),
    },
    {
      id: 'access-ended',
      builder: 'accessEndedCard',
      audience: 'school_contact',
      title: { nl: 'Na vertrek uit de rol: de kaart zonder het kind', en: 'After leaving the role: the card without the child' },
      card: accessEndedCard({ locale, reference: SCHOOL_SIGNAL.reference, placeLabel: 'school', placeName: 'Basisschool De Regenboog' }),
    },
    {
      id: 'digest',
      builder: 'digestCard',
      audience: 'manager',
      title: { nl: 'Het weekoverzicht, maandag 08:00', en: 'The weekly digest, Monday 08:00' },
      card: digestCard({ locale, ...sampleDigest() }),
    },
    {
      id: 'delivery-alert',
      builder: 'deliveryAlertCard',
      audience: 'admin',
      title: { nl: 'Een kaart kwam niet aan', en: 'A card could not be delivered' },
      card: deliveryAlertCard({ locale, reference: SCHOOL_SIGNAL.reference, recipientName: 'Anouk Jansen', role: 'school_contact', reason: 'blocked', at: ISSUED_AT }),
    },
    {
      id: 'audit-trail',
      builder: 'auditTrailCard',
      audience: 'admin',
      title: { nl: 'Het spoor van een signaal (opdracht "audit")', en: "A signal's trail (command \"audit\")" },
      card: auditTrailCard({ locale, reference: SCHOOL_SIGNAL.reference, rows: sampleAuditRows(), more: 0 }),
    },
    {
      id: 'help',
      builder: 'helpCard',
      audience: 'anyone',
      title: { nl: 'Hulp (opdracht "help"), voor een contactpersoon', en: 'Help (command "help"), for a school contact' },
      card: helpCard({ locale, roles: ['school_contact'] }),
    },
    {
      id: 'notice',
      builder: 'noticeCard',
      audience: 'anyone',
      title: { nl: 'Een korte melding, zoals het welkom', en: 'A short notice, such as the welcome' },
      card: noticeCard({
        locale,
        title: locale === 'nl' ? 'Welkom bij Handle with Care' : 'Welcome to Handle with Care',
        text: locale === 'nl' ? 'Typ help om te zien wat u hier kunt doen.' : 'Type help to see what you can do here.',
      }),
    },
  ];
  return entries.map((entry) => ({ ...entry, title: entry.title[locale] }));
}
