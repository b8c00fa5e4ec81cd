import { zipSync, type Zippable } from 'fflate';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { localizationProblems, manifestProblems } from './manifest-schema';
import { AppPackageError, type PackageValues } from './package-values';

type Json = Record<string, unknown>;

/** Where `npm run package` writes the package, under the repository root. */
export const APP_PACKAGE_ZIP = join('appPackage', 'build', 'handle-with-care.zip');

/**
 * A fixed time for every entry, so the same inputs give the same bytes (a package can be compared
 * with the one uploaded). Zip stores local time from 1980 on; any fixed date would do.
 */
const ENTRY_TIME = new Date(2026, 0, 1);

/** The manifest with its `${{NAME}}` placeholders filled (the tab's single sign-on among them). */
export function filledManifest(template: string, values: PackageValues): Json {
  const byName: Record<string, string> = {
    TEAMS_APP_ID: values.teamsAppId,
    BOT_ID: values.botId,
    TAB_CLIENT_ID: values.tab.clientId,
    TAB_DOMAIN: values.tab.domain,
  };
  const unknown: string[] = [];
  const text = template.replace(/\$\{\{\s*(\w+)\s*\}\}/g, (placeholder, name: string) => {
    const value = byName[name];
    if (value === undefined) unknown.push(`appPackage/manifest.json has a placeholder ${name} that nothing fills`);
    return value ?? placeholder;
  });
  if (unknown.length > 0) throw new AppPackageError(unknown);
  return JSON.parse(text) as Json;
}

/** The files the manifest names beside itself: both icons and every localization. */
function companionFiles(manifest: Json): { icons: string[]; localizations: string[] } {
  const icons = manifest.icons as { color: string; outline: string };
  const languages = ((manifest.localizationInfo as { additionalLanguages?: Array<{ file: string }> } | undefined)?.additionalLanguages ?? []).map((l) => l.file);
  return { icons: [icons.color, icons.outline], localizations: languages };
}

/**
 * The app package as zip bytes: the filled manifest, its icons and localizations at the root.
 * Everything is validated against the bundled Teams schemas first; nothing invalid is zipped.
 */
export async function buildAppPackage(appPackageDir: string, values: PackageValues): Promise<Uint8Array> {
  const manifest = filledManifest(readFileSync(join(appPackageDir, 'manifest.json'), 'utf8'), values);
  const manifestVersion = String(manifest.manifestVersion);
  const problems = (await manifestProblems(manifest)).map((p) => `manifest.json: ${p}`);
  const { icons, localizations } = companionFiles(manifest);
  const entries: Zippable = { 'manifest.json': new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`) };
  for (const file of localizations) {
    const bytes = readFileSync(join(appPackageDir, file));
    const localization = JSON.parse(bytes.toString('utf8')) as Json;
    problems.push(...(await localizationProblems(localization, manifestVersion)).map((p) => `${file}: ${p}`));
    entries[file] = bytes;
  }
  for (const file of icons) entries[file] = readFileSync(join(appPackageDir, file));
  if (problems.length > 0) throw new AppPackageError(problems);
  return zipSync(entries, { level: 9, mtime: ENTRY_TIME });
}

/** Builds the package from `root`/appPackage and writes it to `root`/appPackage/build; returns its path. */
export async function writeAppPackage(root: string, values: PackageValues): Promise<string> {
  const zip = await buildAppPackage(join(root, 'appPackage'), values);
  const target = join(root, APP_PACKAGE_ZIP);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, zip);
  return target;
}
