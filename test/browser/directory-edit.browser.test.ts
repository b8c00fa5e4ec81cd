/**
 * An admin keeps the directory in the tab, in Chromium inside the Teams stand-in: the store is the
 * truth (no directory file). A bad entry is shown with its problems at the fields and changes
 * nothing; a new contact saved in the form gets the next signal for their school; a member added
 * by e-mail address alone waits, listed as not yet reachable.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { teamsTestHostPage } from '../../scripts/dev/teams-host-page';
import { SCHOOL_ID, VT_WORKER_ID, memberId } from '../fixtures/directory';
import { visibleText } from '../support/card-query';
import { EntraTestServer, TAB_CLIENT_ID, TENANT } from '../support/entra-test-server';
import { FakeBotConnector } from '../support/fake-bot-connector';
import { startBot, type RunningBot } from '../support/running-bot';
import { ADMIN_ID, sqliteWithTabDirectory } from '../support/tab-directory';
import { TENANT_ID as TEAMS_TENANT, TeamsUser } from '../support/teams-user';

const OUTPUT = join(__dirname, '..', '..', 'test-output', 'browser');
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const NEW_CONTACT_ID = memberId(60);
const CSV_CONTACT_ID = memberId(61);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

describe('the tab in Chromium: an admin edits the directory', () => {
  const entra = new EntraTestServer();
  const connector = new FakeBotConnector();
  let bot: RunningBot;
  let base: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    await entra.start();
    await connector.start();
    const sqlitePath = await sqliteWithTabDirectory();
    bot = await startBot({
      connectorUrl: connector.url,
      sqlitePath,
      env: { HWC_TAB_CLIENT_ID: TAB_CLIENT_ID, HWC_ALLOWED_TENANTS: `${TENANT},${TEAMS_TENANT}`, HWC_QUIET_TIME: 'off' },
      tabAuthorityForTests: entra.authority,
      tabFrameAncestorsForTests: ["'self'"],
    });
    base = bot.botUrl.replace('/api/messages', '');
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
    page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.app.close();
    await connector.stop();
    await entra.stop();
  });

  async function seriousViolations(frame: Frame): Promise<string[]> {
    await frame.evaluate(AXE);
    const violations = (await frame.evaluate('axe.run(document).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })))')) as Array<{ id: string; impact: string; nodes: number }>;
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}, ${v.nodes})`);
  }

  async function openAsAdmin(): Promise<Frame> {
    const token = entra.sign(entra.claims(ADMIN_ID, Math.floor(Date.now() / 1000)));
    const html = teamsTestHostPage({ tabPath: '/tab/?page=beheer', token, locale: 'nl-NL', theme: 'default', oid: ADMIN_ID, tid: TENANT });
    await page.route(`${base}/teams-host.html`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
    await page.goto(`${base}/teams-host.html`);
    const frame = await (await page.waitForSelector('iframe#tab')).contentFrame();
    if (!frame) throw new Error('no tab frame');
    await frame.waitForSelector('#directory-results table');
    return frame;
  }

  it('shows the problems of a bad entry at its fields, then saves a new contact who gets the next signal for the school', async () => {
    const frame = await openAsAdmin();
    expect(await frame.locator('#directory-warnings li').count()).toBeGreaterThan(0);

    await frame.locator('[data-add="members"]').click();
    await frame.fill('#field-aadObjectId', 'not-a-guid');
    await frame.fill('#field-name', 'Noor Nieuw');
    await frame.locator('#directory-form button', { hasText: 'Rol toevoegen' }).click();
    await frame.fill('#role-0-scope', SCHOOL_ID);
    await frame.locator('#directory-form button[type="submit"]').click();
    // In Dutch, saying what the field takes (the server's schema speaks English).
    await frame.locator('#field-aadObjectId-error', { hasText: 'Het Entra object-id van de persoon' }).waitFor();
    await page.screenshot({ path: join(OUTPUT, 'directory-edit-problem.png'), fullPage: true });
    expect(await seriousViolations(frame)).toEqual([]);
    expect(await frame.locator('#directory-results tr[data-id="not-a-guid"]').count()).toBe(0);

    await frame.fill('#field-aadObjectId', NEW_CONTACT_ID);
    await frame.locator('#directory-form button[type="submit"]').click();
    await frame.locator('#directory-status', { hasText: 'Opgeslagen' }).waitFor();
    await frame.locator(`#directory-results tr[data-id="${NEW_CONTACT_ID}"]`, { hasText: 'nog niet bereikbaar' }).waitFor();
    await page.screenshot({ path: join(OUTPUT, 'directory-edit-saved.png'), fullPage: true });

    // Removing asks on the page (no browser dialog, which Teams may block), then removes.
    await frame.locator(`#directory-results tr[data-id="${NEW_CONTACT_ID}"] button`, { hasText: 'Verwijderen' }).click();
    await frame.locator('#directory-status', { hasText: 'Noor Nieuw verwijderen' }).waitFor();
    await frame.locator('#confirm-remove').click();
    await frame.locator('#directory-status', { hasText: 'Verwijderd' }).waitFor();
    expect(await frame.locator(`#directory-results tr[data-id="${NEW_CONTACT_ID}"]`).count()).toBe(0);
    // Added again for what follows.
    await frame.locator('[data-add="members"]').click();
    await frame.fill('#field-aadObjectId', NEW_CONTACT_ID);
    await frame.fill('#field-name', 'Noor Nieuw');
    await frame.locator('#directory-form button', { hasText: 'Rol toevoegen' }).click();
    await frame.fill('#role-0-scope', SCHOOL_ID);
    await frame.locator('#directory-form button[type="submit"]').click();
    await frame.locator(`#directory-results tr[data-id="${NEW_CONTACT_ID}"]`).waitFor();

    const noor = new TeamsUser(bot.botUrl, connector.url, NEW_CONTACT_ID, 'Noor Nieuw');
    await noor.install();
    const wendy = new TeamsUser(bot.botUrl, connector.url, VT_WORKER_ID, 'Wendy Veilig');
    expect((await wendy.press('signal.submit', { children: 1, firstName_0: 'Lotte', lastName_0: 'Vos', birthDate_0: '2015-02-03', schoolId_0: SCHOOL_ID })).status).toBe(200);
    const card = await connector.waitFor(
      (c) => c.method === 'send' && c.conversationId === noor.conversationId && visibleText((c.body.attachments as Array<{ content: unknown }>)[0]?.content).includes('HWC-'),
      "the signal on the new contact's card",
    );
    expect(visibleText((card.body.attachments as Array<{ content: unknown }>)[0]?.content)).toContain('Lotte Vos');
  });

  it('adds a member by e-mail address alone (object id left empty): listed as not yet reachable, and removed again from the page', async () => {
    const frame = await openAsAdmin();
    await frame.locator('[data-add="members"]').click();
    await frame.fill('#field-name', 'Jan de Vries');
    await frame.fill('#field-email', 'Jan.deVries@school.example');
    await frame.locator('#directory-form button', { hasText: 'Rol toevoegen' }).click();
    await frame.fill('#role-0-scope', SCHOOL_ID);
    await frame.locator('#directory-form button[type="submit"]').click();
    await frame.locator('#directory-status', { hasText: 'Opgeslagen' }).waitFor();
    const row = frame.locator('#directory-results tr[data-id="upn:jan.devries@school.example"]', { hasText: 'nog niet bereikbaar' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Jan.deVries@school.example');

    await row.locator('button', { hasText: 'Verwijderen' }).click();
    await frame.locator('#confirm-remove').click();
    await frame.locator('#directory-status', { hasText: 'Verwijderd' }).waitFor();
    expect(await frame.locator('#directory-results tr[data-id="upn:jan.devries@school.example"]').count()).toBe(0);
  });

  it('imports a CSV of people: shows the preview with a wrong line, then applies a good file; the new contact gets the next signal', async () => {
    const frame = await openAsAdmin();
    const upload = async (csv: string) => {
      await frame.setInputFiles('#csv-file', { name: 'personen.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
      await frame.locator('#csv-preview-button').click();
      await frame.locator('#csv-summary').waitFor();
    };
    const header = 'entra_id;naam;email;rol;school;gemeenten;rang';
    await upload([header, `${CSV_CONTACT_ID};Cas Contact;cas@example.org;contactpersoon;${SCHOOL_ID};;reserve`, 'geen-id;Fout;;contactpersoon;12AB00;;'].join('\r\n'));
    expect(await frame.textContent('[data-preview="errors"]')).toContain('Regel 3: Het Entra object-id van de persoon');
    expect(await frame.locator('#csv-apply').isDisabled()).toBe(true);

    await upload([header, `${CSV_CONTACT_ID};Cas Contact;cas@example.org;contactpersoon;${SCHOOL_ID};;reserve`].join('\r\n'));
    expect(await frame.textContent('#csv-summary')).toContain('1 nieuw');
    expect(await frame.textContent('[data-preview="added"]')).toContain('Cas Contact');
    await page.screenshot({ path: join(OUTPUT, 'directory-csv-preview.png'), fullPage: true });
    expect(await seriousViolations(frame)).toEqual([]);
    await frame.locator('#csv-apply').click();
    await frame.locator('#directory-status', { hasText: 'toegepast' }).waitFor();
    await frame.locator(`#directory-results tr[data-id="${CSV_CONTACT_ID}"]`).waitFor();

    const cas = new TeamsUser(bot.botUrl, connector.url, CSV_CONTACT_ID, 'Cas Contact');
    await cas.install();
    const wendy = new TeamsUser(bot.botUrl, connector.url, VT_WORKER_ID, 'Wendy Veilig');
    expect((await wendy.press('signal.submit', { children: 1, firstName_0: 'Mees', lastName_0: 'Bakker', birthDate_0: '2014-11-20', schoolId_0: SCHOOL_ID })).status).toBe(200);
    const card = await connector.waitFor(
      (c) => c.method === 'send' && c.conversationId === cas.conversationId && visibleText((c.body.attachments as Array<{ content: unknown }>)[0]?.content).includes('Mees Bakker'),
      "the signal on the imported contact's card",
    );
    expect(card.conversationId).toBe(cas.conversationId);
  });
});
