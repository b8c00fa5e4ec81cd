/**
 * A member an admin added by address is linked to their Entra object id at first contact: from the
 * addresses the tab's token names, or from Teams' answer about the chat they write in. The link is
 * their own act in the audit log, with the entry before and after; nothing is linked while the
 * directory file is the truth, and a member already known is left alone.
 */
import { LinkMember } from '../../../src/app/link-member';
import { memberSchema, type Member } from '../../../src/domain/directory';
import { createMemoryStores } from '../../../src/store/memory';
import { aConversation, memberId, SCHOOL_ID } from '../../fixtures/directory';
import { FakeMessenger } from '../../support/fake-messenger';
import { FixedClock } from '../../support/fixed-clock';

const JAN_ID = memberId(60);
const jan: Member = memberSchema.parse({ name: 'Jan de Vries', email: 'Jan@School.example', roles: [{ role: 'school_contact', schoolId: SCHOOL_ID, rank: 'primary' }] });

describe('linking a member added by address', () => {
  const setUp = async (readOnly = false) => {
    const stores = createMemoryStores();
    await stores.directory.upsertMembers([jan]);
    const messenger = new FakeMessenger();
    const link = new LinkMember({ directory: stores.directory, clock: new FixedClock('2026-12-01T09:00:00Z'), messenger, readOnly });
    return { stores, messenger, link };
  };

  it('links by an address the token names, in any case, and audits it as their own act with before and after', async () => {
    const { stores, link } = await setUp();

    const linked = await link.byAddresses(JAN_ID, [undefined, 'not an address', 'JAN@school.example'], { origin: 'tab' });

    expect(linked).toEqual({ ...jan, aadObjectId: JAN_ID });
    expect(await stores.directory.getMember(JAN_ID)).toEqual(linked);
    expect(await stores.audit.list(JAN_ID)).toEqual([
      {
        at: '2026-12-01T09:00:00.000Z',
        actorId: JAN_ID,
        action: 'directory.member.link',
        objectId: JAN_ID,
        result: 'ok',
        origin: 'tab',
        change: { before: { ...jan }, after: { ...jan, aadObjectId: JAN_ID } },
      },
    ]);
  });

  it('answers the member a simultaneous request of the same person linked first, and audits the link once', async () => {
    const { stores, link } = await setUp();
    await link.byAddresses(JAN_ID, ['jan@school.example']);

    expect(await link.byAddresses(JAN_ID, ['jan@school.example'])).toEqual({ ...jan, aadObjectId: JAN_ID });
    expect(await stores.audit.list(JAN_ID)).toHaveLength(1);
  });

  it('links someone who writes to the bot by the UPN or e-mail address Teams names for their chat', async () => {
    const { stores, messenger, link } = await setUp();
    messenger.users.set(JAN_ID, { userPrincipalName: 'j.devries@school.example', email: 'jan@school.example' });

    const linked = await link.inChat(aConversation({ memberId: JAN_ID }), { origin: 'msteams:a:personal' });

    expect(linked?.aadObjectId).toBe(JAN_ID);
    expect((await stores.audit.list(JAN_ID)).map((e) => [e.action, e.actorId, e.origin])).toEqual([['directory.member.link', JAN_ID, 'msteams:a:personal']]);
  });

  it('does not ask Teams about someone the directory knows already', async () => {
    const { stores, messenger, link } = await setUp();
    await stores.directory.upsertMembers([{ aadObjectId: JAN_ID, name: 'Jan', roles: [] }]);

    expect(await link.inChat(aConversation({ memberId: JAN_ID }))).toBeUndefined();
    expect(messenger.lookedUp).toEqual([]);
  });

  it('links nothing when no placeholder has the address, and audits nothing', async () => {
    const { stores, messenger, link } = await setUp();
    messenger.users.set(JAN_ID, { email: 'piet@school.example' });

    expect(await link.inChat(aConversation({ memberId: JAN_ID }))).toBeUndefined();
    expect(await link.byAddresses(JAN_ID, [])).toBeUndefined();
    expect(await stores.directory.getMember(JAN_ID)).toBeUndefined();
    expect(await stores.audit.list(JAN_ID)).toEqual([]);
  });

  it('links nothing while the directory file is the truth: the next start would undo it', async () => {
    const { stores, messenger, link } = await setUp(true);
    messenger.users.set(JAN_ID, { email: 'jan@school.example' });

    expect(await link.byAddresses(JAN_ID, ['jan@school.example'])).toBeUndefined();
    expect(await link.inChat(aConversation({ memberId: JAN_ID }))).toBeUndefined();
    expect(await stores.directory.getMember(jan.aadObjectId)).toEqual(jan);
  });
});
