/**
 * The tab's API on the real server: the role matrix of every route (401 without a valid token,
 * 403 with one but without the right), what each route answers, and bad queries refused with 4xx.
 */
import { startBot, writeDirectoryFile, type RunningBot } from '../support/running-bot';
import { EntraTestServer, TAB_CLIENT_ID, TENANT } from '../support/entra-test-server';
import { ADMIN_ID, MANAGER_ID, SCHOOL_MANAGER_ID, STRANGER_ID, tabDirectory } from '../support/tab-directory';
import { COORDINATOR_ID, PRIMARY_CONTACT_ID, VT_WORKER_ID } from '../fixtures/directory';
import { FixedClock } from '../support/fixed-clock';

const NOW = new Date('2026-03-10T08:00:00.000Z');
const clock = new FixedClock(NOW);

const people = {
  'no token': undefined,
  stranger: STRANGER_ID,
  vt_worker: VT_WORKER_ID,
  school_contact: PRIMARY_CONTACT_ID,
  coordinator: COORDINATOR_ID,
  manager: MANAGER_ID,
  'school manager': SCHOOL_MANAGER_ID,
  admin: ADMIN_ID,
} as const;
type Person = keyof typeof people;

const matrix: Record<string, Record<Person, number>> = {
  '/api/tab/me': { 'no token': 401, stranger: 200, vt_worker: 200, school_contact: 200, coordinator: 200, manager: 200, 'school manager': 200, admin: 200 },
  '/api/tab/directory': { 'no token': 401, stranger: 403, vt_worker: 403, school_contact: 403, coordinator: 403, manager: 403, 'school manager': 403, admin: 200 },
  '/api/tab/figures': { 'no token': 401, stranger: 403, vt_worker: 403, school_contact: 403, coordinator: 200, manager: 200, 'school manager': 200, admin: 403 },
  '/api/tab/cards?locale=nl': { 'no token': 401, stranger: 403, vt_worker: 200, school_contact: 200, coordinator: 200, manager: 200, 'school manager': 200, admin: 200 },
};

