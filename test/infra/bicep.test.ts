/**
 * infra/ cannot be compiled here (no Bicep CLI, no network), so it is read as text: the
 * containers it creates and the app settings it sets must be the ones the code declares.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AZURE_APP_SETTINGS, AZURE_PLATFORM_SETTINGS, ENVIRONMENT_KEYS, loadConfig } from '../../src/config';
import { containerDefinitions } from '../../src/store/cosmos/containers';

const infra = join(__dirname, '..', '..', 'infra');
const bicep = readFileSync(join(infra, 'main.bicep'), 'utf8');
const parameters = readFileSync(join(infra, 'main.example.bicepparam'), 'utf8');

/** From `opening` to the bracket that closes the first one opened at or after its end. */
function block(text: string, opening: string): string {
  const start = text.indexOf(opening);
  if (start < 0) throw new Error(`main.bicep has no ${opening}`);
  let depth = 0;
  const first = text.slice(start + opening.length - 1).search(/[[{(]/) + start + opening.length - 1;
  for (let i = first; i < text.length; i++) {
    if ('[{('.includes(text[i]!)) depth++;
    if (']})'.includes(text[i]!)) depth--;
    if (depth === 0) return text.slice(start, i + 1);
  }
  throw new Error(`${opening} is never closed`);
}

/** Each app setting as `name` → the Bicep expression or 'literal' that sets it. */
function appSettings(): Map<string, string> {
  const settings = new Map<string, string>();
  for (const match of block(bicep, 'appSettings: [').matchAll(/\{\s*name:\s*'([^']+)',\s*value:\s*(.+?)\s*\}\s*$/gm)) {
    settings.set(match[1]!, match[2]!);
  }
  return settings;
}

/** A parameter's default as written in main.bicep. */
function parameterDefault(name: string): string {
  const match = new RegExp(`^param ${name} \\w+ = (.+)$`, 'm').exec(bicep);
  if (!match) throw new Error(`main.bicep has no default for ${name}`);
  return match[1]!.replace(/^'(.*)'$/, '$1');
}

/** What each Bicep expression stands for once deployed: a sample of the value it yields. */
const DEPLOYED_VALUES: Record<string, string> = {
  'identity.properties.clientId': '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
  'tenant().tenantId': '72f988bf-86f1-41af-91ab-2d7cd011db47',
  'cosmos.properties.documentEndpoint': 'https://hwc-prod-cosmos-abc.documents.azure.com:443/',
  allowedTenants: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  cosmosDatabaseName: 'hwc',
  directoryFile: '/home/data/hwc/directory.json',
  directorySource: 'file',
  "directorySource == 'store' ? '' : directoryFile": '/home/data/hwc/directory.json',
  tabClientId: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  'string(statsRetentionDays)': parameterDefault('statsRetentionDays'),
  'string(auditRetentionDays)': parameterDefault('auditRetentionDays'),
  'insights.properties.ConnectionString': 'InstrumentationKey=00000000-0000-0000-0000-000000000000',
};

function deployedEnvironment(): Record<string, string> {
  return Object.fromEntries(
    [...appSettings()].map(([name, expression]) => {
      const literal = /^'(.*)'$/.exec(expression);
      const value = literal ? literal[1] : DEPLOYED_VALUES[expression];
      if (value === undefined) throw new Error(`no sample value for the Bicep expression ${expression} (setting ${name})`);
      return [name, value];
    }),
  );
}

describe('infra/main.bicep', () => {
  it('creates exactly the containers the Cosmos store declares: names, partition keys, indexing and TTL', () => {
    const declared = JSON.parse(readFileSync(join(infra, 'cosmos-containers.json'), 'utf8')) as unknown;

    expect(declared).toEqual(Object.values(containerDefinitions));
    expect(bicep).toContain("var cosmosContainers = loadJsonContent('cosmos-containers.json')");
    expect(bicep).toMatch(/for container in cosmosContainers: \{\s*parent: database\s*name: container\.id/);
    // Each entry goes to Cosmos DB as it is; only the hash kind and version are added.
    expect(bicep).toContain("resource: union(container, { partitionKey: union(container.partitionKey, { kind: 'Hash', version: 2 }) })");
  });

  it('keeps the identities, audit and rate budget containers on TTL with no default, so each document carries its own', () => {
    const declared = JSON.parse(readFileSync(join(infra, 'cosmos-containers.json'), 'utf8')) as Array<{ id: string; defaultTtl?: number }>;

    expect(declared.filter((c) => c.defaultTtl !== undefined)).toEqual([
      expect.objectContaining({ id: 'identities', defaultTtl: -1 }),
      expect.objectContaining({ id: 'audit', defaultTtl: -1 }),
      expect.objectContaining({ id: 'rateBudget', defaultTtl: -1 }),
    ]);
  });

  it('sets exactly the app settings src/config.ts lists, each one a variable the bot reads', () => {
    expect([...appSettings().keys()].sort()).toEqual([...AZURE_APP_SETTINGS, ...AZURE_PLATFORM_SETTINGS].sort());
    for (const name of AZURE_APP_SETTINGS) expect(ENVIRONMENT_KEYS).toContain(name);
  });

  it('sets app settings the bot accepts as a production configuration: Cosmos with its managed identity, no key', () => {
    const config = loadConfig(deployedEnvironment());

    expect(config).toMatchObject({
      production: true,
      appType: 'UserAssignedMSI',
      store: { kind: 'cosmos', database: 'hwc', auth: { kind: 'managed-identity', clientId: DEPLOYED_VALUES['identity.properties.clientId'], developerSignIn: false } },
    });
    expect(config.appId).toBe(DEPLOYED_VALUES['identity.properties.clientId']);
    expect(deployedEnvironment()).not.toHaveProperty('COSMOS_KEY');
  });

  it('runs the bot on Node 22 LTS, a version package.json allows', () => {
    const engines = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;

    expect(bicep).toContain("var nodeRuntime = 'NODE|22-lts'");
    expect(bicep).toContain('linuxFxVersion: nodeRuntime');
    expect(engines.split('||').map((range) => range.trim())).toContain('^22.12.0');
  });

  it('lets the identity reach Cosmos DB with Entra ID only: local auth off, a data-plane role on the database', () => {
    expect(block(bicep, "resource cosmos 'Microsoft.DocumentDB/databaseAccounts@")).toMatch(/disableLocalAuth: true[\s\S]*EnableServerless|EnableServerless[\s\S]*disableLocalAuth: true/);
    const access = block(bicep, "resource cosmosAccess 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@");
    expect(access).toContain("roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${cosmosDataContributor}'");
    expect(access).toContain('principalId: identity.properties.principalId');
    expect(bicep).toContain("var cosmosDataContributor = '00000000-0000-0000-0000-000000000002'");
  });

  it('registers the bot as the user-assigned managed identity, on the Teams channel, at the app', () => {
    const bot = block(bicep, "resource bot 'Microsoft.BotService/botServices@");
    expect(bot).toContain("msaAppType: 'UserAssignedMSI'");
    expect(bot).toContain('msaAppId: identity.properties.clientId');
    expect(bot).toContain('msaAppMSIResourceId: identity.id');
    expect(bot).toContain("endpoint: 'https://${app.properties.defaultHostName}/api/messages'");
    expect(block(bicep, "resource teams 'Microsoft.BotService/botServices/channels@")).toContain("channelName: 'MsTeamsChannel'");
    expect(block(bicep, "resource app 'Microsoft.Web/sites@")).toMatch(/type: 'UserAssigned'\s*userAssignedIdentities: \{ '\$\{identity\.id\}': \{\} \}/);
  });

  it('has an example parameter file that sets only declared parameters and every one without a default', () => {
    const declared = [...bicep.matchAll(/^param (\w+) \w+( = .+)?$/gm)].map((m) => ({ name: m[1]!, hasDefault: m[2] !== undefined }));
    const set = [...parameters.matchAll(/^param (\w+) = /gm)].map((m) => m[1]!);

    expect(parameters).toMatch(/^using '\.\/main\.bicep'$/m);
    for (const name of set) expect(declared.map((d) => d.name)).toContain(name);
    for (const { name } of declared.filter((d) => !d.hasDefault)) expect(set).toContain(name);
  });
});
