import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../bot/index';
import { ConfigError, loadConfig } from '../../src/config';
import * as createStoresModule from '../../src/store/create-stores';
import { SqliteFileInUse } from '../../src/store/sqlite/open-sqlite-database';

/** The problems a configuration is refused with; fails the test when it is accepted. */
function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('loadConfig', () => {
  it('runs locally with the embedded store and safe defaults when nothing is set', () => {
    expect(loadConfig({})).toEqual({
      production: false,
      port: 3978,
      appId: '',
      teamsServiceUrl: 'https://smba.trafficmanager.net/teams/',
      locale: 'nl',
      store: { kind: 'sqlite', path: './data/hwc.sqlite' },
      relayIntervalMs: 5000,
      forgetIntervalMs: 1000,
      dispatchLeaseMs: 300000,
      quietTime: true,
      allowedTenants: [],
      teamsRatePerSecond: 30,
      statsRetentionDays: 730,
      auditRetentionDays: 1825,
      digestSchedule: { weekday: 1, time: '08:00' },
      digestMinCount: 3,
      logLevel: 'info',
    });
  });

  it('reads when the weekly digest goes out and its small-count threshold, refusing a day or time that is not one', () => {
    expect(loadConfig({ HWC_DIGEST_WEEKDAY: '5', HWC_DIGEST_TIME: '16:30', HWC_DIGEST_MIN_COUNT: '5' })).toMatchObject({
      digestSchedule: { weekday: 5, time: '16:30' },
      digestMinCount: 5,
    });
    expect(() => loadConfig({ HWC_DIGEST_WEEKDAY: '8' })).toThrow(/HWC_DIGEST_WEEKDAY/);
    expect(() => loadConfig({ HWC_DIGEST_TIME: '8:00' })).toThrow(/HWC_DIGEST_TIME/);
    // 1 would show every count: a single child at a school could be singled out.
    expect(() => loadConfig({ HWC_DIGEST_MIN_COUNT: '1' })).toThrow(/HWC_DIGEST_MIN_COUNT/);
  });

  it('reads the retention periods, and refuses one that is not a whole number of days', () => {
    expect(loadConfig({ HWC_STATS_RETENTION_DAYS: '365', HWC_AUDIT_RETENTION_DAYS: '2555' })).toMatchObject({
      statsRetentionDays: 365,
      auditRetentionDays: 2555,
    });
    expect(() => loadConfig({ HWC_STATS_RETENTION_DAYS: '0.5' })).toThrow(/HWC_STATS_RETENTION_DAYS/);
    // Shorter would delete records before their child is forgotten, leaving names in Teams cards.
    expect(() => loadConfig({ HWC_STATS_RETENTION_DAYS: '30' })).toThrow(/HWC_STATS_RETENTION_DAYS/);
    expect(() => loadConfig({ HWC_AUDIT_RETENTION_DAYS: '0' })).toThrow(/HWC_AUDIT_RETENTION_DAYS/);
  });

  it('treats empty variables as unset, as an .env file with blank lines leaves them', () => {
    expect(loadConfig({ PORT: '', HWC_STORE: ' ', HWC_LOCALE: '', MicrosoftAppId: '' })).toMatchObject({ port: 3978, locale: 'nl', appId: '' });
  });

  it('reads the Microsoft app settings and the Cosmos store when given', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      PORT: '8080',
      MicrosoftAppId: 'app-id',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: 'tenant',
      HWC_STORE: 'cosmos',
      COSMOS_ENDPOINT: 'https://hwc.documents.azure.com:443/',
      COSMOS_KEY: 'key',
      HWC_ALLOW_COSMOS_KEY: 'true',
      HWC_LOCALE: 'en',
      HWC_ALLOWED_TENANTS: 'tenant',
      HWC_DIRECTORY_FILE: '/etc/hwc/directory.json',
    });
    expect(config).toMatchObject({
      production: true,
      port: 8080,
      appId: 'app-id',
      appPassword: 'secret',
      appType: 'SingleTenant',
      tenantId: 'tenant',
      locale: 'en',
      store: { kind: 'cosmos', endpoint: 'https://hwc.documents.azure.com:443/', auth: { kind: 'key', key: 'key' }, database: 'hwc' },
      allowedTenants: ['tenant'],
    });
  });

  /** A production environment that passes every rule; each test below takes one thing away. */
  const production = {
    NODE_ENV: 'production',
    MicrosoftAppId: 'app-id',
    MicrosoftAppPassword: 'secret',
    HWC_ALLOWED_TENANTS: '72F988BF-86F1-41AF-91AB-2D7CD011DB47, b1c2d3e4-0000-4000-8000-000000000000',
    HWC_DIRECTORY_FILE: '/etc/hwc/directory.json',
  };

  it('starts in production with an app id, its secret and the allowed tenants (lower case)', () => {
    expect(loadConfig(production)).toMatchObject({
      production: true,
      appId: 'app-id',
      appPassword: 'secret',
      allowedTenants: ['72f988bf-86f1-41af-91ab-2d7cd011db47', 'b1c2d3e4-0000-4000-8000-000000000000'],
    });
  });

  it.each([[undefined], [''], ['  ']])('refuses production without MicrosoftAppPassword (%j): the bot could not answer Teams', (MicrosoftAppPassword) => {
    expect(problemsOf({ ...production, MicrosoftAppPassword })).toEqual([expect.stringMatching(/^MicrosoftAppPassword is required in production/)]);
  });

  it.each([['MultiTenant'], ['SingleTenant']])('requires MicrosoftAppPassword in production for MicrosoftAppType=%s too', (MicrosoftAppType) => {
    const problems = problemsOf({ ...production, MicrosoftAppType, MicrosoftAppTenantId: 'tenant', MicrosoftAppPassword: '' });
    expect(problems).toEqual([expect.stringMatching(/^MicrosoftAppPassword /)]);
  });

  it('starts in production without a password when the bot runs as a user-assigned managed identity', () => {
    const config = loadConfig({ ...production, MicrosoftAppPassword: undefined, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 'tenant' });
    expect(config).toMatchObject({ production: true, appType: 'UserAssignedMSI' });
    expect(config.appPassword).toBeUndefined();
  });

  it.each([[undefined], [''], [' , ,']])('refuses production without HWC_ALLOWED_TENANTS (%j): any tenant could come in', (HWC_ALLOWED_TENANTS) => {
    expect(problemsOf({ ...production, HWC_ALLOWED_TENANTS })).toEqual([expect.stringMatching(/^HWC_ALLOWED_TENANTS is required in production/)]);
  });

  it('lists the missing app id, password, tenants and directory file together in one ConfigError', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems.map((p) => p.split(' ')[0]).sort()).toEqual(['HWC_ALLOWED_TENANTS', 'HWC_DIRECTORY_FILE', 'MicrosoftAppId', 'MicrosoftAppPassword']);
  });

  it('runs locally (not production) without an app id, whatever NODE_ENV says short of production', () => {
    for (const NODE_ENV of [undefined, 'development', 'test']) {
      expect(loadConfig({ NODE_ENV })).toMatchObject({ production: false, appId: '', allowedTenants: [], quietTime: true });
    }
  });

  describe('production rules follow the app id, not NODE_ENV (App Service sets no NODE_ENV)', () => {
    const appServiceEnvironment: Record<string, string | undefined> = { ...production, NODE_ENV: undefined };

    it('starts as production with an app id and no NODE_ENV at all', () => {
      expect(loadConfig(appServiceEnvironment)).toMatchObject({ production: true, appId: 'app-id', directoryFile: '/etc/hwc/directory.json' });
    });

    it.each([[undefined], ['development'], ['test']])('refuses an app id without allowed tenants with NODE_ENV=%s: any tenant could come in', (NODE_ENV) => {
      const problems = problemsOf({ ...appServiceEnvironment, NODE_ENV, HWC_ALLOWED_TENANTS: undefined });
      expect(problems).toEqual([expect.stringMatching(/^HWC_ALLOWED_TENANTS is required in production/)]);
    });

    it.each([[undefined], ['test']])('refuses HWC_QUIET_TIME=off with an app id and NODE_ENV=%s', (NODE_ENV) => {
      const problems = problemsOf({ ...appServiceEnvironment, NODE_ENV, HWC_QUIET_TIME: 'off' });
      expect(problems).toEqual([expect.stringMatching(/^HWC_QUIET_TIME=off /)]);
    });

    it.each([[undefined], ['test']])('refuses an app id without HWC_DIRECTORY_FILE with NODE_ENV=%s: nobody would have a role, or a demo user every role', (NODE_ENV) => {
      const problems = problemsOf({ ...appServiceEnvironment, NODE_ENV, HWC_DIRECTORY_FILE: ' ' });
      expect(problems).toEqual([expect.stringMatching(/^HWC_DIRECTORY_FILE is required in production/)]);
    });

    it('accepts HWC_DIRECTORY_SOURCE=store instead of a file in production: the directory the tab keeps in the store', () => {
      expect(loadConfig({ ...appServiceEnvironment, HWC_DIRECTORY_FILE: ' ', HWC_DIRECTORY_SOURCE: 'store' }).directoryFile).toBeUndefined();
    });

    it('refuses two truths for the directory (a file and the store), and a file source without a file', () => {
      expect(problemsOf({ ...appServiceEnvironment, HWC_DIRECTORY_SOURCE: 'store' })).toEqual([expect.stringMatching(/^HWC_DIRECTORY_SOURCE=store and HWC_DIRECTORY_FILE exclude each other/)]);
      expect(problemsOf({ ...appServiceEnvironment, HWC_DIRECTORY_FILE: ' ', HWC_DIRECTORY_SOURCE: 'file' })).toEqual([expect.stringMatching(/^HWC_DIRECTORY_SOURCE=file needs HWC_DIRECTORY_FILE/)]);
      expect(problemsOf({ ...appServiceEnvironment, HWC_DIRECTORY_SOURCE: 'database' })).toEqual([expect.stringContaining('HWC_DIRECTORY_SOURCE')]);
    });

    it('lists every production problem for a bare app id: password, tenants and directory file', () => {
      const problems = problemsOf({ MicrosoftAppId: 'app-id' });
      expect(problems.map((p) => p.split(' ')[0]).sort()).toEqual(['HWC_ALLOWED_TENANTS', 'HWC_DIRECTORY_FILE', 'MicrosoftAppPassword']);
    });

    it('treats a managed identity as production too, and then asks for its app id (the identity\'s client id)', () => {
      const problems = problemsOf({ MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 'tenant' });
      expect(problems.map((p) => p.split(' ')[0]).sort()).toEqual(['HWC_ALLOWED_TENANTS', 'HWC_DIRECTORY_FILE', 'MicrosoftAppId']);
    });
  });

  it.each([['SingleTenant'], ['UserAssignedMSI']])('refuses MicrosoftAppType=%s without MicrosoftAppTenantId: botbuilder would ask the wrong tenant for tokens', (MicrosoftAppType) => {
    for (const MicrosoftAppTenantId of [undefined, ' ']) {
      const problems = problemsOf({ ...production, MicrosoftAppType, MicrosoftAppTenantId });
      expect(problems).toEqual([expect.stringMatching(new RegExp(`^MicrosoftAppTenantId is required when MicrosoftAppType=${MicrosoftAppType}`))]);
    }
  });

  it('refuses production without MicrosoftAppId: authentication would be off', () => {
    for (const MicrosoftAppId of [undefined, '', '   ']) {
      const run = () => loadConfig({ NODE_ENV: 'production', MicrosoftAppId });
      expect(run).toThrow(ConfigError);
      expect(run).toThrow(/MicrosoftAppId/);
    }
  });

  it('lists both COSMOS_ENDPOINT and COSMOS_KEY when HWC_STORE=cosmos has neither', () => {
    const problems = problemsOf({ HWC_STORE: 'cosmos' });
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/COSMOS_ENDPOINT/);
    expect(problems.join('\n')).toMatch(/COSMOS_KEY/);
  });

  describe('Cosmos DB without a key', () => {
    const cosmos = { HWC_STORE: 'cosmos', COSMOS_ENDPOINT: 'https://hwc.documents.azure.com:443/' };

    it('signs in to Cosmos DB with the managed identity named by AZURE_CLIENT_ID, with no key', () => {
      expect(loadConfig({ ...production, ...cosmos, COSMOS_AUTH: 'managed-identity', AZURE_CLIENT_ID: 'c1d2' }).store).toEqual({
        kind: 'cosmos',
        endpoint: 'https://hwc.documents.azure.com:443/',
        database: 'hwc',
        auth: { kind: 'managed-identity', clientId: 'c1d2', developerSignIn: false },
      });
      // Outside Azure a developer's own sign-in (az login) may stand in for the identity.
      expect(loadConfig({ ...cosmos, COSMOS_AUTH: 'managed-identity' }).store).toMatchObject({ auth: { kind: 'managed-identity', developerSignIn: true } });
    });

    it('keeps the key for the emulator outside production', () => {
      expect(loadConfig({ ...cosmos, COSMOS_KEY: 'emulator-key' }).store).toMatchObject({ auth: { kind: 'key', key: 'emulator-key' } });
    });

    it('refuses COSMOS_KEY in production unless HWC_ALLOW_COSMOS_KEY=true', () => {
      expect(problemsOf({ ...production, ...cosmos, COSMOS_KEY: 'k' })).toEqual([
        expect.stringMatching(/^COSMOS_KEY is refused in production.*COSMOS_AUTH=managed-identity.*HWC_ALLOW_COSMOS_KEY=true/),
      ]);
      expect(loadConfig({ ...production, ...cosmos, COSMOS_KEY: 'k', HWC_ALLOW_COSMOS_KEY: 'true' }).store).toMatchObject({ auth: { kind: 'key' } });
      // A key left in the settings is refused even where the store does not use it.
      expect(problemsOf({ ...production, COSMOS_KEY: 'k' })).toEqual([expect.stringMatching(/^COSMOS_KEY is refused in production/)]);
    });

    it('refuses a key beside COSMOS_AUTH=managed-identity, which would leave unclear how the bot signs in', () => {
      expect(problemsOf({ ...cosmos, COSMOS_AUTH: 'managed-identity', COSMOS_KEY: 'k' })).toEqual([
        expect.stringMatching(/^COSMOS_KEY is set while COSMOS_AUTH=managed-identity/),
      ]);
    });

    it('refuses a sign-in method it does not know', () => {
      expect(problemsOf({ ...cosmos, COSMOS_AUTH: 'password', COSMOS_KEY: 'k' })).toEqual([expect.stringMatching(/^COSMOS_AUTH /)]);
    });
  });

  it.each([['abc'], ['70000'], ['-1'], ['3.5']])('refuses PORT=%s, naming PORT', (PORT) => {
    const problems = problemsOf({ PORT });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^PORT /);
  });

  it('lists every problem at once, the production and Cosmos checks included', () => {
    const problems = problemsOf({ NODE_ENV: 'production', PORT: 'abc', HWC_STORE: 'cosmos', HWC_LOCALE: 'de' });
    expect(problems.map((p) => p.split(' ')[0]).sort()).toEqual([
      'COSMOS_ENDPOINT',
      'COSMOS_KEY',
      'HWC_ALLOWED_TENANTS',
      'HWC_DIRECTORY_FILE',
      'HWC_LOCALE',
      'MicrosoftAppId',
      'MicrosoftAppPassword',
      'PORT',
    ]);
  });

  it('never quotes a secret in its problems', () => {
    const problems = problemsOf({ HWC_STORE: 'cosmos', COSMOS_KEY: 'super-secret-key', COSMOS_ENDPOINT: 'not a url' });
    expect(problems.join('\n')).not.toContain('super-secret-key');
  });
});

