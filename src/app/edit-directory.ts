import type { z } from 'zod';
import { hasRole, memberKeyOf, memberSchema, municipalitySchema, schoolSchema, type Directory, type Member, type Municipality, type School } from '../domain/directory';
import { DomainError, ErrorCodes } from '../domain/errors';
import type { AuditEntry, AuditLog, Clock, DirectoryChange, DirectoryEntryKind, DirectoryStore } from '../ports';
import { sourceFields, type RequestSource } from './audit-trail';
import { DirectoryFileError, lastAdminProblem, parseDirectory } from './import-directory';

/** One change an admin makes in the tab: an entry added or replaced (by its id), or removed. */
export type DirectoryEdit = { kind: DirectoryEntryKind; op: 'put'; entry: unknown } | { kind: DirectoryEntryKind; op: 'remove'; id: string };

/** What is wrong, by field of the entry (`roles.0.schoolId`), or about the directory as a whole (field ''). */
export interface EditProblem {
  field: string;
  message: string;
}

export type EditResult = { ok: true; kind: DirectoryEntryKind; id: string } | { ok: false; problems: EditProblem[] };

export interface EditDirectoryDeps {
  directory: DirectoryStore;
  audit: AuditLog;
  clock: Clock;
  /** HWC_DIRECTORY_FILE is set: the file is the truth, and the tab only shows it. */
  readOnly: boolean;
}

const SCHEMAS: Record<DirectoryEntryKind, z.ZodType<Municipality | School | Member>> = {
  municipality: municipalitySchema,
  school: schoolSchema,
  member: memberSchema,
};

/**
 * An admin's edit of the directory, when the store is its truth (no HWC_DIRECTORY_FILE): checked
 * by the same rules as the file import (the entry's schema, then the whole directory's references
 * with `parseDirectory`), written at once — every instance reads the directory from the store, so
 * the next turn anywhere sees it — and audited with the entry before and after, in the same
 * step as the change (`DirectoryStore.applyChange`).
 */
export class EditDirectory {
  constructor(private readonly deps: EditDirectoryDeps) {}

  async execute(actorId: string, edit: DirectoryEdit, source: RequestSource = {}): Promise<EditResult> {
    const id = edit.op === 'remove' ? edit.id : idOf(edit.kind, edit.entry);
    const entryOf = (result: 'ok' | 'refused', change?: { before?: Record<string, unknown>; after?: Record<string, unknown> }, objectId = id): AuditEntry => ({
      at: this.deps.clock.now().toISOString(),
      actorId,
      role: 'admin',
      action: actionOf(edit, change),
      ...(objectId ? { objectId } : {}),
      result,
      ...sourceFields(source),
      ...(change ? { change } : {}),
    });
    const refused = () => this.deps.audit.append(entryOf('refused'));
    if (!hasRole(await this.deps.directory.getMember(actorId), 'admin')) {
      await refused();
      throw new DomainError(ErrorCodes.roleRequired, { role: 'admin' });
    }
    if (this.deps.readOnly) {
      await refused();
      throw new DomainError(ErrorCodes.directoryReadOnly);
    }
    const current = await this.current();
    const find = (entryId: string | undefined) => (entryId ? entriesOf(current, edit.kind).find((e) => idOf(edit.kind, e) === entryId) : undefined);
    if (edit.op === 'remove') {
      const before = find(id);
      if (!before) return { ok: false, problems: [{ field: '', message: `${edit.kind} ${edit.id} is not in the directory` }] };
      const problems = referenceProblems(withEntry(current, edit.kind, id!, undefined));
      if (problems.length > 0) return { ok: false, problems };
      await this.deps.directory.applyChange({ kind: edit.kind, put: [], remove: [id!] }, [entryOf('ok', { before: plain(before) })]);
      return { ok: true, kind: edit.kind, id: id! };
    }
    const parsed = SCHEMAS[edit.kind].safeParse(edit.entry);
    if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })) };
    const entry = parsed.data;
    // The id as the directory keeps it (an object id in lower case): the entry it replaces, if any.
    const entryId = idOf(edit.kind, entry)!;
    const before = find(entryId);
    const problems = referenceProblems(withEntry(current, edit.kind, entryId, entry));
    if (problems.length > 0) return { ok: false, problems };
    await this.deps.directory.applyChange(putOf(edit.kind, entry), [entryOf('ok', { ...(before ? { before: plain(before) } : {}), after: plain(entry) }, entryId)]);
    return { ok: true, kind: edit.kind, id: entryId };
  }

  private async current(): Promise<Directory> {
    const [municipalities, schools, members] = await Promise.all([
      this.deps.directory.listMunicipalities(),
      this.deps.directory.listAllSchools(),
      this.deps.directory.listMembers(),
    ]);
    return { municipalities, schools, members };
  }
}

/** The entry, checked against its kind's schema, as a change that writes it. */
function putOf(kind: DirectoryEntryKind, entry: Municipality | School | Member): DirectoryChange {
  if (kind === 'municipality') return { kind, put: [entry as Municipality], remove: [] };
  if (kind === 'school') return { kind, put: [entry as School], remove: [] };
  return { kind, put: [entry as Member], remove: [] };
}

function actionOf(edit: DirectoryEdit, change?: { before?: unknown; after?: unknown }): string {
  if (edit.op === 'remove') return `directory.${edit.kind}.remove`;
  // A refused edit was never compared with the directory: it is only an edit.
  if (!change) return `directory.${edit.kind}.edit`;
  return `directory.${edit.kind}.${change.before ? 'change' : 'add'}`;
}

function idOf(kind: DirectoryEntryKind, entry: unknown): string | undefined {
  if (!entry || typeof entry !== 'object') return undefined;
  const fields = entry as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  // A member given by address alone is already known by the key it will be kept under.
  const value = kind === 'member' ? memberKeyOf(text(fields.aadObjectId), text(fields.email)) : text(fields.id);
  return value ? value : undefined;
}

function entriesOf(d: Directory, kind: DirectoryEntryKind): Array<Municipality | School | Member> {
  return kind === 'municipality' ? d.municipalities : kind === 'school' ? d.schools : d.members;
}

/** The directory with the entry `id` of `kind` replaced by `entry` (added when new), or removed without one. */
function withEntry(d: Directory, kind: DirectoryEntryKind, id: string, entry: Municipality | School | Member | undefined): Directory {
  const replace = <T>(list: T[]): T[] => {
    const others = list.filter((e) => idOf(kind, e) !== id);
    return entry ? [...others, entry as T] : others;
  };
  if (kind === 'municipality') return { ...d, municipalities: replace(d.municipalities) };
  if (kind === 'school') return { ...d, schools: replace(d.schools) };
  return { ...d, members: replace(d.members) };
}

/** The file import's checks over the directory as it would become: what no longer fits together. */
function referenceProblems(d: Directory): EditProblem[] {
  const lastAdmin = lastAdminProblem(d);
  if (lastAdmin) return [{ field: '', message: lastAdmin }];
  try {
    parseDirectory(d);
    return [];
  } catch (error) {
    if (error instanceof DirectoryFileError) return error.problems.map((message) => ({ field: '', message }));
    throw error;
  }
}

function plain(entry: Municipality | School | Member): Record<string, unknown> {
  return JSON.parse(JSON.stringify(entry)) as Record<string, unknown>;
}
