/**
 * Admins keep the directory in the tab when the store is its truth (no HWC_DIRECTORY_FILE): add,
 * change and remove, checked by the file import's rules (every problem named, nothing changed),
 * audited with the entry before and after, and seen at once by another instance on the same store.
 * With the file as the truth the tab only shows it. Warnings say what will go wrong.
 */
import { request } from 'node:http';
import { MUNICIPALITY_ID, PRIMARY_CONTACT_ID, SCHOOL_ID, VT_WORKER_ID, memberId } from '../fixtures/directory';
import { EntraTestServer, TAB_CLIENT_ID, TENANT } from '../support/entra-test-server';
import { FakeBotConnector } from '../support/fake-bot-connector';
import { startBot, writeDirectoryFile, type RunningBot } from '../support/running-bot';
import { sqliteStoresAt } from '../support/sqlite-file';
import { ADMIN_ID, MANAGER_ID, STRANGER_ID, auditIn, sqliteWithTabDirectory, tabDirectory } from '../support/tab-directory';
import { TENANT_ID as TEAMS_TENANT, TeamsUser } from '../support/teams-user';
import { visibleText } from '../support/card-query';

// With letters, so the same id in capitals is a different text.
const NEW_CONTACT_ID = 'abcdef01-0000-4000-8000-000000000050';
const newSchool = { id: '78GH00', name: 'Basisschool Het Kompas Oost', municipalityId: MUNICIPALITY_ID };
const newContact = { aadObjectId: NEW_CONTACT_ID, name: 'Noor Nieuw', email: 'noor@example.org', roles: [{ role: 'school_contact', schoolId: '78GH00', rank: 'primary' }] };

