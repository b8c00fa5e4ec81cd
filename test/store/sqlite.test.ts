import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { factsOf } from '../../src/domain/digest/signal-facts';
import { forgetChild } from '../../src/domain/forget-child';
import { acknowledge, bounce, recordSupport } from '../../src/domain/signal';
import { createStores } from '../../src/store/create-stores';
import { InvalidDocumentError } from '../../src/store/invalid-document-error';
import { splitSignal } from '../../src/store/signal-document';
import { migrations, openSqliteDatabase, sqliteStoresOver } from '../../src/store/sqlite';
import { SqliteFileInUse } from '../../src/store/sqlite/open-sqlite-database';
import { signalSql } from '../../src/store/sqlite/signal-sql';
import { anAuditEntry } from '../fixtures/audit';
import {
  BACKUP_CONTACT_ID,
  MUNICIPALITY_ID,
  PRIMARY_CONTACT_ID,
  SCHOOL_ID,
  VT_WORKER_ID,
  aCoordinator,
  aLeerplichtOfficer,
  aSchool,
  aSchoolContact,
  memberId,
} from '../fixtures/directory';
import { PRIMARY, WORKER, aSignal, aSignalViaLeerplicht, aSignalWithDeadline, deliveredToAll } from '../fixtures/signals';
import { describeStoreContract } from './store-contract';

let folder: string;
let opened = 0;
/** A path in a folder that does not exist yet: opening must create it. */
const freshPath = () => join(folder, `run-${++opened}`, 'hwc.sqlite');

/** A new database file (its folder created) as the code of schema `version` left it, open for rows of that time. */
function databaseAtSchema(path: string, version: number): Database.Database {
  mkdirSync(dirname(path), { recursive: true });
  const old = new Database(path);
  migrations.slice(0, version).forEach((sql) => old.exec(sql));
  old.pragma(`user_version = ${version}`);
  return old;
}

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'hwc-sqlite-'));
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describeStoreContract('sqlite', () => createStores({ kind: 'sqlite', path: freshPath() }), { sharesRateBudget: false });

