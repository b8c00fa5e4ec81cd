import type { Directory, Member } from '../../src/domain/directory';

/**
 * The people most end-to-end tests meet: Wendy of Veilig Thuis in Heerlen, and Carla (primary)
 * and Bram (backup), the contacts of Basisschool De Regenboog there.
 */
export const heerlen = {
  municipalityId: 'GM0917',
  schoolId: '12AB00',
  wendy: { aadObjectId: '11111111-1111-4111-8111-111111111111', name: 'Wendy Veilig' },
  carla: { aadObjectId: '22222222-2222-4222-8222-222222222222', name: 'Carla Contact' },
  bram: { aadObjectId: '33333333-3333-4333-8333-333333333333', name: 'Bram Backup' },
} as const;

/**
 * Heerlen with its one school, Wendy and the school's contacts named in `contacts` (both by
 * default), in holiday region `holidayRegion` when given.
 */
export function heerlenDirectory(options: { contacts?: Array<'carla' | 'bram'>; holidayRegion?: 'noord' | 'midden' | 'zuid' } = {}): Directory {
  const { contacts = ['carla', 'bram'], holidayRegion } = options;
  const contact = (who: 'carla' | 'bram'): Member => ({
    ...heerlen[who],
    roles: [{ role: 'school_contact', schoolId: heerlen.schoolId, rank: who === 'carla' ? 'primary' : 'backup' }],
  });
  return {
    municipalities: [{ id: heerlen.municipalityId, name: 'Heerlen', routing: 'direct', ...(holidayRegion ? { holidayRegion } : {}) }],
    schools: [{ id: heerlen.schoolId, name: 'Basisschool De Regenboog', municipalityId: heerlen.municipalityId }],
    members: [{ ...heerlen.wendy, roles: [{ role: 'vt_worker', municipalityIds: [heerlen.municipalityId] }] }, ...contacts.map(contact)],
  };
}