describe('main', () => {
  let stderr: jest.SpyInstance;
  beforeEach(() => {
    stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    stderr.mockRestore();
  });

  it('exits with 1 and a clear message naming MicrosoftAppId in production without an app id, starting nothing', async () => {
    const createStores = jest.spyOn(createStoresModule, 'createStores');
    const sigtermListeners = process.listenerCount('SIGTERM');
    try {
      const code = await main({ NODE_ENV: 'production', MicrosoftAppId: '', MicrosoftAppPassword: 'pa55word' });
      expect(code).toBe(1);
      const written = stderr.mock.calls.map((c) => String(c[0])).join('');
      expect(written).toMatch(/cannot start/);
      expect(written).toContain('MicrosoftAppId');
      expect(written).not.toContain('pa55word');
      expect(createStores).not.toHaveBeenCalled();
      expect(process.listenerCount('SIGTERM')).toBe(sigtermListeners);
    } finally {
      createStores.mockRestore();
    }
  });

  it('exits with 1 naming HWC_DIRECTORY_FILE for an App Service start (app id, no NODE_ENV) without a directory file, opening no store', async () => {
    const createStores = jest.spyOn(createStoresModule, 'createStores');
    try {
      const code = await main({ MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'pa55word', HWC_ALLOWED_TENANTS: 'tenant' });
      expect(code).toBe(1);
      const written = stderr.mock.calls.map((c) => String(c[0])).join('');
      expect(written).toContain('HWC_DIRECTORY_FILE is required in production');
      expect(written).not.toContain('pa55word');
      expect(createStores).not.toHaveBeenCalled();
    } finally {
      createStores.mockRestore();
    }
  });

  it('exits with 1 and says the SQLite file is in use when another process holds it, starting nothing', async () => {
    const createStores = jest.spyOn(createStoresModule, 'createStores').mockRejectedValue(new SqliteFileInUse('/data/hwc.sqlite'));
    const sigtermListeners = process.listenerCount('SIGTERM');
    try {
      const code = await main({ HWC_SQLITE_PATH: '/data/hwc.sqlite' });
      expect(code).toBe(1);
      const written = stderr.mock.calls.map((c) => String(c[0])).join('');
      expect(written).toContain('cannot start');
      expect(written).toContain('/data/hwc.sqlite is in use by another process');
      expect(process.listenerCount('SIGTERM')).toBe(sigtermListeners);
    } finally {
      createStores.mockRestore();
    }
  });

  it('exits with 1 for a bad PORT, naming PORT', async () => {
    const code = await main({ PORT: 'eighty' });
    expect(code).toBe(1);
    expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toContain('PORT');
  });

  it('exits with 1 and names each bad entry when the directory file is invalid, before listening', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'hwc-main-'));
    const directoryFile = join(folder, 'directory.json');
    writeFileSync(
      directoryFile,
      JSON.stringify({
        municipalities: [{ id: 'GM0917', name: 'Heerlen' }],
        schools: [{ id: 'BAD', name: 'X', municipalityId: 'GM0917' }],
        members: [{ aadObjectId: 'not-a-guid', name: 'Y' }],
      }),
    );
    const sigtermListeners = process.listenerCount('SIGTERM');
    const code = await main({ NODE_ENV: 'test', HWC_SQLITE_PATH: join(folder, 'hwc.sqlite'), HWC_DIRECTORY_FILE: directoryFile, LOG_LEVEL: 'silent' });
    expect(code).toBe(1);
    const written = stderr.mock.calls.map((c) => String(c[0])).join('');
    expect(written).toContain('directory file');
    expect(written).toContain('schools[0].id (BAD)');
    expect(written).toContain('members[0].aadObjectId (not-a-guid)');
    expect(process.listenerCount('SIGTERM')).toBe(sigtermListeners);
  });
});
