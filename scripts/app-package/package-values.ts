import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** A problem with the values the app package is filled with; lists every one at the same time. */
export class AppPackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`The Teams app package cannot be built:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'AppPackageError';
  }
}

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID');
/** A host name as Teams wants it in validDomains: no scheme, no path, no port. */
const hostName = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, 'must be a host name such as hwc.example.nl (no https://, no path)');

/** What the manifest is filled with. */
export interface PackageValues {
  /** The Teams app's own GUID (`id`). */
  teamsAppId: string;
  /** The bot's Microsoft App ID: the client id of its managed identity or app registration. */
  botId: string;
  /** The tab's single sign-on: its Entra app's client id and the domain it is served from. */
  tab: { clientId: string; domain: string };
}

/** The variables read, each with the rule its value must meet. */
const VARIABLES = {
  TEAMS_APP_ID: guid,
  BOT_ID: guid,
  TAB_CLIENT_ID: guid,
  TAB_DOMAIN: hostName,
} as const;

/**
 * Reads `KEY=value` lines as Teams Toolkit writes them in `env/.env.<name>`: `#` starts a comment
 * line, surrounding quotes are dropped.
 */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match || line.trimStart().startsWith('#')) continue;
    const raw = match[2]!;
    values[match[1]!] = /^(["']).*\1$/.test(raw) ? raw.slice(1, -1) : raw;
  }
  return values;
}

/**
 * The variables from `env/.env.<name>` under `root`, overridden by the process environment (so a
 * pipeline can set one without editing the file). Without a name, the environment alone.
 */
export function readPackageEnvironment(root: string, environmentName: string | undefined, env: Record<string, string | undefined>): Record<string, string | undefined> {
  if (environmentName === undefined) return env;
  if (!/^[A-Za-z0-9_-]+$/.test(environmentName)) {
    throw new AppPackageError([`"${environmentName}" is not an environment name (letters, digits, - and _ only)`]);
  }
  const file = join(root, 'env', `.env.${environmentName}`);
  if (!existsSync(file)) throw new AppPackageError([`env/.env.${environmentName} does not exist`]);
  const fromFile = parseEnvFile(readFileSync(file, 'utf8'));
  const overrides = Object.fromEntries(Object.entries(env).filter(([key, value]) => key in VARIABLES && (value ?? '').trim() !== ''));
  return { ...fromFile, ...overrides };
}

/** The values for the manifest, or an error naming each one that is missing or malformed. */
export function packageValues(env: Record<string, string | undefined>): PackageValues {
  const problems: string[] = [];
  const read = (name: keyof typeof VARIABLES, required: boolean): string | undefined => {
    const value = (env[name] ?? '').trim();
    if (value === '') {
      if (required) problems.push(`${name} is missing: set it in the environment or in env/.env.<name>`);
      return undefined;
    }
    const checked = VARIABLES[name].safeParse(value);
    if (!checked.success) problems.push(`${name} ${checked.error.issues[0]?.message ?? 'is not valid'}`);
    return value;
  };
  const teamsAppId = read('TEAMS_APP_ID', true);
  const botId = read('BOT_ID', true);
  // The personal tabs load from TAB_DOMAIN and sign in with TAB_CLIENT_ID's app registration.
  const tabClientId = read('TAB_CLIENT_ID', true);
  const tabDomain = read('TAB_DOMAIN', true);
  if (problems.length > 0) throw new AppPackageError(problems);
  return {
    teamsAppId: teamsAppId!.toLowerCase(),
    botId: botId!.toLowerCase(),
    tab: { clientId: tabClientId!.toLowerCase(), domain: tabDomain!.toLowerCase() },
  };
}
