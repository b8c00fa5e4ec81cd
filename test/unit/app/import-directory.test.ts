import { DirectoryFileError, importDirectory, parseDirectory } from '../../../src/app/import-directory';
import type { Directory } from '../../../src/domain/directory';
import { createMemoryStores } from '../../../src/store/memory';
import { BACKUP_CONTACT_ID, PRIMARY_CONTACT_ID, SCHOOL_ID, VT_WORKER_ID, memberId } from '../../fixtures/directory';
import { aSchoolDirectory } from '../../fixtures/school-directory';

/** The problems a directory file is refused with; fails the test when it is accepted. */
function problemsOf(raw: unknown): string[] {
  try {
    parseDirectory(raw);
  } catch (error) {
    if (error instanceof DirectoryFileError) return error.problems;
    throw error;
  }
  throw new Error('the directory was accepted');
}

describe('parsing a directory file', () => {
  it('accepts the fixture directory and fills in defaults', () => {
    const raw = { municipalities: [{ id: 'GM0917', name: 'Heerlen' }], schools: [], members: [{ aadObjectId: VT_WORKER_ID, name: 'Petra' }] };
    expect(parseDirectory(raw)).toEqual({
      municipalities: [{ id: 'GM0917', name: 'Heerlen', routing: 'direct' }],
      schools: [],
      members: [{ aadObjectId: VT_WORKER_ID, name: 'Petra', roles: [] }],
    });
  });

  it('names every entry with a bad shape, each with its id', () => {
    const raw = {
      municipalities: [{ id: 'GM0917', name: 'Heerlen' }],
      schools: [
        { id: '12AB00', name: 'De Regenboog', municipalityId: 'GM0917' },
        { id: '12-AB', name: 'Bad BRIN school', municipalityId: 'GM0917' },
      ],
      members: [
        { aadObjectId: memberId(1), name: 'Petra', roles: [{ role: 'vt_worker', municipalityIds: ['GM0917'] }] },
        { aadObjectId: memberId(2), name: 'Anouk', roles: [{ role: 'headmaster' }] },
        { aadObjectId: memberId(3), name: 'Jeroen', roles: [{ role: 'school_contact', schoolId: '12AB00', rank: 'boss' }] },
      ],
    };
    const problems = problemsOf(raw);
    expect(problems).toHaveLength(3);
    expect(problems.find((p) => p.startsWith('schools[1].id'))).toContain('(12-AB)');
    expect(problems.find((p) => p.startsWith('members[1].roles[0]'))).toContain(`(${memberId(2)})`);
    expect(problems.find((p) => p.startsWith('members[2].roles[0].rank'))).toContain(`(${memberId(3)})`);
  });

  it('names every entry that refers to something unknown or repeats an id', () => {
    const raw = {
      municipalities: [{ id: 'GM0917', name: 'Heerlen' }],
      schools: [
        { id: '12AB00', name: 'De Regenboog', municipalityId: 'GM0917' },
        { id: '12AB00', name: 'De Regenboog (again)', municipalityId: 'GM0917' },
        { id: '34CD00', name: 'De Vlinder', municipalityId: 'GM0999' },
      ],
      members: [
        { aadObjectId: memberId(1), name: 'Petra', roles: [{ role: 'vt_worker', municipalityIds: ['GM0935'] }] },
        { aadObjectId: memberId(2), name: 'Anouk', roles: [{ role: 'school_contact', schoolId: '99ZZ00' }] },
        { aadObjectId: memberId(2).toUpperCase(), name: 'Anouk (again)', roles: [] },
      ],
    };
    const problems = problemsOf(raw);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/schools.*12AB00.*more than once/),
        expect.stringMatching(/members.*00000000-0000-4000-8000-000000000002.*more than once/),
        expect.stringMatching(/schools\[2\] \(34CD00\).*unknown municipality GM0999/),
        expect.stringMatching(/members\[0\] \(00000000-0000-4000-8000-000000000001\).*unknown municipality GM0935/),
        expect.stringMatching(/members\[1\] \(00000000-0000-4000-8000-000000000002\).*unknown school 99ZZ00/),
      ]),
    );
    expect(problems).toHaveLength(5);
  });

  it('names every bad entry of one file at once: bad shapes and bad references alike', () => {
    const raw = {
      municipalities: [{ id: 'GM0917', name: 'Heerlen' }],
      schools: [
        { id: '12AB00', name: 'De Regenboog', municipalityId: 'GM0917' },
        { id: '12AB00', name: 'De Regenboog (again)', municipalityId: 'GM0917' },
        { id: '34CD00', name: 'De Vlinder', municipalityId: 'GM0999' },
        { id: '12-AB', name: 'Bad BRIN school', municipalityId: 'GM0917' },
      ],
      members: [{ aadObjectId: memberId(2), name: 'Anouk', roles: [{ role: 'headmaster' }] }],
    };
    // An administrator fixing the file should not have to discover the next problem one start-up at a time.
    expect(problemsOf(raw)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/12AB00.*more than once/),
        expect.stringMatching(/34CD00.*unknown municipality GM0999/),
        expect.stringMatching(/schools\[3\]\.id \(12-AB\)/),
        expect.stringMatching(/members\[0\]\.roles\[0\].*00000000-0000-4000-8000-000000000002/),
      ]),
    );
  });

  it('puts every problem in the error message, one per line', () => {
    const raw = { municipalities: [{ id: 'Heerlen', name: 'Heerlen' }], schools: [{ id: 'x', name: 'X', municipalityId: 'GM0917' }] };
    const error = (() => {
      try {
        parseDirectory(raw);
      } catch (e) {
        return e as Error;
      }
      throw new Error('accepted');
    })();
    expect(error.message).toMatch(/2 problem/);
    expect(error.message).toContain('municipalities[0].id (Heerlen)');
    expect(error.message).toContain('schools[0].id (x)');
  });

  it('refuses what is not a directory at all', () => {
    expect(problemsOf('not json object').length).toBeGreaterThan(0);
    expect(problemsOf({ schools: 'all of them' })[0]).toMatch(/^schools/);
  });
});

