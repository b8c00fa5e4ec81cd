/**
 * The Teams app package, checked offline: both JSON files against the schemas bundled in
 * @microsoft/app-manifest, the icons' sizes and colours, and the commands against the bot's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Commands, KNOWN_COMMANDS, parseCommand } from '../../cards/commands';
import { localizationProblems, manifestProblems } from '../../scripts/app-package/manifest-schema';
import { pngHeader, pngRgba } from './png';

// @microsoft/app-manifest requires strip-bom, an ES module that jest's CommonJS runtime cannot
// load on Node 20. Only its file readers use it, and these tests read the files themselves.
jest.mock('strip-bom', () => (text: string) => text.replace(/^\uFEFF/, ''));

const appPackage = join(__dirname, '..', '..', 'appPackage');

const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

/** Fills the Teams Toolkit placeholders as the toolkit would when it packages the app. */
function substituted(path: string): Record<string, unknown> {
  const values: Record<string, string> = {
    TEAMS_APP_ID: '4b1d2c6e-3f5a-4e1b-9c7d-0a2b3c4d5e6f',
    BOT_ID: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
    TAB_CLIENT_ID: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    TAB_DOMAIN: 'hwc.example.org',
  };
  const text = readFileSync(path, 'utf8').replace(/\$\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (!value) throw new Error(`no test value for placeholder ${name}`);
    return value;
  });
  return JSON.parse(text) as Record<string, unknown>;
}

/** The manifest is checked against the schema of its `manifestVersion`, 1.19; the localization too. */
async function schemaProblems(document: Record<string, unknown>, schemaFile: 'MicrosoftTeams.schema.json' | 'MicrosoftTeams.Localization.schema.json'): Promise<string[]> {
  return schemaFile === 'MicrosoftTeams.schema.json' ? manifestProblems(document) : localizationProblems(document, '1.19');
}

interface CommandList {
  scopes: string[];
  commands: Array<{ title: string; description: string }>;
}

const manifest = substituted(join(appPackage, 'manifest.json'));
const english = readJson(join(appPackage, 'en.json'));
const bot = (manifest.bots as Array<{ scopes: string[]; commandLists: CommandList[]; supportsFiles: boolean }>)[0]!;
const dutchCommands = bot.commandLists.flatMap((list) => list.commands);
const englishTitles = Object.entries(english)
  .filter(([key]) => /^bots\[0\]\.commandLists\[\d\]\.commands\[\d\]\.title$/.test(key))
  .map(([, title]) => String(title));

