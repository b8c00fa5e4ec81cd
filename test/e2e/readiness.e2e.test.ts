/**
 * /readyz as the platform calls it, every few seconds from every probe: the store is asked at
 * most once in 5 s, however often the probe comes.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type HwcApp } from '../../bot/create-app';
import { createLogger } from '../../bot/logger';
import { loadConfig } from '../../src/config';
import { createStores } from '../../src/store/create-stores';
import { FixedClock } from '../support/fixed-clock';
import { LogCapture, writeDirectoryFile } from '../support/running-bot';

const newConfig = (name: string) =>
  loadConfig({
    PORT: '0',
    HWC_SQLITE_PATH: join(mkdtempSync(join(tmpdir(), name)), 'hwc.sqlite'),
    HWC_DIRECTORY_FILE: writeDirectoryFile({ municipalities: [], schools: [], members: [] }),
    LOG_LEVEL: 'info',
  });

describe('the readiness probe', () => {
  let app: HwcApp;
  let baseUrl: string;
  let pings = 0;

  beforeAll(async () => {
    const config = newConfig('hwc-ready-');
    const stores = await createStores(config.store);
    const ping = stores.ping.bind(stores);
    stores.ping = async () => {
      pings++;
      await ping();
    };
    // A day well inside the shipped school calendar data (it covers region holidays to 2027-09-05).
    const clock = new FixedClock('2026-12-05T10:00:00Z');
    app = await createApp({ config, stores, clock, logger: createLogger(config.logLevel, new LogCapture()) });
    baseUrl = `http://127.0.0.1:${await app.listen()}`;
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers ready twice in a row while asking the store once', async () => {
    const first = await fetch(`${baseUrl}/readyz`);
    const second = await fetch(`${baseUrl}/readyz`);

    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await second.json()).toEqual({ status: 'ready' });
    expect(pings).toBe(1);
  });
});

describe('the readiness probe near the end of the school calendar data', () => {
  let app: HwcApp;
  let baseUrl: string;
  const logs = new LogCapture();

  beforeAll(async () => {
    const config = newConfig('hwc-ready-calendar-');
    const stores = await createStores(config.store);
    // 96 days before the region holiday data ends (2027-09-05).
    const clock = new FixedClock('2027-06-01T10:00:00Z');
    app = await createApp({ config, stores, clock, logger: createLogger(config.logLevel, logs) });
    baseUrl = `http://127.0.0.1:${await app.listen()}`;
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers unavailable and logs an error naming the last covered day', async () => {
    const response = await fetch(`${baseUrl}/readyz`);

    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable' });
    const errors = logs.lines.map((line) => JSON.parse(line) as { level: unknown; calendarEndsOn?: string }).filter((l) => l.calendarEndsOn);
    expect(errors).toEqual([expect.objectContaining({ calendarEndsOn: '2027-09-05', daysLeft: 96 })]);
  });
});
