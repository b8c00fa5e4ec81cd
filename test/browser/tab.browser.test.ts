/**
 * The tab in Chromium, inside a same-origin Teams stand-in: what a manager, an admin and a school
 * contact see, a live theme switch, the page outside Teams, and axe-core's accessibility check.
 * Needs Debian's chromium (/usr/bin/chromium); run with `npm run test:browser`.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { createStores } from '../../src/store/create-stores';
import { aSignal, deliveredToAll, PRIMARY } from '../fixtures/signals';
import { acknowledge, recordSupport, type Signal } from '../../src/domain/signal';
import { PRIMARY_CONTACT_ID } from '../fixtures/directory';
import { EntraTestServer, TAB_CLIENT_ID, TENANT } from '../support/entra-test-server';
import { FixedClock } from '../support/fixed-clock';
import { startBot, writeDirectoryFile, type RunningBot } from '../support/running-bot';
import { ADMIN_ID, MANAGER_ID, STRANGER_ID, tabDirectory } from '../support/tab-directory';
import { cardCatalog } from '../../cards/card-catalog';
import { teamsTestHostPage, type HostOptions } from '../../scripts/dev/teams-host-page';

const NOW = new Date('2026-03-10T08:00:00.000Z');
const OUTPUT = join(__dirname, '..', '..', 'test-output', 'browser');
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const HOUR = 3_600_000;

/** A signal to `schoolId` issued at `at`, delivered, and (when `supported`) seen and supported within hours. */
function aHandledSignal(schoolId: string, at: Date, supported: boolean): Signal {
  const issued = aSignal({ target: { route: 'direct', schoolId, contacts: [{ ...PRIMARY, rank: 'primary' }] }, now: at });
  const delivered = deliveredToAll(issued, new Date(at.getTime() + HOUR));
  if (!supported) return delivered;
  const seen = acknowledge(delivered, PRIMARY, new Date(at.getTime() + 2 * HOUR));
  return recordSupport(seen, PRIMARY, { categories: ['listening_ear'], priorConcern: 'no' }, new Date(at.getTime() + 5 * HOUR));
}

/**
 * A year of signals in the manager's municipality, a varying share supported within 48 hours; last
 * week (W10) 5, 1 and 2 signals at three schools, so the per-school table shows "<3".
 */
async function seed(sqlitePath: string): Promise<void> {
  const stores = await createStores({ kind: 'sqlite', path: sqlitePath }, { auditRetentionDays: 30 });
  const lastWeek = [...Array(5).fill('12AB00'), '34CD01', '56EF02', '56EF02'] as string[];
  for (const [i, schoolId] of lastWeek.entries()) {
    await stores.signals.create(aHandledSignal(schoolId, new Date(Date.UTC(2026, 2, 3, 8, i)), i % 3 !== 2));
  }
  for (let week = 2; week <= 51; week++) {
    if (week % 9 === 4) continue; // a few weeks without signals (holidays)
    const count = 3 + ((week * 7) % 6);
    const supported = Math.round(count * (0.55 + ((week * 13) % 45) / 100));
    for (let i = 0; i < count; i++) {
      await stores.signals.create(aHandledSignal(i % 2 ? '34CD01' : '12AB00', new Date(NOW.getTime() - week * 7 * 86_400_000 + i * HOUR), i < supported));
    }
  }
  await stores.close();
}