describe('sqlite file', () => {
  it('keeps signals, directory and audit entries when the file is closed and opened again', async () => {
    const path = freshPath();
    const signal = aSignal();
    const entry = anAuditEntry({ objectId: signal.id });
    const before = await createStores({ kind: 'sqlite', path });
    const created = await before.signals.create(signal);
    await before.directory.upsertMembers([aSchoolContact()]);
    await before.audit.append(entry);
    await before.close();

    const after = await createStores({ kind: 'sqlite', path });

    expect(await after.signals.getByReference(signal.reference)).toStrictEqual(created);
    expect(await after.directory.listSchoolContacts(SCHOOL_ID)).toStrictEqual([aSchoolContact()]);
    expect(await after.audit.list(signal.id)).toStrictEqual([entry]);
    await after.close();
  });

  it('stores no signal when its issue entry cannot be recorded: the two are one transaction', async () => {
    const stores = await createStores({ kind: 'sqlite', path: freshPath() });
    const signal = aSignal();
    const unreadable = anAuditEntry({ objectId: signal.reference, at: 'yesterday' });

    await expect(stores.signals.create(signal, unreadable)).rejects.toThrow(InvalidDocumentError);

    expect(await stores.signals.get(signal.id)).toBeUndefined();
    expect(await stores.audit.list(signal.reference)).toEqual([]);
    await stores.close();
  });

  it("changes nothing of an admin's change when one of its audit entries cannot be recorded: one transaction", async () => {
    const stores = await createStores({ kind: 'sqlite', path: freshPath() });
    await stores.directory.upsertSchools([aSchool()]);
    const unreadable = anAuditEntry({ action: 'directory.school.remove', objectId: SCHOOL_ID, at: 'yesterday' });

    await expect(stores.directory.applyChange({ kind: 'school', put: [aSchool({ id: '78GH00' })], remove: [SCHOOL_ID] }, [unreadable])).rejects.toThrow(InvalidDocumentError);

    expect(await stores.directory.listAllSchools()).toStrictEqual([aSchool()]);
    await stores.close();
  });

  it('links no member when the entry recording the link cannot be written: one transaction', async () => {
    const stores = await createStores({ kind: 'sqlite', path: freshPath() });
    const placeholder = { ...aSchoolContact(), aadObjectId: 'upn:jan@school.example', email: 'jan@school.example' };
    await stores.directory.upsertMembers([placeholder]);

    await expect(stores.directory.linkMember(placeholder.aadObjectId, memberId(60), () => anAuditEntry({ objectId: memberId(60), at: 'yesterday' }))).rejects.toThrow(InvalidDocumentError);

    expect(await stores.directory.getMember(placeholder.aadObjectId)).toStrictEqual(placeholder);
    expect(await stores.directory.getMember(memberId(60))).toBeUndefined();
    await stores.close();
  });

  it('holds its file for one process: a second open fails with SqliteFileInUse naming the file, and succeeds once the first has closed', () => {
    const path = freshPath();
    const first = openSqliteDatabase(path);

    expect(() => openSqliteDatabase(path, { waitMs: 20 })).toThrow(SqliteFileInUse);
    expect(() => openSqliteDatabase(path, { waitMs: 20 })).toThrow(`The SQLite file ${path} is in use by another process`);
    // Nothing was taken from the first: it still writes.
    first.exec('CREATE TABLE still_mine (x)');
    first.close();

    const second = openSqliteDatabase(path, { waitMs: 20 });
    expect(second.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'still_mine'").get()).toStrictEqual({ n: 1 });
    second.close();
  });

  it('keeps no rate budget: the process holding the file counts Teams\' limits in memory, and an older file loses its budget table', async () => {
    const path = freshPath();
    const old = databaseAtSchema(path, 9);
    old.prepare(`INSERT INTO rate_budget (key, log, expires_at) VALUES ('teams:conversation:a:1', '{"times":[],"buckets":[]}', 0)`).run();
    old.close();

    const db = openSqliteDatabase(path);
    const stores = sqliteStoresOver(db);

    expect(stores.rateBudget).toBeUndefined();
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name LIKE 'rate_budget%'`).all()).toStrictEqual([]);
    await stores.close();
  });

  it('opens an up-to-date database again without migrating it twice', () => {
    const path = freshPath();
    openSqliteDatabase(path).close();

    const db = openSqliteDatabase(path);

    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
  });

  it('refuses a database written by a newer schema than this code knows', () => {
    const path = freshPath();
    const db = openSqliteDatabase(path);
    db.pragma(`user_version = ${migrations.length + 1}`);
    db.close();

    expect(() => openSqliteDatabase(path)).toThrow(/newer than this code knows/);
  });

  it('finds due and issued-by signals through their indexes, never by scanning every signal', () => {
    const db = openSqliteDatabase(freshPath());
    const plan = (sql: string, ...params: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');

    const now = '2026-03-02T00:00:00.000Z';

    expect(plan(signalSql.listDispatchDue, now, 10)).toMatch(/USING INDEX signals_by_dispatch_due/);
    expect(plan(signalSql.listDeadlinesDue, now, 10)).toMatch(/USING INDEX signals_by_next_deadline/);
    expect(plan(signalSql.listIssuedBy, 'member', now)).toMatch(/USING INDEX signals_by_issuer/);
    expect(plan(signalSql.listAwaitingRouting, '["GM0917","GM1680"]')).toMatch(/USING INDEX signals_awaiting_routing/);
    db.close();
  });

  it("reads the digest's facts by the municipality and issue index, a school's from elsewhere by the school index, the trend from those indexes alone, never touching identities", () => {
    const db = openSqliteDatabase(freshPath());
    const plan = (sql: string, params: Record<string, string>) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail).join('\n');
    const range = { from: '2025-03-02T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z' };

    for (const municipalities of ['["GM0917"]', '["GM0917","GM1680"]']) {
      const detail = plan(signalSql.listFactsIssuedBetween, { ...range, municipalities, schools: '["12AB00"]' });
      expect(detail).toMatch(/SEARCH s USING INDEX signals_facts_by_municipality_issued \(municipality_id=\? AND issued_at>\? AND issued_at<\?\)/);
      expect(detail).toMatch(/SEARCH s USING INDEX signals_facts_by_school_issued \(fact_school_id=\? AND issued_at>\? AND issued_at<\?\)/);
      expect(detail).not.toMatch(/SCAN s\b/);
    }
    expect(signalSql.listFactsIssuedBetween).not.toMatch(/signal_identities/);
    // The trend's counts: per week one search of a covering index, no table row read.
    const weeks = '[["2026-03-02T00:00:00.000Z","2026-03-09T00:00:00.000Z"]]';
    const trend = plan(signalSql.countWeeklyHeadlines, { weeks, municipalities: '["GM0917"]' });
    expect(trend).toMatch(/SEARCH s USING COVERING INDEX signals_facts_by_municipality_issued \(municipality_id=\? AND issued_at>\? AND issued_at<\?\)/);
    expect(trend).not.toMatch(/SCAN s\b/);
    const atSchools = plan(signalSql.countWeeklyHeadlinesAtSchools, { weeks, municipalities: '["GM0917"]', schools: '["12AB00"]' });
    expect(atSchools).toMatch(/SEARCH s USING COVERING INDEX signals_facts_by_school_issued \(fact_school_id=\? AND issued_at>\? AND issued_at<\?\)/);
    expect(atSchools).not.toMatch(/SCAN s\b/);
    for (const sql of [signalSql.countWeeklyHeadlines, signalSql.countWeeklyHeadlinesAtSchools]) expect(sql).not.toMatch(/signal_identities/);
    db.close();
  });

  it("refuses facts a record cannot give, rather than feeding the digest's figures garbage", async () => {
    const db = openSqliteDatabase(freshPath());
    const stores = sqliteStoresOver(db);
    const signal = aSignal();
    await stores.signals.create(signal);
    const week = [new Date('2026-03-02T00:00:00.000Z'), new Date('2026-03-09T00:00:00.000Z')] as const;
    db.prepare(`UPDATE signals SET fact_support_categories = '["hugs"]' WHERE id = ?`).run(signal.id);

    await expect(stores.signals.listFactsIssuedBetween({ municipalityIds: [MUNICIPALITY_ID], schoolIds: [] }, ...week)).rejects.toBeInstanceOf(InvalidDocumentError);

    db.prepare(`UPDATE signals SET fact_support_categories = '[]', fact_via_leerplicht = 7 WHERE id = ?`).run(signal.id);
    await expect(stores.signals.listFactsIssuedBetween({ municipalityIds: [MUNICIPALITY_ID], schoolIds: [] }, ...week)).rejects.toBeInstanceOf(InvalidDocumentError);
    await stores.close();
  });

  it("keeps the fact columns in step with the document on every write, so the digest never reads a document", async () => {
    const stores = await createStores({ kind: 'sqlite', path: freshPath() });
    const created = await stores.signals.create(aSignal());
    const at = (iso: string) => new Date(iso);
    const delivered = deliveredToAll(created.value, at('2026-03-03T07:00:00.000Z'));
    const picked = acknowledge(delivered, PRIMARY, at('2026-03-03T07:30:00.000Z'));
    const supported = recordSupport(picked, PRIMARY, { categories: ['quiet_place'], priorConcern: 'unknown' }, at('2026-03-03T09:00:00.000Z'));
    await stores.signals.replace(supported, created.etag);

    const [facts] = await stores.signals.listFactsIssuedBetween({ municipalityIds: [MUNICIPALITY_ID], schoolIds: [] }, at('2026-03-02T00:00:00.000Z'), at('2026-03-09T00:00:00.000Z'));

    expect(facts).toStrictEqual(factsOf(splitSignal(supported).document));
    await stores.close();
  });

  it('fills the fact columns of records kept before schema 6 from their documents', async () => {
    const path = freshPath();
    const old = databaseAtSchema(path, 5);
    const at = (iso: string) => new Date(iso);
    const bounced = bounce(deliveredToAll(aSignal(), at('2026-03-03T07:00:00.000Z')), PRIMARY, WORKER, at('2026-03-03T08:00:00.000Z'));
    const { document } = splitSignal(bounced);
    old
      .prepare(
        `INSERT INTO signals (id, reference, municipality_id, school_id, state, issued_by, issued_at, dispatch_due_at, version, document)
         VALUES (@id, @reference, @municipalityId, NULL, @state, @issuedBy, @issuedAt, @dispatchDueAt, 1, @document)`,
      )
      .run({ ...document, dispatchDueAt: document.dispatchDueAt ?? null, document: JSON.stringify(document) });
    old.close();

    const stores = await createStores({ kind: 'sqlite', path });

    const facts = await stores.signals.listFactsIssuedBetween({ municipalityIds: [MUNICIPALITY_ID], schoolIds: [] }, at('2026-03-02T00:00:00.000Z'), at('2026-03-09T00:00:00.000Z'));
    expect(facts).toStrictEqual([factsOf(document)]);
    await stores.close();
  });

  it('upgrades a database written by schema 1, keeping its signals readable and its members listed', async () => {
    const path = freshPath();
    const old = databaseAtSchema(path, 1);
    old
      .prepare(
        `INSERT INTO signals (id, reference, municipality_id, school_id, issued_by, issued_at, dispatch_due_at, version, document)
         VALUES (@id, @reference, @municipalityId, @schoolId, @issuedBy, @issuedAt, @dispatchDueAt, 3, @document)`,
      )
      .run({ ...schemaOneSignal, document: JSON.stringify(schemaOneSignal) });
    const officer = aLeerplichtOfficer({ municipalityIds: [MUNICIPALITY_ID, 'GM1680'] });
    const coordinator = aCoordinator();
    for (const member of [officer, coordinator, aSchoolContact()]) {
      old.prepare(`INSERT INTO members (id, document) VALUES (?, ?)`).run(member.aadObjectId, JSON.stringify(member));
    }
    old.close();

    const stores = await createStores({ kind: 'sqlite', path });

    const upgraded = await stores.signals.get(schemaOneSignal.id);
    expect(upgraded?.etag).toBe('5');
    expect(upgraded?.value).toStrictEqual({
      ...schemaOneSignal,
      // Schema 5: the default plan to forget the child, five days after issue.
      redactAt: '2026-02-07T19:30:00.000Z',
      nextDeadlineAt: '2026-02-07T19:30:00.000Z',
      route: 'direct',
      triedSchoolIds: [],
      deliveries: schemaOneSignal.deliveries.map((d) => ({
        ...d,
        key: `school_contact:${d.recipientId}:${SCHOOL_ID}`,
        role: 'school_contact',
        schoolId: SCHOOL_ID,
      })),
    });
    expect(await stores.directory.listMunicipalityMembers('leerplicht', 'GM1680')).toStrictEqual([officer]);
    expect(await stores.directory.listMunicipalityMembers('coordinator', MUNICIPALITY_ID)).toStrictEqual([coordinator]);
    // The rebuilt table takes a signal without a school, and finds it by state.
    const waiting = aSignalViaLeerplicht();
    await stores.signals.create(waiting);
    expect(await stores.signals.listAwaitingRouting([MUNICIPALITY_ID])).toStrictEqual([waiting]);
    await stores.close();
  });

  it('keeps the state and next deadline columns in step with the document on every write', async () => {
    const db = openSqliteDatabase(freshPath());
    const stores = sqliteStoresOver(db);
    const signal = aSignalWithDeadline(new Date('2026-03-03T09:00:00.000Z'));
    const created = await stores.signals.create(signal);
    const row = () => db.prepare(`SELECT state, school_id, next_deadline_at FROM signals WHERE id = ?`).get(signal.id);
    expect(row()).toEqual({ state: 'issued', school_id: SCHOOL_ID, next_deadline_at: '2026-03-03T09:00:00.000Z' });
    const withoutDeadline = { ...signal, state: 'delivered' as const };
    delete withoutDeadline.nextDeadlineAt;

    await stores.signals.replace(withoutDeadline, created.etag);

    expect(row()).toEqual({ state: 'delivered', school_id: SCHOOL_ID, next_deadline_at: null });
    await stores.close();
  });

  it('skips a due signal it cannot read (say, written by a newer release before a rollback) and reports it, so every other child is still forgotten and every other card still sent', async () => {
    const db = openSqliteDatabase(freshPath());
    const unreadable: string[] = [];
    const stores = sqliteStoresOver(db, { onUnreadableSignal: (signalId) => unreadable.push(signalId) });
    const due = new Date('2026-03-03T09:00:00.000Z');
    const broken = aSignalWithDeadline(due);
    const fine = aSignalWithDeadline(due);
    await stores.signals.create(broken);
    await stores.signals.create(fine);
    db.prepare(`UPDATE signals SET document = json_set(document, '$.state', 'a_state_of_a_newer_release') WHERE id = ?`).run(broken.id);

    const deadlines = await stores.signals.listDeadlinesDue(due, 10);
    const dispatch = await stores.signals.listDispatchDue(due, 10);

    expect(deadlines.map((s) => s.value.id)).toEqual([fine.id]);
    expect(dispatch.map((s) => s.value.id)).toEqual([fine.id]);
    expect(unreadable).toEqual([broken.id, broken.id]);
    await stores.close();
  });

  it('upgrades a database written by schema 3: next deadlines from the documents, identities moved apart with a plan to forget', async () => {
    const path = freshPath();
    const old = databaseAtSchema(path, 3);
    const withDeadline = aSignalWithDeadline(new Date('2026-03-03T09:00:00.000Z'));
    const without = aSignal();
    const insert = old.prepare(
      `INSERT INTO signals (id, reference, municipality_id, school_id, state, issued_by, issued_at, dispatch_due_at, version, document)
       VALUES (@id, @reference, @municipalityId, @schoolId, @state, @issuedBy, @issuedAt, @dispatchDueAt, 1, @document)`,
    );
    for (const s of [withDeadline, without]) insert.run({ ...s, schoolId: s.schoolId ?? null, document: JSON.stringify(s) });
    old.close();

    const stores = await createStores({ kind: 'sqlite', path });

    const forgetAt = '2026-03-07T19:30:00.000Z';
    const due = await stores.signals.listDeadlinesDue(new Date('2026-03-06T00:00:00.000Z'), 10);
    expect(due).toStrictEqual([{ value: { ...withDeadline, redactAt: forgetAt }, etag: '2' }]);
    expect(await stores.signals.get(without.id)).toStrictEqual({
      value: { ...without, redactAt: forgetAt, nextDeadlineAt: forgetAt },
      etag: '2',
    });
    await stores.close();
    const db = openSqliteDatabase(path);
    const documents = db.prepare(`SELECT document FROM signals`).all() as Array<{ document: string }>;
    expect(documents.map((d) => d.document).join()).not.toContain(without.child!.firstName);
    expect(db.prepare(`SELECT count(*) AS n FROM signal_identities`).get()).toEqual({ n: 2 });
    db.close();
  });

  it("keeps the child's identity out of the signal's row, and out of the file once forgotten", async () => {
    const path = freshPath();
    const db = openSqliteDatabase(path);
    const stores = sqliteStoresOver(db);
    const signal = aSignal({ child: { firstName: 'Zwaantje', lastName: 'Quakkelaar', birthDate: '2016-05-14' } });
    const created = await stores.signals.create(signal);
    expect(db.prepare(`SELECT document FROM signals`).get()).not.toEqual(expect.objectContaining({ document: expect.stringContaining('Zwaantje') }));

    await stores.signals.replace(forgetChild(created.value, new Date('2026-03-03T16:00:00.000Z')), created.etag);
    await stores.close();

    // Closing the last connection checkpoints the write-ahead log into the file and removes it.
    const bytes = readFileSync(path).toString('latin1');
    expect(bytes).not.toContain('Zwaantje');
    expect(bytes).not.toContain('Quakkelaar');
    expect(bytes).not.toContain('2016-05-14');
  });

  it('clears a forgotten name from the write-ahead log when retention runs, while the store stays open', async () => {
    const path = freshPath();
    const stores = await createStores({ kind: 'sqlite', path });
    const created = await stores.signals.create(aSignal({ child: { firstName: 'Wobbeltje', lastName: 'Quakkelaar', birthDate: '2016-05-14' } }));
    await stores.signals.replace(forgetChild(created.value, new Date('2026-03-03T16:00:00.000Z')), created.etag);
    const wal = () => (existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`).toString('latin1') : '');
    expect(wal()).toContain('Wobbeltje');

    await stores.signals.purgeExpiredIdentities(new Date('2026-03-03T16:00:00.000Z'), 10);

    expect(wal()).not.toContain('Wobbeltje');
    expect(readFileSync(path).toString('latin1')).not.toContain('Wobbeltje');
    await stores.close();
  });

  it('refuses to change an audit entry once written', async () => {
    const path = freshPath();
    const stores = await createStores({ kind: 'sqlite', path });
    await stores.audit.append(anAuditEntry());
    await stores.close();
    const db = openSqliteDatabase(path);

    expect(() => db.prepare(`UPDATE audit SET at = '2000-01-01T00:00:00.000Z'`).run()).toThrow(/cannot be changed/);
    db.close();
  });
});

