/**
 * The rows of a directory CSV, as an admin exports them from a spreadsheet: schools (one per row)
 * or members (one row per member and role; a member by Entra object id, or by UPN or e-mail
 * address until they are linked). Header names are Dutch or English, any case; the
 * separator is ";" (Dutch Excel) or ",", whichever the header uses. Each row becomes a plain entry
 * the directory's own schemas then check: this file only reads, it decides nothing.
 */
import { parse } from 'csv-parse/sync';
import { memberKeyOf } from '../domain/directory';

export type CsvKind = 'schools' | 'members';

/** One row read: its line in the file (the header is line 1), and the entry it describes or why not. */
export type CsvRow<T> = { line: number; entry: T } | { line: number; problem: string };

export interface MemberRow {
  aadObjectId: string;
  name: string;
  email?: string;
  /** Undefined: the row removes the member (role `verwijderen`). */
  role?: Record<string, unknown>;
}

const COLUMNS: Record<string, string> = {
  brin: 'id', school: 'school', naam: 'name', name: 'name', gemeente: 'municipality', municipality: 'municipality',
  entra_id: 'aadObjectId', 'entra-id': 'aadObjectId', objectid: 'aadObjectId', object_id: 'aadObjectId', aadobjectid: 'aadObjectId',
  email: 'email', 'e-mail': 'email', upn: 'upn', userprincipalname: 'upn', rol: 'role', role: 'role', gemeenten: 'municipalities', municipalities: 'municipalities', rang: 'rank', rank: 'rank',
};

const ROLE_NAMES: Record<string, string> = {
  vt_worker: 'vt_worker', veilig_thuis: 'vt_worker', 'veilig thuis': 'vt_worker',
  school_contact: 'school_contact', contactpersoon: 'school_contact',
  leerplicht: 'leerplicht', coordinator: 'coordinator', coördinator: 'coordinator',
  manager: 'manager', admin: 'admin', beheerder: 'admin', verwijderen: 'remove', remove: 'remove',
};

/**
 * The file's records by column name (see COLUMNS), with their line numbers; a broken file is one
 * problem. Only the known columns are read: a header can carry any number of others (a
 * spreadsheet's stray separators), and reading those for every row would cost rows × columns.
 */
export function csvRecords(csv: string): { rows: Array<{ line: number; fields: Record<string, string> }> } | { problem: string } {
  const firstLine = csv.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') ? ';' : ',';
  try {
    const raw = parse(csv, { delimiter, bom: true, skip_empty_lines: true, trim: true, relax_column_count: true, info: true }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    const [header, ...body] = raw;
    if (!header) return { problem: 'the file is empty' };
    const known = header.record.flatMap((h, index) => {
      const name = COLUMNS[h.trim().toLowerCase()];
      return name ? [{ name, index }] : [];
    });
    return {
      rows: body.map(({ record, info }) => ({
        line: info.lines,
        fields: Object.fromEntries(known.map(({ name, index }) => [name, record[index] ?? ''])),
      })),
    };
  } catch (error) {
    return { problem: `the file cannot be read as CSV (${error instanceof Error ? error.name : 'error'})` };
  }
}

export function schoolRows(csv: string): { rows: Array<CsvRow<Record<string, unknown>>> } | { problem: string } {
  const read = csvRecords(csv);
  if ('problem' in read) return read;
  return { rows: read.rows.map(({ line, fields }) => ({ line, entry: { id: (fields.id ?? '').toUpperCase(), name: fields.name ?? '', municipalityId: (fields.municipality ?? '').toUpperCase() } })) };
}

export function memberRows(csv: string): { rows: Array<CsvRow<MemberRow>> } | { problem: string } {
  const read = csvRecords(csv);
  if ('problem' in read) return read;
  return {
    rows: read.rows.map(({ line, fields }): CsvRow<MemberRow> => {
      const roleName = ROLE_NAMES[(fields.role ?? '').trim().toLowerCase()];
      if (!roleName) return { line, problem: `unknown role "${fields.role ?? ''}" (vt_worker, school_contact, leerplicht, coordinator, manager, admin or verwijderen)` };
      // Without an object id, the member is known by one address (UPN or e-mail) until linked.
      const upn = (fields.upn ?? '').trim();
      const email = (fields.email ?? '').trim() || (fields.aadObjectId ? '' : upn);
      if (!fields.aadObjectId && upn && email.toLowerCase() !== upn.toLowerCase()) {
        return { line, problem: 'without an entra_id, upn and email must be the same address (or give one of them): the member is known by it until they first sign in' };
      }
      const base = { aadObjectId: memberKeyOf(fields.aadObjectId, upn || email), name: fields.name ?? '', ...(email ? { email } : {}) };
      if (roleName === 'remove') return { line, entry: base };
      const codes = (fields.municipalities ?? '').split(/[\s|,]+/).map((c) => c.trim().toUpperCase()).filter((c) => c !== '');
      const school = (fields.school ?? '').trim().toUpperCase();
      const role: Record<string, unknown> =
        roleName === 'admin'
          ? { role: roleName }
          : roleName === 'school_contact'
            ? { role: roleName, schoolId: school, rank: (fields.rank ?? '').toLowerCase().startsWith('b') || (fields.rank ?? '').toLowerCase().startsWith('r') ? 'backup' : 'primary' }
            : roleName === 'manager'
              ? { role: roleName, municipalityIds: codes, schoolIds: school ? [school] : [] }
              : { role: roleName, municipalityIds: codes };
      return { line, entry: { ...base, role } };
    }),
  };
}
