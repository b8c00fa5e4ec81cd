import { directorySchema, type Directory } from '../domain/directory';
import type { DirectoryStore } from '../ports';

export class DirectoryFileError extends Error {
  constructor(readonly problems: string[]) {
    super(`The directory has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'DirectoryFileError';
  }
}

/**
 * Validates a directory document completely, naming every bad entry, and upserts it. Importing
 * the same file twice changes nothing. Names and e-mail addresses of staff may appear in the
 * problems; children never are part of the directory.
 */
export async function importDirectory(store: DirectoryStore, raw: unknown): Promise<Directory> {
  const directory = parseDirectory(raw);
  await store.upsertMunicipalities(directory.municipalities);
  await store.upsertSchools(directory.schools);
  await store.upsertMembers(directory.members);
  return directory;
}

export function parseDirectory(raw: unknown): Directory {
  const parsed = directorySchema.safeParse(raw);
  if (!parsed.success) {
    throw new DirectoryFileError(parsed.error.issues.map((i) => `${describePath(raw, i.path)}: ${i.message}`));
  }
  const problems = crossReferenceProblems(parsed.data);
  if (problems.length > 0) throw new DirectoryFileError(problems);
  return parsed.data;
}

function crossReferenceProblems(d: Directory): string[] {
  const problems: string[] = [];
  const municipalities = new Set(d.municipalities.map((m) => m.id));
  const schools = new Set(d.schools.map((s) => s.id));
  problems.push(...duplicates(d.municipalities.map((m) => m.id), 'municipalities'));
  problems.push(...duplicates(d.schools.map((s) => s.id), 'schools'));
  problems.push(...duplicates(d.members.map((m) => m.aadObjectId), 'members'));
  d.schools.forEach((s, i) => {
    if (!municipalities.has(s.municipalityId)) {
      problems.push(`schools[${i}] (${s.id}): unknown municipality ${s.municipalityId}`);
    }
  });
  d.members.forEach((m, i) => {
    for (const role of m.roles) {
      const where = `members[${i}] (${m.aadObjectId}) role ${role.role}`;
      const municipalityIds = 'municipalityIds' in role ? role.municipalityIds : [];
      const schoolIds = role.role === 'school_contact' ? [role.schoolId] : role.role === 'manager' ? role.schoolIds : [];
      for (const id of municipalityIds) if (!municipalities.has(id)) problems.push(`${where}: unknown municipality ${id}`);
      for (const id of schoolIds) if (!schools.has(id)) problems.push(`${where}: unknown school ${id}`);
    }
  });
  return problems;
}

function duplicates(ids: string[], list: string): string[] {
  const seen = new Set<string>();
  const repeated = new Set(ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false))));
  return [...repeated].map((id) => `${list}: ${id} appears more than once`);
}

/** `members[2].roles[0].schoolId` plus the entry's id where there is one, so an admin finds it. */
function describePath(raw: unknown, path: PropertyKey[]): string {
  const text = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  const [list, index] = path;
  const entry =
    typeof list === 'string' && typeof index === 'number' && raw && typeof raw === 'object'
      ? (raw as Record<string, unknown[]>)[list]?.[index]
      : undefined;
  const id = entry && typeof entry === 'object' ? ((entry as Record<string, unknown>).id ?? (entry as Record<string, unknown>).aadObjectId) : undefined;
  return typeof id === 'string' ? `${text || '(root)'} (${id})` : text || '(root)';
}
