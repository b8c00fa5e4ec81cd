import type { Database } from 'better-sqlite3';

/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many ran. Append a new
 * entry to change the schema; never edit one that has shipped.
 *
 * Instants are TEXT in `Date.toISOString` form (checked on write), so they sort as text.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE signals (
    id TEXT PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    municipality_id TEXT NOT NULL,
    school_id TEXT NOT NULL,
    issued_by TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    -- NULL: nothing to send, so the signal is never due.
    dispatch_due_at TEXT,
    version INTEGER NOT NULL,
    document TEXT NOT NULL
  ) STRICT;
  CREATE INDEX signals_by_issuer ON signals (issued_by, issued_at);
  CREATE INDEX signals_by_dispatch_due ON signals (dispatch_due_at) WHERE dispatch_due_at IS NOT NULL;

  CREATE TABLE municipalities (id TEXT PRIMARY KEY, document TEXT NOT NULL) STRICT;
  CREATE TABLE schools (id TEXT PRIMARY KEY, municipality_id TEXT NOT NULL, document TEXT NOT NULL) STRICT;
  CREATE INDEX schools_by_municipality ON schools (municipality_id);
  CREATE TABLE members (id TEXT PRIMARY KEY, document TEXT NOT NULL) STRICT;
  -- Derived from members' school_contact roles, rewritten on every member upsert. No foreign key
  -- to schools: a directory import may name a member before their school.
  CREATE TABLE school_contacts (
    school_id TEXT NOT NULL,
    member_id TEXT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    PRIMARY KEY (school_id, member_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX school_contacts_by_member ON school_contacts (member_id);
  -- No foreign key to members: someone outside the directory may install the bot.
  CREATE TABLE conversations (member_id TEXT PRIMARY KEY, document TEXT NOT NULL) STRICT;

  CREATE TABLE audit (
    seq INTEGER PRIMARY KEY,
    object_id TEXT,
    at TEXT NOT NULL,
    document TEXT NOT NULL
  ) STRICT;
  CREATE INDEX audit_by_object ON audit (object_id, at);
  -- Append-only. Deleting stays possible for a future retention job.
  CREATE TRIGGER audit_is_append_only BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'audit entries cannot be changed'); END;
  `,
  // 2: routing through leerplicht. A signal may have no school (waiting for routing, bounced,
  // unroutable), so school_id becomes nullable, which SQLite can only do by rebuilding the table;
  // `state` becomes a column so signals awaiting routing are found through an index. Documents
  // written by schema 1 get the fields the domain added: every one of them went straight to its
  // school (route direct, nothing tried), and each delivery was a contact's card at that school,
  // keyed as the domain keys it. json_insert adds a field only where it is missing.
  `
  CREATE TABLE signals_v2 (
    id TEXT PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    municipality_id TEXT NOT NULL,
    -- NULL while the signal waits for routing, after a bounce, or when no school was found.
    school_id TEXT,
    state TEXT NOT NULL,
    issued_by TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    -- NULL: nothing to send, so the signal is never due.
    dispatch_due_at TEXT,
    version INTEGER NOT NULL,
    document TEXT NOT NULL
  ) STRICT;

  INSERT INTO signals_v2
    (id, reference, municipality_id, school_id, state, issued_by, issued_at, dispatch_due_at, version, document)
  SELECT id, reference, municipality_id, school_id, json_extract(document, '$.state'), issued_by, issued_at,
         dispatch_due_at, version + 1,
         json_set(
           json_insert(document, '$.route', 'direct', '$.triedSchoolIds', json('[]')),
           '$.deliveries',
           (SELECT json_group_array(
                     json_insert(d.value,
                       '$.key', 'school_contact:' || json_extract(d.value, '$.recipientId') || ':' || s.school_id,
                       '$.role', 'school_contact',
                       '$.schoolId', s.school_id)
                     ORDER BY d.key)
              FROM json_each(s.document, '$.deliveries') AS d))
  FROM signals AS s;

  DROP TABLE signals;
  ALTER TABLE signals_v2 RENAME TO signals;
  CREATE INDEX signals_by_issuer ON signals (issued_by, issued_at);
  CREATE INDEX signals_by_dispatch_due ON signals (dispatch_due_at) WHERE dispatch_due_at IS NOT NULL;
  CREATE INDEX signals_by_state ON signals (state, municipality_id, issued_at);
  `,
  // 3: leerplicht officers and coordinators per municipality, derived from members' roles like
  // school_contacts and rewritten on every member upsert; filled here from the members already kept.
  `
  CREATE TABLE municipality_members (
    role TEXT NOT NULL CHECK (role IN ('leerplicht', 'coordinator')),
    municipality_id TEXT NOT NULL,
    member_id TEXT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    PRIMARY KEY (role, municipality_id, member_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX municipality_members_by_member ON municipality_members (member_id);

  INSERT OR IGNORE INTO municipality_members (role, municipality_id, member_id)
  SELECT json_extract(r.value, '$.role'), m.value, members.id
  FROM members, json_each(members.document, '$.roles') AS r, json_each(r.value, '$.municipalityIds') AS m
  WHERE json_extract(r.value, '$.role') IN ('leerplicht', 'coordinator');
  `,
  // 4: deadlines (reminders, escalation, the support deadline). `next_deadline_at` mirrors the
  // document's derived `nextDeadlineAt`, indexed like dispatch_due_at so the deadline tick reads
  // only what is due. Filled from the documents already kept; NULL where nothing is pending.
  `
  ALTER TABLE signals ADD COLUMN next_deadline_at TEXT;
  UPDATE signals SET next_deadline_at = json_extract(document, '$.nextDeadlineAt')
  WHERE json_extract(document, '$.nextDeadlineAt') IS NOT NULL;
  CREATE INDEX signals_by_next_deadline ON signals (next_deadline_at) WHERE next_deadline_at IS NOT NULL;
  `,
  // 5: forgetting. The child's identity moves to its own table, so forgetting deletes a row
  // (and secure_delete overwrites it in the file) instead of editing it out of a record that
  // lives on for the statistics. `expires_at` is the backstop should the forgetting job not run.
  // Records kept before this schema get the default plan: forget five days after issue.
  // `issued_at` and the audit's `at` get their own indexes for retention.
  `
  CREATE TABLE signal_identities (
    signal_id TEXT PRIMARY KEY REFERENCES signals (id) ON DELETE CASCADE,
    document TEXT NOT NULL,
    expires_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX signal_identities_by_expiry ON signal_identities (expires_at);

  INSERT INTO signal_identities (signal_id, document, expires_at)
  SELECT id, json_extract(document, '$.child'), strftime('%Y-%m-%dT%H:%M:%fZ', issued_at, '+6 days')
  FROM signals WHERE json_extract(document, '$.child') IS NOT NULL;

  UPDATE signals
  SET document = json_set(json_remove(document, '$.child'),
        '$.redactAt', strftime('%Y-%m-%dT%H:%M:%fZ', issued_at, '+5 days'),
        '$.nextDeadlineAt', min(coalesce(next_deadline_at, '9999'), strftime('%Y-%m-%dT%H:%M:%fZ', issued_at, '+5 days'))),
      next_deadline_at = min(coalesce(next_deadline_at, '9999'), strftime('%Y-%m-%dT%H:%M:%fZ', issued_at, '+5 days')),
      version = version + 1
  WHERE json_extract(document, '$.child') IS NOT NULL;

  CREATE INDEX signals_by_issued_at ON signals (issued_at);
  CREATE INDEX audit_by_at ON audit (at);
  `,
  // 6: the weekly digest. Its figures read a municipality's signals of a range of weeks (up to a
  // year) through an index on both, and each week's run (who gets the digest, who has it) is one
  // document with a version for optimistic concurrency, like a signal. What the figures need of a
  // signal (its facts, src/domain/digest/signal-facts.ts) is kept in columns beside the document,
  // written with it, so a year of records is read without parsing a single document; filled here
  // from the documents already kept.
  `
  ALTER TABLE signals ADD COLUMN fact_school_id TEXT;
  ALTER TABLE signals ADD COLUMN fact_via_leerplicht INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE signals ADD COLUMN fact_delivered INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE signals ADD COLUMN fact_due_at TEXT;
  ALTER TABLE signals ADD COLUMN fact_acknowledged_at TEXT;
  ALTER TABLE signals ADD COLUMN fact_support_at TEXT;
  ALTER TABLE signals ADD COLUMN fact_support_categories TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE signals ADD COLUMN fact_prior_concern TEXT;
  ALTER TABLE signals ADD COLUMN fact_bounced INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE signals ADD COLUMN fact_escalated INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE signals ADD COLUMN fact_failed_deliveries INTEGER NOT NULL DEFAULT 0;
  UPDATE signals SET fact_school_id = coalesce(school_id, json_extract(document, '$.bounce.schoolId')),
      fact_via_leerplicht = json_extract(document, '$.route') = 'leerplicht',
      fact_delivered = EXISTS (SELECT 1 FROM json_each(document, '$.deliveries') AS d
                               WHERE json_extract(d.value, '$.role') = 'school_contact' AND json_type(d.value, '$.activityId') IS NOT NULL),
      fact_due_at = json_extract(document, '$.schedule.dueAt'),
      fact_acknowledged_at = json_extract(document, '$.acknowledgement.at'),
      fact_support_at = json_extract(document, '$.support.firstRecordedAt'),
      fact_support_categories = coalesce(json_extract(document, '$.support.categories'), '[]'),
      fact_prior_concern = json_extract(document, '$.support.priorConcern'),
      fact_bounced = json_array_length(document, '$.triedSchoolIds') > 0,
      fact_escalated = json_type(document, '$.escalation') IS NOT NULL,
      fact_failed_deliveries = (SELECT count(*) FROM json_each(document, '$.deliveries') AS d
                                WHERE json_extract(d.value, '$.status') = 'failed' AND json_type(d.value, '$.activityId') IS NULL);
  -- The trend's weekly counts are answered from this index alone (a year of a municipality is
  -- never read row by row: the fact columns come after the document, so reading a row walks its
  -- pages). It holds only what those counts need, so most writes of a signal leave it alone;
  -- the digest's own week (a few hundred rows) is read from the table through it.
  CREATE INDEX signals_facts_by_municipality_issued ON signals (municipality_id, issued_at, fact_school_id, fact_support_at);
  CREATE TABLE digest_runs (id TEXT PRIMARY KEY, version INTEGER NOT NULL, document TEXT NOT NULL) STRICT;
  `,
  // 7 (dropped by 10): the Teams rate budget shared by every process on the file: per key (a
  // conversation, the whole bot) the recent calls as JSON (src/store/rate-log.ts), and when that
  // log answers nothing any more, so idle keys are deleted.
  `
  CREATE TABLE rate_budget (key TEXT PRIMARY KEY, log TEXT NOT NULL, expires_at INTEGER NOT NULL) STRICT;
  CREATE INDEX rate_budget_by_expiry ON rate_budget (expires_at);
  `,
  // 8: a school's own figures. A school-scoped manager counts every record at their school,
  // including those leerplicht of another municipality placed there; this index finds them by
  // school and issue, and holds what the trend's counts need, like the municipality index.
  `
  CREATE INDEX signals_facts_by_school_issued ON signals (fact_school_id, issued_at, municipality_id, fact_support_at)
    WHERE fact_school_id IS NOT NULL;
  `,
  // 9: only the signals waiting for leerplicht are ever looked up by state, and they are few:
  // indexed on their own, so a signal sent straight to a school costs no entry at all.
  `
  DROP INDEX signals_by_state;
  CREATE INDEX signals_awaiting_routing ON signals (municipality_id, issued_at) WHERE state = 'awaiting_routing';
  `,
  // 10: the process holds its file alone (open-sqlite-database.ts), so Teams' rate limits are
  // counted in its memory: the budget table, with its conversation ids, goes.
  `
  DROP TABLE rate_budget;
  `,
];

/** Brings the schema up to date; a no-op when it already is. Refuses a database from newer code. */
export function migrate(db: Database): void {
  const upgrade = db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > migrations.length) {
      throw new Error(`Database schema version ${current} is newer than this code knows (${migrations.length})`);
    }
    migrations.slice(current).forEach((sql) => db.exec(sql));
    db.pragma(`user_version = ${migrations.length}`);
  });
  // IMMEDIATE takes the write lock before reading the version. The file is the process's alone
  // (open-sqlite-database.ts), so this matters only to a database opened some other way.
  upgrade.immediate();
}
