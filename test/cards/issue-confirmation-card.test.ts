import { issueConfirmationCard } from '../../cards/issue-confirmation-card';
import { actionsOf, visibleTexts } from './card-walk';
import { anIssueConfirmation } from './views';

describe("the worker's confirmation card", () => {
  it('says Signaal verstuurd and shows the reference code large, with school, time and reach', () => {
    const card = issueConfirmationCard(anIssueConfirmation({ contactCount: 3 }));
    const texts = visibleTexts(card);

    expect(texts[0]).toBe('Signaal verstuurd');
    expect(card.body.find((e) => e.text === 'HWC-7F3K')).toMatchObject({ size: 'extraLarge', weight: 'bolder' });
    expect(texts).toEqual(expect.arrayContaining(['Basisschool De Regenboog', '10-03-2026 07:45']));
    expect(texts.join(' ')).toContain('3 contactpersonen');
    expect(actionsOf(card)).toEqual([]);
  });

  it('speaks of one contact person in the singular', () => {
    const texts = visibleTexts(issueConfirmationCard(anIssueConfirmation({ contactCount: 1 })));

    expect(texts.join(' ')).toContain('1 contactpersoon.');
  });
});
