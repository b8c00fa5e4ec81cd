import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStores } from '../../src/store/create-stores';
import { migrations, openSqliteDatabase } from '../../src/store/sqlite';
import { signalSql } from '../../src/store/sqlite/signal-sql';
import { anAuditEntry } from '../fixtures/audit';
import { SCHOOL_ID, aSchoolContact } from '../fixtures/directory';
import { aSignal } from '../fixtures/signals';
import { describeStoreContract } from './store-contract';

let folder: string;
let opened = 0;
/** A path in a folder that does not exist yet: opening must create it. */
const freshPath = () => join(folder, `run-${++opened}`, 'hwc.sqlite');

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'hwc-sqlite-'));
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describeStoreContract('sqlite', () => createStores({ kind: 'sqlite', path: freshPath() }));

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
    expect(plan(signalSql.listIssuedBy, 'member', now)).toMatch(/USING INDEX signals_by_issuer/);
    db.close();
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
