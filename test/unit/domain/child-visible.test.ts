import { asVisibleAt, childVisibleAt } from '../../../src/domain/forgetting';
import { aSignal } from '../../fixtures/signals';

describe('whether a card drawn now may show the child', () => {
  const redactAt = '2026-03-18T16:00:00.000Z';
  const signal = { ...aSignal(), redactAt };

  test('it may before the moment to forget', () => {
    expect(childVisibleAt(signal, new Date('2026-03-18T15:59:59.999Z'))).toBe(true);
    expect(asVisibleAt(signal, new Date('2026-03-18T15:59:59.999Z')).child).toEqual(signal.child);
  });

  test('from the moment to forget on it may not, even while the identity is still stored', () => {
    expect(childVisibleAt(signal, new Date(redactAt))).toBe(false);
    const shown = asVisibleAt(signal, new Date('2026-03-19T08:00:00.000Z'));
    expect(shown.child).toBeUndefined();
    expect(signal.child).toBeDefined();
  });

  test('a forgotten child is never shown', () => {
    const forgotten = { ...signal };
    delete forgotten.child;
    expect(childVisibleAt(forgotten, new Date('2026-03-01T00:00:00.000Z'))).toBe(false);
  });
});