describe('the tab: admins edit the directory', () => {
  const entra = new EntraTestServer();
  const connector = new FakeBotConnector();
  let sqlitePath: string;
  let bot: RunningBot;
  let other: RunningBot;
  let base: string;

  const tokenFor = (oid: string) => entra.sign(entra.claims(oid, Math.floor(Date.now() / 1000)));
  const call = async (method: string, path: string, oid: string | undefined, body?: unknown, at = base) => {
    const response = await fetch(at + path, {
      method,
      headers: { ...(oid ? { authorization: `Bearer ${tokenFor(oid)}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  /** A POST that does not say it accepts gzip (fetch always does). */
  const rawPost = (path: string, token: string, body: string) =>
    new Promise<{ encoding: string | undefined; text: string }>((resolve, reject) => {
      const req = request(base + path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], text: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', reject);
      req.end(body);
    });
  const auditOf = (objectId: string) => auditIn(sqlitePath, objectId);

  beforeAll(async () => {
    await entra.start();
    await connector.start();
    sqlitePath = await sqliteWithTabDirectory();
    const options = {
      connectorUrl: connector.url,
      sqlitePath,
      // The tab's tenant (the local Entra) and the chat's (the Teams stand-in).
      env: { HWC_TAB_CLIENT_ID: TAB_CLIENT_ID, HWC_ALLOWED_TENANTS: `${TENANT},${TEAMS_TENANT}`, HWC_QUIET_TIME: 'off' },
      tabAuthorityForTests: entra.authority,
    };
    // Two instances on one store, neither with a directory file: the store is the truth.
    bot = await startBot(options);
    other = await startBot(options);
    base = bot.botUrl.replace('/api/messages', '');
  });
  afterAll(async () => {
    await bot.app.close();
    await other.app.close();
    await connector.stop();
    await entra.stop();
  });

  it.each([
    ['no token', 401, undefined],
    ['someone not in the directory', 403, STRANGER_ID],
    ['a school contact', 403, PRIMARY_CONTACT_ID],
    ['a manager', 403, MANAGER_ID],
  ])('refuses an edit by %s (%i) and changes nothing', async (_who, status, oid) => {
    expect((await call('POST', '/api/tab/directory/schools', oid, newSchool)).status).toBe(status);
    expect((await call('DELETE', `/api/tab/directory/schools/${SCHOOL_ID}`, oid)).status).toBe(status);
    const listed = await call('GET', '/api/tab/directory', ADMIN_ID);
    expect((listed.json.schools as Array<{ id: string }>).map((s) => s.id)).not.toContain('78GH00');
  });

  it('names every problem of a bad entry, with the import rules, and changes nothing', async () => {
    const bad = await call('POST', '/api/tab/directory/schools', ADMIN_ID, { id: '78gh', name: '', municipalityId: 'GM0917' });
    expect(bad.status).toBe(422);
    expect((bad.json.problems as Array<{ field: string }>).map((p) => p.field).sort()).toEqual(['id', 'name']);

    const nowhere = await call('POST', '/api/tab/directory/schools', ADMIN_ID, { ...newSchool, municipalityId: 'GM0001' });
    expect(nowhere.status).toBe(422);
    expect(nowhere.json.problems).toEqual([{ field: '', message: expect.stringContaining('unknown municipality GM0001') }]);

    const referenced = await call('DELETE', `/api/tab/directory/schools/${SCHOOL_ID}`, ADMIN_ID);
    expect(referenced.status).toBe(422);
    expect(JSON.stringify(referenced.json.problems)).toContain(`unknown school ${SCHOOL_ID}`);
    expect((await call('POST', '/api/tab/directory/teachers', ADMIN_ID, newSchool)).status).toBe(400);
    expect((await call('POST', '/api/tab/directory/schools', ADMIN_ID, [newSchool])).status).toBe(400);
  });

  it('adds a school and its contact; the other instance sends the next signal for that school to the new contact', async () => {
    expect(await call('POST', '/api/tab/directory/schools', ADMIN_ID, newSchool)).toEqual({ status: 200, json: { ok: true, kind: 'school', id: '78GH00' } });
    expect((await call('POST', '/api/tab/directory/members', ADMIN_ID, newContact)).status).toBe(200);

    const otherUrl = other.botUrl;
    const noor = new TeamsUser(otherUrl, connector.url, NEW_CONTACT_ID, 'Noor Nieuw');
    await noor.install();
    const wendy = new TeamsUser(otherUrl, connector.url, VT_WORKER_ID, 'Wendy Veilig');
    expect((await wendy.press('signal.submit', { children: 1, firstName_0: 'Lotte', lastName_0: 'Vos', birthDate_0: '2015-02-03', schoolId_0: '78GH00' })).status).toBe(200);
    await other.app.idle();
    const shows = (c: { body: Record<string, unknown> }, text: string) => visibleText((c.body.attachments as Array<{ content: unknown }>)[0]?.content).includes(text);
    const card = await connector.waitFor((c) => c.method === 'send' && c.conversationId === noor.conversationId && shows(c, 'HWC-'), 'the signal card for the new contact');
    expect(shows(card, 'Lotte Vos')).toBe(true);

    const trail = await auditOf('78GH00');
    // The refused attempts above are on the school's trail too.
    expect(trail.filter((e) => e.result === 'refused').map((e) => e.actorId)).toEqual(expect.arrayContaining([STRANGER_ID, PRIMARY_CONTACT_ID, MANAGER_ID]));
    const added = trail.find((e) => e.result === 'ok');
    expect(added).toMatchObject({ actorId: ADMIN_ID, role: 'admin', action: 'directory.school.add', result: 'ok', origin: 'tab', change: { after: newSchool } });
    expect(added!.change).not.toHaveProperty('before');
  });

  it('changes an entry and removes one, each audited with before and after', async () => {
    // The object id in capitals is the same member: a change, not a second one.
    const renamed = { ...newContact, aadObjectId: NEW_CONTACT_ID.toUpperCase(), name: 'Noor Nieuwenhuis' };
    expect((await call('POST', '/api/tab/directory/members', ADMIN_ID, renamed)).status).toBe(200);
    expect((await call('DELETE', `/api/tab/directory/members/${NEW_CONTACT_ID}`, ADMIN_ID)).status).toBe(200);
    expect((await call('DELETE', `/api/tab/directory/members/${NEW_CONTACT_ID}`, ADMIN_ID)).status).toBe(422);

    const trail = (await auditOf(NEW_CONTACT_ID)).map((e) => [e.action, e.change?.before?.name, e.change?.after?.name]);
    expect(trail).toEqual([
      ['directory.member.add', undefined, 'Noor Nieuw'],
      ['directory.member.change', 'Noor Nieuw', 'Noor Nieuwenhuis'],
      ['directory.member.remove', 'Noor Nieuwenhuis', undefined],
    ]);
    const listed = await call('GET', '/api/tab/directory', ADMIN_ID, undefined, other.botUrl.replace('/api/messages', ''));
    expect((listed.json.members as Array<{ id: string }>).map((m) => m.id)).not.toContain(NEW_CONTACT_ID);
  });

  it('refuses to take away the last admin role, by an edit or by an import: nobody could change the directory any more', async () => {
    const admin = { aadObjectId: ADMIN_ID, name: 'Ada Beheer', email: 'ada@example.org', roles: [{ role: 'manager', municipalityIds: [MUNICIPALITY_ID] }] };
    const demoted = await call('POST', '/api/tab/directory/members', ADMIN_ID, admin);
    expect(demoted).toEqual({ status: 422, json: { error: 'invalid', problems: [{ field: '', message: expect.stringContaining('at least one admin') }] } });
    expect((await call('DELETE', `/api/tab/directory/members/${ADMIN_ID}`, ADMIN_ID)).status).toBe(422);
    const removal = `entra_id;naam;rol\r\n${ADMIN_ID};Ada Beheer;verwijderen`;
    const preview = (await call('POST', '/api/tab/directory/import/preview', ADMIN_ID, { kind: 'members', csv: removal })).json;
    expect(preview.errors).toEqual([{ line: 0, message: expect.stringContaining('at least one admin') }]);
    expect((await call('GET', '/api/tab/me', ADMIN_ID)).json.roles).toEqual(['admin']);
  });

  it('warns of a school nobody can be reached at and a municipality without a leerplicht officer', async () => {
    const listed = await call('GET', '/api/tab/directory', ADMIN_ID);
    expect(listed.json.readOnly).toBe(false);
    expect(listed.json.warnings).toEqual(
      expect.arrayContaining([
        { kind: 'school_unreachable', id: '78GH00', name: newSchool.name },
        { kind: 'no_leerplicht', id: MUNICIPALITY_ID, name: 'Heerlen' },
      ]),
    );
    expect(listed.json.warnings).not.toContainEqual(expect.objectContaining({ kind: 'no_coordinator' }));
    expect(listed.json.warningCount).toBe((listed.json.warnings as unknown[]).length);
  });

  describe('CSV import', () => {
    const CSV_CONTACT = memberId(70);
    const CSV_OFFICER = memberId(71);
    const members = [
      'entra_id;naam;email;rol;school;gemeenten;rang',
      `${CSV_CONTACT};Cas Contact;cas@example.org;contactpersoon;${SCHOOL_ID};;reserve`,
      `${CSV_OFFICER};Lia Leerplicht;;leerplicht;;${MUNICIPALITY_ID};`,
      `${CSV_OFFICER};Lia Leerplicht;;coordinator;;${MUNICIPALITY_ID};`,
      `${PRIMARY_CONTACT_ID};Anouk Jansen;;contactpersoon;${SCHOOL_ID};;eerste`,
    ].join('\r\n');

    it('previews a members CSV: added, changed, unchanged, and every wrong line by number, writing nothing', async () => {
      const withErrors = `${members}\r\nnot-a-guid;Fout;;contactpersoon;${SCHOOL_ID};;\r\n${memberId(72)};Zonder rol;;tovenaar;;;`;
      const preview = await call('POST', '/api/tab/directory/import/preview', ADMIN_ID, { kind: 'members', csv: withErrors });
      expect(preview.status).toBe(200);
      expect(preview.json).toMatchObject({
        kind: 'members',
        added: [{ id: CSV_CONTACT, name: 'Cas Contact' }, { id: CSV_OFFICER, name: 'Lia Leerplicht' }],
        removed: [],
        errors: [{ line: 7, message: expect.stringContaining('unknown role "tovenaar"') }, { line: 6, message: expect.stringContaining('GUID') }],
      });
      expect((await call('GET', '/api/tab/directory', ADMIN_ID)).json.members).not.toContainEqual(expect.objectContaining({ id: CSV_CONTACT }));
      expect((await call('POST', '/api/tab/directory/import/preview', PRIMARY_CONTACT_ID, { kind: 'members', csv: members })).status).toBe(403);
      expect((await call('POST', '/api/tab/directory/import/preview', ADMIN_ID, { kind: 'teachers', csv: members })).status).toBe(400);
    });

    it('applies the previewed file in one step, audited per entry; refuses a file with errors (422) or a directory changed since the preview (409)', async () => {
      const preview = await call('POST', '/api/tab/directory/import/preview', ADMIN_ID, { kind: 'members', csv: members });
      const version = preview.json.version as string;
      const broken = `${members}\r\n${memberId(73)};Nergens;;contactpersoon;99ZZ00;;`;
      expect((await call('POST', '/api/tab/directory/import/apply', ADMIN_ID, { kind: 'members', csv: broken, version })).status).toBe(422);

      const applied = await call('POST', '/api/tab/directory/import/apply', ADMIN_ID, { kind: 'members', csv: members, version });
      expect(applied.status).toBe(200);
      expect(applied.json).toMatchObject({ applied: true });
      const listed = (await call('GET', '/api/tab/directory', ADMIN_ID)).json.members as Array<{ id: string; roles: Array<{ role: string }> }>;
      expect(listed.find((m) => m.id === CSV_OFFICER)?.roles.map((r) => r.role)).toEqual(['leerplicht', 'coordinator']);
      expect(await auditOf(CSV_CONTACT)).toEqual([expect.objectContaining({ action: 'directory.member.add', origin: 'tab:import', change: { after: expect.objectContaining({ name: 'Cas Contact' }) } })]);

      // The same version again: the directory is no longer the one previewed.
      expect((await call('POST', '/api/tab/directory/import/apply', ADMIN_ID, { kind: 'members', csv: members, version })).status).toBe(409);
    });

    it("previews a region's people file of 20,000 rows (about 2 MB); a file over 4 MB is refused with 413 before it is read as JSON", async () => {
      const rows = Array.from({ length: 20_000 }, (_, n) => `${memberId(1_000 + n)};Contact ${n} van de Regio;contact${n}@basisschool-de-regenboog.example.org;contactpersoon;${SCHOOL_ID};;reserve`);
      const csv = ['entra_id;naam;email;rol;school;gemeenten;rang', ...rows].join('\r\n');
      expect(csv.length).toBeGreaterThan(2 * 1024 * 1024);

      const preview = await call('POST', '/api/tab/directory/import/preview', ADMIN_ID, { kind: 'members', csv });

      expect(preview.status).toBe(200);
      expect((preview.json.added as unknown[]).length).toBe(20_000);
      expect(preview.json.errors).toEqual([]);
      // A large answer travels gzipped to a page that accepts it (fetch does), plain to one that does not.
      const gzipped = await fetch(`${base}/api/tab/directory/import/preview`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokenFor(ADMIN_ID)}`, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'members', csv }),
      });
      expect(gzipped.headers.get('content-encoding')).toBe('gzip');
      expect(((await gzipped.json()) as { added: unknown[] }).added).toHaveLength(20_000);
      const plain = await rawPost('/api/tab/directory/import/preview', tokenFor(ADMIN_ID), JSON.stringify({ kind: 'members', csv }));
      expect(plain.encoding).toBeUndefined();
      expect((JSON.parse(plain.text) as { added: unknown[] }).added).toHaveLength(20_000);
      const tooLarge = await fetch(`${base}/api/tab/directory/import/preview`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokenFor(ADMIN_ID)}`, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'members', csv: `${csv}\r\n${csv}` }),
      });
      expect(tooLarge.status).toBe(413);
      // Every other route keeps the small limits.
      expect((await call('POST', '/api/tab/directory/schools', ADMIN_ID, { ...newSchool, name: 'x'.repeat(300 * 1024) })).status).toBe(413);
    }, 30_000);

    it('answers an import without a valid token 401 before its large body is read', async () => {
      // Headers that announce 3 MB, then a first kilobyte and nothing more: a server that read
      // the body first would wait for the rest and never answer.
      const answerUnread = (authorization: string | undefined) =>
        new Promise<number>((resolve, reject) => {
          const headers = { 'content-type': 'application/json', 'content-length': String(3 * 1024 * 1024), ...(authorization ? { authorization } : {}) };
          const req = request(`${base}/api/tab/directory/import/preview`, { method: 'POST', headers }, (res) => {
            res.resume();
            // Closed with the answer: the server will not read the rest of the body either.
            expect(res.headers.connection).toBe('close');
            resolve(res.statusCode ?? 0);
            req.destroy();
          });
          req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? undefined : reject(error)));
          req.write(`{"kind":"members","csv":"${'x'.repeat(1024)}`);
        });

      expect(await answerUnread(undefined)).toBe(401);
      expect(await answerUnread('Bearer not-a-token')).toBe(401);
      expect(await answerUnread(`Bearer ${entra.sign(entra.claims(ADMIN_ID, Math.floor(Date.now() / 1000) - 3 * 3600))}`)).toBe(401);
    });

    it('imports schools with a comma as separator, and removes a member with the role "verwijderen"', async () => {
      const schools = 'BRIN,Naam,Gemeente\n90JK00,Basisschool Het Palet,GM0917\n';
      const preview = (await call('POST', '/api/tab/directory/import/preview', ADMIN_ID, { kind: 'schools', csv: schools })).json;
      expect(preview).toMatchObject({ added: [{ id: '90JK00' }], errors: [] });
      expect((await call('POST', '/api/tab/directory/import/apply', ADMIN_ID, { kind: 'schools', csv: schools, version: preview.version })).status).toBe(200);

      // A file without an e-mail column leaves the addresses the directory has.
      const sameAdmin = (await call('POST', '/api/tab/directory/import/preview', ADMIN_ID, { kind: 'members', csv: `entra_id;naam;rol\r\n${ADMIN_ID};Ada Beheer;beheerder` })).json;
      expect(sameAdmin).toMatchObject({ added: [], changed: [], unchanged: 1, errors: [] });

      const removal = `entra_id;naam;rol\r\n${CSV_CONTACT};Cas Contact;verwijderen`;
      const removing = (await call('POST', '/api/tab/directory/import/preview', ADMIN_ID, { kind: 'members', csv: removal })).json;
      expect(removing).toMatchObject({ removed: [{ id: CSV_CONTACT, name: 'Cas Contact' }], added: [], errors: [] });
      expect((await call('POST', '/api/tab/directory/import/apply', ADMIN_ID, { kind: 'members', csv: removal, version: removing.version })).status).toBe(200);
      expect(((await call('GET', '/api/tab/directory', ADMIN_ID)).json.members as Array<{ id: string }>).map((m) => m.id)).not.toContain(CSV_CONTACT);
    });
  });

  it('sends the first 50 warnings and how many there are, however many schools nobody can be reached at', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `${String(i).padStart(2, '0')}WW00;Nieuwe school ${i};${MUNICIPALITY_ID}`);
    const csv = ['brin;naam;gemeente', ...rows].join('\n');
    const preview = (await call('POST', '/api/tab/directory/import/preview', ADMIN_ID, { kind: 'schools', csv })).json;
    expect((await call('POST', '/api/tab/directory/import/apply', ADMIN_ID, { kind: 'schools', csv, version: preview.version })).status).toBe(200);

    const listed = (await call('GET', '/api/tab/directory', ADMIN_ID)).json;
    expect(listed.warnings).toHaveLength(50);
    expect(listed.warningCount).toBeGreaterThanOrEqual(60);
  });

  it('refuses every edit while the directory file is the truth (409), and audits the refusal', async () => {
    const fileBot = await startBot({
      directoryFile: writeDirectoryFile(tabDirectory()),
      connectorUrl: connector.url,
      env: { HWC_TAB_CLIENT_ID: TAB_CLIENT_ID, HWC_ALLOWED_TENANTS: TENANT },
      tabAuthorityForTests: entra.authority,
    });
    try {
      const at = fileBot.botUrl.replace('/api/messages', '');
      expect(await call('POST', '/api/tab/directory/schools', ADMIN_ID, newSchool, at)).toEqual({ status: 409, json: { error: 'directory_read_only' } });
      expect((await call('GET', '/api/tab/directory', ADMIN_ID, undefined, at)).json.readOnly).toBe(true);
      const stores = sqliteStoresAt(fileBot.sqlitePath);
      try {
        expect(await stores.audit.list('78GH00')).toEqual([expect.objectContaining({ action: 'directory.school.edit', result: 'refused', actorId: ADMIN_ID })]);
      } finally {
        await stores.close();
      }
    } finally {
      await fileBot.app.close();
    }
  });
});
