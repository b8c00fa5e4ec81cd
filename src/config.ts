import { z } from 'zod';

const emptyAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = z.preprocess(emptyAsUndefined, z.string().optional());

/** Every setting the process reads from the environment; see the README's configuration table. */
const environmentSchema = z
  .object({
    NODE_ENV: z.preprocess(emptyAsUndefined, z.enum(['development', 'production', 'test']).default('development')),
    PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z.preprocess(emptyAsUndefined, z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional()),
    MicrosoftAppTenantId: optionalText,
    HWC_STORE: z.preprocess(emptyAsUndefined, z.enum(['sqlite', 'cosmos']).default('sqlite')),
    HWC_SQLITE_PATH: z.preprocess(emptyAsUndefined, z.string().default('./data/hwc.sqlite')),
    COSMOS_ENDPOINT: z.preprocess(emptyAsUndefined, z.string().url().optional()),
    COSMOS_KEY: optionalText,
    COSMOS_DATABASE: z.preprocess(emptyAsUndefined, z.string().default('hwc')),
    // `key` for the emulator; `managed-identity` signs in with Entra ID, so no key exists to leak.
    COSMOS_AUTH: z.preprocess(emptyAsUndefined, z.enum(['key', 'managed-identity']).default('key')),
    HWC_ALLOW_COSMOS_KEY: z.preprocess(emptyAsUndefined, z.enum(['true', 'false']).default('false')),
    /** The client id of the user-assigned managed identity (the name @azure/identity reads too). */
    AZURE_CLIENT_ID: optionalText,
    HWC_DIRECTORY_FILE: optionalText,
    // `store`: the store is the directory's truth, kept by admins in the tab (instead of a file).
    HWC_DIRECTORY_SOURCE: z.preprocess(emptyAsUndefined, z.enum(['file', 'store']).optional()),
    HWC_LOCALE: z.preprocess(emptyAsUndefined, z.enum(['nl', 'en']).default('nl')),
    HWC_TEAMS_SERVICE_URL: z.preprocess(emptyAsUndefined, z.string().url().default('https://smba.trafficmanager.net/teams/')),
    HWC_ALLOWED_TENANTS: z.preprocess(emptyAsUndefined, z.string().optional()),
    // The tab's own Entra app registration (Teams SSO); without it the tab's API answers 401.
    HWC_TAB_CLIENT_ID: z.preprocess(emptyAsUndefined, z.string().uuid().optional()),
    HWC_DISPATCH_LEASE_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1000).default(300_000)),
    HWC_QUIET_TIME: z.preprocess(emptyAsUndefined, z.enum(['on', 'off']).default('on')),
    HWC_RELAY_INTERVAL_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(100).default(5000)),
    HWC_FORGET_INTERVAL_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(100).default(1000)),
    HWC_TEAMS_RATE_PER_SECOND: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(30)),
    // At least 90 days: a record must outlive the latest moment to forget its child (weeks, across a summer holiday).
    HWC_STATS_RETENTION_DAYS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(90).max(3650).default(730)),
    HWC_DIGEST_WEEKDAY: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(7).default(1)),
    HWC_DIGEST_TIME: z.preprocess(emptyAsUndefined, z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time written HH:MM').default('08:00')),
    HWC_DIGEST_MIN_COUNT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(2).max(20).default(3)),
    HWC_AUDIT_RETENTION_DAYS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(3650).default(1825)),
    APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText,
    LOG_LEVEL: z.preprocess(
      emptyAsUndefined,
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ),
  });

/** The name of each variable the process reads. */
export type EnvironmentKey = keyof typeof environmentSchema.shape;
export const ENVIRONMENT_KEYS = Object.keys(environmentSchema.shape) as EnvironmentKey[];

/**
 * The variables infra/main.bicep sets as App Service settings, each one this file reads: the
 * one list the Bicep is checked against (test/infra/bicep.test.ts), so neither drifts alone.
 */
export const AZURE_APP_SETTINGS = [
  'NODE_ENV',
  'MicrosoftAppId',
  'MicrosoftAppType',
  'MicrosoftAppTenantId',
  'HWC_STORE',
  'COSMOS_ENDPOINT',
  'COSMOS_AUTH',
  'COSMOS_DATABASE',
  'AZURE_CLIENT_ID',
  'HWC_ALLOWED_TENANTS',
  'HWC_DIRECTORY_FILE',
  'HWC_DIRECTORY_SOURCE',
  'HWC_TAB_CLIENT_ID',
  'HWC_STATS_RETENTION_DAYS',
  'HWC_AUDIT_RETENTION_DAYS',
] as const satisfies readonly EnvironmentKey[];

/**
 * Settings the Bicep sets for the platform rather than for this file: App Service's deployment
 * (the zip is built beforehand) and Application Insights' connection string.
 */
export const AZURE_PLATFORM_SETTINGS = ['SCM_DO_BUILD_DURING_DEPLOYMENT', 'APPLICATIONINSIGHTS_CONNECTION_STRING'] as const;

