import type { Container, ItemDefinition, SqlParameter } from '@azure/cosmos';
import { isLinked, type Member, type Municipality, type School } from '../../domain/directory';
import type { AuditEntry, AuditLog, ConversationAddress, DirectoryChange, DirectoryEntryKind, DirectoryStore, LinkedMember } from '../../ports';
import { writeChange } from '../directory-change';
import {
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
import { domainFields } from './cosmos-documents';

type Kind = 'municipality' | 'school' | 'member';

/** How many upserts of one batch are in flight at once: fast imports without a 429 storm. */
const UPSERT_CONCURRENCY = 16;

/** Per role, the array field on a member document listing the municipalities it holds the role for. */
const MUNICIPALITY_ROLE_FIELDS = {
  leerplicht: 'leerplichtMunicipalityIds',
  coordinator: 'coordinatorMunicipalityIds',
} as const satisfies Record<MunicipalityRole, string>;

/**
 * The directory in one container partitioned by `kind`. A member document also carries
 * `contactSchoolIds`, `leerplichtMunicipalityIds` and `coordinatorMunicipalityIds` (derived from
 * its roles on every upsert), so listSchoolContacts and listMunicipalityMembers are each one
 * ARRAY_CONTAINS query inside the member partition. Member documents written before a field
 * existed lack it, and are found only after the next directory import upserts them.
 */
export class CosmosDirectoryStore implements DirectoryStore {
  constructor(
    private readonly directory: Container,
    private readonly conversations: Container,
    /** Where an admin's change is recorded: another container, so after the change, not with it. */
    private readonly audit: AuditLog,
  ) {}

  async applyChange(change: DirectoryChange, audit: readonly AuditEntry[]): Promise<void> {
    await writeChange(this, change);
    for (const entry of audit) await this.audit.append(entry);
  }

  async upsertMunicipalities(items: Municipality[]): Promise<void> {
    await this.upsertAll(items.map((item) => ({ ...item, kind: 'municipality' })));
  }

  async upsertSchools(items: School[]): Promise<void> {
    await this.upsertAll(items.map((item) => ({ ...item, kind: 'school' })));
  }

  async upsertMembers(items: Member[]): Promise<void> {
    await this.upsertAll(items.map(memberDocument));
  }

  /**
   * Cosmos DB has no transaction across two documents (nor does the emulator run batches), so the
   * link is a create under the object id, then the placeholder's delete. The create is the step
   * that decides: of two instances linking at once, one creates and the other gets 409 and links
   * nothing. Should the process stop between the two, the placeholder stays behind the linked
   * member: still no recipient, and shown as not yet reachable until an admin removes it.
   */
  async linkMember(placeholderId: string, aadObjectId: string, recordOf?: (linked: LinkedMember) => AuditEntry): Promise<LinkedMember | undefined> {
    const found = await this.read('member', placeholderId);
    if (!found) return undefined;
    const before = parseMemberDocument(memberFields(found));
    const after = linkedAs(before, aadObjectId);
    try {
      await this.directory.items.create(memberDocument(after));
    } catch (error) {
      // The object id is a member already: linked by another instance, or added by an admin.
      if ((error as { code?: unknown }).code === 409) return undefined;
      throw error;
    }
    await this.removeEntries('member', [placeholderId]);
    if (recordOf) await this.audit.append(recordOf({ before, after }));
    return { before, after };
  }

  async removeEntries(kind: DirectoryEntryKind, ids: string[]): Promise<void> {
    await Promise.all(
      ids.map(async (id) => {
        try {
          await this.directory.item(id, kind).delete();
        } catch (error) {
          // Already gone: the entry is removed all the same.
          if ((error as { code?: unknown }).code !== 404) throw error;
        }
      }),
    );
  }

  async removeMembersExcept(aadObjectIds: string[]): Promise<void> {
    const keep = new Set(aadObjectIds);
    const gone = (await this.query('member')).map((r) => String(r.id)).filter((id) => !keep.has(id));
    // Each member document holds its roles, so deleting it takes every role away at once.
    await Promise.all(gone.map((id) => this.directory.item(id, 'member').delete()));
  }

  async hasMembers(): Promise<boolean> {
    // One id from the member partition is enough; no document is read in full.
    const spec = { query: 'SELECT TOP 1 c.id FROM c WHERE c.kind = @kind', parameters: [{ name: '@kind', value: 'member' }] };
    const { resources } = await this.directory.items.query<{ id: string }>(spec, { partitionKey: 'member' }).fetchAll();
    return resources.length > 0;
  }

  async getMember(aadObjectId: string): Promise<Member | undefined> {
    const resource = await this.read('member', aadObjectId);
    return resource && parseMemberDocument(memberFields(resource));
  }

  async getSchool(id: string): Promise<School | undefined> {
    const resource = await this.read('school', id);
    return resource && parseSchoolDocument(entityFields(resource));
  }

  async getMunicipality(id: string): Promise<Municipality | undefined> {
    const resource = await this.read('municipality', id);
    return resource && parseMunicipalityDocument(entityFields(resource));
  }

  /** Ordered by school id. */
  async listSchools(municipalityIds: string[]): Promise<School[]> {
    if (municipalityIds.length === 0) return [];
    const found = await this.query('school', 'ARRAY_CONTAINS(@ids, c.municipalityId)', [
      { name: '@ids', value: municipalityIds },
    ]);
    return found.map((resource) => parseSchoolDocument(entityFields(resource)));
  }

  /** Ordered by school id. */
  async listAllSchools(): Promise<School[]> {
    const found = await this.query('school');
    return found.map((resource) => parseSchoolDocument(entityFields(resource)));
  }

  /** Ordered by id. */
  async listMunicipalities(): Promise<Municipality[]> {
    const found = await this.query('municipality');
    return found.map((resource) => parseMunicipalityDocument(entityFields(resource)));
  }

  /** Ordered by member id. */
  async listMembers(): Promise<Member[]> {
    const found = await this.query('member');
    return found.map((resource) => parseMemberDocument(memberFields(resource)));
  }

  /** Ordered by member id. */
  async listAdmins(): Promise<Member[]> {
    const found = await this.query('member');
    return found.map((resource) => parseMemberDocument(memberFields(resource))).filter((m) => isAdmin(m) && isLinked(m));
  }

  /** Ordered by member id. */
  async listMunicipalityMembers(role: MunicipalityRole, municipalityId: string): Promise<Member[]> {
    // The field name comes from the fixed table above, never from input.
    const found = await this.query('member', `ARRAY_CONTAINS(c.${MUNICIPALITY_ROLE_FIELDS[role]}, @municipalityId)`, [
      { name: '@municipalityId', value: municipalityId },
    ]);
    return found.map((resource) => parseMemberDocument(memberFields(resource))).filter(isLinked);
  }

  /** Ordered by member id. */
  async listSchoolContacts(schoolId: string): Promise<Member[]> {
    const found = await this.query('member', 'ARRAY_CONTAINS(c.contactSchoolIds, @schoolId)', [
      { name: '@schoolId', value: schoolId },
    ]);
    return found.map((resource) => parseMemberDocument(memberFields(resource))).filter(isLinked);
  }

  /** Ordered by member id. */
  async listDigestRecipients(): Promise<Member[]> {
    const found = await this.query(
      'member',
      "EXISTS(SELECT VALUE r FROM r IN c.roles WHERE r.role = 'manager' OR r.role = 'coordinator')",
    );
    return found.map((resource) => parseMemberDocument(memberFields(resource))).filter(isLinked);
  }

  async saveConversation(address: ConversationAddress): Promise<void> {
    await this.conversations.items.upsert({ ...address, id: address.memberId });
  }

  async listReachableMemberIds(): Promise<string[]> {
    const { resources } = await this.conversations.items
      .query<string>('SELECT VALUE c.memberId FROM c WHERE NOT IS_DEFINED(c.inactiveSince) ORDER BY c.memberId')
      .fetchAll();
    return resources;
  }

  async getConversation(memberId: string): Promise<ConversationAddress | undefined> {
    const { resource } = await this.conversations.item(memberId, memberId).read();
    return resource && parseConversationDocument(domainFields(resource, 'id'));
  }

  private async upsertAll(documents: (ItemDefinition & { kind: Kind })[]): Promise<void> {
    for (let start = 0; start < documents.length; start += UPSERT_CONCURRENCY) {
      const batch = documents.slice(start, start + UPSERT_CONCURRENCY);
      await Promise.all(batch.map((document) => this.directory.items.upsert(document)));
    }
  }

  private async read(kind: Kind, id: string): Promise<ItemDefinition | undefined> {
    const { resource } = await this.directory.item(id, kind).read();
    return resource;
  }

  private async query(kind: Kind, condition?: string, parameters: SqlParameter[] = []): Promise<ItemDefinition[]> {
    const spec = {
      query: `SELECT * FROM c WHERE c.kind = @kind${condition ? ` AND ${condition}` : ''} ORDER BY c.id`,
      parameters: [{ name: '@kind', value: kind }, ...parameters],
    };
    const { resources } = await this.directory.items.query<ItemDefinition>(spec, { partitionKey: kind }).fetchAll();
    return resources;
  }
}

/** A member as stored: its id repeats the member id, beside the role fields the list queries read. */
function memberDocument(item: Member): ItemDefinition & { kind: 'member' } {
  return {
    ...item,
    id: item.aadObjectId,
    kind: 'member',
    contactSchoolIds: contactSchoolIds(item),
    [MUNICIPALITY_ROLE_FIELDS.leerplicht]: roleMunicipalityIds(item, 'leerplicht'),
    [MUNICIPALITY_ROLE_FIELDS.coordinator]: roleMunicipalityIds(item, 'coordinator'),
  };
}

function entityFields(resource: ItemDefinition): Record<string, unknown> {
  return domainFields(resource, 'kind');
}

/** A member's `id` only repeats its aadObjectId, for Cosmos DB's sake. */
function memberFields(resource: ItemDefinition): Record<string, unknown> {
  return domainFields(resource, 'kind', 'id', 'contactSchoolIds', ...Object.values(MUNICIPALITY_ROLE_FIELDS));
}
