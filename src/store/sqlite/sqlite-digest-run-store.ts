import type { Database, Statement } from 'better-sqlite3';
import type { DigestRun } from '../../domain/digest/digest-run';
import { DomainError, ErrorCodes } from '../../domain/errors';
import type { DigestRunStore, Stored } from '../../ports';
import { parseDigestRunDocument } from '../digest-run-document';

interface RunRow {
  document: string;
  version: number;
}

/** Digest runs as one JSON document per row; etag = row version, as for signals. */
export class SqliteDigestRunStore implements DigestRunStore {
  private readonly insert: Statement<[string, string]>;
  private readonly update: Statement<[string, string, number]>;
  private readonly byId: Statement<[string], RunRow>;

  constructor(db: Database) {
    // ON CONFLICT DO NOTHING: a second create for the week changes nothing and says so (0 changes).
    this.insert = db.prepare(`INSERT INTO digest_runs (id, version, document) VALUES (?, 1, ?) ON CONFLICT (id) DO NOTHING`);
    this.update = db.prepare(`UPDATE digest_runs SET document = ?, version = version + 1 WHERE id = ? AND version = ?`);
    this.byId = db.prepare(`SELECT document, version FROM digest_runs WHERE id = ?`);
  }

  async create(run: DigestRun): Promise<Stored<DigestRun>> {
    const document = JSON.stringify(parseDigestRunDocument(run));
    if (this.insert.run(run.id, document).changes === 0) throw new DomainError(ErrorCodes.storeConflict, { digestRunId: run.id });
    return stored({ document, version: 1 });
  }

  async get(id: string): Promise<Stored<DigestRun> | undefined> {
    const row = this.byId.get(id);
    return row && stored(row);
  }

  async replace(run: DigestRun, etag: string): Promise<Stored<DigestRun>> {
    const document = JSON.stringify(parseDigestRunDocument(run));
    // An etag this store never issued matches no row: version -1 never exists.
    const version = /^\d+$/.test(etag) ? Number(etag) : -1;
    if (this.update.run(document, run.id, version).changes === 0) {
      throw new DomainError(ErrorCodes.storeConflict, { digestRunId: run.id });
    }
    return stored({ document, version: version + 1 });
  }
}

/** What was stored, read back: a fresh copy on every call, `undefined` fields gone as JSON drops them. */
function stored(row: RunRow): Stored<DigestRun> {
  return { value: parseDigestRunDocument(JSON.parse(row.document)), etag: String(row.version) };
}
