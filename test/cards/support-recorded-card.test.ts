import { supportRecordedCard } from '../../cards/support-recorded-card';
import { actionsOf, visibleTexts } from './card-walk';
import { aSupportRecorded } from './views';

describe('the support-recorded card', () => {
  it('shows Steun vastgelegd, the reference, the chosen support, the concern answer and when', () => {
    const texts = visibleTexts(supportRecordedCard(aSupportRecorded()));

    expect(texts[0]).toBe('Steun vastgelegd');
    expect(texts).toEqual(
      expect.arrayContaining(['HWC-7F3K', '• Rustige plek / time-out', '• Luisterend oor aangeboden', 'Nee', '10-03-2026 10:30']),
    );
    expect(texts.join(' ')).not.toContain('Toets of opdracht uitgesteld');
  });

  it('offers Wijzigen while the support can still change', () => {
    expect(actionsOf(supportRecordedCard(aSupportRecorded({ signalId: 'sig-42' })))).toEqual([
      expect.objectContaining({ type: 'Action.Execute', verb: 'support.edit', title: 'Wijzigen', data: { signalId: 'sig-42' } }),
    ]);
  });

  it('has no button once the day is over', () => {
    expect(actionsOf(supportRecordedCard(aSupportRecorded({ canChange: false })))).toEqual([]);
  });

  it('speaks English for an English user', () => {
    const texts = visibleTexts(supportRecordedCard(aSupportRecorded({ locale: 'en', priorConcern: 'unknown' })));

    expect(texts).toEqual(expect.arrayContaining(['Support recorded', '• Quiet place / time-out', "Don't know", 'Change']));
  });
});
