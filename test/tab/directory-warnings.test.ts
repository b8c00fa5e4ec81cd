/** The admin's warnings count a contact known by address alone as nobody the bot can reach. */
import { directoryWarnings } from '../../bot/tab/directory-warnings';
import { aMunicipality, aSchool, aSchoolContact, PRIMARY_CONTACT_ID, SCHOOL_ID } from '../fixtures/directory';

describe('the directory warnings', () => {
  const now = new Date('2026-12-01T09:00:00Z');
  const byAddress = { aadObjectId: 'upn:jan@school.example', name: 'Jan', email: 'jan@school.example', roles: [{ role: 'school_contact' as const, schoolId: SCHOOL_ID, rank: 'primary' as const }] };

  it('warn of a school whose only contact is not yet linked, whatever is stored for their key', () => {
    const warnings = directoryWarnings({ municipalities: [aMunicipality()], schools: [aSchool()], members: [byAddress] }, new Set([byAddress.aadObjectId]), now);
    expect(warnings).toContainEqual({ kind: 'school_unreachable', id: SCHOOL_ID, name: aSchool().name });
  });

  it('do not warn of a school with a linked contact the bot holds a chat with', () => {
    const warnings = directoryWarnings({ municipalities: [aMunicipality()], schools: [aSchool()], members: [byAddress, aSchoolContact()] }, new Set([PRIMARY_CONTACT_ID]), now);
    expect(warnings).not.toContainEqual(expect.objectContaining({ kind: 'school_unreachable' }));
  });
});
