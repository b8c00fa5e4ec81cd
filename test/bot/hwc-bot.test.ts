import { MessengerError } from '../../src/ports';
import { aChild } from '../fixtures/signals';
import {
  BACKUP_CONTACT_ID,
  LEERPLICHT_OFFICER_ID,
  KOMPAS_SCHOOL_ID,
  MUNICIPALITY_ID,
  NO_ROLE_ID,
  OTHER_SCHOOL_ID,
  OTHER_MUNICIPALITY_OFFICER_ID,
  OTHER_SCHOOL_CONTACT_ID,
  PALET_CONTACT_ID,
  PALET_SCHOOL_ID,
  PRIMARY_CONTACT_ID,
  SCHOOL_ID,
  SCHOOL_WITHOUT_CONTACTS_ID,
  STRANGER_ID,
  SECOND_OFFICER_ID,
  VT_WORKER_ID,
  aRoutingDirectory,
} from '../fixtures/school-directory';
import { BotHarness, SERVICE_URL, TENANT_ID, conversationIdOf, type ChatUser, type TurnResult } from '../support/bot-harness';
import { buttonTitled, inputLabelled, inputs, visibleText } from '../support/card-query';

const worker: ChatUser = { aadObjectId: VT_WORKER_ID, name: 'Petra Jansen' };
const primary: ChatUser = { aadObjectId: PRIMARY_CONTACT_ID, name: 'Anouk de Wit' };
const backup: ChatUser = { aadObjectId: BACKUP_CONTACT_ID, name: 'Jeroen Smit' };
const outsider: ChatUser = { aadObjectId: OTHER_SCHOOL_CONTACT_ID, name: 'Fleur Hendriks' };
const noRole: ChatUser = { aadObjectId: NO_ROLE_ID, name: 'Otto Buiten' };
const stranger: ChatUser = { aadObjectId: STRANGER_ID, name: 'Onbekend' };
const child = aChild();

/** The one card a message turn answered with. */
function onlyCard(turn: TurnResult): Record<string, unknown> {
  expect(turn.cards).toHaveLength(1);
  return turn.cards[0]!;
}

/** The choices of a choice set, as the person sees them. */
function choicesOf(input: Record<string, unknown> | undefined): Array<{ title: string; value: string }> {
  return (input?.choices as Array<{ title: string; value: string }> | undefined) ?? [];
}