/** The tenant ids in a comma-separated list, lower case; blanks (`a,,b`, a lone comma) are no tenant. */
function tenantList(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t !== '');
}

/**
 * Production is any run that authenticates: an app id or a managed identity is configured. App
 * Service sets no NODE_ENV, so NODE_ENV alone never decides it; `NODE_ENV=production` still turns
 * the rules on (then a missing app id is refused instead of starting in local mode).
 */
function isProduction(env: Record<string, string | undefined>): boolean {
  return (
    (env.NODE_ENV ?? '').trim() === 'production' ||
    (env.MicrosoftAppId ?? '').trim() !== '' ||
    (env.MicrosoftAppType ?? '').trim() === 'UserAssignedMSI'
  );
}

/**
 * Rules that tie settings together. Checked on the raw environment, beside the schema, so that
 * one start-up lists every problem even when a single field is malformed too.
 */
function crossFieldProblems(env: Record<string, string | undefined>): string[] {
  const set = (key: string) => (env[key] ?? '').trim() !== '';
  const production = isProduction(env);
  const appType = (env.MicrosoftAppType ?? '').trim();
  const problems: string[] = [];
  if (production && !set('MicrosoftAppId')) {
    problems.push('MicrosoftAppId is required in production: without it the bot accepts unauthenticated requests');
  }
  // A managed identity gets its tokens without a secret; every other app type needs one to answer Teams.
  if (production && !set('MicrosoftAppPassword') && appType !== 'UserAssignedMSI') {
    problems.push('MicrosoftAppPassword is required in production unless MicrosoftAppType=UserAssignedMSI: without it the bot cannot answer Teams');
  }
  // Both ask their own tenant for tokens; without it botbuilder asks the multi-tenant authority and fails at the first reply.
  if ((appType === 'SingleTenant' || appType === 'UserAssignedMSI') && !set('MicrosoftAppTenantId')) {
    problems.push(`MicrosoftAppTenantId is required when MicrosoftAppType=${appType}: the bot gets its tokens from that tenant`);
  }
  if (production && tenantList(env.HWC_ALLOWED_TENANTS).length === 0) {
    problems.push('HWC_ALLOWED_TENANTS is required in production: without it activities from any Entra tenant are accepted');
  }
  if (production && (env.HWC_QUIET_TIME ?? '').trim() === 'off') {
    problems.push('HWC_QUIET_TIME=off is for demos only: in production cards must wait for the working window');
  }
  // Checked before the store is opened: a start that leans on whatever the store happens to hold
  // is how a real directory once gave way to the demo user.
  const source = (env.HWC_DIRECTORY_SOURCE ?? '').trim();
  if (source === 'store' && set('HWC_DIRECTORY_FILE')) {
    problems.push('HWC_DIRECTORY_SOURCE=store and HWC_DIRECTORY_FILE exclude each other: the directory has one truth, the file or the store the tab edits');
  } else if (source === 'file' && !set('HWC_DIRECTORY_FILE')) {
    problems.push('HWC_DIRECTORY_SOURCE=file needs HWC_DIRECTORY_FILE');
  } else if (production && !set('HWC_DIRECTORY_FILE') && source !== 'store') {
    problems.push('HWC_DIRECTORY_FILE is required in production (or HWC_DIRECTORY_SOURCE=store, to keep the directory in the tab): it says who holds which role');
  }
  problems.push(...cosmosProblems(env, production, set));
  return problems;
}

/** How the bot signs in to Cosmos DB; a key anywhere in production only when explicitly allowed. */
function cosmosProblems(env: Record<string, string | undefined>, production: boolean, set: (key: string) => boolean): string[] {
  const problems: string[] = [];
  const managedIdentity = (env.COSMOS_AUTH ?? '').trim() === 'managed-identity';
  if ((env.HWC_STORE ?? '').trim() === 'cosmos') {
    if (!set('COSMOS_ENDPOINT')) problems.push('COSMOS_ENDPOINT is required when HWC_STORE=cosmos');
    if (!managedIdentity && !set('COSMOS_KEY')) problems.push('COSMOS_KEY is required when HWC_STORE=cosmos with COSMOS_AUTH=key (or set COSMOS_AUTH=managed-identity)');
  }
  if (managedIdentity && set('COSMOS_KEY')) {
    problems.push('COSMOS_KEY is set while COSMOS_AUTH=managed-identity: remove the key, which would not be used');
  } else if (production && set('COSMOS_KEY') && (env.HWC_ALLOW_COSMOS_KEY ?? '').trim() !== 'true') {
    // A key grants everything in the account to whoever copies it, and never expires by itself.
    problems.push('COSMOS_KEY is refused in production: use COSMOS_AUTH=managed-identity, or set HWC_ALLOW_COSMOS_KEY=true to accept the key');
  }
  return problems;
}

/** How the Cosmos DB client proves who it is. */
export type CosmosAuth =
  | { kind: 'key'; key: string }
  /**
   * Entra ID through the managed identity (`clientId` when user-assigned). Outside production
   * `developerSignIn` also lets a developer's own sign-in (Azure CLI, VS Code) stand in for it.
   */
  | { kind: 'managed-identity'; clientId?: string; developerSignIn: boolean };

