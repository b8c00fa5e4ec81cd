/** `audit HWC-7F3K`: an admin reads a signal's audit trail in their chat; nobody else does. */
import { aMember, memberId } from '../fixtures/directory';
import { aChild } from '../fixtures/signals';
import { PRIMARY_CONTACT_ID, SCHOOL_ID, STRANGER_ID, VT_WORKER_ID, aSchoolDirectory } from '../fixtures/school-directory';
import { BotHarness, type ChatUser, type TurnResult } from '../support/bot-harness';
import { visibleText } from '../support/card-query';

const ADMIN_ID = memberId(20);
const admin: ChatUser = { aadObjectId: ADMIN_ID, name: 'Ans Beheer' };
const worker: ChatUser = { aadObjectId: VT_WORKER_ID, name: 'Petra Jansen' };
const primary: ChatUser = { aadObjectId: PRIMARY_CONTACT_ID, name: 'Anouk de Wit' };
const stranger: ChatUser = { aadObjectId: STRANGER_ID, name: 'Onbekend' };
const child = aChild();

function onlyCardText(turn: TurnResult): string {
  expect(turn.cards).toHaveLength(1);
  return visibleText(turn.cards[0]!);
}

describe('the audit command', () => {
  let hwc: BotHarness;
  let reference = '';

  beforeEach(async () => {
    const directory = aSchoolDirectory();
    directory.members.push(aMember({ aadObjectId: ADMIN_ID, name: 'Ans Beheer', roles: [{ role: 'admin' }] }));
    hwc = await BotHarness.create({ directory });
    const form = { children: 1, firstName_0: child.firstName, lastName_0: child.lastName, birthDate_0: child.birthDate, schoolId_0: SCHOOL_ID };
    const confirmation = await hwc.press(worker, 'signal.submit', form, 'form-message-1');
    reference = /HWC-[A-Z0-9]{5}/.exec(visibleText(confirmation.invokeResponse!.body.value))?.[0] ?? '';
    await hwc.core.idle();
  });

  it("shows an admin the signal's trail: who, in which role, did what — the cards that named the child included", async () => {
    const turn = await hwc.say(admin, `audit ${reference}`);
    const text = onlyCardText(turn);

    expect(text).toContain(`Auditspoor ${reference}`);
    expect(text).toContain('signaal verstuurd');
    expect(text).toContain('Petra Jansen (Veilig Thuis)');
    expect(text).toContain('kaart met naam en geboortedatum getoond');
    expect(text).toContain('Anouk de Wit (contactpersoon school)');
    expect(text).toContain('Jeroen Smit (contactpersoon school)');
    const json = JSON.stringify(turn.cards);
    for (const secret of [child.firstName, child.lastName, child.birthDate]) expect(json).not.toContain(secret);
  });

  it('reads the code in lower case too', async () => {
    expect(onlyCardText(await hwc.say(admin, `audit ${reference.toLowerCase()}`))).toContain(`Auditspoor ${reference}`);
  });

  it('answers in English for an admin whose Teams speaks English', async () => {
    expect(onlyCardText(await hwc.say({ ...admin, locale: 'en-US' }, `audit ${reference}`))).toContain(`Audit trail ${reference}`);
  });

  it.each([
    ['a school contact', primary],
    ['the worker who issued it', worker],
  ])('refuses %s politely, showing nothing of the trail', async (_who, user) => {
    const text = onlyCardText(await hwc.say(user, `audit ${reference}`));

    expect(text).toContain('Alleen functioneel beheerders');
    expect(text).not.toContain('Auditspoor');
    expect(hwc.core.audit.all.at(-1)).toMatchObject({ actorId: user.aadObjectId, action: 'audit.read', result: 'refused' });
  });

  it('tells someone the directory does not know that they are not known yet', async () => {
    expect(onlyCardText(await hwc.say(stranger, `audit ${reference}`))).toContain('Je staat nog niet in Handle with Care');
  });

  it('says clearly that a code is unknown', async () => {
    const text = onlyCardText(await hwc.say(admin, 'audit HWC-ZZZZ'));

    expect(text).toContain('Referentie niet gevonden');
    expect(text).toContain('HWC-ZZZZ');
  });

  it('says how to use it when the code is missing or is no code', async () => {
    for (const typed of ['audit', 'audit Noor']) {
      expect(onlyCardText(await hwc.say(admin, typed))).toContain('bijvoorbeeld **audit HWC-7F3K**');
    }
  });
});