/** The card an invoke answered with; the answer is always a 200 carrying an Adaptive Card. */
function invokeCard(turn: TurnResult): Record<string, unknown> {
  expect(turn.invokeResponse?.status).toBe(200);
  expect(turn.invokeResponse?.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  return turn.invokeResponse!.body.value;
}

describe('HwcBot', () => {
  let hwc: BotHarness;
  beforeEach(async () => {
    hwc = await BotHarness.create();
  });

  describe('someone an admin added by e-mail address', () => {
    const newcomer: ChatUser = { aadObjectId: '44444444-4444-4444-8444-444444444444', name: 'Jan de Vries' };
    beforeEach(async () => {
      await hwc.core.directory.upsertMembers([{ aadObjectId: 'upn:jan@school.example', name: 'Jan de Vries', email: 'jan@school.example', roles: [{ role: 'vt_worker', municipalityIds: [MUNICIPALITY_ID] }] }]);
    });

    it('is linked on their first message and answered as the member they now are', async () => {
      hwc.core.messenger.users.set(newcomer.aadObjectId, { userPrincipalName: 'Jan@School.example' });

      const text = visibleText(onlyCard(await hwc.say(newcomer, 'help')));

      expect(text).toContain('**signaal**');
      expect(text).not.toContain('geen rol');
      expect((await hwc.core.directory.getMember(newcomer.aadObjectId))?.name).toBe('Jan de Vries');
      expect(hwc.core.audit.all.filter((e) => e.action === 'directory.member.link').map((e) => e.actorId)).toEqual([newcomer.aadObjectId]);
    });

    it('is not looked up on install: an app pushed to a whole tenant would spend the Teams budget the cards need', async () => {
      hwc.core.messenger.users.set(newcomer.aadObjectId, { userPrincipalName: 'jan@school.example' });
      await hwc.install(newcomer);
      expect(hwc.core.messenger.lookedUp).toEqual([]);
      expect(await hwc.core.directory.getMember(newcomer.aadObjectId)).toBeUndefined();
    });

    it('is still answered when Teams cannot say who they are, and linked on a later message', async () => {
      hwc.core.messenger.lookUpFailure = new MessengerError('http_503', true);
      hwc.core.messenger.users.set(newcomer.aadObjectId, { email: 'jan@school.example' });

      expect((await hwc.say(newcomer, 'help')).cards).toHaveLength(1);
      expect(hwc.core.logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', message: expect.stringContaining('could not ask Teams who wrote') }));
      expect(await hwc.core.directory.getMember(newcomer.aadObjectId)).toBeUndefined();

      hwc.core.messenger.lookUpFailure = undefined;
      await hwc.say(newcomer, 'help');
      expect(await hwc.core.directory.getMember(newcomer.aadObjectId)).toBeDefined();
    });
  });

  describe('help', () => {
    it.each([['hulp'], ['help'], ['/Help']])('answers %s with what a Veilig Thuis worker can do, signaal and status included', async (word) => {
      const text = visibleText(onlyCard(await hwc.say(worker, word)));
      expect(text).toContain('Wat kun je hier doen?');
      expect(text).toContain('**signaal**');
      expect(text).toContain('**status**');
    });

    it('tells a school contact about Gezien and support, without offering signaal', async () => {
      const text = visibleText(onlyCard(await hwc.say(primary, 'hulp')));
      expect(text).toContain('**Gezien**');
      expect(text).not.toContain('**signaal**');
    });

    it('tells someone without a role whom to ask', async () => {
      const text = visibleText(onlyCard(await hwc.say(noRole, 'help')));
      expect(text).toContain('geen rol');
      expect(text).not.toContain('**signaal**');
    });

    it('answers in English when the Teams locale is en-US', async () => {
      const text = visibleText(onlyCard(await hwc.say({ ...worker, locale: 'en-US' }, 'help')));
      expect(text).toContain('What can you do here?');
      expect(text).toContain('**signal**');
      expect(text).not.toContain('Wat kun je');
    });
  });

  describe('commands', () => {
    it('answers an unknown word with the unknown-command card pointing to help', async () => {
      const text = visibleText(onlyCard(await hwc.say(worker, 'hallo daar')));
      expect(text).toContain('Dat begrijp ik niet');
      expect(text).toContain('**help**');
    });

    it('answers an unknown word in English for an English Teams', async () => {
      const text = visibleText(onlyCard(await hwc.say({ ...primary, locale: 'en-US' }, 'hello')));
      expect(text).toContain("I didn't understand that");
    });

    it('gives a Veilig Thuis worker typing signaal the form with the labelled inputs, Verstuur and Nog een kind', async () => {
      const card = onlyCard(await hwc.say(worker, 'signaal'));
      for (const label of ['Voornaam', 'Achternaam', 'Geboortedatum', 'School']) expect(inputLabelled(card, label)).toBeDefined();
      expect(inputLabelled(card, 'Geboortedatum')?.type).toBe('Input.Date');
      expect(buttonTitled(card, 'Verstuur')?.verb).toBe('signal.submit');
      expect(buttonTitled(card, 'Nog een kind')?.verb).toBe('signal.add_child');
    });

    it("offers the worker's schools and, per municipality, leerplicht when the school is unknown", async () => {
      const card = onlyCard(await hwc.say(worker, 'signaal'));
      expect(choicesOf(inputLabelled(card, 'School'))).toEqual([
        { title: 'Basisschool De Regenboog', value: SCHOOL_ID },
        { title: 'Kindcentrum De Vlinder', value: SCHOOL_WITHOUT_CONTACTS_ID },
        { title: 'School onbekend — via leerplicht Heerlen', value: `leerplicht:${MUNICIPALITY_ID}` },
      ]);
    });

    it('refuses someone the directory does not know who types signaal: a card without inputs', async () => {
      const card = onlyCard(await hwc.say(stranger, 'signaal'));
      expect(inputs(card)).toEqual([]);
      expect(visibleText(card)).toContain('Je bent nog niet bekend');
    });

    it('refuses a school contact who types signal politely, without a form', async () => {
      const card = onlyCard(await hwc.say(primary, 'signal'));
      expect(inputs(card)).toEqual([]);
      expect(visibleText(card)).toContain('Alleen medewerkers van Veilig Thuis');
    });
  });

  describe('remembering personal chats', () => {
    it('stores the conversation address when the app is installed, and welcomes the user', async () => {
      expect(await hwc.core.directory.getConversation(NO_ROLE_ID)).toBeUndefined();
      const turn = await hwc.install(noRole);
      expect(await hwc.core.directory.getConversation(NO_ROLE_ID)).toMatchObject({
        memberId: NO_ROLE_ID,
        userId: `29:${NO_ROLE_ID}`,
        conversationId: conversationIdOf(noRole),
        serviceUrl: SERVICE_URL,
        tenantId: TENANT_ID,
        channelId: 'msteams',
        botId: '28:hwc-bot',
        locale: 'nl-NL',
        updatedAt: hwc.core.clock.now().toISOString(),
      });
      expect(visibleText(onlyCard(turn))).toContain('Welkom bij Handle with Care');
    });

    it('stores the conversation address on a first message too', async () => {
      await hwc.say(noRole, 'hulp');
      expect((await hwc.core.directory.getConversation(NO_ROLE_ID))?.conversationId).toBe(conversationIdOf(noRole));
    });
  });

  describe('card buttons', () => {
    it("registers no botbuilder handler a button press would pass through: presses skip botbuilder's dispatch (answerInvoke)", () => {
      // botbuilder keeps the handlers registered with its on… methods by event name. An onTurn or
      // onInvoke… handler added here would silently never run for a press: route presses
      // through botbuilder again (or call it from answerInvoke) before adding one.
      const registered = Object.keys((hwc.bot as unknown as { handlers: Record<string, unknown[]> }).handlers);
      expect(registered.sort()).toEqual(['InstallationUpdateAdd', 'MembersAdded', 'Message']);
    });

    it('answers an unknown verb with the "button no longer works" card, as a 200 invoke response', async () => {
      const text = visibleText(invokeCard(await hwc.press(primary, 'signal.delete', { signalId: 'x' })));
      expect(text).toContain('Deze knop werkt niet meer');
    });

    it('answers a button without a verb the same way', async () => {
      expect(visibleText(invokeCard(await hwc.press(primary, undefined, {})))).toContain('Deze knop werkt niet meer');
    });

    it.each([
      ['signalId missing', {}],
      ['signalId not text', { signalId: 42 }],
      ['signalId empty', { signalId: '' }],
      ['data not an object', 'signal-1'],
    ])('answers invalid data (%s) with a card, never a failure', async (_what, data) => {
      const turn = await hwc.press(primary, 'signal.acknowledge', data);
      expect(visibleText(invokeCard(turn))).toContain('Deze knop werkt niet meer');
    });

    it('answers in English for an English Teams', async () => {
      const text = visibleText(invokeCard(await hwc.press({ ...primary, locale: 'en-US' }, 'nope', {})));
      expect(text).toContain('This button no longer works');
    });

    it('answers a button for a signal that does not exist with a card', async () => {
      const text = visibleText(invokeCard(await hwc.press(primary, 'signal.acknowledge', { signalId: 'no-such-signal' })));
      expect(text).toContain('Signaal niet gevonden');
    });
  });

  describe('a signal from form to support', () => {
    /** What Teams sends for a one-child form: the child count and the inputs `<field>_0`. */
    const form = { children: 1, firstName_0: child.firstName, lastName_0: child.lastName, birthDate_0: child.birthDate, schoolId_0: SCHOOL_ID };

    /** The worker submits the form; resolves when every contact's card has been sent. */
    async function submit(data: Record<string, unknown> = form, onMessage = 'form-message-1'): Promise<Record<string, unknown>> {
      const card = invokeCard(await hwc.press(worker, 'signal.submit', data, onMessage));
      await hwc.core.dispatcher.idle();
      return card;
    }

    function signalCardOf(memberId: string): Record<string, unknown> {
      const sent = hwc.core.messenger.delivered(memberId).filter((c) => c.kind === 'send');
      expect(sent).toHaveLength(1);
      return sent[0]!.card as Record<string, unknown>;
    }

    it('confirms to the worker with the reference code and sends each contact the signal card', async () => {
      const confirmation = visibleText(await submit());
      const reference = /HWC-[A-Z0-9]{5}/.exec(confirmation)?.[0];
      expect(reference).toBeDefined();
      for (const contact of [PRIMARY_CONTACT_ID, BACKUP_CONTACT_ID]) {
        const card = signalCardOf(contact);
        const text = visibleText(card);
        expect(text).toContain('Handle with Care');
        expect(text).toContain(`${child.firstName} ${child.lastName}`);
        expect(text).toContain('14-05-2016');
        expect(text).toContain('Basisschool De Regenboog');
        expect(text).toContain(reference!);
        expect(buttonTitled(card, 'Gezien')?.verb).toBe('signal.acknowledge');
      }
      expect(hwc.core.messenger.attemptsTo(OTHER_SCHOOL_CONTACT_ID)).toEqual([]);
    });

    it('still accepts a form sent before households were possible (inputs without a child number)', async () => {
      const legacy = { firstName: child.firstName, lastName: child.lastName, birthDate: child.birthDate, schoolId: SCHOOL_ID };
      expect(visibleText(await submit(legacy))).toMatch(/HWC-[A-Z0-9]{5}/);
      expect(hwc.core.messenger.delivered(PRIMARY_CONTACT_ID)).toHaveLength(1);
    });

    it('returns the same form with the values kept and a Dutch message at the wrong field, sending nothing', async () => {
      const card = await submit({ ...form, birthDate_0: '2025-12-01' });
      expect(inputLabelled(card, 'Voornaam')?.value).toBe(child.firstName);
      expect(visibleText(card)).toContain('Het kind moet minstens 2 jaar oud zijn.');
      expect(hwc.core.messenger.calls).toEqual([]);
    });

    it('issues one signal when Verstuur is pressed twice on the same form', async () => {
      const first = visibleText(await submit(form, 'form-message-7'));
      const second = visibleText(await submit(form, 'form-message-7'));
      const reference = /HWC-[A-Z0-9]{5}/.exec(first)?.[0];
      expect(second).toContain(reference!);
      expect(await hwc.core.signals.listIssuedBy(VT_WORKER_ID, new Date(0))).toHaveLength(1);
      expect(hwc.core.messenger.delivered(PRIMARY_CONTACT_ID)).toHaveLength(1);
    });

    it('says a form already sent was sent, and shows what went then, when it is sent again with other content', async () => {
      const first = visibleText(await submit(form, 'form-message-8'));
      const reference = /HWC-[A-Z0-9]{5}/.exec(first)?.[0];
      const changed = { ...form, firstName_0: 'Anders' };

      const second = visibleText(await submit(changed, 'form-message-8'));

      expect(first).not.toContain('Dit formulier was al verstuurd');
      expect(second).toContain('Dit formulier was al verstuurd');
      expect(second).toContain(reference!);
      expect(second).not.toContain('Anders');
      expect(await hwc.core.signals.listIssuedBy(VT_WORKER_ID, new Date(0))).toHaveLength(1);
    });

    it("shows the contact who presses Gezien the support form and updates the colleague's card in place", async () => {
      await submit();
      const signalId = String(buttonTitled(signalCardOf(PRIMARY_CONTACT_ID), 'Gezien')!.data.signalId);
      hwc.core.clock.set('2026-03-03T07:05:00.000Z');

      const answer = invokeCard(await hwc.press(primary, 'signal.acknowledge', { signalId }));
      expect(inputLabelled(answer, 'Steun')).toBeDefined();
      expect(inputLabelled(answer, 'zorg')).toBeDefined();
      expect(buttonTitled(answer, 'Opslaan')?.verb).toBe('support.save');
      await hwc.core.dispatcher.idle();

      const [sent, updated, ...more] = hwc.core.messenger.attemptsTo(BACKUP_CONTACT_ID);
      expect(more).toEqual([]);
      expect(updated).toMatchObject({ kind: 'update', activityId: sent!.activityId });
      const takenText = visibleText(updated!.card);
      // Picked up the morning after the evening it was issued, at 08:05 Amsterdam time (07:05 UTC).
      expect(takenText).toContain('Opgepakt door Anouk de Wit op 03-03-2026 om 08:05');
      expect(takenText).not.toContain(child.firstName);
    });

    it('no longer names the child in Gezien’s answer once the moment to forget has passed, even before forgetting ran', async () => {
      await submit();
      const signalId = String(buttonTitled(signalCardOf(PRIMARY_CONTACT_ID), 'Gezien')!.data.signalId);
      const { redactAt } = await hwc.core.stored(signalId);
      hwc.core.clock.set(new Date(new Date(redactAt!).getTime() + 60_000));

      const answer = invokeCard(await hwc.press(primary, 'signal.acknowledge', { signalId }));

      expect((await hwc.core.stored(signalId)).child).toBeDefined();
      expect(buttonTitled(answer, 'Opslaan')?.verb).toBe('support.save');
      for (const data of [child.firstName, child.lastName, '14-05-2016']) expect(visibleText(answer)).not.toContain(data);
    });

    it('answers a colleague who presses Gezien a moment later kindly, and changes nothing', async () => {
      await submit();
      const signalId = String(buttonTitled(signalCardOf(BACKUP_CONTACT_ID), 'Gezien')!.data.signalId);
      await hwc.press(primary, 'signal.acknowledge', { signalId });
      await hwc.core.dispatcher.idle();
      const before = await hwc.core.signals.get(signalId);

      const answer = visibleText(invokeCard(await hwc.press(backup, 'signal.acknowledge', { signalId })));
      expect(answer).toContain('Opgepakt door Anouk de Wit');
      expect(await hwc.core.signals.get(signalId)).toEqual(before);
    });

    it('gives the same answer when the same contact presses Gezien twice', async () => {
      await submit();
      const signalId = String(buttonTitled(signalCardOf(PRIMARY_CONTACT_ID), 'Gezien')!.data.signalId);
      const first = invokeCard(await hwc.press(primary, 'signal.acknowledge', { signalId }));
      const second = invokeCard(await hwc.press(primary, 'signal.acknowledge', { signalId }));
      expect(second).toEqual(first);
    });

    it('refuses a contact of another school pressing Gezien, and nothing changes', async () => {
      await submit();
      const signalId = String(buttonTitled(signalCardOf(PRIMARY_CONTACT_ID), 'Gezien')!.data.signalId);
      const before = await hwc.core.signals.get(signalId);
      const text = visibleText(invokeCard(await hwc.press(outsider, 'signal.acknowledge', { signalId })));
      expect(text).toContain('Niet voor jouw school');
      expect(text).not.toContain(child.firstName);
      expect(await hwc.core.signals.get(signalId)).toEqual(before);
    });

    it('records the support and shows it; status then shows the worker "steun vastgelegd"', async () => {
      await submit();
      const signalId = String(buttonTitled(signalCardOf(PRIMARY_CONTACT_ID), 'Gezien')!.data.signalId);
      await hwc.press(primary, 'signal.acknowledge', { signalId });
      const recorded = visibleText(
        invokeCard(await hwc.press(primary, 'support.save', { signalId, categories: 'no_penalty,listening_ear', priorConcern: 'no' })),
      );
      expect(recorded).toContain('Steun vastgelegd');
      expect((await hwc.core.stored(signalId)).support?.categories).toEqual(['no_penalty', 'listening_ear']);

      const status = visibleText(onlyCard(await hwc.say(worker, 'status')));
      expect(status).toContain('steun vastgelegd');
      expect(status).toContain('Basisschool De Regenboog');
    });

    describe('the support form after Gezien', () => {
      let signalId: string;
      let reference: string;
      const names = [child.firstName, child.lastName, '14-05-2016'];
      beforeEach(async () => {
        await submit();
        signalId = String(buttonTitled(signalCardOf(PRIMARY_CONTACT_ID), 'Gezien')!.data.signalId);
        reference = (await hwc.core.stored(signalId)).reference;
        hwc.core.clock.set('2026-03-03T07:05:00.000Z');
        await hwc.press(primary, 'signal.acknowledge', { signalId });
        await hwc.core.dispatcher.idle();
      });
      const recordSupport = () => hwc.press(primary, 'support.save', { signalId, categories: 'no_penalty', priorConcern: 'no' });
      const expectFormWithoutChild = (card: Record<string, unknown>) => {
        const text = visibleText(card);
        expect(buttonTitled(card, 'Opslaan')?.verb).toBe('support.save');
        expect(text).toContain(reference);
        for (const name of names) expect(text).not.toContain(name);
      };

      // The answer replaces the card in Teams while the delivery still records "supported", so the
      // card would never be drawn again when the child is forgotten: it must not name the child.
      it('Wijzigen shows the form filled in, without the child', async () => {
        await recordSupport();
        const card = invokeCard(await hwc.press(primary, 'support.edit', { signalId }));
        expectFormWithoutChild(card);
        expect(inputs(card).find((i) => i.id === 'categories')?.value).toBe('no_penalty');
        const mine = (await hwc.core.stored(signalId)).deliveries.find((d) => d.recipientId === PRIMARY_CONTACT_ID)!;
        expect(mine.view).toBe('supported');
      });

      it('Opslaan with an answer missing after a change shows the form again, without the child', async () => {
        await recordSupport();
        invokeCard(await hwc.press(primary, 'support.edit', { signalId }));
        const card = invokeCard(await hwc.press(primary, 'support.save', { signalId, categories: '', priorConcern: 'no' }));
        expectFormWithoutChild(card);
        expect(visibleText(card)).toContain('Kies');
      });

      it('the support reminder\'s button shows the form without the child: that message is never drawn again', async () => {
        const card = invokeCard(await hwc.press(primary, 'support.edit', { signalId }));
        expectFormWithoutChild(card);
        const saved = invokeCard(await hwc.press(primary, 'support.save', { signalId, categories: '', priorConcern: '' }));
        expectFormWithoutChild(saved);
      });

      it('is only for the contact who pressed Gezien: a colleague may not see, record or change the support', async () => {
        const before = await hwc.core.signals.get(signalId);
        for (const [verb, data] of [
          ['support.edit', { signalId }],
          ['support.save', { signalId, categories: 'quiet_place', priorConcern: 'yes' }],
          ['support.save', { signalId, categories: '', priorConcern: '' }],
        ] as const) {
          const card = invokeCard(await hwc.press(backup, verb, data));
          const text = visibleText(card);
          expect(text).toContain('Opgepakt door een collega');
          expect(inputs(card)).toEqual([]);
          for (const secret of [...names, reference]) expect(text).not.toContain(secret);
        }
        await recordSupport();
        const recorded = await hwc.core.signals.get(signalId);
        const card = invokeCard(await hwc.press(backup, 'support.edit', { signalId }));
        expect(inputs(card)).toEqual([]);
        expect(visibleText(invokeCard(await hwc.press(backup, 'support.save', { signalId, categories: 'other', priorConcern: 'yes' })))).toContain('Opgepakt door een collega');
        expect(await hwc.core.signals.get(signalId)).toEqual(recorded);
        expect(before?.value.support).toBeUndefined();
        const refusals = hwc.core.audit.all.filter((e) => e.actorId === BACKUP_CONTACT_ID && !e.action.startsWith('card.'));
        expect(refusals.map((e) => e.result)).toEqual(refusals.map(() => 'refused'));
        expect(refusals.length).toBeGreaterThan(0);
      });
    });

    it('keeps delivering to the colleague after Teams throttled the first try', async () => {
      hwc.core.messenger.failFor(BACKUP_CONTACT_ID, new MessengerError('http_429', true, 5_000), 1);
      await submit();
      expect(hwc.core.messenger.delivered(BACKUP_CONTACT_ID)).toEqual([]);
      hwc.core.clock.advance(5_000);
      await hwc.core.dispatcher.relayDue();
      expect(visibleText(signalCardOf(BACKUP_CONTACT_ID))).toContain(child.lastName);
    });

    it('never writes the child to the log', async () => {
      await submit();
      const signalId = String(buttonTitled(signalCardOf(PRIMARY_CONTACT_ID), 'Gezien')!.data.signalId);
      await hwc.press(primary, 'signal.acknowledge', { signalId });
      await hwc.press(outsider, 'signal.acknowledge', { signalId });
      await hwc.core.dispatcher.idle();
      expect(hwc.core.logger.lines.length).toBeGreaterThan(0);
      for (const secret of [child.firstName, child.lastName, child.birthDate]) expect(hwc.core.logger.json).not.toContain(secret);
    });
  });
});

describe('HwcBot routing through leerplicht, households and bounces', () => {
  const officer: ChatUser = { aadObjectId: LEERPLICHT_OFFICER_ID, name: 'Ruud Peeters' };
  const secondOfficer: ChatUser = { aadObjectId: SECOND_OFFICER_ID, name: 'Lotte Bemelmans' };
  const elsewhereOfficer: ChatUser = { aadObjectId: OTHER_MUNICIPALITY_OFFICER_ID, name: 'Leo Dassen' };
  let hwc: BotHarness;
  beforeEach(async () => {
    hwc = await BotHarness.create({ directory: aRoutingDirectory() });
  });

  /** The worker submits one form for these children; resolves once every card went out. */
  async function submitHousehold(children: Array<Record<string, string>>): Promise<Record<string, unknown>> {
    const data: Record<string, unknown> = { children: children.length };
    children.forEach((c, i) => Object.entries(c).forEach(([field, value]) => (data[`${field}_${i}`] = value)));
    const card = invokeCard(await hwc.press(worker, 'signal.submit', data, 'household-form-1'));
    await hwc.core.idle();
    return card;
  }
  const viaHeerlen = { firstName: child.firstName, lastName: child.lastName, birthDate: child.birthDate, schoolId: `leerplicht:${MUNICIPALITY_ID}` };

  /** The card last sent or updated in a member's chat. */
  function lastCardOf(memberId: string): Record<string, unknown> {
    const last = hwc.core.messenger.delivered(memberId).at(-1);
    if (!last) throw new Error(`nothing was sent to ${memberId}`);
    return last.card as Record<string, unknown>;
  }
  function signalIdOn(card: Record<string, unknown>, button: string): string {
    return String(buttonTitled(card, button)!.data.signalId);
  }

  it('confirms a household with every child’s reference code and routes each child on its own', async () => {
    const confirmation = visibleText(
      await submitHousehold([
        { firstName: 'Noor', lastName: 'van Dijk', birthDate: '2016-05-14', schoolId: SCHOOL_ID },
        { firstName: 'Daan', lastName: 'van Dijk', birthDate: '2012-09-01', schoolId: PALET_SCHOOL_ID },
        { firstName: 'Mila', lastName: 'van Dijk', birthDate: '2019-01-20', schoolId: `leerplicht:${MUNICIPALITY_ID}` },
      ]),
    );
    const references = confirmation.match(/HWC-[A-Z0-9]{5}/g) ?? [];
    expect(new Set(references).size).toBe(3);
    expect(confirmation).toContain('3 signalen verstuurd');
    expect(visibleText(lastCardOf(PRIMARY_CONTACT_ID))).toContain('Noor van Dijk');
    expect(visibleText(lastCardOf(PALET_CONTACT_ID))).toContain('Daan van Dijk');
    for (const o of [LEERPLICHT_OFFICER_ID, SECOND_OFFICER_ID]) expect(visibleText(lastCardOf(o))).toContain('Mila van Dijk');
    expect(hwc.core.messenger.attemptsTo(OTHER_MUNICIPALITY_OFFICER_ID)).toEqual([]);
  });

  it('returns the form with the error at the invalid child only, and sends nothing', async () => {
    const card = await submitHousehold([viaHeerlen, { ...viaHeerlen, birthDate: '2025-12-01' }]);
    expect(inputs(card).find((i) => i.id === 'firstName_1')?.value).toBe(child.firstName);
    expect(visibleText(card)).toContain('Het kind moet minstens 2 jaar oud zijn.');
    expect(hwc.core.messenger.calls).toEqual([]);
  });

  it('gives every officer a card to forward with the child, a School choice over every school, Doorsturen and Geen school', async () => {
    await submitHousehold([viaHeerlen]);
    const card = lastCardOf(LEERPLICHT_OFFICER_ID);
    const text = visibleText(card);
    expect(text).toContain('Handle with Care — door te sturen');
    expect(text).toContain(`${child.firstName} ${child.lastName}`);
    expect(text).toContain('14-05-2016');
    expect(text).toContain('Heerlen');
    expect(choicesOf(inputLabelled(card, 'School')).map((c) => c.title)).toEqual(expect.arrayContaining(['Sint-Maartenscollege', 'Basisschool Het Kompas']));
    expect(buttonTitled(card, 'Doorsturen')?.verb).toBe('signal.forward');
    expect(buttonTitled(card, 'Geen school')?.verb).toBe('signal.no_school');
  });

  it("forwards on Doorsturen: the officer's answer and the colleague's updated card say who sent it where, without the child", async () => {
    await submitHousehold([viaHeerlen]);
    const signalId = signalIdOn(lastCardOf(LEERPLICHT_OFFICER_ID), 'Doorsturen');
    const answer = visibleText(invokeCard(await hwc.press(officer, 'signal.forward', { signalId, schoolId: SCHOOL_ID })));
    await hwc.core.idle();
    expect(answer).toContain('Doorgestuurd door Ruud Peeters naar Basisschool De Regenboog');
    expect(answer).not.toContain(child.firstName);

    const [sent, updated, ...more] = hwc.core.messenger.attemptsTo(SECOND_OFFICER_ID);
    expect(more).toEqual([]);
    expect(updated).toMatchObject({ kind: 'update', activityId: sent!.activityId });
    expect(visibleText(updated!.card)).toContain('Doorgestuurd door Ruud Peeters naar Basisschool De Regenboog');
    expect(visibleText(updated!.card)).not.toContain(child.firstName);

    const contactCard = lastCardOf(PRIMARY_CONTACT_ID);
    expect(visibleText(contactCard)).toContain(`${child.firstName} ${child.lastName}`);
    expect(buttonTitled(contactCard, 'Gezien')?.verb).toBe('signal.acknowledge');
    expect(buttonTitled(contactCard, 'Niet onze leerling')?.verb).toBe('signal.bounce');
  });

  it('answers the officer who was a moment later with who forwarded it, and changes nothing', async () => {
    await submitHousehold([viaHeerlen]);
    const signalId = signalIdOn(lastCardOf(SECOND_OFFICER_ID), 'Doorsturen');
    await hwc.press(officer, 'signal.forward', { signalId, schoolId: SCHOOL_ID });
    await hwc.core.idle();
    const before = await hwc.core.signals.get(signalId);
    const answer = visibleText(invokeCard(await hwc.press(secondOfficer, 'signal.forward', { signalId, schoolId: PALET_SCHOOL_ID })));
    expect(answer).toContain('Doorgestuurd door Ruud Peeters naar Basisschool De Regenboog');
    expect(await hwc.core.signals.get(signalId)).toEqual(before);
    expect(hwc.core.messenger.attemptsTo(PALET_CONTACT_ID)).toEqual([]);
  });

  it('no longer names the child when Doorsturen without a school is answered after the moment to forget, before forgetting ran', async () => {
    await submitHousehold([viaHeerlen]);
    const signalId = signalIdOn(lastCardOf(LEERPLICHT_OFFICER_ID), 'Doorsturen');
    const { redactAt } = await hwc.core.stored(signalId);
    hwc.core.clock.set(new Date(new Date(redactAt!).getTime() + 60_000));

    const card = invokeCard(await hwc.press(officer, 'signal.forward', { signalId }));

    expect((await hwc.core.stored(signalId)).child).toBeDefined();
    for (const data of [child.firstName, child.lastName, '14-05-2016']) expect(visibleText(card)).not.toContain(data);
  });

  it('returns the card with a message at School when Doorsturen is pressed without a school', async () => {
    await submitHousehold([viaHeerlen]);
    const signalId = signalIdOn(lastCardOf(LEERPLICHT_OFFICER_ID), 'Doorsturen');
    const card = invokeCard(await hwc.press(officer, 'signal.forward', { signalId }));
    expect(visibleText(card)).toContain('Kies een school om het signaal naar door te sturen.');
    expect(buttonTitled(card, 'Doorsturen')?.verb).toBe('signal.forward');
    expect((await hwc.core.stored(signalId)).state).toBe('awaiting_routing');
  });

  describe('typeahead search in the School choice', () => {
    /** The schools Teams would show under the choice for an `application/search` invoke. */
    function results(turn: TurnResult): Array<{ title: string; value: string }> {
      expect(turn.invokeResponse?.status).toBe(200);
      expect(turn.invokeResponse?.body).toMatchObject({ type: 'application/vnd.microsoft.search.searchResponse' });
      return (turn.invokeResponse!.body as unknown as { value: { results: Array<{ title: string; value: string }> } }).value.results;
    }

    it("answers the route card's search with the matching schools of every municipality, ignoring case and accents", async () => {
      await submitHousehold([viaHeerlen]);
      const signalId = signalIdOn(lastCardOf(LEERPLICHT_OFFICER_ID), 'Doorsturen');

      expect(results(await hwc.search(officer, `route.schools:${signalId}`, 'KOMPAS'))).toEqual([{ title: 'Basisschool Het Kompas', value: KOMPAS_SCHOOL_ID }]);
      expect(results(await hwc.search(officer, `route.schools:${signalId}`, 'kómpas'))).toEqual([{ title: 'Basisschool Het Kompas', value: KOMPAS_SCHOOL_ID }]);
      expect(results(await hwc.search(officer, `route.schools:${signalId}`, 'sint maartens'))).toEqual([{ title: 'Sint-Maartenscollege', value: OTHER_SCHOOL_ID }]);
    });

    it('pages through the schools as Teams asks (skip, top), by name', async () => {
      await submitHousehold([viaHeerlen]);
      const signalId = signalIdOn(lastCardOf(LEERPLICHT_OFFICER_ID), 'Doorsturen');
      const all = results(await hwc.search(officer, `route.schools:${signalId}`, ''));
      const page = results(await hwc.search(officer, `route.schools:${signalId}`, '', { skip: 1, top: 2 }));

      expect(all.map((r) => r.title)).toEqual([...all.map((r) => r.title)].sort((a, b) => a.localeCompare(b, 'nl')));
      expect(all.length).toBeGreaterThan(3);
      expect(page).toEqual(all.slice(1, 3));
    });

    it('finds no school for an officer of another municipality, or for someone without a role', async () => {
      await submitHousehold([viaHeerlen]);
      const signalId = signalIdOn(lastCardOf(LEERPLICHT_OFFICER_ID), 'Doorsturen');

      expect(results(await hwc.search(elsewhereOfficer, `route.schools:${signalId}`, 'kompas'))).toEqual([]);
      expect(results(await hwc.search(noRole, `route.schools:${signalId}`, 'kompas'))).toEqual([]);
      expect(results(await hwc.search(noRole, 'signal.destinations', 'basisschool'))).toEqual([]);
    });

    it("answers the signal form's search from the worker's own destinations, leerplicht included", async () => {
      const found = results(await hwc.search(worker, 'signal.destinations', 'basisschool'));
      expect(found).toContainEqual({ title: 'Basisschool De Regenboog', value: SCHOOL_ID });
      // Het Kompas lies in a municipality where every signal goes through leerplicht.
      expect(found.map((r) => r.title)).not.toContain('Basisschool Het Kompas');
      expect(results(await hwc.search(worker, 'signal.destinations', 'heerlen'))).toEqual([
        { title: 'School onbekend — via leerplicht Heerlen', value: `leerplicht:${MUNICIPALITY_ID}` },
      ]);
    });

    it('answers a search for a dataset it does not know, or a malformed one, with 400', async () => {
      expect((await hwc.search(worker, 'contacts', 'a')).invokeResponse?.status).toBe(400);
      const malformed = await hwc.turn(worker, { type: 'invoke', name: 'application/search', value: { queryText: 42 } });
      expect(malformed.invokeResponse?.status).toBe(400);
    });
  });

  it('refuses an officer of another municipality, and nothing changes', async () => {
    await submitHousehold([viaHeerlen]);
    const signalId = signalIdOn(lastCardOf(LEERPLICHT_OFFICER_ID), 'Doorsturen');
    const before = await hwc.core.signals.get(signalId);
    const answer = visibleText(invokeCard(await hwc.press(elsewhereOfficer, 'signal.forward', { signalId, schoolId: SCHOOL_ID })));
    expect(answer).toContain('Alleen leerplichtambtenaren van deze gemeente');
    expect(answer).not.toContain(child.firstName);
    expect(await hwc.core.signals.get(signalId)).toEqual(before);
  });

  it("sends it back on Niet onze leerling: the school's cards lose the child at once and leerplicht can forward again", async () => {
    await submitHousehold([viaHeerlen]);
    const signalId = signalIdOn(lastCardOf(LEERPLICHT_OFFICER_ID), 'Doorsturen');
    await hwc.press(officer, 'signal.forward', { signalId, schoolId: SCHOOL_ID });
    await hwc.core.idle();

    const answer = visibleText(invokeCard(await hwc.press(primary, 'signal.bounce', { signalId })));
    await hwc.core.idle();
    expect(answer).toContain('Teruggestuurd: niet onze leerling');
    for (const secret of [child.firstName, child.lastName, '14-05-2016']) {
      expect(answer).not.toContain(secret);
      expect(visibleText(lastCardOf(BACKUP_CONTACT_ID))).not.toContain(secret);
    }
    const [sentToBackup, updatedForBackup] = hwc.core.messenger.attemptsTo(BACKUP_CONTACT_ID);
    expect(updatedForBackup).toMatchObject({ kind: 'update', activityId: sentToBackup!.activityId });

    const again = lastCardOf(SECOND_OFFICER_ID);
    expect(visibleText(again)).toContain('Teruggestuurd door Basisschool De Regenboog');
    expect(choicesOf(inputLabelled(again, 'School')).map((c) => c.value)).not.toContain(SCHOOL_ID);
    const status = visibleText(onlyCard(await hwc.say(secondOfficer, 'status')));
    expect(status).toContain((await hwc.core.stored(signalId)).reference);
  });

  it('answers a contact pressing Niet onze leerling after a colleague picked it up with who has it, changing nothing', async () => {
    await submitHousehold([{ ...viaHeerlen, schoolId: SCHOOL_ID }]);
    const signalId = signalIdOn(lastCardOf(BACKUP_CONTACT_ID), 'Niet onze leerling');
    await hwc.press(primary, 'signal.acknowledge', { signalId });
    await hwc.core.idle();
    const before = await hwc.core.signals.get(signalId);
    const answer = visibleText(invokeCard(await hwc.press(backup, 'signal.bounce', { signalId })));
    expect(answer).toContain('Opgepakt door Anouk de Wit');
    expect(await hwc.core.signals.get(signalId)).toEqual(before);
  });
});