describe('the tab API', () => {
  const entra = new EntraTestServer();
  let bot: RunningBot;
  let base: string;

  const tokenFor = (oid: string, over: Record<string, unknown> = {}) => entra.sign(entra.claims(oid, NOW.getTime() / 1000, over));
  const get = async (path: string, token?: string) => {
    const response = await fetch(base + path, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    const text = await response.text();
    return { status: response.status, text, json: JSON.parse(text) as Record<string, unknown>, headers: response.headers };
  };

  beforeAll(async () => {
    await entra.start();
    bot = await startBot({
      directoryFile: writeDirectoryFile(tabDirectory()),
      connectorUrl: 'http://127.0.0.1:9/',
      clock,
      env: { HWC_TAB_CLIENT_ID: TAB_CLIENT_ID, HWC_ALLOWED_TENANTS: TENANT },
      tabAuthorityForTests: entra.authority,
    });
    base = bot.botUrl.replace('/api/messages', '');
  });
  afterAll(async () => {
    await bot.app.close();
    await entra.stop();
  });

  const cases = Object.entries(matrix).flatMap(([path, row]) => Object.entries(row).map(([person, status]) => [path, person as Person, status] as const));
  it.each(cases)('%s for %s answers %i', async (path, person, status) => {
    const oid = people[person];
    const response = await get(path, oid ? tokenFor(oid) : undefined);
    expect(response.status).toBe(status);
    if (status !== 200) expect(Object.keys(response.json)).toEqual(['error']);
  });

  it.each(Object.keys(matrix))('%s refuses a token for another app (401), never saying why', async (path) => {
    const response = await get(path, tokenFor(ADMIN_ID, { aud: '11111111-2222-4333-8444-555555555555' }));
    expect(response.status).toBe(401);
    expect(response.json).toEqual({ error: 'unauthorized' });
  });

  it('tells a person their roles and the pages those allow; someone not in the directory gets none', async () => {
    expect((await get('/api/tab/me', tokenFor(MANAGER_ID))).json).toEqual({ name: 'Mila Manager', roles: ['manager'], pages: ['figures', 'cards'] });
    expect((await get('/api/tab/me', tokenFor(ADMIN_ID))).json).toEqual({ name: 'Ada Beheer', roles: ['admin'], pages: ['directory', 'cards'] });
    expect((await get('/api/tab/me', tokenFor(STRANGER_ID))).json).toEqual({ roles: [], pages: [] });
  });

  it('shows an admin the directory read only while the file is the truth, members without a chat as not yet reachable', async () => {
    const { json } = await get('/api/tab/directory', tokenFor(ADMIN_ID));
    expect(json.readOnly).toBe(true);
    expect((json.municipalities as Array<{ id: string }>).map((m) => m.id)).toEqual(['GM0917']);
    expect((json.schools as Array<{ id: string }>).map((s) => s.id)).toEqual(['12AB00', '34CD01', '56EF02']);
    const members = json.members as Array<{ id: string; name: string; reachable: boolean }>;
    expect(members).toHaveLength(6);
    expect(members.find((m) => m.id === ADMIN_ID)).toMatchObject({ name: 'Ada Beheer', reachable: false });
  });

  it("gives a manager last week's figures of their scope with a 52-week trend", async () => {
    const { status, json } = await get('/api/tab/figures', tokenFor(MANAGER_ID));
    expect(status).toBe(200);
    expect(json).toMatchObject({ week: '2026-W10', scopeName: 'Heerlen', smallCountThreshold: 3 });
    expect(json.trend).toHaveLength(52);
  });

  it.each([
    ['not a week', '?week=nope'],
    ['the running week', '?week=2026-W11'],
    ['a week to come', '?week=2027-W01'],
    ['an unknown parameter', '?week=2026-W09&x=1'],
  ])('refuses %s with 400', async (_name, query) => {
    const response = await get(`/api/tab/figures${query}`, tokenFor(MANAGER_ID));
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ error: 'bad_request' });
  });

  it('answers a finished week asked for by number', async () => {
    expect((await get('/api/tab/figures?week=2026-W09', tokenFor(COORDINATOR_ID))).json).toMatchObject({ week: '2026-W09' });
  });

  it('previews every card the bot sends, drawn from sample data in the language asked, to anyone with a role', async () => {
    const nl = (await get('/api/tab/cards?locale=nl', tokenFor(PRIMARY_CONTACT_ID))).json as { locale: string; cards: Array<{ id: string; title: string; card: { type: string } }> };
    const en = (await get('/api/tab/cards?locale=en', tokenFor(PRIMARY_CONTACT_ID))).json as typeof nl;

    expect(nl.locale).toBe('nl');
    expect(nl.cards.map((c) => c.id)).toEqual(en.cards.map((c) => c.id));
    expect(nl.cards.map((c) => c.id)).toEqual(expect.arrayContaining(['signal-form', 'contact-signal', 'digest', 'route']));
    expect(nl.cards.every((c) => c.card.type === 'AdaptiveCard')).toBe(true);
    expect(nl.cards.find((c) => c.id === 'contact-signal')?.title).not.toBe(en.cards.find((c) => c.id === 'contact-signal')?.title);
  });

  it.each(['', '?locale=fr', '?locale=nl&extra=1'])('refuses the card previews with %j as their query (400)', async (query) => {
    expect((await get(`/api/tab/cards${query}`, tokenFor(PRIMARY_CONTACT_ID))).status).toBe(400);
  });

  it('sends no CORS header and asks not to be cached', async () => {
    const response = await fetch(base + '/api/tab/me', { headers: { authorization: `Bearer ${tokenFor(ADMIN_ID)}`, origin: 'https://evil.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
