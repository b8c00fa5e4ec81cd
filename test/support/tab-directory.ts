/** A directory with one person per tab audience, for the tab's API and browser tests. */
import type { Directory } from '../../src/domain/directory';
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
