import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createApp, type HwcApp } from '../../bot/create-app';
import { createLogger } from '../../bot/logger';
import type { TelemetryForTests } from '../../bot/telemetry/telemetry';
import { loadConfig } from '../../src/config';
import type { Directory } from '../../src/domain/directory';
import type { Clock } from '../../src/ports';
import { createStores } from '../../src/store/create-stores';
import { sqliteStoresAt } from './sqlite-file';

/** Everything the process logged, as text, to check what it does and does not contain. */
export class LogCapture extends Writable {
  lines: string[] = [];
  private waiters: Array<{ matches: (line: string) => boolean; found: (line: string) => void }> = [];

  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    const line = chunk.toString('utf8');
    this.lines.push(line);
    // Told as it is written: a test takes the moment of the line as the moment of the event.
    for (const waiter of this.waiters.filter((w) => w.matches(line))) waiter.found(line);
    done();
  }

  get text(): string {
    return this.lines.join('');
  }

  /** Resolves with the first line from now on that `matches`; fails after `timeoutMs` naming `what`. */
  nextLine(matches: (line: string) => boolean, what: string, timeoutMs = 30_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const waiter = {
        matches,
        found: (line: string) => {
          clearTimeout(timer);
          this.waiters = this.waiters.filter((w) => w !== waiter);
          resolve(line);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no log line within ${timeoutMs} ms: ${what}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }
}

export interface RunningBot {
  app: HwcApp;
  botUrl: string;
  logs: LogCapture;
  sqlitePath: string;
}

/** A directory file on disk, as an administrator would provide it. */
export function writeDirectoryFile(directory: Directory, folder = mkdtempSync(join(tmpdir(), 'hwc-dir-'))): string {
  const path = join(folder, 'directory.json');
  writeFileSync(path, JSON.stringify(directory, null, 2));
  return path;
}

/** The real server on a free port with the embedded SQLite store, talking to `connectorUrl`. */
export async function startBot(options: {
  /** None: the bot keeps the directory the store holds, or loads the demo directory into an empty store. */
  directoryFile?: string;
  connectorUrl: string;
  sqlitePath?: string;
  logs?: LogCapture;
  env?: Record<string, string>;
  /** A clock the test moves; the scheduler then runs on `app.tick()` instead of its timer. */
  clock?: Clock;
  /** Spans and metrics to the test's in-memory exporter and reader. */
  telemetry?: TelemetryForTests;
  /** Pins the dispatcher's retry jitter (see AppOptions.jitter). */
  jitter?: () => number;
  /** Where the tab's SSO keys are discovered (a local Entra), with HWC_TAB_CLIENT_ID in env. */
  tabAuthorityForTests?: string;
  /** Origins besides Teams' that may frame the tab: the browser test's same-origin host page. */
  tabFrameAncestorsForTests?: string[];
}): Promise<RunningBot> {
  const sqlitePath = options.sqlitePath ?? join(mkdtempSync(join(tmpdir(), 'hwc-db-')), 'hwc.sqlite');
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HWC_STORE: 'sqlite',
    HWC_SQLITE_PATH: sqlitePath,
    ...(options.directoryFile ? { HWC_DIRECTORY_FILE: options.directoryFile } : {}),
    HWC_TEAMS_SERVICE_URL: options.connectorUrl,
    LOG_LEVEL: 'debug',
    ...(options.clock ? { HWC_RELAY_INTERVAL_MS: String(24 * 60 * 60 * 1000), HWC_FORGET_INTERVAL_MS: String(24 * 60 * 60 * 1000) } : {}),
    ...options.env,
  });
  const logs = options.logs ?? new LogCapture();
  // A second bot on the same file shares the first's handle, as the process holds the file alone.
  const stores = config.store.kind === 'sqlite' ? sqliteStoresAt(config.store.path) : await createStores(config.store, { auditRetentionDays: config.auditRetentionDays });
  const app = await createApp({
    config,
    stores,
    logger: createLogger(config.logLevel, logs),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.jitter ? { jitter: options.jitter } : {}),
    ...(options.telemetry ? { telemetryForTests: options.telemetry } : {}),
    ...(options.tabAuthorityForTests ? { tabAuthorityForTests: options.tabAuthorityForTests } : {}),
    ...(options.tabFrameAncestorsForTests ? { tabFrameAncestorsForTests: options.tabFrameAncestorsForTests } : {}),
  });
  const port = await app.listen();
  return { app, botUrl: `http://127.0.0.1:${port}/api/messages`, logs, sqlitePath };
}
