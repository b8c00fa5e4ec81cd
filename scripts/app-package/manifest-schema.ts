import { AppManifestUtils } from '@microsoft/app-manifest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

type Json = Record<string, unknown>;

/** The Teams JSON schemas bundled in @microsoft/app-manifest: checks run offline. */
function schemaFolder(manifestVersion: string): string {
  const root = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return join(root, 'build', 'json-schemas', 'teams', `v${manifestVersion}`);
}

/**
 * Every bundled localization schema (1.19 up to devPreview) has two activityTypes patterns with
 * an unescaped `]` (`...\b]\.description`), which ajv's unicode-mode RegExp rejects, so the schema would not
 * compile at all. Escaping that bracket keeps the pattern's meaning; no other key changes.
 */
function repairedPatterns(schema: Json): Json {
  const patterns = (schema.patternProperties ?? {}) as Json;
  const repaired = Object.fromEntries(Object.entries(patterns).map(([key, value]) => [key.replaceAll('\\b]', '\\b\\]'), value]));
  return { ...schema, patternProperties: repaired };
}

async function problemsAgainst(document: Json, manifestVersion: string, schemaFile: string): Promise<string[]> {
  const schema = repairedPatterns(JSON.parse(readFileSync(join(schemaFolder(manifestVersion), schemaFile), 'utf8')) as Json);
  // The validator is typed for manifests; the localization file is validated the same way.
  type Manifest = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];
  type Schema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;
  return AppManifestUtils.validateAgainstSchema(document as unknown as Manifest, schema as unknown as Schema);
}

/** Where the manifest breaks the schema of its own `manifestVersion`; empty when it is valid. */
export function manifestProblems(manifest: Json): Promise<string[]> {
  return problemsAgainst(manifest, String(manifest.manifestVersion), 'MicrosoftTeams.schema.json');
}

/** Where a localization file breaks the localization schema of the manifest's version. */
export function localizationProblems(localization: Json, manifestVersion: string): Promise<string[]> {
  return problemsAgainst(localization, manifestVersion, 'MicrosoftTeams.Localization.schema.json');
}
