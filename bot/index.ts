import { ConfigError, loadConfig } from '../src/config';
import { DirectoryFileError } from '../src/app/import-directory';
import { createStores } from '../src/store/create-stores';
import { SqliteFileInUse } from '../src/store/sqlite/open-sqlite-database';
import type { Stores } from '../src/store/stores';
import { createApp } from './create-app';
import { createLogger, describeError } from './logger';
import { storeOptionsFor } from './store-options';

/** Starts the bot; returns the exit code for a start-up that cannot go on. */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<number | undefined> {
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Handle with Care cannot start.\n${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  let stores: Stores;
  try {
    stores = await createStores(config.store, storeOptionsFor(config, logger));
  } catch (error) {
    if (error instanceof SqliteFileInUse) {
      process.stderr.write(`Handle with Care cannot start.\n${error.message}\n`);
      return 1;
    }
    throw error;
  }
  try {
    const app = await createApp({ config, stores, logger });
    await app.listen();
    let stopping = false;
    // App Service and Kubernetes send SIGTERM before a restart or a slot swap: drain, then exit.
    // A second signal (an impatient operator) exits at once.
    const shutdown = (signal: string) => {
      if (stopping) process.exit(1);
      stopping = true;
      logger.info({ signal }, 'shutting down');
      app.drain().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
    return undefined;
  } catch (error) {
    await stores.close();
    if (error instanceof DirectoryFileError) {
      process.stderr.write(`Handle with Care cannot start: the directory file ${config.directoryFile} is not valid.\n${error.message}\n`);
      return 1;
    }
    if (error instanceof SyntaxError || (error as NodeJS.ErrnoException).code === 'ENOENT') {
      process.stderr.write(`Handle with Care cannot start: cannot read the directory file ${config.directoryFile} (${(error as Error).name}).\n`);
      return 1;
    }
    logger.error(describeError(error), 'start-up failed');
    return 1;
  }
}

if (require.main === module) {
  main().then(
    (code) => {
      if (code !== undefined) process.exit(code);
    },
    (error: unknown) => {
      process.stderr.write(`Handle with Care cannot start: ${error instanceof Error ? error.name : 'unknown error'}\n`);
      process.exit(1);
    },
  );
}
