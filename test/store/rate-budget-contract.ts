import type { RateWindow } from '../../src/ports';
import type { Stores } from '../../src/store/stores';

const T0 = Date.parse('2026-12-07T07:30:00.000Z');
const perSecond = (key: string, limit: number): RateWindow => ({ key, limit, windowMs: 1_000 });
/** Teams' windows for one conversation. */
const teams = (conversation: string): RateWindow[] => [
  { key: `conversation:${conversation}`, limit: 7, windowMs: 1_000 },
  { key: `conversation:${conversation}`, limit: 8, windowMs: 2_000 },
  { key: `conversation:${conversation}`, limit: 60, windowMs: 30_000 },
  { key: `conversation:${conversation}`, limit: 1_800, windowMs: 3_600_000 },
];

export function rateBudgetContract(stores: () => Stores): void {
  const budget = () => {
    const shared = stores().rateBudget;
    if (!shared) throw new Error('this store keeps no rate budget');
    return shared;
  };
  /** Takes at each of `times` in turn; how many were granted. */
  const takeAt = async (windows: RateWindow[], times: number[]) => {
    let granted = 0;
    for (const t of times) if ((await budget().tryTake(windows, t)).ok) granted++;
    return granted;
  };

  describe('RateBudget', () => {
    it('grants up to the limit in a window, then says when the oldest call leaves it', async () => {
      const windows = [perSecond('global', 3)];
      expect(await takeAt(windows, [T0, T0 + 100, T0 + 200])).toBe(3);

      expect(await budget().tryTake(windows, T0 + 300)).toEqual({ ok: false, retryInMs: 700, key: 'global' });
      expect(await budget().tryTake(windows, T0 + 999)).toEqual({ ok: false, retryInMs: 1, key: 'global' });
      expect(await budget().tryTake(windows, T0 + 1_000)).toEqual({ ok: true });
      expect(await budget().tryTake(windows, T0 + 1_001)).toEqual({ ok: false, retryInMs: 99, key: 'global' });
    });

    it('slides: never more than the limit in any window, also across a second boundary', async () => {
      const windows = [perSecond('global', 3)];
      const granted: number[] = [];
      for (let t = T0 + 900; t < T0 + 3_000; t += 50) if ((await budget().tryTake(windows, t)).ok) granted.push(t);

      for (const t of granted) expect(granted.filter((g) => g > t - 1_000 && g <= t).length).toBeLessThanOrEqual(3);
      expect(granted.slice(0, 4)).toEqual([T0 + 900, T0 + 950, T0 + 1_000, T0 + 1_900]);
    });

    it("takes from every window at once or from none: a full conversation costs the global budget nothing", async () => {
      const global = perSecond('global', 10);
      expect(await takeAt([global, ...teams('a')], [T0, T0, T0, T0, T0, T0, T0])).toBe(7);

      const refused = await budget().tryTake([global, ...teams('a')], T0 + 10);

      expect(refused).toEqual({ ok: false, retryInMs: 990, key: 'conversation:a' });
      // 7 of the 10 global calls are taken; the refused one took nothing.
      expect(await takeAt([global, ...teams('b')], [T0 + 20, T0 + 20, T0 + 20, T0 + 20])).toBe(3);
    });

    it("answers with the longest wait when several windows are full", async () => {
      const windows = teams('a');
      // 7 in the first second, the 8th at 1 s: then "8 per 2 s" holds the next call until 2 s.
      expect(await takeAt(windows, [...Array(7).fill(T0) as number[], T0 + 1_000])).toBe(8);

      expect(await budget().tryTake(windows, T0 + 1_100)).toEqual({ ok: false, retryInMs: 900, key: 'conversation:a' });
      expect(await budget().tryTake(windows, T0 + 2_000)).toEqual({ ok: true });
    });

    it('counts a call stamped a little ahead by another instance when a later take comes with an earlier time', async () => {
      const windows = [perSecond('global', 3)];
      expect(await takeAt(windows, [T0 + 16, T0 + 16, T0 + 20])).toBe(3);
      // One instance stamps ahead: at T0 + 1016 the two calls of T0 + 16 have left its window.
      expect(await budget().tryTake(windows, T0 + 1_016)).toEqual({ ok: true });

      // Another, a little behind, still has one of them in its window: only room for one more at T0 + 1016.
      expect(await budget().tryTake(windows, T0 + 1_015)).toEqual({ ok: false, retryInMs: 1, key: 'global' });
    });

    it('no longer counts a call given back (taken, but never made), in any of its keys', async () => {
      const windows = [perSecond('global', 2), perSecond('conversation:a', 2)];
      expect(await takeAt(windows, [T0, T0 + 10])).toBe(2);

      await budget().giveBack(windows, T0 + 10);

      expect(await budget().tryTake(windows, T0 + 20)).toEqual({ ok: true });
      expect(await budget().tryTake(windows, T0 + 30)).toEqual({ ok: false, retryInMs: 970, key: 'global' });
      // Giving back what was never taken changes nothing.
      await budget().giveBack([perSecond('conversation:b', 2)], T0 + 30);
      expect(await budget().tryTake(windows, T0 + 40)).toEqual({ ok: false, retryInMs: 960, key: 'global' });
    });

    it('takes several calls in one step, in order: each granted or refused on its own, the earlier counting for the later', async () => {
      const global = perSecond('global', 3);
      const takes = await budget().tryTakeEach(
        [
          [global, perSecond('conversation:a', 1)],
          [global, perSecond('conversation:a', 1)],
          [global, perSecond('conversation:b', 1)],
          [global, perSecond('conversation:c', 1)],
          [global, perSecond('conversation:d', 1)],
        ],
        T0,
      );

      expect(takes).toEqual([
        { ok: true },
        // conversation:a is full after the first: refused, and it took nothing from the global budget.
        { ok: false, retryInMs: 1_000, key: 'conversation:a' },
        { ok: true },
        { ok: true },
        { ok: false, retryInMs: 1_000, key: 'global' },
      ]);
      // What the step took stays taken.
      expect(await budget().tryTake([perSecond('conversation:e', 1), global], T0 + 10)).toEqual({ ok: false, retryInMs: 990, key: 'global' });
      expect(await budget().tryTakeEach([], T0)).toEqual([]);
    });

    it('keeps keys apart', async () => {
      expect(await takeAt([perSecond('conversation:a', 1)], [T0])).toBe(1);

      expect(await budget().tryTake([perSecond('conversation:b', 1)], T0)).toEqual({ ok: true });
      expect((await budget().tryTake([perSecond('conversation:a', 1)], T0)).ok).toBe(false);
    });

    it('counts a large window (1,800 per hour) in buckets: never one call too many, at worst refused a bucket early', async () => {
      const hour: RateWindow = { key: 'conversation:a', limit: 150, windowMs: 60_000 };
      const times = Array.from({ length: 150 }, (_, i) => T0 + 10_000 + i * 10);
      expect(await takeAt([hour], times)).toBe(150);

      const refused = await budget().tryTake([hour], T0 + 30_000);
      expect(refused.ok).toBe(false);
      // The calls sit in the bucket of 1 s starting at T0 + 10 s and T0 + 11 s: all gone by T0 + 72 s.
      const retryInMs = (refused as { retryInMs: number }).retryInMs;
      expect(T0 + 30_000 + retryInMs).toBeGreaterThanOrEqual(times[0]! + 60_000);
      expect(T0 + 30_000 + retryInMs).toBeLessThanOrEqual(T0 + 72_000);
      expect(await budget().tryTake([hour], T0 + 72_000)).toEqual({ ok: true });
    });

    it('never grants more than the limit to takes racing for the same windows', async () => {
      const windows = [perSecond('global', 5), perSecond('conversation:a', 5)];

      // Each racer asks again while the answer is "another took it at the same moment" (retry in 0).
      const racer = async () => {
        for (;;) {
          const take = await budget().tryTake(windows, T0);
          if (take.ok || take.retryInMs > 0) return take;
        }
      };
      const results = await Promise.all(Array.from({ length: 12 }, racer));

      expect(results.filter((r) => r.ok)).toHaveLength(5);
      expect(results.filter((r) => !r.ok)).toEqual(Array(7).fill({ ok: false, retryInMs: 1_000, key: 'global' }));
      expect((await budget().tryTake(windows, T0 + 1)).ok).toBe(false);
      expect((await budget().tryTake(windows, T0 + 1_000)).ok).toBe(true);
    });

    it('gives back what a take had written when another take won its next key', async () => {
      const [a, b, shared] = [perSecond('conversation:a', 1), perSecond('conversation:b', 1), perSecond('global', 1)];
      const racer = async (windows: RateWindow[], at: number) => {
        for (;;) {
          const take = await budget().tryTake(windows, at);
          if (take.ok || take.retryInMs > 0) return take.ok;
        }
      };

      for (let round = 0; round < 5; round++) {
        const at = T0 + round * 1_000;
        // Both write their own conversation, then the shared key: one of them loses the shared key.
        const [wonA, wonB] = await Promise.all([racer([a, shared], at), racer([b, shared], at)]);

        expect([wonA, wonB].filter(Boolean)).toHaveLength(1);
        // The loser's own conversation was given back: it has room for a call at the same moment.
        expect(await budget().tryTake([wonA ? b : a], at)).toEqual({ ok: true });
      }
    });

    it('forgets nothing it still needs: an old key answers as before after a long pause', async () => {
      const windows = teams('a');
      expect(await takeAt(windows, Array(7).fill(T0) as number[])).toBe(7);

      expect(await budget().tryTake(windows, T0 + 3_600_000)).toEqual({ ok: true });
    });
  });
}
