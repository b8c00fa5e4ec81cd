/**
 * `npm run dev`'s tab: the bot started by scripts/dev.ts serves a local stand-in for Teams whose
 * tokens the tab's API accepts, as the demo user or another member; the normal start serves no
 * such page, and the dev start refuses to run as a production bot.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DevRefused, startDev, type DevRun } from '../../scripts/dev';
import { startBot } from '../support/running-bot';

describe('npm run dev: the tab in a local Teams stand-in', () => {
  let run: DevRun;

  beforeAll(async () => {
    const folder = mkdtempSync(join(tmpdir(), 'hwc-dev-'));
    run = await startDev({ PORT: '0', HWC_STORE: 'sqlite', HWC_SQLITE_PATH: join(folder, 'hwc.sqlite'), HWC_QUIET_TIME: 'off', LOG_LEVEL: 'silent' });
  });
  afterAll(() => run.close());

  /** The token the stand-in page hands the tab. */
  async function tokenFrom(url: string): Promise<string> {
    const html = await (await fetch(url)).text();
    const token = /"token":"([A-Za-z0-9_.-]+)"/.exec(html)?.[1];
    if (!token) throw new Error('no token in the stand-in page');
    return token;
  }

  it("serves the stand-in page with the tab in it, and the tab API answers its token as the demo directory's admin", async () => {
    const response = await fetch(`${run.tabUrl}?page=overzicht`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('<iframe id="tab"');
    expect(html).toContain('"tabPath":"/tab/?page=overzicht"');

    const me = await fetch(`http://127.0.0.1:${run.port}/api/tab/me`, { headers: { authorization: `Bearer ${await tokenFrom(run.tabUrl)}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ name: 'Megan Bowen', roles: ['manager', 'admin'], pages: ['directory', 'figures', 'cards'] });
  });

  it('signs in as another member when asked, who sees only what their roles allow', async () => {
    const stranger = '11111111-2222-4333-8444-555555555555';
    const me = await fetch(`http://127.0.0.1:${run.port}/api/tab/me`, { headers: { authorization: `Bearer ${await tokenFrom(`${run.tabUrl}?as=${stranger}`)}` } });
    expect(await me.json()).toEqual({ roles: [], pages: [] });
  });

  it('answers a bad query with 400 and what it takes', async () => {
    for (const query of ['?page=geheim', '?as=<script>', '?theme=pink', '?extra=1']) {
      const response = await fetch(`${run.tabUrl}${query}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'bad_request' });
    }
  });

  it('has no stand-in page on a bot started the normal way', async () => {
    const bot = await startBot({ connectorUrl: 'http://127.0.0.1:9/' });
    try {
      expect((await fetch(bot.botUrl.replace('/api/messages', '/dev/teams'))).status).toBe(404);
    } finally {
      await bot.app.close();
    }
  });

  it('refuses to start as a production bot', async () => {
    await expect(startDev({ MicrosoftAppId: '00000000-0000-4000-8000-000000000001', PORT: '0' })).rejects.toBeInstanceOf(DevRefused);
    await expect(startDev({ NODE_ENV: 'production', PORT: '0' })).rejects.toBeInstanceOf(DevRefused);
  });
});

