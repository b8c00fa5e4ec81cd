/**
 * A deadline for calls to Teams fires once its time has passed, and a cleared one never does:
 * a card answered at once leaves no timer behind.
 */
import { callDeadline } from '../../../src/app/call-deadline';

describe('callDeadline', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('aborts its signal with a TimeoutError once the time has passed, not before', () => {
    const deadline = callDeadline(240_000);

    jest.advanceTimersByTime(239_999);
    expect(deadline.signal.aborted).toBe(false);
    jest.advanceTimersByTime(1);

    expect(deadline.signal.aborted).toBe(true);
    expect((deadline.signal.reason as Error).name).toBe('TimeoutError');
  });

  it('leaves no timer once cleared, and its signal never fires', () => {
    const deadline = callDeadline(240_000);
    expect(jest.getTimerCount()).toBe(1);

    deadline.clear();
    jest.advanceTimersByTime(10 * 240_000);

    expect(jest.getTimerCount()).toBe(0);
    expect(deadline.signal.aborted).toBe(false);
  });
});
