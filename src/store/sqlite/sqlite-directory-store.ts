import type { Database, Statement, Transaction } from 'better-sqlite3';
import { isLinked, type Member, type Municipality, type School } from '../../domain/directory';
import type { AuditEntry, ConversationAddress, DirectoryChange, DirectoryEntryKind, DirectoryStore, LinkedMember } from '../../ports';
import {
  MUNICIPALITY_ROLES,
  contactSchoolIds,
  roleMunicipalityIds,
  type MunicipalityRole,
  parseConversationDocument,
  parseMemberDocument,
  parseMunicipalityDocument,
  parseSchoolDocument,
  isAdmin,
  linkedAs,
} from '../directory-documents';
import { ParsedTextCache } from '../parsed-text-cache';
import type { SqliteAuditLog } from './sqlite-audit-log';

interface DocumentRow {
  document: string;
}

/**
 * The directory: one JSON document per entry, plus school_contacts and municipality_members
 * indexes kept in step with members.
 */
export class SqliteDirectoryStore implements DirectoryStore {
  private readonly upsertMunicipalityRows: Transaction<(items: Municipality[]) => void>;
  private readonly upsertSchoolRows: Transaction<(items: School[]) => void>;
  private readonly upsertMemberRows: Transaction<(items: Member[]) => void>;
  private readonly linkMemberRows: Transaction<(placeholderId: string, aadObjectId: string, recordOf?: (linked: LinkedMember) => AuditEntry) => LinkedMember | undefined>;
  private readonly changeRows: Transaction<(change: DirectoryChange, audit: readonly AuditEntry[]) => void>;
  private readonly member: Statement<[string], DocumentRow>;
  private readonly anyMember: Statement<[], { found: number }>;
  private readonly school: Statement<[string], DocumentRow>;
  private readonly municipality: Statement<[string], DocumentRow>;
  private readonly schoolsIn: Statement<[string], DocumentRow>;
  private readonly allSchools: Statement<[], DocumentRow>;
  private readonly contactsOf: Statement<[string], DocumentRow>;
  private readonly municipalityMembers: Statement<[string, string], DocumentRow>;
  private readonly allMembers: Statement<[], DocumentRow>;
  private readonly allMunicipalities: Statement<[], DocumentRow>;
  private readonly digestRecipients: Statement<[], DocumentRow>;
  private readonly removeMembersNotIn: Statement<[string]>;
  private readonly removeListed: Record<DirectoryEntryKind, Statement<[string]>>;
  private readonly saveConversationRow: Statement<[string, string]>;
  private readonly reachableMembers: Statement<[], string>;
  private readonly conversation: Statement<[string], DocumentRow>;
  /**
   * Each kind's documents parsed once per text: the directory is read on every turn and card.
   * Room for more than a large region holds (20,000 people, 6,000 schools), so the tab's full
   * list never pushes out what the next entry of the same list needs (about 30 MB when full).
   */
  private readonly parsed = {
    member: new ParsedTextCache(parseMemberDocument, 50_000),
    school: new ParsedTextCache(parseSchoolDocument, 20_000),
    municipality: new ParsedTextCache(parseMunicipalityDocument, 2_000),
    conversation: new ParsedTextCache(parseConversationDocument, 50_000),
  };

