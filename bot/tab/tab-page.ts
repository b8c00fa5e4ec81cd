/**
 * The tab's page, served by the bot's own server: a static HTML shell, the esbuild bundle and its
 * stylesheet (built into dist/tab by `npm run build`). Every response carries a
 * Content-Security-Policy that lets only Teams' and Microsoft 365's hosts frame the page and
 * lets the page load and call nothing but this origin.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Request, Response, Server } from 'restify';

/**
 * Who may frame the tab: Microsoft's list for Teams and Microsoft 365 hosts (Teams platform docs,
 * "Tab requirements": *.cloud.microsoft, Teams, Microsoft 365 app, Outlook).
 */
export const TEAMS_FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
];

export function tabContentSecurityPolicy(extraFrameAncestors: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    // Fluent's web components write their styles at run time (constructed or <style> sheets).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${[...TEAMS_FRAME_ANCESTORS, ...extraFrameAncestors].join(' ')}`,
  ].join('; ');
}

const PAGE = `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Handle with Care</title>
<link rel="stylesheet" href="app.css">
</head>
<body>
<main id="app" aria-busy="true"><p>Laden… / Loading…</p></main>
<script src="app.js"></script>
</body>
</html>
`;

/** dist/tab next to the compiled server, or the repository's dist/tab when run from source (tests). */
export function defaultTabAssetsDir(): string {
  const beside = join(__dirname, '..', '..', 'tab');
  return existsSync(join(beside, 'app.js')) ? beside : join(__dirname, '..', '..', 'dist', 'tab');
}

export interface TabPageOptions {
  assetsDir?: string;
  /** Tests only (createApp option): a same-origin test host may frame the page. */
  extraFrameAncestors?: readonly string[];
}

export function registerTabPage(server: Server, options: TabPageOptions = {}): void {
  const csp = tabContentSecurityPolicy(options.extraFrameAncestors);
  const assetsDir = options.assetsDir ?? defaultTabAssetsDir();
  const common = (res: Response) => {
    res.header('Content-Security-Policy', csp);
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Referrer-Policy', 'no-referrer');
  };

  server.get('/tab', async (_req: Request, res: Response) => {
    common(res);
    res.header('Location', '/tab/');
    res.send(301);
  });

  server.get('/tab/', async (_req: Request, res: Response) => {
    common(res);
    res.header('Cache-Control', 'no-cache');
    res.sendRaw(200, PAGE, { 'Content-Type': 'text/html; charset=utf-8' });
  });

  const asset = (name: string, type: string) =>
    server.get(`/tab/${name}`, async (_req: Request, res: Response) => {
      common(res);
      try {
        const body = await readFile(join(assetsDir, name));
        res.header('Cache-Control', 'no-cache');
        res.sendRaw(200, body, { 'Content-Type': type });
      } catch {
        // Not built (npm run build makes it): the page then stays at "Loading".
        res.send(404, { error: 'not_found' });
      }
    });
  asset('app.js', 'text/javascript; charset=utf-8');
  asset('app.css', 'text/css; charset=utf-8');
}
