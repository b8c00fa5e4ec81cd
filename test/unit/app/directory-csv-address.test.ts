/**
 * A people CSV may name someone by e-mail address or UPN instead of an Entra object id: such rows
 * become one member keyed by that address (not yet linked), gathered over their rows like any
 * other, and a `verwijderen` row with the address alone removes them.
 */
import { memberRows } from '../../../src/app/directory-csv';
import { ImportDirectoryCsv } from '../../../src/app/import-directory-csv';
import { importDirectory } from '../../../src/app/import-directory';
import { createMemoryStores } from '../../../src/store/memory';
import { MUNICIPALITY_ID, SCHOOL_ID, aMunicipality, aSchool, memberId } from '../../fixtures/directory';
import { FixedClock } from '../../support/fixed-clock';

const ADMIN_ID = memberId(20);

describe('people CSV rows with an address instead of an object id', () => {
  it('keys a row without entra_id by its upn, else its e-mail address, in lower case', () => {
    const csv = ['entra_id;naam;email;upn;rol;school', `;Jan de Vries;;Jan.deVries@School.example;contactpersoon;${SCHOOL_ID}`, `;Piet Puk;Piet@school.example;;leerplicht;`, `${memberId(5).toUpperCase()};Els;els@school.example;;beheerder;`].join('\n');
    const read = memberRows(csv);
    expect('rows' in read && read.rows.map((r) => ('entry' in r ? [r.entry.aadObjectId, r.entry.email] : r.problem))).toEqual([
      ['upn:jan.devries@school.example', 'Jan.deVries@School.example'],
      ['upn:piet@school.example', 'Piet@school.example'],
      [memberId(5), 'els@school.example'],
    ]);
  });

  it('refuses a row without entra_id whose upn and e-mail address differ: the member is known by one address until linked', () => {
    const read = memberRows(`naam;email;upn;rol\nJan;jan@school.example;j.devries@school.example;beheerder`);
    expect('rows' in read && read.rows).toEqual([{ line: 2, problem: expect.stringContaining('upn and email') }]);
  });

  it('previews and applies a member by address over two rows as one member, and removes them by address', async () => {
    const stores = createMemoryStores();
    await importDirectory(stores.directory, { municipalities: [aMunicipality()], schools: [aSchool()], members: [{ aadObjectId: ADMIN_ID, name: 'Ada', roles: [{ role: 'admin' }] }] });
    const csvImport = new ImportDirectoryCsv({ directory: stores.directory, audit: stores.audit, clock: new FixedClock('2026-12-01T09:00:00Z'), readOnly: false });
    const csv = ['naam;email;rol;school;gemeenten', `Jan de Vries;jan@school.example;contactpersoon;${SCHOOL_ID};`, `Jan de Vries;jan@school.example;coordinator;;${MUNICIPALITY_ID}`].join('\n');

    const preview = await csvImport.preview(ADMIN_ID, 'members', csv);
    expect(preview).toMatchObject({ added: [{ id: 'upn:jan@school.example', name: 'Jan de Vries' }], errors: [] });
    expect(await csvImport.apply(ADMIN_ID, 'members', csv, preview.version)).toMatchObject({ applied: true });
    expect((await stores.directory.getMember('upn:jan@school.example'))?.roles.map((r) => r.role)).toEqual(['school_contact', 'coordinator']);
    expect(await stores.directory.listSchoolContacts(SCHOOL_ID)).toEqual([]);

    const removal = `email;naam;rol\nJan@School.example;Jan de Vries;verwijderen`;
    const removing = await csvImport.preview(ADMIN_ID, 'members', removal);
    expect(removing).toMatchObject({ removed: [{ id: 'upn:jan@school.example' }], errors: [] });
    await csvImport.apply(ADMIN_ID, 'members', removal, removing.version);
    expect(await stores.directory.getMember('upn:jan@school.example')).toBeUndefined();
  });
});
