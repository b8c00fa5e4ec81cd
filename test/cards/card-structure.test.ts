import type { AdaptiveCard } from '../../cards/adaptive-card';
import {
  contactSignalCard,
  helpCard,
  issueConfirmationCard,
  noticeCard,
  signalFormCard,
  statusCard,
  supportFormCard,
  supportRecordedCard,
  takenCard,
} from '../../cards/index';
import { structuralProblems } from './card-structure';
import {
  aContactSignal,
  aSignalForm,
  aStatus,
  aSupportForm,
  aSupportRecorded,
  aTaken,
  anIssueConfirmation,
  LOCALES,
} from './views';

const everyCard = LOCALES.flatMap((locale): Array<[string, AdaptiveCard]> => [
  [`${locale} signal form`, signalFormCard(aSignalForm({ locale }))],
  [
    `${locale} signal form with errors`,
    signalFormCard(
      aSignalForm({
        locale,
        values: { firstName: 'Zoë', birthDate: '2026-01-01', schoolId: 'nope' },
        errors: { lastName: 'required', birthDate: 'tooYoung', schoolId: 'notAllowed' },
      }),
    ),
  ],
  [`${locale} confirmation`, issueConfirmationCard(anIssueConfirmation({ locale }))],
  [`${locale} contact signal`, contactSignalCard(aContactSignal({ locale }))],
  [`${locale} taken`, takenCard(aTaken({ locale }))],
  [`${locale} support form`, supportFormCard(aSupportForm({ locale, errors: { categories: 'required' } }))],
  [`${locale} redacted support form`, supportFormCard(aSupportForm({ locale, child: undefined }))],
  [`${locale} support recorded`, supportRecordedCard(aSupportRecorded({ locale }))],
  [`${locale} support recorded, locked`, supportRecordedCard(aSupportRecorded({ locale, canChange: false }))],
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
        { type: 'Action.Submit', title: 'Oud' },
      ],
    } as unknown as AdaptiveCard;

    expect(structuralProblems(broken)).toEqual([
      'unknown element type Textblock',
      'duplicate input id a',
      'duplicate input id a',
      'Action.Execute signal.destroy: unknown_verb',
      'Action.Execute signal.acknowledge: invalid_data',
      'unknown action type Action.Submit',
    ]);
  });
});
