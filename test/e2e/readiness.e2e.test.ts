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
import { LogCapture, writeDirectoryFile } from '../support/running-bot';

describe('the readiness probe', () => {
  let app: HwcApp;
  let baseUrl: string;
  let pings = 0;

  beforeAll(async () => {
    const config = loadConfig({
      PORT: '0',
      HWC_SQLITE_PATH: join(mkdtempSync(join(tmpdir(), 'hwc-ready-')), 'hwc.sqlite'),
      HWC_DIRECTORY_FILE: writeDirectoryFile({ municipalities: [], schools: [], members: [] }),
      LOG_LEVEL: 'silent',
    });
    const stores = await createStores(config.store);
    const ping = stores.ping.bind(stores);
    stores.ping = async () => {
      pings++;
      await ping();
    };
    app = await createApp({ config, stores, logger: createLogger(config.logLevel, new LogCapture()) });
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