/** A signal as schema 1's code wrote it: one school, contacts' cards keyed by recipient only. */
const schemaOneSignal = {
  id: 'signal-legacy',
  reference: 'HWC-XYZ2',
  municipalityId: MUNICIPALITY_ID,
  schoolId: SCHOOL_ID,
  child: { firstName: 'Noor', lastName: 'van Dijk', birthDate: '2016-05-14' },
  issuedBy: VT_WORKER_ID,
  issuedAt: '2026-02-02T19:30:00.000Z',
  state: 'delivered',
  stateChangedAt: '2026-02-02T19:30:01.000Z',
  timeline: [{ at: '2026-02-02T19:30:00.000Z', type: 'issued', actorId: VT_WORKER_ID }],
  deliveries: [
    {
      recipientId: PRIMARY_CONTACT_ID,
      recipientName: 'Anouk de Wit',
      rank: 'primary',
      view: 'signal',
      shownView: 'signal',
      status: 'sent',
      conversationId: 'a:primary',
      activityId: '1:primary',
      attempts: 0,
    },
    {
      recipientId: BACKUP_CONTACT_ID,
      recipientName: 'Jeroen Smit',
      rank: 'backup',
      view: 'signal',
      status: 'pending',
      attempts: 1,
      nextAttemptAt: '2026-02-02T19:31:00.000Z',
      lastError: 'HTTP 429',
    },
  ],
  dispatchDueAt: '2026-02-02T19:31:00.000Z',
};
