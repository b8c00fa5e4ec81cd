import type { DirectoryStore } from '../src/ports';

/** Looks each distinct school up once. */
export async function schoolNames(directory: DirectoryStore, schoolIds: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(schoolIds)];
  const schools = await Promise.all(unique.map((id) => directory.getSchool(id)));
  return new Map(schools.flatMap((s) => (s ? [[s.id, s.name] as const] : [])));
}

/** A school's name for a card; its id when the directory no longer has it. */
export async function schoolNameOf(directory: DirectoryStore, schoolId: string): Promise<string> {
  return (await directory.getSchool(schoolId))?.name ?? schoolId;
}
