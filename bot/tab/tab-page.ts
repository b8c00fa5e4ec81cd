/**
 * The tab's page, served by the bot's own server: a static HTML shell, the esbuild bundle and its
 * stylesheet (built into dist/tab by `npm run build`). Every response carries a
 * Content-Security-Policy that lets only Teams' and Microsoft 365's hosts frame the page and
 * lets the page load and call nothing but this origin.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Request, Response, Server } from 'restify';

/** A built file as it is sent: read and gzipped once per process (the files change only with a deploy). */
interface Asset {
  body: Buffer;
  gzipped: Buffer;
}

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
<script type="module" src="app.js"></script>
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

  const cache = new Map<string, Promise<Asset>>();
  const load = (path: string) => {
    let loaded = cache.get(path);
    if (!loaded) {
      loaded = readFile(join(assetsDir, path)).then((body) => ({ body, gzipped: gzipSync(body) }));
      // A file not built yet may be built later: only a file read is kept.
      loaded.catch(() => cache.delete(path));
      cache.set(path, loaded);
    }
    return loaded;
  };
  const send = async (req: Request, res: Response, path: string, type: string, cacheControl: string) => {
    common(res);
    try {
      const { body, gzipped } = await load(path);
      res.header('Cache-Control', cacheControl);
      res.header('Vary', 'Accept-Encoding');
      // Teams clients on a school's network: a fourth of the bytes.
      const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      res.sendRaw(200, gzip ? gzipped : body, { 'Content-Type': type, ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
    } catch {
      // Not built (npm run build makes it): the page then stays at "Loading".
      res.send(404, { error: 'not_found' });
    }
  };
  server.get('/tab/app.js', async (req: Request, res: Response) => send(req, res, 'app.js', 'text/javascript; charset=utf-8', 'no-cache'));
  server.get('/tab/app.css', async (req: Request, res: Response) => send(req, res, 'app.css', 'text/css; charset=utf-8', 'no-cache'));
  // Parts loaded when a page needs them (the card previews): named by their content, so kept a day.
  server.get('/tab/chunks/:name', async (req: Request, res: Response) => {
    const name = String(req.params?.name ?? '');
    if (!/^[A-Za-z0-9_-]{1,80}\.js$/.test(name)) {
      common(res);
      res.send(404, { error: 'not_found' });
      return;
    }
    await send(req, res, join('chunks', name), 'text/javascript; charset=utf-8', 'public, max-age=86400, immutable');
  });
}
