import { cachedCheck } from '../../bot/cached-check';

/** A store ping that counts its calls and fails while `down` is set. */
function countingPing() {
  const ping = { calls: 0, down: false, check: async () => {
    ping.calls++;
    if (ping.down) throw new Error('store unreachable');
  } };
  return ping;
}

describe('cachedCheck (the readiness probe\'s store check)', () => {
  let now = 0;
  const time = () => now;
  beforeEach(() => {
    now = 1_000_000;
  });

  it('does not ask the store again for a second probe within 5 s', async () => {
    const ping = countingPing();
    const ready = cachedCheck(ping.check, 5000, time);

    await ready();
    now += 4999;
    await ready();

    expect(ping.calls).toBe(1);
  });

  it('asks the store again once 5 s have passed', async () => {
    const ping = countingPing();
    const ready = cachedCheck(ping.check, 5000, time);

    await ready();
    now += 5000;
    await ready();

    expect(ping.calls).toBe(2);
  });

  it('remembers a failure for 5 s as well, then sees the store recover', async () => {
    const ping = countingPing();
    const ready = cachedCheck(ping.check, 5000, time);
    ping.down = true;

    await expect(ready()).rejects.toThrow('store unreachable');
    ping.down = false;
    now += 1000;
    await expect(ready()).rejects.toThrow('store unreachable');
    now += 4000;
    await expect(ready()).resolves.toBeUndefined();

    expect(ping.calls).toBe(2);
  });

  it('lets probes that arrive together share one store check', async () => {
    const ping = countingPing();
    const ready = cachedCheck(ping.check, 5000, time);

    await Promise.all([ready(), ready(), ready()]);

    expect(ping.calls).toBe(1);
  });
});
