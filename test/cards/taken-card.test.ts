import { takenCard } from '../../cards/taken-card';
import { actionsOf, visibleTexts } from './card-walk';
import { aTaken } from './views';

describe('the taken card the other contacts see', () => {
  it('says who picked the signal up and at what time, with reference and school', () => {
    const texts = visibleTexts(takenCard(aTaken()));

    expect(texts).toEqual(
      expect.arrayContaining([
        'Handle with Care',
        'Opgepakt door Anouk Jansen om 08:12',
        'HWC-7F3K',
        'Basisschool De Regenboog',
      ]),
    );
  });

  it('adds the date when it was picked up on a later day than it was sent', () => {
    const texts = visibleTexts(takenCard(aTaken({ at: '2026-03-11T07:05:00.000Z' })));

    expect(texts).toContain('Opgepakt door Anouk Jansen op 11-03-2026 om 08:05');
  });

  it('has no buttons: there is nothing left to do', () => {
    expect(actionsOf(takenCard(aTaken()))).toEqual([]);
  });

  it('speaks English for an English user', () => {
    expect(visibleTexts(takenCard(aTaken({ locale: 'en' })))).toContain('Picked up by Anouk Jansen at 08:12');
  });
});
