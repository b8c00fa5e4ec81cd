/** The tab's page: served by the bot's server, framed only by Teams' and Microsoft 365's hosts. */
import { startBot, writeDirectoryFile, type RunningBot } from '../support/running-bot';
import { tabDirectory } from '../support/tab-directory';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import restify from 'restify';
import { registerTabPage, tabContentSecurityPolicy } from '../../bot/tab/tab-page';

describe('the tab page', () => {
  let bot: RunningBot;
  let base: string;

  beforeAll(async () => {
    bot = await startBot({ directoryFile: writeDirectoryFile(tabDirectory()), connectorUrl: 'http://127.0.0.1:9/' });
    base = bot.botUrl.replace('/api/messages', '');
  });
  afterAll(() => bot.app.close());

  it('is an HTML page that loads its script and stylesheet from its own origin', async () => {
    const response = await fetch(`${base}/tab/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('<script type="module" src="app.js"></script>');
    expect(html).toContain('<link rel="stylesheet" href="app.css">');
  });

  it('may be framed only by Teams and Microsoft 365 hosts, and loads and calls only its own origin', async () => {
    const csp = (await fetch(`${base}/tab/`)).headers.get('content-security-policy') ?? '';
    const directive = (name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));
    expect(directive('frame-ancestors')).toBe(
      'frame-ancestors https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.microsoft365.com https://*.office.com https://outlook.office.com https://outlook.office365.com',
    );
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(directive('connect-src')).toBe("connect-src 'self'");
    expect(directive('default-src')).toBe("default-src 'none'");
  });

  it('sends the same policy with the script, and no CORS header', async () => {
    const response = await fetch(`${base}/tab/app.js`, { headers: { origin: 'https://evil.example' } });
    expect(response.headers.get('content-security-policy')).toBe(tabContentSecurityPolicy());
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends the script gzipped to a browser that takes gzip, the same bytes unpacked, and a lazy part by its name only', async () => {
    // Its own built files, so the test needs no `npm run build`.
    const assetsDir = mkdtempSync(join(tmpdir(), 'hwc-tab-assets-'));
    const script = `export const page = ${JSON.stringify('x'.repeat(20_000))};`;
    writeFileSync(join(assetsDir, 'app.js'), script);
    mkdirSync(join(assetsDir, 'chunks'));
    writeFileSync(join(assetsDir, 'chunks', 'cards-page-ABC123.js'), 'export const cards = 1;');
    const server = restify.createServer();
    registerTabPage(server, { assetsDir });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const at = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const plain = await fetch(`${at}/tab/app.js`, { headers: { 'accept-encoding': 'identity' } });
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(await plain.text()).toBe(script);
      const packed = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
        get(`${at}/tab/app.js`, { headers: { 'accept-encoding': 'gzip, deflate' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
      expect(packed.encoding).toBe('gzip');
      expect(gunzipSync(packed.body).toString('utf8')).toBe(script);
      expect(packed.body.length).toBeLessThan(script.length / 10);

      const chunk = await fetch(`${at}/tab/chunks/cards-page-ABC123.js`);
      expect(chunk.status).toBe(200);
      expect(chunk.headers.get('cache-control')).toContain('immutable');
      for (const name of ['..%2Fapp.js', 'app.css', 'nope.js']) expect((await fetch(`${at}/tab/chunks/${name}`)).status).toBe(404);
    } finally {
      server.close();
    }
  });

  it('sends /tab on to /tab/', async () => {
    const response = await fetch(`${base}/tab`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/tab/');
  });
});