describe('the Teams app package', () => {
  it('has a manifest valid against the Teams 1.19 schema once the placeholders are filled', async () => {
    expect(manifest.manifestVersion).toBe('1.19');
    expect(manifest.$schema).toBe('https://developer.microsoft.com/en-us/json-schemas/teams/v1.19/MicrosoftTeams.schema.json');
    expect(await schemaProblems(manifest, 'MicrosoftTeams.schema.json')).toEqual([]);
  });

  it('fails validation as shipped only because of the placeholders, which the toolkit fills', async () => {
    const raw = readJson(join(appPackage, 'manifest.json'));

    expect(raw.id).toBe('${{TEAMS_APP_ID}}');
    const problems = await schemaProblems(raw, 'MicrosoftTeams.schema.json');
    expect(problems.filter((p) => !/^\/(id|bots\/0\/botId|webApplicationInfo\/id|validDomains\/0) /.test(p))).toEqual([]);
  });

  it('has an English localization valid against the localization schema', async () => {
    expect(await schemaProblems(english, 'MicrosoftTeams.Localization.schema.json')).toEqual([]);
  });

  it('would notice a broken file: the validators are live, not vacuous', async () => {
    const tooLong = { ...english, 'bots[0].commandLists[0].commands[0].title': 'x'.repeat(33), 'name.shortt': 'typo' };
    const noBot = { ...manifest, bots: [{ ...bot, botId: 'not-a-guid' }] };

    expect(await schemaProblems(tooLong, 'MicrosoftTeams.Localization.schema.json')).toHaveLength(2);
    expect(await schemaProblems(noBot, 'MicrosoftTeams.schema.json')).toEqual([expect.stringMatching(/^\/bots\/0\/botId /)]);
  });

  it('is Dutch by default with English as the one other language', () => {
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'nl',
      additionalLanguages: [{ languageTag: 'en', file: 'en.json' }],
    });
  });

  it('localizes only what exists in the manifest', () => {
    for (const key of Object.keys(english).filter((k) => k.startsWith('bots['))) {
      const path = key.replace(/\[(\d+)\]/g, '.$1').split('.');
      const found = path.reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], manifest);
      expect({ key, found: typeof found }).toEqual({ key, found: 'string' });
    }
  });

  it('has the personal tabs Beheer, Overzicht and Kaarten (Admin, Overview, Cards), served from the bot\'s own domain with Teams SSO', () => {
    const tabs = manifest.staticTabs as Array<{ entityId: string; name: string; contentUrl: string; scopes: string[] }>;
    expect(tabs.map((t) => [t.entityId, t.name, t.contentUrl, t.scopes])).toEqual([
      ['beheer', 'Beheer', 'https://hwc.example.org/tab/?page=beheer', ['personal']],
      ['overzicht', 'Overzicht', 'https://hwc.example.org/tab/?page=overzicht', ['personal']],
      ['kaarten', 'Kaarten', 'https://hwc.example.org/tab/?page=kaarten', ['personal']],
    ]);
    expect([english['staticTabs[0].name'], english['staticTabs[1].name'], english['staticTabs[2].name']]).toEqual(['Admin', 'Overview', 'Cards']);
    expect(manifest.validDomains).toEqual(['hwc.example.org']);
    // The SSO token's audience is the tab's own app registration (HWC_TAB_CLIENT_ID).
    expect(manifest.webApplicationInfo).toEqual({ id: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b', resource: 'api://hwc.example.org/6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b' });
  });

  it('is a personal bot that takes no files', () => {
    expect(bot.scopes).toEqual(['personal']);
    expect(bot.supportsFiles).toBe(false);
    expect(bot.commandLists.map((l) => l.scopes)).toEqual([['personal']]);
  });

  it('offers signaal, status, help, audit and overzicht, each a command the bot knows', () => {
    expect(dutchCommands.map((c) => c.title)).toEqual(['signaal', 'status', 'help', 'audit', 'overzicht']);
    for (const { title } of dutchCommands) expect(KNOWN_COMMANDS).toContain(title);
  });

  it('offers in English the same commands, in the same order, also known to the bot', () => {
    expect(englishTitles).toHaveLength(dutchCommands.length);
    for (const title of englishTitles) expect(KNOWN_COMMANDS).toContain(title);
    expect(englishTitles.map(parseCommand)).toEqual(dutchCommands.map((c) => parseCommand(c.title)));
    expect(new Set(englishTitles.map(parseCommand))).toEqual(new Set(Object.keys(Commands)));
  });

  it('has a 192×192 colour icon and a 32×32 outline icon', () => {
    const icons = manifest.icons as { color: string; outline: string };

    expect(pngHeader(readFileSync(join(appPackage, icons.color)))).toMatchObject({ width: 192, height: 192 });
    expect(pngHeader(readFileSync(join(appPackage, icons.outline)))).toMatchObject({ width: 32, height: 32 });
  });

  it('has an outline icon that is white on transparent, as Teams requires', () => {
    const pixels = pngRgba(readFileSync(join(appPackage, 'outline.png')));
    let drawn = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i + 3] === 0) continue;
      drawn++;
      expect([pixels[i], pixels[i + 1], pixels[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(drawn).toBeGreaterThan(0);
  });

  it('paints the colour icon on the accent colour', () => {
    const pixels = pngRgba(readFileSync(join(appPackage, 'color.png')));
    const corner = `#${[pixels[0], pixels[1], pixels[2]].map((v) => v!.toString(16).padStart(2, '0')).join('')}`;

    expect(corner.toUpperCase()).toBe(String(manifest.accentColor).toUpperCase());
  });
});
