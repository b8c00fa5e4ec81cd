import type { AdaptiveCard } from '../../cards/adaptive-card';
import {
  bouncedNoticeCard,
  contactSignalCard,
  escalationCard,
  escalationTakenCard,
  helpCard,
  issueConfirmationCard,
  leerplichtStatusCard,
  noticeCard,
  reminderCard,
  routeCard,
  routeClosedCard,
  routedCard,
  signalFormCard,
  statusCard,
  supportFormCard,
  supportRecordedCard,
  supportReminderCard,
  takenCard,
  unroutableNoticeCard,
  withdrawnCard,
} from '../../cards/index';
import { structuralProblems } from './card-structure';
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
  LEERPLICHT_SIGNAL,
  LOCALES,
  SCHOOL_SIGNAL,
} from './views';

const everyCard = LOCALES.flatMap((locale): Array<[string, AdaptiveCard]> => [
  [`${locale} signal form`, signalFormCard(aSignalForm({ locale }))],
  [
    `${locale} signal form with errors`,
    signalFormCard(
      aSignalForm({
        locale,
        children: [
          {
            values: { firstName: 'Zoë', birthDate: '2026-01-01', schoolId: 'nope' },
            errors: { lastName: 'required', birthDate: 'tooYoung', schoolId: 'notAllowed' },
          },
        ],
      }),
    ),
  ],
  [
    `${locale} household form, full`,
    signalFormCard(
      aSignalForm({
        locale,
        maxChildren: 3,
        children: [
          { values: { firstName: 'Zoë' }, errors: {} },
          { values: {}, errors: { firstName: 'required' } },
          { values: { schoolId: 'leerplicht:GM0917' }, errors: { schoolId: 'noContacts' } },
        ],
      }),
    ),
  ],
  [`${locale} confirmation`, issueConfirmationCard(anIssueConfirmation({ locale }))],
  [`${locale} confirmation via leerplicht`, issueConfirmationCard(anIssueConfirmation({ locale, signals: [LEERPLICHT_SIGNAL] }))],
  [
    `${locale} household confirmation`,
    issueConfirmationCard(anIssueConfirmation({ locale, signals: [SCHOOL_SIGNAL, LEERPLICHT_SIGNAL] })),
  ],
  [`${locale} contact signal`, contactSignalCard(aContactSignal({ locale }))],
  [`${locale} withdrawn`, withdrawnCard(aWithdrawn({ locale }))],
  [`${locale} route`, routeCard(aRoute({ locale }))],
  [
    `${locale} route, sent back, with errors`,
    routeCard(
      aRoute({
        locale,
        returnedBy: { schoolName: 'Het Kompas', at: '2026-03-11T07:30:00.000Z' },
        triedSchoolNames: ['Het Kompas'],
        values: { schoolId: '34CD01', reason: 'moved' },
        errors: { schoolId: 'tried', reason: 'required' },
      }),
    ),
  ],
  [`${locale} routed`, routedCard(aRouted({ locale }))],
  [`${locale} route closed`, routeClosedCard(aRouteClosed({ locale }))],
  [`${locale} bounced notice`, bouncedNoticeCard(aBouncedNotice({ locale }))],
  [`${locale} bounced notice, rerouted`, bouncedNoticeCard(aBouncedNotice({ locale, rerouted: { at: '2026-03-10T07:30:00.000Z' } }))],
  [`${locale} unroutable notice`, unroutableNoticeCard(anUnroutableNotice({ locale }))],
  [`${locale} leerplicht status`, leerplichtStatusCard(aLeerplichtStatus({ locale }))],
  [`${locale} empty leerplicht status`, leerplichtStatusCard(aLeerplichtStatus({ locale, rows: [] }))],
  [`${locale} taken`, takenCard(aTaken({ locale }))],
  [`${locale} support form`, supportFormCard(aSupportForm({ locale, errors: { categories: 'required' } }))],
  [`${locale} redacted support form`, supportFormCard(aSupportForm({ locale, child: undefined }))],
  [`${locale} support recorded`, supportRecordedCard(aSupportRecorded({ locale }))],
  [`${locale} support recorded, locked`, supportRecordedCard(aSupportRecorded({ locale, canChange: false }))],
  [`${locale} reminder`, reminderCard(aReminder({ locale }))],
  [`${locale} escalation`, escalationCard(anEscalation({ locale }))],
  [`${locale} escalation, no contacts`, escalationCard(anEscalation({ locale, contactNames: [] }))],
  [`${locale} escalation taken`, escalationTakenCard(anEscalationTaken({ locale }))],
  [`${locale} support reminder`, supportReminderCard(aSupportReminder({ locale }))],
  [`${locale} status`, statusCard(aStatus({ locale }))],
  [`${locale} empty status`, statusCard(aStatus({ locale, rows: [] }))],
  [`${locale} help, all roles`, helpCard({ locale, roles: ['vt_worker', 'school_contact', 'leerplicht', 'coordinator', 'manager', 'admin'] })],
  [`${locale} help, no roles`, helpCard({ locale, roles: [] })],
  [`${locale} notice`, noticeCard({ locale, title: 'Titel', text: 'Tekst' })],
]);

