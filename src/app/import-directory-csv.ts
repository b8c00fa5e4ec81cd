import { createHash } from 'node:crypto';
import { hasRole, memberSchema, schoolSchema, type Directory, type Member, type School } from '../domain/directory';
import { DomainError, ErrorCodes } from '../domain/errors';
import type { AuditEntry, AuditLog, Clock, DirectoryChange, DirectoryStore } from '../ports';
import { sourceFields, type RequestSource } from './audit-trail';
import { memberRows, schoolRows, type CsvKind } from './directory-csv';
import { DirectoryFileError, lastAdminProblem, parseDirectory } from './import-directory';

/** One entry the import would add, change or remove. */
export interface ImportChange {
  id: string;
  name: string;
}

/** What an import would do, before anything is written: the admin sees it and then applies it. */
export interface ImportPreview {
  kind: CsvKind;
  /** The directory the preview was made from; applying it to any other is refused. */
  version: string;
  added: ImportChange[];
  changed: ImportChange[];
  removed: ImportChange[];
  unchanged: number;
  /** By line of the file (the header is line 1); line 0: about the directory as a whole. */
  errors: Array<{ line: number; message: string }>;
}

export interface ImportDirectoryCsvDeps {
  directory: DirectoryStore;
  audit: AuditLog;
  clock: Clock;
  readOnly: boolean;
}

type Plan = { preview: ImportPreview; writes: { put: Array<School | Member>; remove: string[]; before: Map<string, School | Member> } };

/**
 * A CSV of schools or members as one change to the directory (when the store is its truth):
 * `preview` says what would be added, changed and removed and which lines are wrong, with the
 * file import's own rules; `apply` writes it all, only when nothing is wrong and the directory is
 * still the one previewed, and audits every entry with its before and after.
 */
export class ImportDirectoryCsv {
  constructor(private readonly deps: ImportDirectoryCsvDeps) {}

  async preview(actorId: string, kind: CsvKind, csv: string): Promise<ImportPreview> {
    await this.requireAdmin(actorId, kind, 'preview');
    return (await this.plan(kind, csv)).preview;
  }

  async apply(actorId: string, kind: CsvKind, csv: string, version: string, source: RequestSource = {}): Promise<{ applied: true; preview: ImportPreview } | { applied: false; preview: ImportPreview; reason: 'errors' | 'changed' }> {
    await this.requireAdmin(actorId, kind, 'apply');
    const { preview, writes } = await this.plan(kind, csv);
    if (preview.version !== version) return { applied: false, preview, reason: 'changed' };
    if (preview.errors.length > 0) return { applied: false, preview, reason: 'errors' };
    const singular = kind === 'schools' ? 'school' : 'member';
    const at = this.deps.clock.now().toISOString();
    const plain = (e: School | Member) => JSON.parse(JSON.stringify(e)) as Record<string, unknown>;
    const entries: AuditEntry[] = [
      ...writes.put.map((entry): AuditEntry => {
        const id = idOf(entry);
        const before = writes.before.get(id);
        return {
          at,
          actorId,
          role: 'admin',
          action: `directory.${singular}.${before ? 'change' : 'add'}`,
          objectId: id,
          result: 'ok',
          ...sourceFields(source),
          change: { ...(before ? { before: plain(before) } : {}), after: plain(entry) },
        };
      }),
      ...writes.remove.map((id): AuditEntry => {
        const before = writes.before.get(id);
        return { at, actorId, role: 'admin', action: `directory.${singular}.remove`, objectId: id, result: 'ok', ...sourceFields(source), ...(before ? { change: { before: plain(before) } } : {}) };
      }),
    ];
    // The whole file with an entry per change, in one step: never half an import, never one unaudited.
    const change: DirectoryChange =
      kind === 'schools' ? { kind: 'school', put: writes.put as School[], remove: writes.remove } : { kind: 'member', put: writes.put as Member[], remove: writes.remove };
    await this.deps.directory.applyChange(change, entries);
    return { applied: true, preview };
  }

  private async requireAdmin(actorId: string, kind: CsvKind, step: string): Promise<void> {
    const refuse = async (code: typeof ErrorCodes.roleRequired | typeof ErrorCodes.directoryReadOnly) => {
      await this.deps.audit.append({ at: this.deps.clock.now().toISOString(), actorId, role: 'admin', action: `directory.import.${step}`, objectId: kind, result: 'refused' });
      throw new DomainError(code, code === ErrorCodes.roleRequired ? { role: 'admin' } : {});
    };
    if (!hasRole(await this.deps.directory.getMember(actorId), 'admin')) await refuse(ErrorCodes.roleRequired);
    if (this.deps.readOnly) await refuse(ErrorCodes.directoryReadOnly);
  }

