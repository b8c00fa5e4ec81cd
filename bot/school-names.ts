import type { DirectoryStore } from '../src/ports';

/** Looks each distinct school up once. */
export async function schoolNames(directory: DirectoryStore, schoolIds: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(schoolIds)];
  const schools = await Promise.all(unique.map((id) => directory.getSchool(id)));
  return new Map(schools.flatMap((s) => (s ? [[s.id, s.name] as const] : [])));
}

