/**
 * `npm run package`: the Teams app package built from the environment, unzipped and validated
 * again against the schemas bundled in @microsoft/app-manifest.
 */
import { unzipSync } from 'fflate';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../scripts/package-app';
import { APP_PACKAGE_ZIP, buildAppPackage } from '../../scripts/app-package/build-app-package';
import { localizationProblems, manifestProblems } from '../../scripts/app-package/manifest-schema';
import { AppPackageError, packageValues } from '../../scripts/app-package/package-values';

// @microsoft/app-manifest requires strip-bom, an ES module that jest's CommonJS runtime cannot
// load on Node 20. Only its file readers use it; the packager reads the files itself.
jest.mock('strip-bom', () => (text: string) => text.replace(/^\uFEFF/, ''));

const source = join(__dirname, '..', '..', 'appPackage');
const TEAMS_APP_ID = '4b1d2c6e-3f5a-4e1b-9c7d-0a2b3c4d5e6f';
const BOT_ID = '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
const TAB_CLIENT_ID = '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5';
const TAB_DOMAIN = 'hwc-prod.azurewebsites.net';
const TAB = { TAB_CLIENT_ID, TAB_DOMAIN };

type Json = Record<string, unknown>;

let root: string;
let stderr: string;

/** A repository root of its own for each test: a copy of appPackage/, nothing built yet. */
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'hwc-package-'));
  cpSync(source, join(root, 'appPackage'), { recursive: true, filter: (path) => !path.includes(`${join('appPackage', 'build')}`) });
  stderr = '';
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
});

afterEach(() => {
  jest.restoreAllMocks();
  rmSync(root, { recursive: true, force: true });
});

function unzipped(): Record<string, Uint8Array> {
  return unzipSync(readFileSync(join(root, APP_PACKAGE_ZIP)));
}

const json = (bytes: Uint8Array | undefined): Json => JSON.parse(Buffer.from(bytes!).toString('utf8')) as Json;

