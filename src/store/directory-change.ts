import type { DirectoryChange, DirectoryStore } from '../ports';

type Writes = Pick<DirectoryStore, 'upsertMunicipalities' | 'upsertSchools' | 'upsertMembers' | 'removeEntries'>;

/** A change written with a store's own upserts and removes (for stores without one transaction across all of it). */
export async function writeChange(store: Writes, change: DirectoryChange): Promise<void> {
  if (change.kind === 'municipality') await store.upsertMunicipalities(change.put);
  else if (change.kind === 'school') await store.upsertSchools(change.put);
  else await store.upsertMembers(change.put);
  if (change.remove.length > 0) await store.removeEntries(change.kind, change.remove);
}
