import { issueConfirmationCard } from '../../cards/issue-confirmation-card';
import { actionsOf, visibleTexts } from './card-walk';
import { anIssueConfirmation, LEERPLICHT_SIGNAL, SCHOOL_SIGNAL } from './views';

describe("the worker's confirmation card, one child", () => {
  it('says Signaal verstuurd and shows the reference code large, with school, time and reach', () => {
    const card = issueConfirmationCard(
      anIssueConfirmation({
        signals: [{ ...SCHOOL_SIGNAL, destination: { kind: 'school', schoolName: 'Basisschool De Regenboog', contactCount: 3 } }],
      }),
    );
    const texts = visibleTexts(card);

    expect(texts[0]).toBe('Signaal verstuurd');
    expect(card.body.find((e) => e.text === 'HWC-7F3K')).toMatchObject({ size: 'extraLarge', weight: 'bolder' });
    expect(texts).toEqual(expect.arrayContaining(['Basisschool De Regenboog', '10-03-2026 07:45']));
    expect(texts.join(' ')).toContain('3 contactpersonen');
    expect(texts.join(' ')).not.toMatch(/Kind 1/);
    expect(actionsOf(card)).toEqual([]);
  });

  it('speaks of one contact person in the singular', () => {
    const card = issueConfirmationCard(
      anIssueConfirmation({ signals: [{ ...SCHOOL_SIGNAL, destination: { kind: 'school', schoolName: 'Het Kompas', contactCount: 1 } }] }),
    );

    expect(visibleTexts(card).join(' ')).toContain('1 contactpersoon.');
  });

  it('says the signal went via leerplicht of the municipality, and to how many officers', () => {
    const texts = visibleTexts(issueConfirmationCard(anIssueConfirmation({ signals: [LEERPLICHT_SIGNAL] })));

    expect(texts).toEqual(expect.arrayContaining(['HWC-9QXZ', 'via leerplicht Heerlen']));
    expect(texts.join(' ')).toContain('Leerplicht Heerlen krijgt het signaal nu in Teams, bij 3 leerplichtambtenaren');
  });
});

describe("the worker's confirmation card, a household", () => {
  const third = {
    reference: 'HWC-MMT4',
    childNumber: 3,
    destination: { kind: 'school' as const, schoolName: 'Het Kompas', contactCount: 1 },
  };
  const card = issueConfirmationCard(anIssueConfirmation({ signals: [SCHOOL_SIGNAL, LEERPLICHT_SIGNAL, third] }));
  const texts = visibleTexts(card);

  it("lists every child's reference code and where it went, in form order", () => {
    expect(texts[0]).toBe('3 signalen verstuurd');
    expect(texts.filter((t) => t.startsWith('Kind '))).toEqual([
      'Kind 1 — HWC-7F3K — Basisschool De Regenboog',
      'Kind 2 — HWC-9QXZ — via leerplicht Heerlen',
      'Kind 3 — HWC-MMT4 — Het Kompas',
    ]);
    expect(texts).toEqual(expect.arrayContaining(['2 contactpersonen', '3 leerplichtambtenaren', '1 contactpersoon', '10-03-2026 07:45']));
  });

  it('tells the worker each child has its own code, and how to follow up', () => {
    expect(texts.join(' ')).toMatch(/Elk kind heeft een eigen code/);
    expect(texts.at(-1)).toMatch(/\*\*status\*\*/);
    expect(actionsOf(card)).toEqual([]);
  });

  it('speaks English for an English user', () => {
    const english = visibleTexts(issueConfirmationCard(anIssueConfirmation({ locale: 'en', signals: [SCHOOL_SIGNAL, LEERPLICHT_SIGNAL] })));

    expect(english).toEqual(
      expect.arrayContaining([
        '2 signals sent',
        'Child 1 — HWC-7F3K — Basisschool De Regenboog',
        'Child 2 — HWC-9QXZ — via the attendance officer of Heerlen',
      ]),
    );
  });
});