describe('importing a directory', () => {
  it('makes schools, members and contacts findable', async () => {
    const { directory } = createMemoryStores();
    await importDirectory(directory, aSchoolDirectory());
    expect((await directory.getSchool(SCHOOL_ID))?.name).toBe('Basisschool De Regenboog');
    expect((await directory.getMember(VT_WORKER_ID))?.roles.map((r) => r.role)).toEqual(['vt_worker']);
    expect((await directory.listSchoolContacts(SCHOOL_ID)).map((m) => m.aadObjectId)).toEqual([PRIMARY_CONTACT_ID, BACKUP_CONTACT_ID]);
  });

  it('is idempotent: importing the same file twice leaves the same directory', async () => {
    const { directory } = createMemoryStores();
    const file: Directory = aSchoolDirectory();
    await importDirectory(directory, file);
    const snapshot = async () => ({
      schools: await directory.listSchools(['GM0917', 'GM0935']),
      contacts: await directory.listSchoolContacts(SCHOOL_ID),
      worker: await directory.getMember(VT_WORKER_ID),
      municipality: await directory.getMunicipality('GM0917'),
    });
    const once = await snapshot();
    await importDirectory(directory, JSON.parse(JSON.stringify(file)));
    expect(await snapshot()).toEqual(once);
    expect(once.schools).toHaveLength(3);
    expect(once.contacts).toHaveLength(2);
  });

  it('removes a member who is no longer in the file: someone who left loses access', async () => {
    const { directory } = createMemoryStores();
    const file = aSchoolDirectory();
    await importDirectory(directory, file);
    await importDirectory(directory, { ...file, members: file.members.filter((m) => m.aadObjectId !== BACKUP_CONTACT_ID) });
    expect(await directory.getMember(BACKUP_CONTACT_ID)).toBeUndefined();
    expect((await directory.listSchoolContacts(SCHOOL_ID)).map((m) => m.aadObjectId)).toEqual([PRIMARY_CONTACT_ID]);
  });

  it('replaces a member on re-import, so a removed role is gone', async () => {
    const { directory } = createMemoryStores();
    const file = aSchoolDirectory();
    await importDirectory(directory, file);
    const withoutBackupRole = { ...file, members: file.members.map((m) => (m.aadObjectId === BACKUP_CONTACT_ID ? { ...m, roles: [] } : m)) };
    await importDirectory(directory, withoutBackupRole);
    expect((await directory.listSchoolContacts(SCHOOL_ID)).map((m) => m.aadObjectId)).toEqual([PRIMARY_CONTACT_ID]);
  });

  it('refuses a member named by e-mail address in the file, and writes nothing: with the file as the truth nobody is ever linked', async () => {
    const { directory } = createMemoryStores();
    const file = aSchoolDirectory();
    const withAddress = { ...file, members: [...file.members, { name: 'Jan', email: 'jan@school.example', roles: [] }] };
    await expect(importDirectory(directory, withAddress)).rejects.toThrow(/upn:jan@school\.example.*Entra object id/);
    expect(await directory.getMember(VT_WORKER_ID)).toBeUndefined();
  });

  it('writes nothing when the file is refused', async () => {
    const { directory } = createMemoryStores();
    const file = aSchoolDirectory();
    const bad = { ...file, schools: [...file.schools, { id: 'bad', name: 'Bad', municipalityId: 'GM0917' }] };
    await expect(importDirectory(directory, bad)).rejects.toBeInstanceOf(DirectoryFileError);
    expect(await directory.getMunicipality('GM0917')).toBeUndefined();
    expect(await directory.getMember(VT_WORKER_ID)).toBeUndefined();
  });
});
