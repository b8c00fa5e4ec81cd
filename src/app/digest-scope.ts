import { rolesOf, type Member } from '../domain/directory';
import type { DirectoryStore } from '../ports';

/**
 * Whose figures a member sees: the municipalities they manage or coordinate, and the schools a
 * school-scoped manager manages. Only the member's directory roles decide it.
 */
export interface DigestScope {
  municipalityIds: string[];
  /** Schools outside those municipalities, managed one by one. */
  schoolIds: string[];
  /** A municipality scope gets the per-school table; a school scope does not. */
  perSchool: boolean;
  /** How the card names the scope, e.g. "Heerlen, Kerkrade" or "Basisschool De Regenboog". */
  name: string;
  /** Names of the schools the scope's records mention, for the per-school table. */
  schoolNames: Record<string, string>;
}

export function isDigestReader(member: Member | undefined): boolean {
  return rolesOf(member, 'manager').length > 0 || rolesOf(member, 'coordinator').length > 0;
}

/** The scope of a member who holds a manager or coordinator role (callers check that first). */
export async function digestScopeOf(directory: DirectoryStore, member: Member): Promise<DigestScope> {
  const municipalityIds = [
    ...new Set([...rolesOf(member, 'manager').flatMap((r) => r.municipalityIds), ...rolesOf(member, 'coordinator').flatMap((r) => r.municipalityIds)]),
  ].sort();
  const managedSchools = (await Promise.all([...new Set(rolesOf(member, 'manager').flatMap((r) => r.schoolIds))].map((id) => directory.getSchool(id))))
    .filter((s) => s !== undefined)
    .filter((s) => !municipalityIds.includes(s.municipalityId));
  const municipalities = (await Promise.all(municipalityIds.map((id) => directory.getMunicipality(id)))).map((m, i) => m?.name ?? municipalityIds[i]!);
  const schools = await directory.listSchools(municipalityIds);
  return {
    municipalityIds,
    schoolIds: managedSchools.map((s) => s.id).sort(),
    perSchool: municipalityIds.length > 0,
    name: [...municipalities, ...managedSchools.map((s) => s.name)].join(', '),
    schoolNames: Object.fromEntries([...schools, ...managedSchools].map((s) => [s.id, s.name])),
  };
}