  private async plan(kind: CsvKind, csv: string): Promise<Plan> {
    const [municipalities, schools, members] = await Promise.all([
      this.deps.directory.listMunicipalities(),
      this.deps.directory.listAllSchools(),
      this.deps.directory.listMembers(),
    ]);
    const current: Directory = { municipalities, schools, members };
    const version = createHash('sha256').update(JSON.stringify(current)).digest('base64url');
    const errors: ImportPreview['errors'] = [];
    const byId = new Map<string, School | Member>((kind === 'schools' ? schools : members).map((e) => [idOf(e), e]));
    const next = new Map<string, School | Member>();
    const remove = new Set<string>();

    if (kind === 'schools') {
      const read = schoolRows(csv);
      if ('problem' in read) errors.push({ line: 0, message: read.problem });
      else
        for (const row of read.rows) {
          if ('problem' in row) {
            errors.push({ line: row.line, message: row.problem });
            continue;
          }
          const parsed = schoolSchema.safeParse({ ...byId.get(String(row.entry.id)), ...row.entry });
          if (!parsed.success) errors.push(...parsed.error.issues.map((i) => ({ line: row.line, message: `${i.path.join('.') || 'row'}: ${i.message}` })));
          else if (next.has(parsed.data.id)) errors.push({ line: row.line, message: `${parsed.data.id} appears more than once` });
          else next.set(parsed.data.id, parsed.data);
        }
    } else {
      const read = memberRows(csv);
      if ('problem' in read) errors.push({ line: 0, message: read.problem });
      else {
        // One member over several rows: their roles together replace the roles they had.
        const gathered = new Map<string, { line: number; name: string; email?: string; roles: unknown[] }>();
        for (const row of read.rows) {
          if ('problem' in row) {
            errors.push({ line: row.line, message: row.problem });
            continue;
          }
          const { aadObjectId, name, email, role } = row.entry;
          if (!role) {
            remove.add(aadObjectId);
            continue;
          }
          const seen = gathered.get(aadObjectId) ?? { line: row.line, name, ...(email ? { email } : {}), roles: [] };
          seen.roles.push(role);
          gathered.set(aadObjectId, seen);
        }
        for (const [aadObjectId, g] of gathered) {
          // A file without an e-mail column keeps the address the directory has.
          const email = g.email ?? (byId.get(aadObjectId) as Member | undefined)?.email;
          const parsed = memberSchema.safeParse({ aadObjectId, name: g.name, ...(email ? { email } : {}), roles: g.roles });
          if (!parsed.success) errors.push(...parsed.error.issues.map((i) => ({ line: g.line, message: `${i.path.join('.') || 'row'}: ${i.message}` })));
          else next.set(parsed.data.aadObjectId, parsed.data);
        }
        for (const id of remove) {
          if (next.has(id)) errors.push({ line: 0, message: `${id} is both removed and given roles` });
          if (!byId.has(id)) errors.push({ line: 0, message: `${id} is to be removed but is not in the directory` });
        }
      }
    }

    const put = [...next.values()].filter((e) => JSON.stringify(e) !== JSON.stringify(byId.get(idOf(e))));
    const after: Directory =
      kind === 'schools'
        ? { ...current, schools: [...schools.filter((s) => !next.has(s.id)), ...([...next.values()] as School[])] }
        : { ...current, members: [...members.filter((m) => !next.has(m.aadObjectId) && !remove.has(m.aadObjectId)), ...([...next.values()] as Member[])] };
    const lastAdmin = lastAdminProblem(after);
    if (errors.length === 0 && lastAdmin) errors.push({ line: 0, message: lastAdmin });
    if (errors.length === 0) {
      try {
        parseDirectory(after);
      } catch (error) {
        if (!(error instanceof DirectoryFileError)) throw error;
        errors.push(...error.problems.map((message) => ({ line: 0, message })));
      }
    }
    const change = (e: School | Member): ImportChange => ({ id: idOf(e), name: e.name });
    const preview: ImportPreview = {
      kind,
      version,
      added: put.filter((e) => !byId.has(idOf(e))).map(change),
      changed: put.filter((e) => byId.has(idOf(e))).map(change),
      removed: [...remove].filter((id) => byId.has(id)).map((id) => change(byId.get(id)!)),
      unchanged: next.size - put.length,
      errors,
    };
    return { preview, writes: { put, remove: [...remove].filter((id) => byId.has(id)), before: byId } };
  }
}

function idOf(entry: School | Member): string {
  return 'aadObjectId' in entry ? entry.aadObjectId : entry.id;
}
