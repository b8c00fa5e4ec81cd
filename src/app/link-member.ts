import { placeholderIdOf, type Member } from '../domain/directory';
import type { CallOptions, Clock, ConversationAddress, DirectoryStore, Messenger } from '../ports';
import { sourceFields, type RequestSource } from './audit-trail';

export interface LinkMemberDeps {
  directory: DirectoryStore;
  clock: Clock;
  /** Asked who a chat's user is, when they write to the bot. */
  messenger: Pick<Messenger, 'lookUpUser'>;
  /**
   * HWC_DIRECTORY_FILE is set: the file is the truth about people, and the next start would undo
   * a link (the placeholder back, the linked member gone), so nothing is linked.
   */
  readOnly: boolean;
}

/**
 * A member an admin added by e-mail address or UPN becomes a normal member at their first contact:
 * when their Entra object id is first seen beside one of their addresses (the tab's SSO token, or
 * Teams' answer about the chat they write in), the store re-keys them to that id, and the link is
 * audited as their own act, with the entry before and after (staff names and roles only).
 */
export class LinkMember {
  constructor(private readonly deps: LinkMemberDeps) {}

  /**
   * Links the member kept under one of `addresses` to `aadObjectId`, which the directory did not
   * know when the caller looked. Answers the member as linked, or undefined when no placeholder
   * has any of them. A request of the same person at the same moment (the tab asks for several
   * things at once) may have linked them first: then the member it linked is answered, unaudited.
   */
  async byAddresses(aadObjectId: string, addresses: ReadonlyArray<string | undefined>, source: RequestSource = {}): Promise<Member | undefined> {
    if (this.deps.readOnly) return undefined;
    const placeholders = new Set(addresses.flatMap((a) => (a ? [placeholderIdOf(a)] : [])).filter((id): id is string => id !== undefined));
    for (const placeholderId of placeholders) {
      // Recorded with the link itself (see DirectoryStore.linkMember).
      const linked = await this.deps.directory.linkMember(placeholderId, aadObjectId, ({ before, after }) => ({
        at: this.deps.clock.now().toISOString(),
        // The person links themself: no role is needed for it.
        actorId: aadObjectId,
        action: 'directory.member.link',
        objectId: aadObjectId,
        result: 'ok',
        ...sourceFields(source),
        change: { before: plain(before), after: plain(after) },
      }));
      if (linked) return linked.after;
    }
    return placeholders.size > 0 ? this.deps.directory.getMember(aadObjectId) : undefined;
  }

  /**
   * Someone writes to the bot: when the directory does not know their object id, Teams is asked
   * for their UPN and e-mail address (one call), and a placeholder with either is linked.
   */
  async inChat(address: ConversationAddress, source: RequestSource = {}, options: CallOptions = {}): Promise<Member | undefined> {
    if (this.deps.readOnly || (await this.deps.directory.getMember(address.memberId))) return undefined;
    const user = await this.deps.messenger.lookUpUser(address, options);
    return this.byAddresses(address.memberId, [user.userPrincipalName, user.email], source);
  }
}

function plain(member: Member): Record<string, unknown> {
  return JSON.parse(JSON.stringify(member)) as Record<string, unknown>;
}