  constructor(db: Database, audit: SqliteAuditLog) {
    const putMunicipality = db.prepare<[string, string]>(
      `INSERT INTO municipalities (id, document) VALUES (?, ?)
       ON CONFLICT (id) DO UPDATE SET document = excluded.document`,
    );
    const putSchool = db.prepare<[string, string, string]>(
      `INSERT INTO schools (id, municipality_id, document) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET municipality_id = excluded.municipality_id, document = excluded.document`,
    );
    const putMember = db.prepare<[string, string]>(
      `INSERT INTO members (id, document) VALUES (?, ?)
       ON CONFLICT (id) DO UPDATE SET document = excluded.document`,
    );
    const clearContacts = db.prepare<[string]>(`DELETE FROM school_contacts WHERE member_id = ?`);
    const addContact = db.prepare<[string, string]>(
      `INSERT INTO school_contacts (school_id, member_id) VALUES (?, ?)`,
    );
    const clearMunicipalityRoles = db.prepare<[string]>(`DELETE FROM municipality_members WHERE member_id = ?`);
    const addMunicipalityRole = db.prepare<[string, string, string]>(
      `INSERT INTO municipality_members (role, municipality_id, member_id) VALUES (?, ?, ?)`,
    );

    // One transaction per batch: an import is all-or-nothing and a single fsync.
    this.upsertMunicipalityRows = db.transaction((items: Municipality[]) => {
      for (const item of items) putMunicipality.run(item.id, JSON.stringify(item));
    });
    this.upsertSchoolRows = db.transaction((items: School[]) => {
      for (const item of items) putSchool.run(item.id, item.municipalityId, JSON.stringify(item));
    });
    const putMemberRows = (item: Member) => {
      putMember.run(item.aadObjectId, JSON.stringify(item));
      clearContacts.run(item.aadObjectId);
      for (const schoolId of contactSchoolIds(item)) addContact.run(schoolId, item.aadObjectId);
      clearMunicipalityRoles.run(item.aadObjectId);
      for (const role of MUNICIPALITY_ROLES) {
        for (const id of roleMunicipalityIds(item, role)) addMunicipalityRole.run(role, id, item.aadObjectId);
      }
    };
    this.upsertMemberRows = db.transaction((items: Member[]) => {
      for (const item of items) putMemberRows(item);
    });
    const memberRow = db.prepare<[string], DocumentRow>(`SELECT document FROM members WHERE id = ?`);
    const removeMember = db.prepare<[string]>(`DELETE FROM members WHERE id = ?`);
    // The placeholder's index rows go with it (ON DELETE CASCADE); the linked member's are written anew.
    this.linkMemberRows = db.transaction((placeholderId: string, aadObjectId: string, recordOf?: (linked: LinkedMember) => AuditEntry) => {
      const before = read(memberRow.get(placeholderId), this.parsed.member);
      if (!before || memberRow.get(aadObjectId)) return undefined;
      const after = linkedAs(before, aadObjectId);
      putMemberRows(after);
      removeMember.run(placeholderId);
      if (recordOf) audit.appendNow(recordOf({ before, after }));
      return { before, after };
    });

    // An admin's change with its audit entries: all of it, or (an entry refused) none of it.
    this.changeRows = db.transaction((change: DirectoryChange, entries: readonly AuditEntry[]) => {
      if (change.kind === 'municipality') this.upsertMunicipalityRows(change.put);
      else if (change.kind === 'school') this.upsertSchoolRows(change.put);
      else this.upsertMemberRows(change.put);
      if (change.remove.length > 0) this.removeListed[change.kind].run(JSON.stringify(change.remove));
      for (const entry of entries) audit.appendNow(entry);
    });

    this.member = db.prepare(`SELECT document FROM members WHERE id = ?`);
    this.anyMember = db.prepare(`SELECT EXISTS (SELECT 1 FROM members) AS found`);
    this.school = db.prepare(`SELECT document FROM schools WHERE id = ?`);
    this.municipality = db.prepare(`SELECT document FROM municipalities WHERE id = ?`);
    // The ids travel as one JSON array so a single prepared statement serves any number of them.
    this.schoolsIn = db.prepare(
      `SELECT document FROM schools WHERE municipality_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    );
    this.allSchools = db.prepare(`SELECT document FROM schools ORDER BY id`);
    this.allMembers = db.prepare(`SELECT document FROM members ORDER BY id`);
    this.allMunicipalities = db.prepare(`SELECT document FROM municipalities ORDER BY id`);
    // A scan of members, filtered on their roles in SQL. No derived table: the directory is small
    // (hundreds of members), and this runs once a week, when the digest run starts. A manager's
    // scope may be schools only, so municipality_members (per municipality) would not hold them.
    this.digestRecipients = db.prepare(
      `SELECT document FROM members
       WHERE EXISTS (SELECT 1 FROM json_each(members.document, '$.roles') AS r
                     WHERE json_extract(r.value, '$.role') IN ('manager', 'coordinator'))
       ORDER BY id`,
    );
    this.removeMembersNotIn = db.prepare(`DELETE FROM members WHERE id NOT IN (SELECT value FROM json_each(?))`);
    // A member's school_contacts and municipality_members rows go with them (ON DELETE CASCADE).
    this.removeListed = {
      municipality: db.prepare(`DELETE FROM municipalities WHERE id IN (SELECT value FROM json_each(?))`),
      school: db.prepare(`DELETE FROM schools WHERE id IN (SELECT value FROM json_each(?))`),
      member: db.prepare(`DELETE FROM members WHERE id IN (SELECT value FROM json_each(?))`),
    };
    this.municipalityMembers = db.prepare(
      `SELECT m.document FROM municipality_members r JOIN members m ON m.id = r.member_id
       WHERE r.role = ? AND r.municipality_id = ? ORDER BY m.id`,
    );
    this.contactsOf = db.prepare(
      `SELECT m.document FROM school_contacts c JOIN members m ON m.id = c.member_id
       WHERE c.school_id = ? ORDER BY m.id`,
    );
    this.saveConversationRow = db.prepare(
      `INSERT INTO conversations (member_id, document) VALUES (?, ?)
       ON CONFLICT (member_id) DO UPDATE SET document = excluded.document`,
    );
    this.conversation = db.prepare(`SELECT document FROM conversations WHERE member_id = ?`);
    this.reachableMembers = db.prepare<[], string>(`SELECT member_id FROM conversations WHERE json_type(document, '$.inactiveSince') IS NULL ORDER BY member_id`).pluck();
  }

  async upsertMunicipalities(items: Municipality[]): Promise<void> {
    this.upsertMunicipalityRows(items);
  }

  async upsertSchools(items: School[]): Promise<void> {
    this.upsertSchoolRows(items);
  }

  async upsertMembers(items: Member[]): Promise<void> {
    this.upsertMemberRows(items);
  }

  async hasMembers(): Promise<boolean> {
    return this.anyMember.get()?.found === 1;
  }

  async getMember(aadObjectId: string): Promise<Member | undefined> {
    return read(this.member.get(aadObjectId), this.parsed.member);
  }

  async getSchool(id: string): Promise<School | undefined> {
    return read(this.school.get(id), this.parsed.school);
  }

  async getMunicipality(id: string): Promise<Municipality | undefined> {
    return read(this.municipality.get(id), this.parsed.municipality);
  }

  /** Ordered by school id. */
  async listSchools(municipalityIds: string[]): Promise<School[]> {
    const rows = this.schoolsIn.all(JSON.stringify(municipalityIds));
    return rows.map((row) => this.parsed.school.get(row.document));
  }

  /** Ordered by school id. */
  async listAllSchools(): Promise<School[]> {
    return this.allSchools.all().map((row) => this.parsed.school.get(row.document));
  }

  /** Ordered by id. */
  async listMunicipalities(): Promise<Municipality[]> {
    return this.allMunicipalities.all().map((row) => this.parsed.municipality.get(row.document));
  }

  /** Ordered by member id. */
  async listMembers(): Promise<Member[]> {
    return this.allMembers.all().map((row) => this.parsed.member.get(row.document));
  }

  /** Ordered by member id. */
  async listSchoolContacts(schoolId: string): Promise<Member[]> {
    return this.contactsOf.all(schoolId).map((row) => this.parsed.member.get(row.document)).filter(isLinked);
  }

  async removeEntries(kind: DirectoryEntryKind, ids: string[]): Promise<void> {
    this.removeListed[kind].run(JSON.stringify(ids));
  }

  async applyChange(change: DirectoryChange, audit: readonly AuditEntry[]): Promise<void> {
    this.changeRows(change, audit);
  }

  async removeMembersExcept(aadObjectIds: string[]): Promise<void> {
    // Their school_contacts and municipality_members rows go with them (ON DELETE CASCADE).
    this.removeMembersNotIn.run(JSON.stringify(aadObjectIds));
  }

  async linkMember(placeholderId: string, aadObjectId: string, recordOf?: (linked: LinkedMember) => AuditEntry): Promise<LinkedMember | undefined> {
    // IMMEDIATE: the write lock is taken before the read, so two processes on one file link in turn.
    return this.linkMemberRows.immediate(placeholderId, aadObjectId, recordOf);
  }

  /** Ordered by member id. */
  async listAdmins(): Promise<Member[]> {
    return this.allMembers
      .all()
      .map((row) => this.parsed.member.get(row.document))
      .filter((m) => isAdmin(m) && isLinked(m));
  }

  /** Ordered by member id. */
  async listMunicipalityMembers(role: MunicipalityRole, municipalityId: string): Promise<Member[]> {
    return this.municipalityMembers
      .all(role, municipalityId)
      .map((row) => this.parsed.member.get(row.document))
      .filter(isLinked);
  }

  /** Ordered by member id. */
  async listDigestRecipients(): Promise<Member[]> {
    return this.digestRecipients.all().map((row) => this.parsed.member.get(row.document)).filter(isLinked);
  }

  async saveConversation(address: ConversationAddress): Promise<void> {
    this.saveConversationRow.run(address.memberId, JSON.stringify(address));
  }

  async listReachableMemberIds(): Promise<string[]> {
    return this.reachableMembers.all();
  }

  async getConversation(memberId: string): Promise<ConversationAddress | undefined> {
    return read(this.conversation.get(memberId), this.parsed.conversation);
  }
}

function read<T>(row: DocumentRow | undefined, parsed: ParsedTextCache<T>): T | undefined {
  return row && parsed.get(row.document);
}