describe('the Teams tab in Chromium', () => {
  const entra = new EntraTestServer();
  let bot: RunningBot;
  let base: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    await entra.start();
    const sqlitePath = join(mkdtempSync(join(tmpdir(), 'hwc-tab-')), 'hwc.sqlite');
    await seed(sqlitePath);
    bot = await startBot({
      directoryFile: writeDirectoryFile(tabDirectory()),
      connectorUrl: 'http://127.0.0.1:9/',
      sqlitePath,
      clock: new FixedClock(NOW),
      env: { HWC_TAB_CLIENT_ID: TAB_CLIENT_ID, HWC_ALLOWED_TENANTS: TENANT },
      tabAuthorityForTests: entra.authority,
      tabFrameAncestorsForTests: ["'self'"],
    });
    base = bot.botUrl.replace('/api/messages', '');
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.app.close();
    await entra.stop();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  });
  afterEach(() => page.close());

  /** Opens the tab inside the test host as `oid`, and returns the tab's frame. */
  async function openInTeams(oid: string, over: Partial<HostOptions> = {}): Promise<Frame> {
    const token = entra.sign(entra.claims(oid, NOW.getTime() / 1000));
    const html = teamsTestHostPage({ tabPath: '/tab/?page=overzicht', token, locale: 'nl-NL', theme: 'default', oid, tid: TENANT, ...over });
    await page.route(`${base}/teams-host.html`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
    await page.goto(`${base}/teams-host.html`);
    const handle = await page.waitForSelector('iframe#tab');
    const frame = await handle.contentFrame();
    if (!frame) throw new Error('no tab frame');
    await frame.waitForSelector('main[aria-busy="false"]');
    return frame;
  }

  async function seriousViolations(frame: Frame): Promise<string[]> {
    await frame.evaluate(AXE);
    // Browser-side code as text: this file is typed for Node, not the DOM.
    const violations = (await frame.evaluate(
      'axe.run(document).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })))',
    )) as Array<{ id: string; impact: string; nodes: number }>;
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}, ${v.nodes})`);
  }

  it('shows a manager the 52-week chart and the same numbers as a table, with "<3" for a small count', async () => {
    const frame = await openInTeams(MANAGER_ID);
    await frame.waitForSelector('#school-table');
    expect(await frame.textContent('h2')).toBe('Overzicht 2026-W10 — Heerlen');
    expect(await frame.locator('svg.chart').getAttribute('data-bars')).not.toBe('0');
    expect(await frame.locator('#trend-table tbody tr').count()).toBe(52);
    const rows = await frame.locator('#school-table tbody tr').allTextContents();
    expect(rows.some((row) => row.includes('Het Kompas') && row.includes('<3'))).toBe(true);
    expect(await frame.locator('nav [data-page="directory"]').count()).toBe(0);
    await page.screenshot({ path: join(OUTPUT, 'figures-light.png'), fullPage: true });
    expect(await seriousViolations(frame)).toEqual([]);
  });

  it('lets a manager pick any of the last 52 finished weeks, and export the shown tables as CSV, small counts still suppressed', async () => {
    const frame = await openInTeams(MANAGER_ID);
    await frame.waitForSelector('#school-table');
    const weeks = await frame.locator('#figures-week option').allTextContents();
    expect(weeks).toHaveLength(52);
    expect(weeks[0]).toBe('2026-W10');

    const [schools] = await Promise.all([page.waitForEvent('download'), frame.locator('#export-schools').click()]);
    expect(schools.suggestedFilename()).toBe('handle-with-care-scholen-2026-W10.csv');
    const csv = readFileSync(await schools.path(), 'utf8');
    expect(csv.startsWith('\uFEFFSchool;Signalen;Gezien;')).toBe(true);
    expect(csv.split('\r\n').some((line) => line.startsWith('Het Kompas;') && line.includes('<3'))).toBe(true);

    await frame.selectOption('#figures-week', '2026-W05');
    await frame.locator('h2', { hasText: 'Overzicht 2026-W05 — Heerlen' }).waitFor();
    expect(await frame.inputValue('#figures-week')).toBe('2026-W05');
    const [trend] = await Promise.all([page.waitForEvent('download'), frame.locator('#export-trend').click()]);
    const trendLines = readFileSync(await trend.path(), 'utf8').trim().split('\r\n');
    expect(trendLines).toHaveLength(53);
    expect(trendLines.at(-1)?.startsWith('2026-W05;')).toBe(true);
  });

  it('redraws in Teams’ dark theme when the person switches theme', async () => {
    const frame = await openInTeams(MANAGER_ID);
    await frame.waitForSelector('svg.chart[data-theme="default"]');
    await page.evaluate("setTeamsTheme('dark')");
    await frame.waitForSelector('svg.chart[data-theme="dark"]');
    expect(await frame.evaluate('document.documentElement.dataset.theme')).toBe('dark');
    const background = await frame.evaluate('getComputedStyle(document.body).backgroundColor');
    expect(background).toBe('rgb(31, 31, 31)');
    await page.screenshot({ path: join(OUTPUT, 'figures-dark.png'), fullPage: true });
    expect(await seriousViolations(frame)).toEqual([]);
  });

  it('follows the high-contrast theme too', async () => {
    const frame = await openInTeams(MANAGER_ID, { theme: 'contrast' });
    await frame.waitForSelector('svg.chart[data-theme="contrast"]');
    await page.screenshot({ path: join(OUTPUT, 'figures-contrast.png'), fullPage: true });
    expect(await seriousViolations(frame)).toEqual([]);
  });

  it('shows an admin the directory read only, searchable, with members not yet reachable', async () => {
    const frame = await openInTeams(ADMIN_ID, { tabPath: '/tab/?page=beheer' });
    await frame.waitForSelector('#directory-results table');
    expect(await frame.textContent('h2')).toBe('Adresboek');
    expect(await frame.textContent('.notice')).toContain('alleen bekijken');
    expect(await frame.textContent('#directory-results')).toContain('nog niet bereikbaar');
    await page.screenshot({ path: join(OUTPUT, 'directory.png'), fullPage: true });
    await frame.locator('#directory-search input').fill('kompas');
    await frame.waitForFunction("document.querySelectorAll('#directory-results table').length === 1");
    expect(await frame.locator('#directory-results table tbody tr').allTextContents()).toEqual([expect.stringContaining('Het Kompas')]);
    expect(await seriousViolations(frame)).toEqual([]);
  });

  it('speaks English in an English Teams', async () => {
    const frame = await openInTeams(ADMIN_ID, { tabPath: '/tab/?page=beheer', locale: 'en-GB' });
    await frame.waitForSelector('#directory-results table');
    expect(await frame.textContent('h2')).toBe('Directory');
    expect(await frame.evaluate('document.documentElement.lang')).toBe('en');
  });

  it('shows a school contact no admin page and no figures, only the card previews', async () => {
    const frame = await openInTeams(PRIMARY_CONTACT_ID, { tabPath: '/tab/?page=beheer' });
    await frame.waitForSelector('#card-previews .card-preview');
    expect(await frame.locator('nav [data-page]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-page')))).toEqual(['cards']);
    expect(await frame.locator('#directory-results, #school-table').count()).toBe(0);
  });

  it('shows someone without a role only a short explanation', async () => {
    const frame = await openInTeams(STRANGER_ID, { tabPath: '/tab/?page=beheer' });
    await frame.waitForSelector('#no-role');
    expect(await frame.locator('nav').count()).toBe(0);
    expect(await frame.locator('table').count()).toBe(0);
    await page.screenshot({ path: join(OUTPUT, 'no-role.png'), fullPage: true });
    expect(await seriousViolations(frame)).toEqual([]);
  });

  it('draws every card the bot sends with the adaptivecards SDK, in Dutch and in English, and filters them by role', async () => {
    const frame = await openInTeams(PRIMARY_CONTACT_ID, { tabPath: '/tab/?page=kaarten' });
    const total = cardCatalog('nl').length;
    // The page's CSP forbids eval, so the waits are on selectors and texts, not on functions.
    await frame.locator('#card-previews > .note', { hasText: `${total} van ${total} kaarten` }).waitFor();
    expect(await frame.locator('#card-previews .card-preview .ac-adaptiveCard').count()).toBe(total);
    expect(await frame.locator('#card-previews [role="alert"]').count()).toBe(0);
    expect(await frame.textContent('[data-card="contact-signal"] .ac-host')).toContain('Handle with Care');
    // The cards' **bold** is drawn bold, as in Teams, not shown with its asterisks.
    expect(await frame.locator('[data-card="signal-form"] .ac-host strong').allTextContents()).toContain('Nog een kind');
    expect(await frame.textContent('[data-card="signal-form"] .ac-host')).not.toContain('**');
    await page.screenshot({ path: join(OUTPUT, 'cards-nl.png'), fullPage: false });
    expect(await seriousViolations(frame)).toEqual([]);

    await frame.locator('[data-locale="en"]').click();
    const englishTitle = cardCatalog('en').find((c) => c.id === 'contact-signal')!.title;
    // The cards change language; the page around them stays in Teams' language.
    await frame.locator('#card-contact-signal', { hasText: englishTitle }).waitFor();
    expect(await frame.locator('#card-previews .ac-adaptiveCard').count()).toBe(total);
    expect(await frame.getAttribute('[data-card="contact-signal"] .ac-host', 'lang')).toBe('en');

    await frame.selectOption('#card-audience', 'leerplicht');
    const forLeerplicht = cardCatalog('en').filter((c) => c.audience === 'leerplicht').map((c) => c.id);
    await frame.locator('#card-previews > .note', { hasText: `${forLeerplicht.length} van ${total} kaarten` }).waitFor();
    expect(await frame.locator('#card-previews .card-preview').evaluateAll((sections) => sections.map((s) => s.getAttribute('data-card')))).toEqual(forLeerplicht);
  });

  it('says plainly outside Teams that it must be opened in Teams', async () => {
    await page.goto(`${base}/tab/`);
    await page.waitForSelector('#outside-teams');
    expect(await page.textContent('#outside-teams')).toMatch(/only works in Microsoft Teams|werkt alleen in Microsoft Teams/);
    await page.screenshot({ path: join(OUTPUT, 'outside-teams.png') });
  });
});