export interface Config {
  /** An app id or managed identity is configured (or NODE_ENV=production): every production rule holds. */
  production: boolean;
  port: number;
  /** Empty in local mode: authentication is off, which only a non-production run allows. */
  appId: string;
  appPassword?: string;
  appType?: string;
  tenantId?: string;
  /** Where the bot opens new personal chats (proactive installs); Teams' global endpoint by default. */
  teamsServiceUrl: string;
  locale: 'nl' | 'en';
  store:
    | { kind: 'sqlite'; path: string }
    | { kind: 'cosmos'; endpoint: string; auth: CosmosAuth; database: string };
  directoryFile?: string;
  relayIntervalMs: number;
  /** How often the forgetting loop looks for identities due to be forgotten (its own loop, never behind Teams calls). */
  forgetIntervalMs: number;
  /** How long one instance holds card work before another may take it over (a crashed one's). */
  dispatchLeaseMs: number;
  /** Cards to schools and leerplicht wait for the working window; off only for demos. */
  quietTime: boolean;
  /** Entra tenant ids whose activities are accepted (lower case); empty accepts any tenant. */
  allowedTenants: string[];
  /** The tab's Entra app registration: the audience of its SSO tokens. Absent: the tab is off. */
  tabClientId?: string;
  /**
   * Bot Connector calls per second this process allows itself over all conversations: its share
   * of the tenant's budget (divide it between instances; each process counts on its own).
   */
  teamsRatePerSecond: number;
  /** Days the anonymous signal records (the statistics) are kept after issue. */
  statsRetentionDays: number;
  /** Days audit entries are kept. */
  auditRetentionDays: number;
  /** When the weekly digest goes out (ISO weekday 1–7 and HH:MM, Europe/Amsterdam). */
  digestSchedule: { weekday: number; time: string };
  /** Per-school counts from 1 up to this − 1 are shown as "<N", so no child can be singled out. */
  digestMinCount: number;
  logLevel: string;
  /** Traces and metrics go to this Application Insights resource; none: no telemetry at all. */
  applicationInsightsConnectionString?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function cosmosAuth(e: z.infer<typeof environmentSchema>, production: boolean): CosmosAuth {
  if (e.COSMOS_AUTH === 'key') return { kind: 'key', key: e.COSMOS_KEY ?? '' };
  return { kind: 'managed-identity', ...(e.AZURE_CLIENT_ID ? { clientId: e.AZURE_CLIENT_ID } : {}), developerSignIn: !production };
}

/** Parses the environment once, listing every problem at the same time. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = environmentSchema.safeParse(env);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`)),
    ...crossFieldProblems(env),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    production: isProduction(env),
    port: e.PORT,
    appId: e.MicrosoftAppId ?? '',
    ...(e.MicrosoftAppPassword ? { appPassword: e.MicrosoftAppPassword } : {}),
    ...(e.MicrosoftAppType ? { appType: e.MicrosoftAppType } : {}),
    ...(e.MicrosoftAppTenantId ? { tenantId: e.MicrosoftAppTenantId } : {}),
    teamsServiceUrl: e.HWC_TEAMS_SERVICE_URL,
    locale: e.HWC_LOCALE,
    store:
      e.HWC_STORE === 'cosmos'
        ? { kind: 'cosmos', endpoint: e.COSMOS_ENDPOINT ?? '', auth: cosmosAuth(e, isProduction(env)), database: e.COSMOS_DATABASE }
        : { kind: 'sqlite', path: e.HWC_SQLITE_PATH },
    ...(e.HWC_DIRECTORY_FILE ? { directoryFile: e.HWC_DIRECTORY_FILE } : {}),
    relayIntervalMs: e.HWC_RELAY_INTERVAL_MS,
    forgetIntervalMs: e.HWC_FORGET_INTERVAL_MS,
    dispatchLeaseMs: e.HWC_DISPATCH_LEASE_MS,
    quietTime: e.HWC_QUIET_TIME === 'on',
    allowedTenants: tenantList(e.HWC_ALLOWED_TENANTS),
    ...(e.HWC_TAB_CLIENT_ID ? { tabClientId: e.HWC_TAB_CLIENT_ID.toLowerCase() } : {}),
    teamsRatePerSecond: e.HWC_TEAMS_RATE_PER_SECOND,
    statsRetentionDays: e.HWC_STATS_RETENTION_DAYS,
    auditRetentionDays: e.HWC_AUDIT_RETENTION_DAYS,
    digestSchedule: { weekday: e.HWC_DIGEST_WEEKDAY, time: e.HWC_DIGEST_TIME },
    digestMinCount: e.HWC_DIGEST_MIN_COUNT,
    logLevel: e.LOG_LEVEL,
    ...(e.APPLICATIONINSIGHTS_CONNECTION_STRING ? { applicationInsightsConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING } : {}),
  };
}
