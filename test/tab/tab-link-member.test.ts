/**
 * An admin adds a member by e-mail address only: the tab lists them as not yet reachable, and no
 * signal goes to them. The first time that person opens the tab, the token's preferred_username
 * (their UPN) links them to their Entra object id: audited as their own act, and from then on they
 * see their roles' pages like any member.
 */
import { MUNICIPALITY_ID, SCHOOL_ID, memberId } from '../fixtures/directory';
import { EntraTestServer, TAB_CLIENT_ID, TENANT } from '../support/entra-test-server';
import { startBot, type RunningBot } from '../support/running-bot';
import { ADMIN_ID, STRANGER_ID, auditIn, sqliteWithTabDirectory } from '../support/tab-directory';

const JAN_ID = memberId(60);
const PLACEHOLDER = 'upn:jan.devries@school.example';
const jan = {
  name: 'Jan de Vries',
  email: 'Jan.deVries@school.example',
  roles: [
    { role: 'school_contact', schoolId: SCHOOL_ID, rank: 'backup' },
    { role: 'manager', municipalityIds: [MUNICIPALITY_ID], schoolIds: [] },
  ],
};

describe('the tab: a member added by e-mail address is linked when they first open it', () => {
  const entra = new EntraTestServer();
  let sqlitePath: string;
  let bot: RunningBot;
  let base: string;

  const call = async (method: string, path: string, oid: string, body?: unknown, claims: Record<string, unknown> = {}) => {
    const token = entra.sign(entra.claims(oid, Math.floor(Date.now() / 1000), claims));
    const response = await fetch(base + path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  const membersListed = async () => (await call('GET', '/api/tab/directory', ADMIN_ID)).json.members as Array<{ id: string; name: string; email?: string; reachable: boolean }>;
  const auditOf = (objectId: string) => auditIn(sqlitePath, objectId);

  beforeAll(async () => {
    await entra.start();
    sqlitePath = await sqliteWithTabDirectory();
    bot = await startBot({
      connectorUrl: 'http://127.0.0.1:9/',
      sqlitePath,
      env: { HWC_TAB_CLIENT_ID: TAB_CLIENT_ID, HWC_ALLOWED_TENANTS: TENANT },
      tabAuthorityForTests: entra.authority,
    });
    base = bot.botUrl.replace('/api/messages', '');
  });
  afterAll(async () => {
    await bot.app.close();
    await entra.stop();
  });

  it('adds a member by e-mail address alone, keyed by that address and listed as not yet reachable', async () => {
    expect(await call('POST', '/api/tab/directory/members', ADMIN_ID, { aadObjectId: '', ...jan })).toEqual({ status: 200, json: { ok: true, kind: 'member', id: PLACEHOLDER } });

    expect(await membersListed()).toContainEqual({ id: PLACEHOLDER, name: 'Jan de Vries', email: 'Jan.deVries@school.example', roles: jan.roles, reachable: false });
    expect(await auditOf(PLACEHOLDER)).toEqual([expect.objectContaining({ action: 'directory.member.add', actorId: ADMIN_ID, change: { after: expect.objectContaining({ aadObjectId: PLACEHOLDER }) } })]);
  });

  it('does not link someone whose token names another address, nor without any', async () => {
    expect((await call('GET', '/api/tab/me', STRANGER_ID, undefined, { preferred_username: 'piet@school.example' })).json).toEqual({ roles: [], pages: [] });
    expect((await call('GET', '/api/tab/me', STRANGER_ID)).json).toEqual({ roles: [], pages: [] });
    expect((await membersListed()).map((m) => m.id)).toContain(PLACEHOLDER);
  });

  it('links the person on first opening the tab by the UPN in their token: audited as their own act, and they see their pages', async () => {
    const me = await call('GET', '/api/tab/me', JAN_ID, undefined, { preferred_username: 'JAN.DEVRIES@school.example' });

    expect(me).toEqual({ status: 200, json: { name: 'Jan de Vries', roles: ['school_contact', 'manager'], pages: ['figures', 'cards'] } });
    expect((await call('GET', '/api/tab/figures', JAN_ID)).status).toBe(200);
    const listed = await membersListed();
    expect(listed.map((m) => m.id)).not.toContain(PLACEHOLDER);
    expect(listed).toContainEqual(expect.objectContaining({ id: JAN_ID, name: 'Jan de Vries', email: 'Jan.deVries@school.example', roles: jan.roles }));
    const before = { aadObjectId: PLACEHOLDER, ...jan };
    expect(await auditOf(JAN_ID)).toEqual([
      { at: expect.any(String), actorId: JAN_ID, action: 'directory.member.link', objectId: JAN_ID, result: 'ok', origin: 'tab', change: { before, after: { ...before, aadObjectId: JAN_ID } } },
    ]);
  });

  it('links only once: another account with the same UPN later finds nothing to link', async () => {
    expect((await call('GET', '/api/tab/me', memberId(61), undefined, { preferred_username: 'jan.devries@school.example' })).json).toEqual({ roles: [], pages: [] });
    expect((await auditOf(JAN_ID)).map((e) => e.action)).toEqual(['directory.member.link']);
  });

  it('removes a member not yet linked by their key in the path', async () => {
    expect((await call('POST', '/api/tab/directory/members', ADMIN_ID, { name: 'Piet Puk', email: 'piet.puk.van.de.openbare.basisschool.de.regenboog@school.example', roles: [] })).status).toBe(200);
    const key = 'upn:piet.puk.van.de.openbare.basisschool.de.regenboog@school.example';
    expect((await call('DELETE', `/api/tab/directory/members/${encodeURIComponent(key)}`, ADMIN_ID)).status).toBe(200);
    expect((await membersListed()).map((m) => m.id)).not.toContain(key);
  });
});
