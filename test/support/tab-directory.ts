/** A directory with one person per tab audience, for the tab's API and browser tests. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importDirectory } from '../../src/app/import-directory';
import type { Directory } from '../../src/domain/directory';
import type { AuditEntry } from '../../src/ports';
import { createStores } from '../../src/store/create-stores';
import { readSqliteFile } from './sqlite-file';
import { aCoordinator, aMunicipality, aSchool, aSchoolContact, aVtWorker, memberId, MUNICIPALITY_ID, SCHOOL_ID } from '../fixtures/directory';

export const ADMIN_ID = memberId(20);
export const MANAGER_ID = memberId(21);
export const SCHOOL_MANAGER_ID = memberId(22);
export const STRANGER_ID = memberId(99);

export function tabDirectory(): Directory {
  return {
    municipalities: [aMunicipality()],
    schools: [aSchool(), aSchool({ id: '34CD01', name: 'Het Kompas' }), aSchool({ id: '56EF02', name: 'De Sterrenwacht' })],
    members: [
      aVtWorker(),
      aSchoolContact(),
      aCoordinator(),
      { aadObjectId: ADMIN_ID, name: 'Ada Beheer', email: 'ada@example.org', roles: [{ role: 'admin' }] },
      { aadObjectId: MANAGER_ID, name: 'Mila Manager', roles: [{ role: 'manager', municipalityIds: [MUNICIPALITY_ID], schoolIds: [] }] },
      { aadObjectId: SCHOOL_MANAGER_ID, name: 'Sam Schoolmanager', roles: [{ role: 'manager', municipalityIds: [], schoolIds: [SCHOOL_ID] }] },
    ],
  };
}

/** A new SQLite file holding `tabDirectory()`: the store is the directory's truth (no directory file). */
export async function sqliteWithTabDirectory(): Promise<string> {
  const sqlitePath = join(mkdtempSync(join(tmpdir(), 'hwc-tab-')), 'hwc.sqlite');
  const stores = await createStores({ kind: 'sqlite', path: sqlitePath });
  await importDirectory(stores.directory, tabDirectory());
  await stores.close();
  return sqlitePath;
}

/** The audit entries about `objectId` in the SQLite file at `sqlitePath` (a bot may be running on it). */
export async function auditIn(sqlitePath: string, objectId: string): Promise<AuditEntry[]> {
  return readSqliteFile(sqlitePath, (stores) => stores.audit.list(objectId));
}
