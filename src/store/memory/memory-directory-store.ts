import { isLinked, type Member, type Municipality, type School } from '../../domain/directory';
import type { AuditEntry, ConversationAddress, DirectoryChange, DirectoryEntryKind, DirectoryStore, LinkedMember } from '../../ports';
import { parseAuditEntry } from '../audit-document';
import { writeChange } from '../directory-change';
import type { MemoryAuditLog } from './memory-audit-log';
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

/** A member as JSON, beside what the list queries look up (derived from its roles on upsert). */
interface MemberEntry {
  schoolIds: string[];
  municipalityIds: Record<MunicipalityRole, string[]>;
  json: string;
}

/** In-memory DirectoryStore for unit tests; keeps JSON text, so reads are copies as in a real store. */
export class MemoryDirectoryStore implements DirectoryStore {
  private readonly municipalities = new Map<string, string>();
  private readonly schools = new Map<string, { municipalityId: string; json: string }>();
  private readonly members = new Map<string, MemberEntry>();
  private readonly conversations = new Map<string, string>();

  constructor(private readonly audit: MemoryAuditLog) {}

  /** As one transaction: every entry is checked before anything changes. */
  async applyChange(change: DirectoryChange, audit: readonly AuditEntry[]): Promise<void> {
    for (const entry of audit) parseAuditEntry(entry);
    await writeChange(this, change);
    for (const entry of audit) this.audit.appendNow(entry);
  }

  async upsertMunicipalities(items: Municipality[]): Promise<void> {
    for (const item of items) this.municipalities.set(item.id, JSON.stringify(item));
  }

  async upsertSchools(items: School[]): Promise<void> {
    for (const item of items) {
      this.schools.set(item.id, { municipalityId: item.municipalityId, json: JSON.stringify(item) });
    }
  }

  async removeEntries(kind: DirectoryEntryKind, ids: string[]): Promise<void> {
    const entries = kind === 'municipality' ? this.municipalities : kind === 'school' ? this.schools : this.members;
    for (const id of ids) entries.delete(id);
  }

  async removeMembersExcept(aadObjectIds: string[]): Promise<void> {
    const keep = new Set(aadObjectIds);
    for (const id of [...this.members.keys()]) if (!keep.has(id)) this.members.delete(id);
  }

  async upsertMembers(items: Member[]): Promise<void> {
    for (const item of items) this.putMember(item);
  }

  async hasMembers(): Promise<boolean> {
    return this.members.size > 0;
  }

  async getMember(aadObjectId: string): Promise<Member | undefined> {
    return read(this.members.get(aadObjectId)?.json, parseMemberDocument);
  }

  async getSchool(id: string): Promise<School | undefined> {
    return read(this.schools.get(id)?.json, parseSchoolDocument);
  }

  async getMunicipality(id: string): Promise<Municipality | undefined> {
    return read(this.municipalities.get(id), parseMunicipalityDocument);
  }

  /** Ordered by school id, like the real stores. */
  async listSchools(municipalityIds: string[]): Promise<School[]> {
    return [...this.schools.entries()]
      .filter(([, school]) => municipalityIds.includes(school.municipalityId))
      .sort(([a], [b]) => compare(a, b))
      .map(([, school]) => parseSchoolDocument(JSON.parse(school.json)));
  }

  /** Ordered by school id, like the real stores. */
  async listAllSchools(): Promise<School[]> {
    return [...this.schools.entries()]
      .sort(([a], [b]) => compare(a, b))
      .map(([, school]) => parseSchoolDocument(JSON.parse(school.json)));
  }

  /** Ordered by id, like the real stores. */
  async listMunicipalities(): Promise<Municipality[]> {
    return [...this.municipalities.entries()]
      .sort(([a], [b]) => compare(a, b))
      .map(([, json]) => parseMunicipalityDocument(JSON.parse(json)));
  }

  /** Ordered by member id, like the real stores. */
  async listMembers(): Promise<Member[]> {
    return this.membersWhere(() => true);
  }

  /** Ordered by member id, like the real stores. */
  async listSchoolContacts(schoolId: string): Promise<Member[]> {
    return this.recipientsWhere((member) => member.schoolIds.includes(schoolId));
  }

  async listAdmins(): Promise<Member[]> {
    return this.recipientsWhere(() => true).filter(isAdmin);
  }

  async linkMember(placeholderId: string, aadObjectId: string, recordOf?: (linked: LinkedMember) => AuditEntry): Promise<LinkedMember | undefined> {
    // No await in between: the check and the re-keying are one step, as in a transaction.
    const before = read(this.members.get(placeholderId)?.json, parseMemberDocument);
    if (!before || this.members.has(aadObjectId)) return undefined;
    const after = linkedAs(before, aadObjectId);
    // The entry is checked before anything changes, as a transaction would refuse it.
    const entry = recordOf && parseAuditEntry(recordOf({ before, after }));
    this.putMember(after);
    this.members.delete(placeholderId);
    if (entry) this.audit.appendNow(entry);
    return { before, after };
  }

  /** Ordered by member id, like the real stores. */
  async listMunicipalityMembers(role: MunicipalityRole, municipalityId: string): Promise<Member[]> {
    return this.recipientsWhere((member) => member.municipalityIds[role].includes(municipalityId));
  }

  /** Ordered by member id, like the real stores. */
  async listDigestRecipients(): Promise<Member[]> {
    return this.recipientsWhere(() => true).filter((member) => member.roles.some((r) => r.role === 'manager' || r.role === 'coordinator'));
  }

  async saveConversation(address: ConversationAddress): Promise<void> {
    this.conversations.set(address.memberId, JSON.stringify(address));
  }

  async listReachableMemberIds(): Promise<string[]> {
    return [...this.conversations.entries()]
      .filter(([, json]) => (JSON.parse(json) as ConversationAddress).inactiveSince === undefined)
      .map(([id]) => id)
      .sort();
  }

  async getConversation(memberId: string): Promise<ConversationAddress | undefined> {
    return read(this.conversations.get(memberId), parseConversationDocument);
  }

  private putMember(item: Member): void {
    this.members.set(item.aadObjectId, {
      schoolIds: contactSchoolIds(item),
      municipalityIds: Object.fromEntries(MUNICIPALITY_ROLES.map((role) => [role, roleMunicipalityIds(item, role)])) as Record<MunicipalityRole, string[]>,
      json: JSON.stringify(item),
    });
  }

  /** Recipients only: members known by address alone are skipped (see DirectoryStore). */
  private recipientsWhere(test: (member: MemberEntry) => boolean): Member[] {
    return this.membersWhere(test).filter(isLinked);
  }

  private membersWhere(test: (member: MemberEntry) => boolean): Member[] {
    return [...this.members.entries()]
      .filter(([, member]) => test(member))
      .sort(([a], [b]) => compare(a, b))
      .map(([, member]) => parseMemberDocument(JSON.parse(member.json)));
  }
}

function read<T>(json: string | undefined, parse: (raw: unknown) => T): T | undefined {
  return json === undefined ? undefined : parse(JSON.parse(json));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
