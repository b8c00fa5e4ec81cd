/**
 * A school contact an admin added by e-mail address only is nobody to write to: a signal for the
 * school does not reach them (and the tab warns that nobody there can be reached). When they first
 * write to the bot, the bot asks the Bot Connector who they are, links them to their Entra object
 * id by that address, and the next signal reaches them.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importDirectory } from '../../src/app/import-directory';
import type { Directory } from '../../src/domain/directory';
import { createStores } from '../../src/store/create-stores';
import { visibleText } from '../support/card-query';
import { EntraTestServer, TAB_CLIENT_ID, TENANT } from '../support/entra-test-server';
import { FakeBotConnector, type ConnectorCall } from '../support/fake-bot-connector';
import { sqliteStoresAt } from '../support/sqlite-file';
import { startBot, type RunningBot } from '../support/running-bot';
import { TENANT_ID as TEAMS_TENANT, TeamsUser } from '../support/teams-user';

const ids = {
  wendy: '11111111-1111-4111-8111-111111111111',
  jan: '33333333-3333-4333-8333-333333333333',
  ada: '88888888-8888-4888-8888-888888888881',
  cor: '77777777-7777-4777-8777-777777777771',
};
const PLACEHOLDER = 'upn:jan.devries@school.example';

const directory: Directory = {
  municipalities: [{ id: 'GM0917', name: 'Heerlen', routing: 'direct' }],
  schools: [{ id: '12AB00', name: 'Basisschool De Regenboog', municipalityId: 'GM0917' }],
  members: [
    { aadObjectId: ids.wendy, name: 'Wendy Veilig', roles: [{ role: 'vt_worker', municipalityIds: ['GM0917'] }] },
    { aadObjectId: ids.ada, name: 'Ada Beheer', roles: [{ role: 'admin' }] },
    { aadObjectId: ids.cor, name: 'Cor Coördinator', roles: [{ role: 'coordinator', municipalityIds: ['GM0917'] }] },
  ],
};

const textOf = (call: ConnectorCall) => visibleText(((call.body.attachments as Array<{ content: unknown }>) ?? [])[0]?.content ?? {});

describe('a school contact added by e-mail address', () => {
  const connector = new FakeBotConnector();
  const entra = new EntraTestServer();
  let bot: RunningBot;
  let base: string;
  let sqlitePath: string;
  let wendy: TeamsUser, jan: TeamsUser;

  const asAdmin = async (method: string, path: string, body?: unknown) => {
    const token = entra.sign(entra.claims(ids.ada, Math.floor(Date.now() / 1000)));
    const response = await fetch(base + path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  const issue = async (firstName: string) => {
    const answer = await wendy.press('signal.submit', { children: 1, firstName_0: firstName, lastName_0: 'Jacobs', birthDate_0: '2016-04-02', schoolId_0: '12AB00' });
    expect(answer.status).toBe(200);
    await bot.app.idle();
  };
  const sendsTo = (user: TeamsUser, from: number) => connector.calls.slice(from).filter((c) => c.method === 'send' && c.conversationId === user.conversationId);

  beforeAll(async () => {
    await connector.start();
    await entra.start();
    // The store is the directory's truth (no directory file): admins keep it in the tab.
    sqlitePath = join(mkdtempSync(join(tmpdir(), 'hwc-link-')), 'hwc.sqlite');
    const stores = await createStores({ kind: 'sqlite', path: sqlitePath });
    await importDirectory(stores.directory, directory);
    await stores.close();
    bot = await startBot({
      connectorUrl: connector.url,
      sqlitePath,
      env: { HWC_TAB_CLIENT_ID: TAB_CLIENT_ID, HWC_ALLOWED_TENANTS: `${TENANT},${TEAMS_TENANT}`, HWC_QUIET_TIME: 'off' },
      tabAuthorityForTests: entra.authority,
    });
    base = bot.botUrl.replace('/api/messages', '');
    wendy = new TeamsUser(bot.botUrl, connector.url, ids.wendy, 'Wendy Veilig');
    jan = new TeamsUser(bot.botUrl, connector.url, ids.jan, 'Jan de Vries');
    // Teams knows Jan by his UPN; the admin typed the address in other capitals.
    connector.users.set(ids.jan, { userPrincipalName: 'jan.devries@school.example', email: 'Jan.deVries@school.example' });
    const added = await asAdmin('POST', '/api/tab/directory/members', {
      name: 'Jan de Vries',
      email: 'JAN.DEVRIES@school.example',
      roles: [{ role: 'school_contact', schoolId: '12AB00', rank: 'primary' }],
    });
    expect(added).toEqual({ status: 200, json: { ok: true, kind: 'member', id: PLACEHOLDER } });
  });

  afterAll(async () => {
    await bot.app.close();
    await entra.stop();
    await connector.stop();
  });

  test('before they write to the bot, a signal for their school is not sent to them, and the tab warns of it', async () => {
    const before = connector.calls.length;
    await issue('Femke');

    expect(connector.calls.slice(before).filter((c) => c.method === 'create_conversation').map((c) => JSON.stringify(c.body))).not.toContainEqual(expect.stringContaining('upn:'));
    expect(sendsTo(jan, before)).toEqual([]);
    const listed = (await asAdmin('GET', '/api/tab/directory')).json;
    expect(listed.warnings).toContainEqual({ kind: 'school_unreachable', id: '12AB00', name: 'Basisschool De Regenboog' });
    expect(listed.members).toContainEqual(expect.objectContaining({ id: PLACEHOLDER, reachable: false }));
  });

  test('when they write "help", the bot looks them up in the Bot Connector and links them, audited as their own act', async () => {
    const reply = await jan.say('help');
    expect(reply.status).toBeLessThan(300);

    expect(connector.memberLookups).toContainEqual({ conversationId: jan.conversationId, userId: `29:${ids.jan}` });
    const stores = sqliteStoresAt(sqlitePath);
    try {
      expect(await stores.directory.getMember(PLACEHOLDER)).toBeUndefined();
      expect(await stores.directory.getMember(ids.jan)).toMatchObject({ name: 'Jan de Vries', roles: [{ role: 'school_contact', schoolId: '12AB00' }] });
      expect(await stores.audit.list(ids.jan)).toEqual([
        expect.objectContaining({ actorId: ids.jan, action: 'directory.member.link', result: 'ok', origin: `msteams:${jan.conversationId}`, change: { before: expect.objectContaining({ aadObjectId: PLACEHOLDER }), after: expect.objectContaining({ aadObjectId: ids.jan }) } }),
      ]);
    } finally {
      await stores.close();
    }
    const listed = (await asAdmin('GET', '/api/tab/directory')).json;
    expect(listed.members).toContainEqual(expect.objectContaining({ id: ids.jan, reachable: true }));
    expect(listed.warnings).not.toContainEqual(expect.objectContaining({ kind: 'school_unreachable' }));
  });

  test('the next signal for their school reaches them', async () => {
    const before = connector.calls.length;
    await issue('Hanna');

    expect(sendsTo(jan, before).some((c) => textOf(c).includes('Hanna Jacobs'))).toBe(true);
  });

  test('someone the directory knows is not looked up again', async () => {
    const lookups = connector.memberLookups.length;
    await jan.say('help');
    await wendy.say('help');
    expect(connector.memberLookups.length).toBe(lookups);
  });
});
