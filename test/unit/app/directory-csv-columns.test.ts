/**
 * A directory CSV's columns: the import reads the columns it knows and passes over the rest. A
 * spreadsheet export can carry many columns nobody uses (or a header of stray separators); a row
 * holds only the known ones, so such a file costs no more than its size, and the process that
 * also forgets children on time is not held up by it.
 */
import { csvRecords, schoolRows } from '../../../src/app/directory-csv';
import { MUNICIPALITY_ID, SCHOOL_ID } from '../../fixtures/directory';

describe('directory CSV columns', () => {
  it('reads the known columns wherever they stand, and leaves unknown ones out of the entries', () => {
    const csv = [`opmerking;brin;telefoon;naam;gemeente;extra`, `niet nodig;${SCHOOL_ID};0451234567;De Regenboog;${MUNICIPALITY_ID};x`].join('\n');
    const read = schoolRows(csv);
    expect('rows' in read && read.rows).toEqual([{ line: 2, entry: { id: SCHOOL_ID, name: 'De Regenboog', municipalityId: MUNICIPALITY_ID } }]);
  });

  it('keeps only the known columns of each row, however many others the header names', () => {
    const header = `naam;rol;upn${';'.repeat(20_000)}`;
    const rows = Array.from({ length: 200 }, (_, n) => `Lid ${n};beheerder;lid${n}@school.example`);
    const read = csvRecords([header, ...rows].join('\n'));
    if (!('rows' in read)) throw new Error(read.problem);
    expect(read.rows).toHaveLength(200);
    expect(read.rows[199]).toEqual({ line: 201, fields: { name: 'Lid 199', role: 'beheerder', upn: 'lid199@school.example' } });
    expect(new Set(read.rows.flatMap((r) => Object.keys(r.fields)))).toEqual(new Set(['name', 'role', 'upn']));
  });
});