describe('npm run package', () => {
  it('writes the manifest with the app and bot ids filled, both icons and the English localization, valid again once unzipped', async () => {
    expect(await main([], { TEAMS_APP_ID, BOT_ID, ...TAB }, root)).toBe(0);

    const files = unzipped();
    expect(Object.keys(files).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
    const manifest = json(files['manifest.json']);
    expect(manifest.id).toBe(TEAMS_APP_ID);
    expect((manifest.bots as Array<{ botId: string }>)[0]!.botId).toBe(BOT_ID);
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(await manifestProblems(manifest)).toEqual([]);
    expect(await localizationProblems(json(files['en.json']), '1.19')).toEqual([]);
    for (const file of ['color.png', 'outline.png', 'en.json']) {
      expect(Buffer.from(files[file]!).equals(readFileSync(join(source, file)))).toBe(true);
    }
  });

  it("fills the tab's client id and domain for its single sign-on, still valid", async () => {
    expect(await main([], { TEAMS_APP_ID, BOT_ID, ...TAB }, root)).toBe(0);

    const manifest = json(unzipped()['manifest.json']);
    expect(manifest.webApplicationInfo).toEqual({ id: TAB_CLIENT_ID, resource: `api://hwc-prod.azurewebsites.net/${TAB_CLIENT_ID}` });
    expect(manifest.validDomains).toEqual(['hwc-prod.azurewebsites.net']);
    expect((manifest.staticTabs as Array<{ contentUrl: string }>).map((t) => t.contentUrl)).toEqual([
      'https://hwc-prod.azurewebsites.net/tab/?page=beheer',
      'https://hwc-prod.azurewebsites.net/tab/?page=overzicht',
      'https://hwc-prod.azurewebsites.net/tab/?page=kaarten',
    ]);
    expect(await manifestProblems(manifest)).toEqual([]);
  });

  it('reads env/.env.<name>, a variable set in the environment winning over the file', async () => {
    mkdirSync(join(root, 'env'));
    writeFileSync(join(root, 'env', '.env.prod'), `# Teams app\nTEAMS_APP_ID=${TEAMS_APP_ID}\nBOT_ID="00000000-0000-4000-8000-000000000000"\n`);

    expect(await main(['prod'], { BOT_ID, ...TAB, UNRELATED: 'x' }, root)).toBe(0);

    const manifest = json(unzipped()['manifest.json']);
    expect(manifest.id).toBe(TEAMS_APP_ID);
    expect((manifest.bots as Array<{ botId: string }>)[0]!.botId).toBe(BOT_ID);
  });

  it('refuses to package without TEAMS_APP_ID, BOT_ID, TAB_CLIENT_ID and TAB_DOMAIN, naming each, and writes nothing', async () => {
    expect(await main([], {}, root)).toBe(1);

    for (const name of ['TEAMS_APP_ID', 'BOT_ID', 'TAB_CLIENT_ID', 'TAB_DOMAIN']) expect(stderr).toMatch(new RegExp(`${name} is missing`));
    expect(existsSync(join(root, APP_PACKAGE_ZIP))).toBe(false);
  });

  it('names a value that is not a GUID or a host name, and a tab value that is missing', () => {
    const problemsOf = (env: Record<string, string>) => {
      try {
        packageValues(env);
      } catch (error) {
        if (error instanceof AppPackageError) return error.problems;
        throw error;
      }
      throw new Error('the values were accepted');
    };

    expect(problemsOf({ TEAMS_APP_ID: 'hwc', BOT_ID, TAB_DOMAIN: 'https://hwc.example.nl/tab' })).toEqual([
      'TEAMS_APP_ID must be a GUID',
      expect.stringMatching(/^TAB_CLIENT_ID is missing/),
      expect.stringMatching(/^TAB_DOMAIN must be a host name/),
    ]);
  });

  it('names an environment file that does not exist', async () => {
    expect(await main(['staging'], { TEAMS_APP_ID, BOT_ID, ...TAB }, root)).toBe(1);

    expect(stderr).toMatch(/env\/\.env\.staging does not exist/);
  });

  it('validates before it zips: a manifest or localization the schema refuses is never written', async () => {
    const en = JSON.parse(readFileSync(join(root, 'appPackage', 'en.json'), 'utf8')) as Json;
    writeFileSync(join(root, 'appPackage', 'en.json'), JSON.stringify({ ...en, 'name.short': 'x'.repeat(31) }));
    const manifest = JSON.parse(readFileSync(join(root, 'appPackage', 'manifest.json'), 'utf8')) as Json;
    writeFileSync(join(root, 'appPackage', 'manifest.json'), JSON.stringify({ ...manifest, accentColor: 'teal' }));

    expect(await main([], { TEAMS_APP_ID, BOT_ID, ...TAB }, root)).toBe(1);

    expect(stderr).toMatch(/manifest\.json: \/accentColor /);
    expect(stderr).toMatch(/en\.json: .*name\.short/);
    expect(existsSync(join(root, APP_PACKAGE_ZIP))).toBe(false);
  });

  it('refuses a placeholder in the manifest that nothing fills', async () => {
    const template = readFileSync(join(root, 'appPackage', 'manifest.json'), 'utf8');
    writeFileSync(join(root, 'appPackage', 'manifest.json'), template.replace('"1.0.0"', '"${{APP_VERSION}}"'));

    await expect(buildAppPackage(join(root, 'appPackage'), { teamsAppId: TEAMS_APP_ID, botId: BOT_ID, tab: { clientId: TAB_CLIENT_ID, domain: TAB_DOMAIN } })).rejects.toThrow(/placeholder APP_VERSION/);
  });

  it('gives the same bytes for the same inputs, so a package can be compared with the one uploaded', async () => {
    const values = { teamsAppId: TEAMS_APP_ID, botId: BOT_ID, tab: { clientId: TAB_CLIENT_ID, domain: TAB_DOMAIN } };

    const first = await buildAppPackage(join(root, 'appPackage'), values);
    const second = await buildAppPackage(join(root, 'appPackage'), values);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });
});
