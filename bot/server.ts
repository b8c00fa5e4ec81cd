import restify, { type Request, type Response } from 'restify';
import type { Activity, ActivityHandler } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import type { Logger } from '../src/ports';
import { SigningKeysUnavailableError, type HwcAdapter } from './adapter';
import { incomingActivitySchema } from './activity-schema';
import { refuseEncodedBodies } from './content-encoding';
import { jsonBodies } from './body-limits';
import { describeError } from './logger';
import { untracedTurn, type TraceTurn } from './telemetry/turn-span';
import { importGate } from './tab/import-gate';
import { registerTab, type TabDeps } from './tab/register-tab';
import { TAB_IMPORT_MAX_BODY_BYTES, TAB_IMPORT_PATH_PREFIX } from './tab/tab-routes';
import type { Drain } from './drain';

export interface ServerDeps {
  adapter: HwcAdapter;
  bot: ActivityHandler;
  logger: Logger;
  /** Resolves when the store answers; the readiness probe reports it. */
  ready: () => Promise<void>;
  /** A span around each turn; none without telemetry. */
  traceTurn?: TraceTurn;
  /** The Teams tab's page and API (bot/tab/). */
  tab?: TabDeps;
  /** A graceful stop: refuses new requests with 503 + Retry-After once started (bot/drain.ts). */
  drain?: Drain;
}

const MAX_BODY_BYTES = 256 * 1024;

/** restify with the bot endpoint and probes. Responses carry codes only, never error text. */
export function createServer({ adapter, bot, logger, ready, tab, drain, traceTurn = untracedTurn }: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'handle-with-care', handleUncaughtExceptions: false });
  // First of all: a stopping process takes no new request, and knows when it answered the last.
  if (drain) server.pre(drain.handler);
  // Before the body parser: a compressed body is refused before it is read, let alone inflated.
  server.use(refuseEncodedBodies);
  // JSON only: the Bot Connector sends nothing else, so forms and uploads are never even parsed.
  // A directory CSV for the tab's import may be larger: a whole region's people.
  // Its large body is read only for someone signed in: without a valid token, 401 unread.
  if (tab) server.use(importGate(TAB_IMPORT_PATH_PREFIX, tab.verify, logger));
  server.use(jsonBodies(MAX_BODY_BYTES, tab ? [{ prefix: TAB_IMPORT_PATH_PREFIX, maxBodySize: TAB_IMPORT_MAX_BODY_BYTES }] : []));

  // restify's own errors (bad JSON, too large, unknown route) keep their status but lose their text.
  server.on('restifyError', (_req: Request, res: Response, err: { statusCode?: number; name?: string }, callback: () => void) => {
    const status = err.statusCode && err.statusCode < 500 ? err.statusCode : 500;
    (err as { toJSON?: () => unknown }).toJSON = () => ({ error: status === 404 ? 'not_found' : status < 500 ? 'bad_request' : 'internal_error' });
    (err as { toString?: () => string }).toString = () => '';
    if (status >= 500) logger.error({ errorName: err.name }, 'request failed');
    res.status(status);
    callback();
  });

  const handleActivity = async (req: Request, res: Response) => {
    if (!req.is('json')) {
      res.send(415, { error: 'unsupported_media_type' });
      return;
    }
    const parsed = incomingActivitySchema.safeParse(req.body);
    if (!parsed.success) {
      res.send(400, { error: 'invalid_activity' });
      return;
    }
    try {
      const authHeader = String(req.headers.authorization ?? '');
      const invokeResponse = await adapter.handle(authHeader, parsed.data as unknown as Activity, (context) => bot.run(context));
      res.send(invokeResponse?.status ?? 200, invokeResponse?.body);
    } catch (error) {
      if (error instanceof AuthenticationError) {
        res.send(401, { error: 'unauthorized' });
        return;
      }
      // Already logged by the adapter; Teams retries a 503.
      if (error instanceof SigningKeysUnavailableError) {
        res.send(503, { error: 'unavailable' });
        return;
      }
      logger.error(describeError(error), 'activity failed');
      res.send(500, { error: 'internal_error' });
    }
  };
  server.post('/api/messages', async (req: Request, res: Response) => traceTurn(req.body, res, () => handleActivity(req, res)));

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    try {
      await ready();
      res.send(200, { status: 'ready' });
    } catch (error) {
      logger.warn(describeError(error), 'not ready');
      res.send(503, { status: 'unavailable' });
    }
  });

  if (tab) registerTab(server, tab);

  return server;
}
