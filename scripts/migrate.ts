/**
 * `npm run migrate [-- --dry-run]`: upgrades the Cosmos DB documents written by earlier versions
 * (src/store/cosmos/upgrade-signal-documents.ts), with the same settings as the bot (HWC_STORE,
 * COSMOS_*). Run it before starting a new version on an existing database; running it again is
 * harmless. The SQLite store upgrades itself when the bot opens it.
 */
import { ConfigError, loadConfig } from '../src/config';
import { cosmosCredential } from '../src/store/cosmos/cosmos-credential';
import { openCosmosContainers } from '../src/store/cosmos/open-cosmos-stores';
import { upgradeSignalDocuments, type UpgradeCounts } from '../src/store/cosmos/upgrade-signal-documents';
import type { Agent } from 'node:http';

export function report(counts: UpgradeCounts, dryRun: boolean): string {
  const verb = dryRun ? 'to upgrade' : 'upgraded';
  return [
    `Signal documents ${verb}: ${counts.signals}`,
    `  child's identity moved to its own document: ${counts.identitiesSplitOut}`,
    `  child's identity dropped (past its expiry): ${counts.identitiesDropped}`,
    `  redactAt set: ${counts.redactAtSet}`,
    `  supportClosesAt set: ${counts.supportClosesAtSet}`,
    ...(counts.leftForNextRun > 0 ? [`Changed while upgrading, left for the next run: ${counts.leftForNextRun}`] : []),
    dryRun ? 'Dry run: nothing was written.' : '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/** Returns the exit code: 1 when the settings are wrong or documents were left for another run. */
export async function main(args: string[], env: Record<string, string | undefined>, now: Date, agent?: Agent): Promise<number> {
  const dryRun = args.includes('--dry-run');
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  if (config.store.kind !== 'cosmos') {
    process.stdout.write('HWC_STORE is not cosmos: the SQLite store upgrades itself when the bot opens it.\n');
    return 0;
  }
  const store = config.store;
  const { client, containers } = await openCosmosContainers({
    endpoint: store.endpoint,
    ...(store.auth.kind === 'key' ? { key: store.auth.key } : { credential: cosmosCredential(store.auth) }),
    database: store.database,
    ...(agent ? { agent } : {}),
  });
  try {
    const counts = await upgradeSignalDocuments(containers.signals, containers.identities, { dryRun, now });
    process.stdout.write(`${report(counts, dryRun)}\n`);
    return counts.leftForNextRun > 0 ? 1 : 0;
  } finally {
    client.dispose();
  }
}

if (require.main === module) {
  main(process.argv.slice(2), process.env, new Date()).then(
    (code) => process.exit(code),
    (error: unknown) => {
      // The message of a Cosmos DB error names the request, never a document's contents.
      process.stderr.write(`The upgrade stopped: ${error instanceof Error ? error.message : 'unknown error'}\nRun it again to go on.\n`);
      process.exit(1);
    },
  );
}
