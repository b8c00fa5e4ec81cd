import { z } from 'zod';
import { addressOfPlaceholder, isLinked, memberSchema, municipalitySchema, schoolSchema, type Directory } from '../domain/directory';
import type { DirectoryStore } from '../ports';

export class DirectoryFileError extends Error {
  constructor(readonly problems: string[]) {
    super(`The directory has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'DirectoryFileError';
  }
}

/**
 * Validates a directory document completely, naming every bad entry, and upserts it; members
 * missing from it are removed (someone who left loses access). Importing the same file twice
 * changes nothing. Names and e-mail addresses of staff may appear in the
 * problems; children never are part of the directory.
 */
export async function importDirectory(store: DirectoryStore, raw: unknown): Promise<Directory> {
  const directory = parseDirectory(raw);
  // Linking re-keys a member in the store, and the file's next import would undo it: with the file
  // as the truth (the tab cannot edit it), a member known by address would never be reachable.
  const byAddress = directory.members.filter((m) => !isLinked(m));
  if (byAddress.length > 0) {
    throw new DirectoryFileError(byAddress.map((m) => `members (${m.aadObjectId}): the directory file names members by Entra object id; members added by e-mail address are linked only while the tab keeps the directory`));
  }
  await store.upsertMunicipalities(directory.municipalities);
  await store.upsertSchools(directory.schools);
  await store.upsertMembers(directory.members);
  // The file is the whole truth about people: whoever is no longer in it loses every role.
  await store.removeMembersExcept(directory.members.map((m) => m.aadObjectId));
  return directory;
}

const fileShape = z.object({
  municipalities: z.array(z.unknown()).default([]),
  schools: z.array(z.unknown()).default([]),
  members: z.array(z.unknown()).default([]),
});

/**
 * Whether someone is left to keep the directory in the tab: an edit or an import that would take
 * the last admin role away is refused, or nobody could ever undo it there.
 */
export function lastAdminProblem(d: Directory): string | undefined {
  return d.members.some((m) => m.roles.some((r) => r.role === 'admin')) ? undefined : 'the directory must keep at least one admin: nobody could change it in the tab any more';
}

/** Checks every entry on its own, then the references between them, and reports all at once. */
export function parseDirectory(raw: unknown): Directory {
  const file = fileShape.safeParse(raw);
  if (!file.success) {
    throw new DirectoryFileError(file.error.issues.map((i) => `${pathText(i.path) || '(file)'}: ${i.message}`));
  }
  const problems: string[] = [];
  const directory: Directory = {
    municipalities: parseEntries(file.data.municipalities, municipalitySchema, 'municipalities', problems),
    schools: parseEntries(file.data.schools, schoolSchema, 'schools', problems),
    members: parseEntries(file.data.members, memberSchema, 'members', problems),
  };
  problems.push(...crossReferenceProblems(directory));
  if (problems.length > 0) throw new DirectoryFileError(problems);
  return directory;
}

function parseEntries<T>(entries: unknown[], schema: z.ZodType<T>, list: string, problems: string[]): T[] {
  return entries.flatMap((entry, index) => {
    const parsed = schema.safeParse(entry);
    if (parsed.success) return [parsed.data];
    problems.push(...parsed.error.issues.map((i) => `${pathText([list, index, ...i.path])}${idOf(entry)}: ${i.message}`));
    return [];
  });
}

function crossReferenceProblems(d: Directory): string[] {
  const problems: string[] = [];
  const municipalities = new Set(d.municipalities.map((m) => m.id));
  const schools = new Set(d.schools.map((s) => s.id));
  problems.push(...duplicates(d.municipalities.map((m) => m.id), 'municipalities'));
  problems.push(...duplicates(d.schools.map((s) => s.id), 'schools'));
  problems.push(...duplicates(d.members.map((m) => m.aadObjectId), 'members'));
  // Someone kept by object id and also by their address would be linked into a second entry.
  const linkedAddresses = new Map(d.members.filter(isLinked).flatMap((m) => (m.email ? [[m.email.toLowerCase(), m.aadObjectId] as const] : [])));
  for (const m of d.members) {
    const linked = isLinked(m) ? undefined : linkedAddresses.get(addressOfPlaceholder(m.aadObjectId));
    if (linked) problems.push(`members: ${addressOfPlaceholder(m.aadObjectId)} is already in the directory as ${linked}`);
  }
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

/** The entry's id, so an administrator finds it in the file: ` (12AB00)`. */
function idOf(entry: unknown): string {
  if (!entry || typeof entry !== 'object') return '';
  const { id, aadObjectId } = entry as Record<string, unknown>;
  const found = typeof id === 'string' ? id : typeof aadObjectId === 'string' ? aadObjectId : undefined;
  return found ? ` (${found})` : '';
}

/** `roles[0].schoolId` */
function pathText(path: PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}
