import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../bot/create-app';
import { createLogger } from '../../bot/logger';
import { loadConfig } from '../../src/config';
import { createStores } from '../../src/store/create-stores';
import { offlineAuthentication } from './offline-authentication';
import { LogCapture, type RunningBot } from './running-bot';

/**
 * The real server configured as in production (app id, secret, allowed tenants), with
 * authentication on; only the key metadata and the bot's own token stay on this machine.
 */
export async function startAuthenticatedBot(options: {
  directoryFile: string;
  connectorUrl: string;
  metadataUrl: string;
  appId: string;
  allowedTenants: string;
  /** How long a token check may wait for the keys (shorter than the product's, to keep the test quick). */
  keyCheckDeadlineMs?: number;
}): Promise<RunningBot> {
  const appPassword = 'not-a-real-secret';
  const sqlitePath = join(mkdtempSync(join(tmpdir(), 'hwc-db-')), 'hwc.sqlite');
  // No NODE_ENV, as on App Service: the app id alone makes this production.
  const config = loadConfig({
    PORT: '0',
    MicrosoftAppId: options.appId,
    MicrosoftAppPassword: appPassword,
    HWC_ALLOWED_TENANTS: options.allowedTenants,
    HWC_SQLITE_PATH: sqlitePath,
    HWC_DIRECTORY_FILE: options.directoryFile,
    HWC_TEAMS_SERVICE_URL: options.connectorUrl,
    LOG_LEVEL: 'debug',
  });
  const logs = new LogCapture();
  const stores = await createStores(config.store);
  const app = await createApp({
    config,
    stores,
    logger: createLogger(config.logLevel, logs),
    authForTests: {
      ...offlineAuthentication({ appId: options.appId, appPassword }, options.metadataUrl),
      ...(options.keyCheckDeadlineMs ? { keyCheckDeadlineMs: options.keyCheckDeadlineMs } : {}),
    },
  });
  if (!config.production) throw new Error('an app id must make the bot run as in production');
  const port = await app.listen();
  return { app, botUrl: `http://127.0.0.1:${port}/api/messages`, logs, sqlitePath };
}
