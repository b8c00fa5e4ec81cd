/**
 * `npm run dev`: the bot as `npm start` runs it (embedded store, demo directory), plus its Teams tab
 * in a local stand-in for Teams, since the Agents Playground hosts no tabs. The stand-in page at
 * /dev/teams embeds the tab and answers its teams-js calls with tokens from a local Entra
 * stand-in (scripts/dev/local-entra.ts) that only this process trusts. Local mode only: with an
 * app id (production) it refuses to start.
 */
import { spawn } from 'node:child_process';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { createApp, type HwcApp } from '../bot/create-app';
import { DEMO_TAB_USER_ID } from '../bot/demo-directory';
import { createLogger } from '../bot/logger';
import { storeOptionsFor } from '../bot/store-options';
import { ConfigError, loadConfig } from '../src/config';
import { createStores } from '../src/store/create-stores';
import type { Stores } from '../src/store/stores';
import { LOCAL_TAB_CLIENT_ID, LOCAL_TENANT, LocalEntra } from './dev/local-entra';
import { teamsTestHostPage } from './dev/teams-host-page';

const hostQuery = z
  .object({
    page: z.enum(['beheer', 'overzicht', 'kaarten']).default('beheer'),
    // An Entra object id, as the tab's token check takes it.
    as: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i).default(DEMO_TAB_USER_ID),
    theme: z.enum(['default', 'dark', 'contrast']).default('default'),
    locale: z.enum(['nl-NL', 'en-GB']).default('nl-NL'),
  })
  .strict();

export interface DevRun {
  app: HwcApp;
  port: number;
  /** The stand-in's page for the tab, e.g. `${tabUrl}?page=overzicht`. */
  tabUrl: string;
  close(): Promise<void>;
}

export class DevRefused extends Error {
  constructor() {
    super('npm run dev is for local runs only: unset MicrosoftAppId (and NODE_ENV=production) to run it');
    this.name = 'DevRefused';
  }
}

/** Starts the bot with the tab trusting the local Entra stand-in, and the stand-in's page. */
export async function startDev(env: NodeJS.ProcessEnv): Promise<DevRun> {
  if ((env.MicrosoftAppId ?? '').trim() !== '' || (env.NODE_ENV ?? '').trim() === 'production') throw new DevRefused();
  // The tab's tokens come from the stand-in: its app id, and its tenant among the allowed ones.
  const tenants = (env.HWC_ALLOWED_TENANTS ?? '').trim();
  const config = loadConfig({ ...env, HWC_TAB_CLIENT_ID: LOCAL_TAB_CLIENT_ID, ...(tenants ? { HWC_ALLOWED_TENANTS: `${tenants},${LOCAL_TENANT}` } : {}) });
  const logger = createLogger(config.logLevel);
  const entra = new LocalEntra();
  await entra.start();
  let stores: Stores | undefined;
  try {
    stores = await createStores(config.store, storeOptionsFor(config, logger));
    const opened = stores;
    const app = await createApp({
      config,
      stores: opened,
      logger,
      tabAuthorityForTests: entra.authority,
      tabFrameAncestorsForTests: ["'self'"],
      localRoutes: (server: Server) => server.get('/dev/teams', async (req: Request, res: Response) => hostPage(req, res, entra)),
    });
    const port = await app.listen();
    return {
      app,
      port,
      tabUrl: `http://127.0.0.1:${port}/dev/teams`,
      close: async () => {
        await app.close();
        await entra.stop();
      },
    };
  } catch (error) {
    await stores?.close();
    await entra.stop();
    throw error;
  }
}

/** The stand-in page for one person, page, theme and language, with a fresh token (one hour). */
function hostPage(req: Request, res: Response, entra: LocalEntra): void {
  const parsed = hostQuery.safeParse(Object.fromEntries(new URL(req.url ?? '/', 'http://dev').searchParams));
  if (!parsed.success) {
    res.send(400, { error: 'bad_request', allowed: 'page=beheer|overzicht|kaarten, as=<member id>, theme=default|dark|contrast, locale=nl-NL|en-GB' });
    return;
  }
  const { page, as, theme, locale } = parsed.data;
  const token = entra.sign(entra.claims(as, Math.floor(Date.now() / 1000)));
  const html = teamsTestHostPage({ tabPath: `/tab/?page=${page}`, token, locale, theme, oid: as, tid: LOCAL_TENANT });
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

/** Opens the page in the machine's browser; where there is none, the printed address does. */
function openInBrowser(url: string): void {
  const child = spawn('xdg-open', [url], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

if (require.main === module) {
  startDev(process.env).then(
    (run) => {
      process.stdout.write(
        `\nThe Teams tab, in a local stand-in for Teams (as Megan Bowen, the demo directory's admin and manager):\n` +
          `  ${run.tabUrl}?page=beheer     ${run.tabUrl}?page=overzicht     ${run.tabUrl}?page=kaarten\n` +
          `  add &theme=dark or &locale=en-GB; &as=<member id> to see what another member sees\n\n`,
      );
      openInBrowser(`${run.tabUrl}?page=kaarten`);
      const stop = () => void run.close().then(() => process.exit(0), () => process.exit(1));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error: unknown) => {
      const known = error instanceof ConfigError || error instanceof DevRefused;
      process.stderr.write(`Handle with Care cannot start: ${known ? (error as Error).message : error instanceof Error ? error.name : 'unknown error'}\n`);
      process.exit(1);
    },
  );
}
