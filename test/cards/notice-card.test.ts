import { stringsFor } from '../../cards/i18n/strings';
import { noticeCard } from '../../cards/notice-card';
import { actionsOf, visibleTexts } from './card-walk';

describe('the notice card', () => {
  it('shows a title and a text, and no buttons', () => {
    const t = stringsFor('nl');
    const card = noticeCard({
      locale: 'nl',
      title: t.errors['SIGNAL.ALREADY_ACKNOWLEDGED'].title,
      text: t.errors['SIGNAL.ALREADY_ACKNOWLEDGED'].text('Anouk Jansen', '08:12'),
    });

    expect(visibleTexts(card)).toEqual([
      'Al opgepakt',
      'Dit signaal is al opgepakt door Anouk Jansen om 08:12. Je hoeft niets te doen.',
    ]);
    expect(card.body[0]).toMatchObject({ weight: 'bolder' });
    expect(actionsOf(card)).toEqual([]);
  });
});