describe('every card', () => {
  it.each(everyCard)('%s is a well-formed Adaptive Card 1.5 with working buttons', (_name, card) => {
    expect(structuralProblems(card)).toEqual([]);
  });

  it.each(everyCard)('%s survives a JSON round trip unchanged (no undefined, no functions)', (_name, card) => {
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
    expect(JSON.stringify(card)).not.toContain('undefined');
  });
});

describe('the structural check itself', () => {
  it('finds unknown types, duplicate input ids and buttons the bot would not understand', () => {
    const broken = {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      body: [
        { type: 'Textblock', text: 'typo' },
        { type: 'Input.Text', id: 'a' },
        { type: 'Container', items: [{ type: 'Input.Date', id: 'a' }] },
      ],
      actions: [
        { type: 'Action.Execute', verb: 'signal.destroy', title: 'Weg' },
        { type: 'Action.Execute', verb: 'signal.acknowledge', title: 'Gezien' },
        { type: 'Action.Execute', verb: 'signal.forward', title: 'Doorsturen', data: { schoolId: '12AB00' } },
        { type: 'Action.Execute', verb: 'signal.add_child', title: 'Nog een kind', data: { children: 9 } },
        { type: 'Action.Execute', verb: 'escalation.take', title: 'Ik neem contact op' },
        { type: 'Action.Submit', title: 'Oud' },
      ],
    } as unknown as AdaptiveCard;

    expect(structuralProblems(broken)).toEqual([
      'unknown element type Textblock',
      'duplicate input id a',
      'duplicate input id a',
      'Action.Execute signal.destroy: unknown_verb',
      'Action.Execute signal.acknowledge: invalid_data',
      'Action.Execute signal.forward: invalid_data',
      'Action.Execute signal.add_child: invalid_data',
      'Action.Execute escalation.take: invalid_data',
      'unknown action type Action.Submit',
    ]);
  });

  it('knows every verb the new buttons use', () => {
    const card = {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      body: [{ type: 'TextBlock', text: 'x' }],
      actions: [
        { type: 'Action.Execute', verb: 'signal.add_child', title: 'a', data: { children: 2 } },
        { type: 'Action.Execute', verb: 'signal.submit', title: 'b', data: { children: 8 } },
        { type: 'Action.Execute', verb: 'signal.bounce', title: 'c', data: { signalId: 's' } },
        { type: 'Action.Execute', verb: 'signal.forward', title: 'd', data: { signalId: 's' } },
        { type: 'Action.Execute', verb: 'signal.no_school', title: 'e', data: { signalId: 's' } },
        { type: 'Action.Execute', verb: 'signal.to_leerplicht', title: 'f', data: { signalId: 's' } },
        { type: 'Action.Execute', verb: 'escalation.take', title: 'g', data: { signalId: 's' } },
        { type: 'Action.Execute', verb: 'support.edit', title: 'h', data: { signalId: 's' } },
      ],
    } as unknown as AdaptiveCard;

    expect(structuralProblems(card)).toEqual([]);
  });
});
