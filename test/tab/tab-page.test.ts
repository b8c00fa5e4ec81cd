/** The tab's page: served by the bot's server, framed only by Teams' and Microsoft 365's hosts. */
import { startBot, writeDirectoryFile, type RunningBot } from '../support/running-bot';
import { tabDirectory } from '../support/tab-directory';
import { tabContentSecurityPolicy } from '../../bot/tab/tab-page';

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
    expect(html).toContain('<script src="app.js"></script>');
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

  it('sends /tab on to /tab/', async () => {
    const response = await fetch(`${base}/tab`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/tab/');
  });
});
