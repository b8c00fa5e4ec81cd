/**
 * A member an admin knows only by e-mail address or UPN is kept under a placeholder key made of
 * that address (`upn:` and the address in lower case) until their first contact links them to
 * their Entra object id; until then they are not linked, and so nobody to write to.
 */
import { isLinked, isPlaceholderId, memberSchema, placeholderIdOf } from '../../../src/domain/directory';
import { parseDirectory } from '../../../src/app/import-directory';
import { aMunicipality, aSchool, memberId, SCHOOL_ID } from '../../fixtures/directory';

const contactRole = { role: 'school_contact', schoolId: SCHOOL_ID, rank: 'primary' };

describe('the placeholder key of a member known by address only', () => {
  it('is the address in lower case behind upn:, for an e-mail address or a UPN in any case', () => {
    expect(placeholderIdOf('Jan.de.Vries@School.NL')).toBe('upn:jan.de.vries@school.nl');
    expect(placeholderIdOf('  jan@school.nl ')).toBe('upn:jan@school.nl');
    expect(isPlaceholderId('upn:jan@school.nl')).toBe(true);
    expect(isPlaceholderId(memberId(1))).toBe(false);
  });

  it('is no key for what is not an address', () => {
    expect(placeholderIdOf('jan')).toBeUndefined();
    expect(placeholderIdOf('jan@school')).toBeUndefined();
    expect(placeholderIdOf('')).toBeUndefined();
  });

  it('keys a member given with an e-mail address and no object id (absent or empty) by that address, not linked', () => {
    for (const given of [{}, { aadObjectId: '' }, { aadObjectId: '  ' }]) {
      const member = memberSchema.parse({ ...given, name: 'Jan de Vries', email: 'Jan@School.nl', roles: [contactRole] });
      expect(member).toEqual({ aadObjectId: 'upn:jan@school.nl', name: 'Jan de Vries', email: 'Jan@School.nl', roles: [contactRole] });
      expect(isLinked(member)).toBe(false);
    }
  });

  it('reads a stored placeholder back as it was, its address from the key when none is given', () => {
    expect(memberSchema.parse({ aadObjectId: 'UPN:jan@school.nl', name: 'Jan', roles: [] })).toEqual({ aadObjectId: 'upn:jan@school.nl', name: 'Jan', email: 'jan@school.nl', roles: [] });
  });

  it('keeps a member with an object id linked, in lower case, whatever their e-mail address', () => {
    const member = memberSchema.parse({ aadObjectId: 'ABCDEF01-0000-4000-8000-000000000050', name: 'Noor', email: 'noor@example.org' });
    expect(member.aadObjectId).toBe('abcdef01-0000-4000-8000-000000000050');
    expect(isLinked(member)).toBe(true);
  });

  it('refuses a member with neither an object id nor an address, a bad key, or a placeholder whose address differs from its key', () => {
    const fieldsOf = (raw: unknown) => (memberSchema.safeParse(raw).error?.issues ?? []).map((i) => i.path.join('.'));
    expect(fieldsOf({ name: 'Jan', roles: [] })).toContain('aadObjectId');
    expect(fieldsOf({ aadObjectId: 'upn:nobody', name: 'Jan' })).toContain('aadObjectId');
    expect(fieldsOf({ aadObjectId: 'jan@school.nl', name: 'Jan' })).toContain('aadObjectId');
    expect(fieldsOf({ name: 'Jan', email: 'not-an-address' })).toEqual(expect.arrayContaining(['aadObjectId', 'email']));
    expect(fieldsOf({ aadObjectId: 'upn:jan@school.nl', name: 'Jan', email: 'piet@school.nl' })).toEqual(['email']);
  });

  it('refuses a directory that holds someone twice: by object id and, with the same address, by placeholder', () => {
    const directory = {
      municipalities: [aMunicipality()],
      schools: [aSchool()],
      members: [
        { aadObjectId: memberId(5), name: 'Jan', email: 'Jan@school.nl', roles: [contactRole] },
        { name: 'Jan', email: 'jan@school.nl', roles: [contactRole] },
      ],
    };
    expect(() => parseDirectory(directory)).toThrow(/jan@school\.nl is already in the directory/);
  });
});
