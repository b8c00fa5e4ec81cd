import { randomInt, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { noticeCard, localeFrom, stringsFor } from '../cards';
import { Dispatcher } from '../src/app/dispatcher';
import { importDirectory } from '../src/app/import-directory';
import type { Config } from '../src/config';
import { ApplyRetention } from '../src/app/apply-retention';
import { SendWeeklyDigests } from '../src/app/send-weekly-digests';
import { digestRenderer } from './digest-cards';
import { startScheduler } from '../src/jobs/scheduler';
import { SchoolTime } from '../src/app/school-time';
import { createUseCases } from '../src/app/use-cases';
import type { Clock, Logger, Random } from '../src/ports';
import type { Stores } from '../src/store/stores';
import { HwcAdapter, type TestAuthentication } from './adapter';
import { cachedCheck } from './cached-check';
import { calendarReadiness } from './calendar-readiness';
import { demoDirectory } from './demo-directory';
import { HwcBot } from './hwc-bot';
import { deliveryRenderer } from './render-delivery';
import { replyWithCard } from './reply';
import { SignalCards } from './signal-cards';
import { createServer } from './server';
import { SharedRateLimiter } from './shared-rate-limiter';
import { Drain } from './drain';
import { tabDeps } from './tab/tab-deps';
import { LinkMember } from '../src/app/link-member';
import { TeamsMessenger } from './teams-messenger';
import { instrumentation } from './telemetry/instrumentation';
import { startTelemetry, type TelemetryForTests } from './telemetry/telemetry';
import { BotConnectorClient } from './bot-connector-client';
import { connectorCredentials } from './connector-credentials';

/** How long one answer from the store counts for the readiness probe. */
const READINESS_CACHE_MS = 5000;

export const systemClock: Clock = { now: () => new Date() };
export const cryptoRandom: Random = { int: (max) => randomInt(max), uuid: () => randomUUID() };

export interface HwcApp {
  /** Starts listening; resolves with the port (useful with port 0). */
  listen(): Promise<number>;
  /** Resolves when every delivery started so far has been attempted. */
  idle(): Promise<void>;
  /** Runs one scheduler tick now (the timer runs them every HWC_RELAY_INTERVAL_MS). */
  tick(): Promise<void>;
  /**
   * A graceful stop (SIGTERM): new requests get 503 with Retry-After at once, the schedulers take
   * no new work, cards not yet sent are handed back for another instance, and what is under way
   * gets up to `graceMs` to finish; then the server and the store close.
   */
  drain(graceMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** How long a stopping process lets turns and Teams calls already under way finish. */
export const DRAIN_GRACE_MS = 10_000;

export interface AppOptions {
  config: Config;
  stores: Stores;
  logger: Logger;
  clock?: Clock;
  random?: Random;
  /** Tests only, never from the environment: see AdapterSettings.authForTests. */
  authForTests?: TestAuthentication;
  /** Spreads retries (a number in [0, 1)); tests pin it to know when a retry comes. */
  jitter?: () => number;
  /** Tests only: where the tab's SSO keys are discovered instead of login.microsoftonline.com. */
  tabAuthorityForTests?: string;
  /** Tests only: origins besides Teams' that may frame the tab (the browser test's host page). */
  tabFrameAncestorsForTests?: readonly string[];
  /** Tests only, never from the environment: spans and metrics to an in-memory exporter. */
  telemetryForTests?: TelemetryForTests;
  /** `npm run dev` only (scripts/dev.ts), never from the environment: the local Teams stand-in's page. */
  localRoutes?: (server: Server) => void;
}

/** The composition root: directory, use cases, Teams edge, relay job. */
export async function createApp({ config, stores, logger, clock = systemClock, random = cryptoRandom, authForTests, jitter = Math.random, tabAuthorityForTests, tabFrameAncestorsForTests, telemetryForTests, localRoutes }: AppOptions): Promise<HwcApp> {
  await loadDirectory(config, stores, logger);
  const telemetry = instrumentation(startTelemetry(config.applicationInsightsConnectionString, telemetryForTests));

  // One client for every call to Teams: the dispatcher's cards and a turn's own replies.
  const connector = new BotConnectorClient(connectorCredentials(config, authForTests?.credentialsFactory));
  const adapter = new HwcAdapter(
    { appId: config.appId, ...(config.appPassword ? { appPassword: config.appPassword } : {}), ...(config.appType ? { appType: config.appType } : {}), ...(config.tenantId ? { tenantId: config.tenantId } : {}), ...(authForTests ? { authForTests } : {}) },
    logger,
    async (context, correlationId) => {
      const locale = localeFrom(context.activity.locale, config.locale);
      const t = stringsFor(locale).bot.genericError;
      await replyWithCard(context, noticeCard({ locale, title: t.title, text: t.text(correlationId) }));
    },
    connector,
  );
  // Teams' limits are per bot: every instance on a shared store (Cosmos DB) takes its turns from
  // one budget in it; a process that holds its store alone (SQLite) counts them in its memory
  // (the messenger's own RateLimiter).
  const limiter = stores.rateBudget ? new SharedRateLimiter(stores.rateBudget, { globalPerSecond: config.teamsRatePerSecond }) : undefined;
  const teamsMessenger = new TeamsMessenger(
    connector,
    {
      appId: config.appId,
      serviceUrl: config.teamsServiceUrl,
      // A wait for a turn under the rate limits stays well inside the dispatcher's call timeout.
      maxRateWaitMs: config.dispatchLeaseMs / 3,
      ...(config.tenantId ? { tenantId: config.tenantId } : {}),
      ratePerSecond: config.teamsRatePerSecond,
    },
    limiter,
  );
  const messenger = telemetry.messenger(teamsMessenger);
  const { signals, directory, audit, digestRuns } = telemetry.stores(stores);
  const cards = new SignalCards(directory);
  const schoolTime = new SchoolTime(directory, { quietTime: config.quietTime });
  const dispatcher = new Dispatcher({
    signals,
    directory,
    messenger,
    render: deliveryRenderer(cards, clock, config.locale),
    clock,
    logger,
    jitter,
    leaseMs: config.dispatchLeaseMs,
    schoolTime,
    audit,
  });
  const useCases = createUseCases({ signals, directory, audit, dispatcher, clock, random, logger, schoolTime, metrics: telemetry.metrics });
  const linkMember = new LinkMember({ directory, clock, messenger, readOnly: config.directoryFile !== undefined });
  const bot = new HwcBot({
    ...useCases,
    directory,
    cards,
    clock,
    logger,
    locale: config.locale,
    audit,
    allowedTenants: config.allowedTenants,
    digestMinCount: config.digestMinCount,
    linkMember,
  });
  const calendarReady = calendarReadiness({ clock, logger });
  const ready = cachedCheck(async () => void (await Promise.all([stores.ping(), calendarReady()])), READINESS_CACHE_MS);
  const tab = tabDeps(config, { directory, readDigest: useCases.readDigest, clock, logger, audit, linkMember }, tabAuthorityForTests, tabFrameAncestorsForTests);
  const drain = new Drain();
  const server = createServer({ adapter, bot, logger, ready, tab, drain, traceTurn: telemetry.traceTurn });
  localRoutes?.(server);
  telemetry.observeQueue(stores.signals, clock, logger);
  const retention = new ApplyRetention({
    signals,
    audit,
    clock,
    logger,
    statsRetentionDays: config.statsRetentionDays,
    auditRetentionDays: config.auditRetentionDays,
  });
  const digests = new SendWeeklyDigests({
    runs: digestRuns,
    directory,
    readDigest: useCases.readDigest,
    messenger,
    render: digestRenderer(clock, config.locale, config.digestMinCount),
    audit,
    clock,
    logger,
    schedule: config.digestSchedule,
    leaseMs: config.dispatchLeaseMs,
    metrics: telemetry.metrics,
  });
  // In this order: deadlines (forgetting among them) before the relay, so a card due after
  // downtime is drawn from the signal as it stands after the deadlines; forgetting before
  // retention's backstop could take the identity.
  const tasks = [
    { name: 'deadlines', run: () => useCases.actOnDeadlines.runDue() },
    { name: 'relay', run: () => dispatcher.relayDue() },
    { name: 'digests', run: () => digests.runDue() },
    { name: 'retention', run: () => retention.runDue() },
  ];
  // Forgetting on a loop of its own: the main loop's relay may wait minutes for Teams, and an
  // identity must go at its moment all the same.
  const forgetting = [{ name: 'forgetting', run: () => useCases.actOnDeadlines.forgetDue() }];
  let scheduler: ReturnType<typeof startScheduler> | undefined;
  let forgetScheduler: ReturnType<typeof startScheduler> | undefined;

  return {
    async listen() {
      // Local mode has no authentication: then only this machine may talk to the bot.
      const host = config.appId ? '0.0.0.0' : '127.0.0.1';
      await new Promise<void>((resolve) => server.listen(config.port, host, resolve));
      forgetScheduler = startScheduler(forgetting, config.forgetIntervalMs, logger);
      scheduler = startScheduler(tasks, config.relayIntervalMs, logger);
      const port = (server.address() as AddressInfo).port;
      logger.info({ host, port, store: config.store.kind, authentication: config.appId ? 'on' : 'off (local mode, loopback only)' }, 'listening');
      return port;
    },
    idle: () => dispatcher.idle(),
    async tick() {
      if (forgetScheduler) await forgetScheduler.tick();
      else for (const task of forgetting) await task.run();
      if (scheduler) await scheduler.tick();
      else for (const task of tasks) await task.run();
      await dispatcher.idle();
    },
    async drain(graceMs = DRAIN_GRACE_MS) {
      logger.info({ graceMs }, 'draining');
      const started = Date.now();
      drain.start();
      dispatcher.stopTaking();
      digests.stopTaking();
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
      const finished = Promise.all([forgetScheduler?.stop(), scheduler?.stop(), drain.idle(), dispatcher.idle()]).then(() => 'finished' as const);
      const outcome = await Promise.race([finished, graceOver]);
      clearTimeout(timer);
      // Past the grace, calls still on their way are left to their leases: whoever takes the card
      // next counts it as a send in doubt.
      if (outcome === 'late') logger.warn({ graceMs }, 'drain grace over with work still under way');
      server.server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stores.close();
      await telemetry.shutdown();
      logger.info({ ms: Date.now() - started, outcome }, 'drained');
    },
    async close() {
      await forgetScheduler?.stop();
      await scheduler?.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive sockets from Teams would otherwise hold the close open until they time out.
      server.server.closeIdleConnections();
      await closed;
      await dispatcher.idle();
      await connector.close();
      await stores.close();
      await telemetry.shutdown();
    },
  };
}

async function loadDirectory(config: Config, stores: Stores, logger: Logger): Promise<void> {
  if (config.directoryFile) {
    const directory = await importDirectory(stores.directory, JSON.parse(await readFile(config.directoryFile, 'utf8')) as unknown);
    logger.info({ schools: directory.schools.length, members: directory.members.length }, 'directory loaded');
  } else if (await stores.directory.hasMembers()) {
    // Importing the demo would remove every real member and give one demo user every role.
    logger.info({}, 'no directory file configured (HWC_DIRECTORY_FILE): the store holds the directory, admins keep it in the tab');
  } else if (!config.production) {
    await importDirectory(stores.directory, demoDirectory);
    logger.info({}, 'demo directory loaded: the Agents Playground user holds every role');
  } else {
    logger.warn({}, 'no directory file configured (HWC_DIRECTORY_FILE): nobody has a role');
  }
}
