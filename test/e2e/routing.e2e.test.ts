/**
 * Routing through leerplicht, whole households and signals that come back, over real HTTP as
 * Teams drives it: leerplicht forwards to a school in another municipality, two officers race,
 * a household splits over schools and leerplicht, a school says "niet onze leerling", leerplicht
 * finds no school, and everyone without the right role is refused.
 */
import type { Directory } from '../../src/domain/directory';
import { buttonTitled, inputLabelled, inputs, visibleText } from '../support/card-query';
import { FixedClock } from '../support/fixed-clock';
import { FakeBotConnector, type ConnectorCall } from '../support/fake-bot-connector';
import { startBot, writeDirectoryFile, type RunningBot } from '../support/running-bot';
import { TeamsUser } from '../support/teams-user';

const ids = {
  wendy: '11111111-1111-4111-8111-111111111111',
  willem: '11111111-1111-4111-8111-111111111112',
  carla: '22222222-2222-4222-8222-222222222222',
  bram: '33333333-3333-4333-8333-333333333333',
  olga: '44444444-4444-4444-8444-444444444444',
  kees: '44444444-4444-4444-8444-444444444445',
  lies: '66666666-6666-4666-8666-666666666661',
  luuk: '66666666-6666-4666-8666-666666666662',
  lotte: '66666666-6666-4666-8666-666666666663',
  leo: '66666666-6666-4666-8666-666666666664',
};

const directory: Directory = {
  municipalities: [
    { id: 'GM0917', name: 'Heerlen', routing: 'direct' },
    { id: 'GM0928', name: 'Kerkrade', routing: 'leerplicht' },
    { id: 'GM0935', name: 'Maastricht', routing: 'direct' },
  ],
  schools: [
    { id: '12AB00', name: 'Basisschool De Regenboog', municipalityId: 'GM0917' },
    { id: '34CD00', name: 'Kindcentrum De Vlinder', municipalityId: 'GM0917' },
    { id: '78GH00', name: 'Basisschool Het Kompas', municipalityId: 'GM0928' },
  ],
  members: [
    { aadObjectId: ids.wendy, name: 'Wendy Veilig', roles: [{ role: 'vt_worker', municipalityIds: ['GM0917', 'GM0928'] }] },
    { aadObjectId: ids.willem, name: 'Willem Veilig', roles: [{ role: 'vt_worker', municipalityIds: ['GM0917'] }] },
    { aadObjectId: ids.carla, name: 'Carla Contact', roles: [{ role: 'school_contact', schoolId: '12AB00', rank: 'primary' }] },
    { aadObjectId: ids.bram, name: 'Bram Backup', roles: [{ role: 'school_contact', schoolId: '12AB00', rank: 'backup' }] },
    { aadObjectId: ids.olga, name: 'Olga Vlinder', roles: [{ role: 'school_contact', schoolId: '34CD00', rank: 'primary' }] },
    { aadObjectId: ids.kees, name: 'Kees Kompas', roles: [{ role: 'school_contact', schoolId: '78GH00', rank: 'primary' }] },
    { aadObjectId: ids.lies, name: 'Lies Leerplicht', roles: [{ role: 'leerplicht', municipalityIds: ['GM0928'] }] },
    { aadObjectId: ids.luuk, name: 'Luuk Leerplicht', roles: [{ role: 'leerplicht', municipalityIds: ['GM0928'] }] },
    { aadObjectId: ids.lotte, name: 'Lotte Leerplicht', roles: [{ role: 'leerplicht', municipalityIds: ['GM0917'] }] },
    { aadObjectId: ids.leo, name: 'Leo Elders', roles: [{ role: 'leerplicht', municipalityIds: ['GM0935'] }] },
  ],
};

type CardValue = { value: Record<string, unknown> };
const cardOfAnswer = (answer: { body: unknown }) => (answer.body as CardValue).value;
/** A birth date that makes the child `years` old on the test's (fixed) day. */
const bornYearsAgo = (years: number) => `${2026 - years}-05-20`;

describe('routing through leerplicht, households and signals that come back', () => {
  const connector = new FakeBotConnector();
  // A Tuesday morning in Amsterdam: inside the schools' working window, so cards go out at once.
  const clock = new FixedClock('2026-12-01T10:00:00+01:00');
  let bot: RunningBot;
  const people = {} as Record<keyof typeof ids, TeamsUser>;

  beforeAll(async () => {
    await connector.start();
    bot = await startBot({ directoryFile: writeDirectoryFile(directory), connectorUrl: connector.url, clock });
    for (const [key, id] of Object.entries(ids)) {
      const member = directory.members.find((m) => m.aadObjectId === id)!;
      people[key as keyof typeof ids] = new TeamsUser(bot.botUrl, connector.url, id, member.name);
    }
  });

  afterAll(async () => {
    await bot.app.close();
    await connector.stop();
  });

  /** The newest message sent to this person after call number `after`, once it has arrived. */
  const nextCardFor = async (user: TeamsUser, after: number, what = 'a card', showing: RegExp = /./) => {
    const call = await connector.waitFor(
      (c) => c.conversationId === user.conversationId && c.method === 'send' && connector.calls.indexOf(c) >= after && showing.test(visibleText(cardOf(c))),
      `${what} for ${user.name}`,
    );
    return { card: cardOf(call), activityId: call.activityId };
  };
  /** The first in-place update of this person's card after call number `after` whose text matches. */
  const updateFor = async (user: TeamsUser, after: number, what = 'an update', showing: RegExp = /./) => {
    const call = await connector.waitFor(
      (c) => c.conversationId === user.conversationId && c.method === 'update' && connector.calls.indexOf(c) >= after && showing.test(visibleText(cardOf(c))),
      `${what} for ${user.name}`,
    );
    return { card: cardOf(call), activityId: call.activityId };
  };
  const sentTo = (from: number) => new Set(connector.calls.slice(from).filter((c) => c.method === 'send').map((c) => c.conversationId));

  /** Issues one signal per child from Wendy's form and returns the references in form order. */
  const issue = async (children: Array<Record<string, string>>) => {
    const data: Record<string, unknown> = { children: children.length };
    children.forEach((child, i) => Object.entries(child).forEach(([field, value]) => (data[`${field}_${i}`] = value)));
    const answer = await people.wendy.press('signal.submit', data);
    const text = visibleText(cardOfAnswer(answer));
    return { text, references: text.match(/HWC-[0-9A-Z]{5}/g) ?? [] };
  };
  const signalIdOf = (card: Record<string, unknown>, verb: string) => String(buttonTitledVerb(card, verb)?.data.signalId);

  test('the form offers leerplicht per municipality, and only leerplicht where the municipality routes that way', async () => {
    const before = connector.calls.length;
    await people.wendy.say('signaal');
    const { card } = await nextCardFor(people.wendy, before, 'the form');
    const titles = ((inputLabelled(card, 'School') as { choices: Array<{ title: string; value: string }> }).choices).map((c) => c.title);
    expect(titles).toEqual(expect.arrayContaining(['Basisschool De Regenboog', 'School onbekend — via leerplicht Heerlen', 'School onbekend — via leerplicht Kerkrade']));
    expect(titles).not.toContain('Basisschool Het Kompas');
    expect(buttonTitled(card, 'Nog een kind')?.verb).toBe('signal.add_child');
  });

  test('“Nog een kind” returns the form with one more child and the values kept', async () => {
    const answer = await people.wendy.press('signal.add_child', { children: 1, firstName_0: 'Daan', lastName_0: 'Peters' });
    const card = cardOfAnswer(answer);
    expect(inputs(card).filter((i) => String(i.label).includes('Voornaam'))).toHaveLength(2);
    expect(inputs(card).find((i) => i.id === 'firstName_0')?.value).toBe('Daan');
    expect(inputs(card).find((i) => i.id === 'firstName_1')?.value ?? '').toBe('');
  });

  test('an invalid child blocks the whole household, with the error at that child’s fields', async () => {
    const before = connector.calls.length;
    const answer = await people.wendy.press('signal.submit', {
      children: 2,
      firstName_0: 'Daan', lastName_0: 'Peters', birthDate_0: bornYearsAgo(8), schoolId_0: '12AB00',
      firstName_1: 'Fleur', lastName_1: '', birthDate_1: bornYearsAgo(30), schoolId_1: '34CD00',
    });
    const card = cardOfAnswer(answer);
    expect(visibleText(card)).toContain('Vul een achternaam in.');
    expect(visibleText(card)).toContain('hoogstens 23');
    expect(inputs(card).find((i) => i.id === 'firstName_1')?.value).toBe('Fleur');
    await bot.app.idle();
    expect(connector.calls.length).toBe(before);
  });

  test('a household of three splits over two schools and leerplicht in one go', async () => {
    const before = connector.calls.length;
    const { text, references } = await issue([
      { firstName: 'Daan', lastName: 'Peters', birthDate: bornYearsAgo(8), schoolId: '12AB00' },
      { firstName: 'Fleur', lastName: 'Peters', birthDate: bornYearsAgo(6), schoolId: '34CD00' },
      { firstName: 'Sem', lastName: 'Peters', birthDate: bornYearsAgo(12), schoolId: 'leerplicht:GM0928' },
    ]);
    expect(new Set(references).size).toBe(3);
    expect(text).toContain('Kerkrade');
    expect(text).not.toContain('Peters');
    const [carla, bram, olga, lies, luuk] = await Promise.all([
      nextCardFor(people.carla, before), nextCardFor(people.bram, before), nextCardFor(people.olga, before),
      nextCardFor(people.lies, before), nextCardFor(people.luuk, before),
    ]);
    expect(visibleText(carla.card)).toContain('Daan Peters');
    expect(visibleText(bram.card)).toContain('Daan Peters');
    expect(visibleText(olga.card)).toContain('Fleur Peters');
    for (const officer of [lies, luuk]) {
      expect(visibleText(officer.card)).toContain('door te sturen');
      expect(visibleText(officer.card)).toContain('Sem Peters');
      expect(buttonTitled(officer.card, 'Doorsturen')?.verb).toBe('signal.forward');
      expect(buttonTitled(officer.card, 'Geen school')?.verb).toBe('signal.no_school');
    }
    await bot.app.idle();
    expect([...sentTo(before)].sort()).toEqual([carla, bram, olga, lies, luuk].map((_, i) => [people.carla, people.bram, people.olga, people.lies, people.luuk][i]!.conversationId).sort());
  });

  test('a child block added by mistake and left empty is ignored', async () => {
    const answer = await people.wendy.press('signal.submit', {
      children: 2,
      firstName_0: 'Roos', lastName_0: 'Kok', birthDate_0: bornYearsAgo(10), schoolId_0: '34CD00',
      firstName_1: '', lastName_1: '', birthDate_1: '', schoolId_1: '',
    });
    expect(visibleText(cardOfAnswer(answer)).match(/HWC-[0-9A-Z]{5}/g)).toHaveLength(1);
    await bot.app.idle();
  });

  test('leerplicht forwards to a school in another municipality; the other officer’s card changes in place without the name', async () => {
    const before = connector.calls.length;
    const { references } = await issue([{ firstName: 'Noor', lastName: 'Jansen', birthDate: bornYearsAgo(10), schoolId: 'leerplicht:GM0928' }]);
    const lies = await nextCardFor(people.lies, before);
    const luuk = await nextCardFor(people.luuk, before);
    const schoolChoice = inputLabelled(lies.card, 'School') as { choices: Array<{ value: string }> };
    expect(schoolChoice.choices.map((c) => c.value)).toEqual(expect.arrayContaining(['12AB00', '34CD00', '78GH00']));

    const signalId = signalIdOf(lies.card, 'signal.forward');
    const answer = await people.lies.press('signal.forward', { signalId, schoolId: '12AB00' });
    expect(visibleText(cardOfAnswer(answer))).toContain('Basisschool De Regenboog');

    const carla = await nextCardFor(people.carla, before, 'the forwarded signal');
    expect(visibleText(carla.card)).toContain('Noor Jansen');
    expect(visibleText(carla.card)).toContain(references[0]);
    const luukUpdate = await updateFor(people.luuk, before, 'the routed card', /Doorgestuurd/);
    expect(luukUpdate.activityId).toBe(luuk.activityId);
    expect(visibleText(luukUpdate.card)).toContain('Lies Leerplicht');
    expect(visibleText(luukUpdate.card)).toContain('Basisschool De Regenboog');
    expect(visibleText(luukUpdate.card)).not.toContain('Noor');
  });

  test('two officers racing: exactly one forward wins and the other is told who did what', async () => {
    const before = connector.calls.length;
    await issue([{ firstName: 'Tim', lastName: 'Bakker', birthDate: bornYearsAgo(9), schoolId: 'leerplicht:GM0928' }]);
    const lies = await nextCardFor(people.lies, before);
    const signalId = signalIdOf(lies.card, 'signal.forward');
    const [a, b] = await Promise.all([
      people.lies.press('signal.forward', { signalId, schoolId: '12AB00' }),
      people.luuk.press('signal.forward', { signalId, schoolId: '34CD00' }),
    ]);
    const texts = [visibleText(cardOfAnswer(a)), visibleText(cardOfAnswer(b))];
    const winner = texts[0]!.includes('Regenboog') && !texts[1]!.includes('Vlinder') ? 'lies' : 'luuk';
    const schoolOfWinner = winner === 'lies' ? 'Basisschool De Regenboog' : 'Kindcentrum De Vlinder';
    expect(texts.every((t) => t.includes(schoolOfWinner))).toBe(true);
    await bot.app.idle();
    const reachedSchools = [...sentTo(before)].filter((c) => [people.carla, people.bram, people.olga].some((p) => p.conversationId === c));
    expect(reachedSchools.length).toBe(winner === 'lies' ? 2 : 1);
  });

  test('“niet onze leerling” takes the name off that school’s cards and sends it back to leerplicht, who re-forwards', async () => {
    const before = connector.calls.length;
    await issue([{ firstName: 'Mila', lastName: 'de Boer', birthDate: bornYearsAgo(7), schoolId: 'leerplicht:GM0928' }]);
    const lies = await nextCardFor(people.lies, before);
    const signalId = signalIdOf(lies.card, 'signal.forward');
    await people.lies.press('signal.forward', { signalId, schoolId: '12AB00' });
    const carla = await nextCardFor(people.carla, before);
    const bram = await nextCardFor(people.bram, before);
    expect(buttonTitled(carla.card, 'Niet onze leerling')?.verb).toBe('signal.bounce');

    const afterForward = connector.calls.length;
    const answer = await people.carla.press('signal.bounce', { signalId });
    expect(visibleText(cardOfAnswer(answer))).not.toContain('Mila');
    const bramUpdate = await updateFor(people.bram, afterForward, 'the withdrawn card', /niet onze leerling/);
    expect(bramUpdate.activityId).toBe(bram.activityId);
    expect(visibleText(bramUpdate.card)).not.toContain('Mila');
    expect(visibleText(bramUpdate.card)).toContain('niet onze leerling');

    const liesAgain = await updateFor(people.lies, afterForward, 'the route card again', /door te sturen/);
    expect(visibleText(liesAgain.card)).toContain('Mila de Boer');
    const choices = (inputLabelled(liesAgain.card, 'School') as { choices: Array<{ value: string }> }).choices.map((c) => c.value);
    expect(choices).not.toContain('12AB00');

    const tried = await people.luuk.press('signal.forward', { signalId, schoolId: '12AB00' });
    expect(visibleText(cardOfAnswer(tried))).toContain('niet op school');
    await people.luuk.press('signal.forward', { signalId, schoolId: '34CD00' });
    const olga = await nextCardFor(people.olga, afterForward, 'the re-forwarded signal');
    expect(visibleText(olga.card)).toContain('Mila de Boer');
  });

  test('a direct signal that comes back goes to the worker, who can let leerplicht find the school', async () => {
    const before = connector.calls.length;
    const { references } = await issue([{ firstName: 'Lars', lastName: 'Smit', birthDate: bornYearsAgo(11), schoolId: '34CD00' }]);
    const olga = await nextCardFor(people.olga, before, 'the signal', /Lars Smit/);
    const signalId = signalIdOf(olga.card, 'signal.bounce');
    await people.olga.press('signal.bounce', { signalId });
    const notice = await nextCardFor(people.wendy, before, 'the bounce notice', new RegExp(references[0]!));
    expect(visibleText(notice.card)).toContain(references[0]);
    expect(visibleText(notice.card)).not.toContain('Lars');

    const refused = await people.willem.press('signal.to_leerplicht', { signalId });
    expect(visibleText(cardOfAnswer(refused))).toContain('Alleen wie het signaal verstuurde');

    const afterNotice = connector.calls.length;
    await people.wendy.press('signal.to_leerplicht', { signalId });
    const lotte = await nextCardFor(people.lotte, afterNotice, 'the route card');
    expect(visibleText(lotte.card)).toContain('Lars Smit');
    expect(visibleText(lotte.card)).toContain('Kindcentrum De Vlinder');
  });

  test('no school found: the worker is told by reference with the reason, the officers’ cards lose the name', async () => {
    const before = connector.calls.length;
    const { references } = await issue([{ firstName: 'Eva', lastName: 'Visser', birthDate: bornYearsAgo(13), schoolId: 'leerplicht:GM0928' }]);
    const lies = await nextCardFor(people.lies, before);
    await nextCardFor(people.luuk, before);
    const signalId = signalIdOf(lies.card, 'signal.no_school');
    const noReason = await people.lies.press('signal.no_school', { signalId });
    expect(inputLabelled(cardOfAnswer(noReason), 'Reden')).toBeDefined();
    expect(visibleText(cardOfAnswer(noReason))).toContain('Eva Visser');

    const afterReason = connector.calls.length;
    await people.lies.press('signal.no_school', { signalId, reason: 'moved' });
    const notice = await nextCardFor(people.wendy, afterReason, 'the no-school notice');
    expect(visibleText(notice.card)).toContain(references[0]);
    expect(visibleText(notice.card)).toContain('Verhuisd');
    expect(visibleText(notice.card)).not.toContain('Eva');
    const luukUpdate = await updateFor(people.luuk, afterReason, 'the closed route card', /Geen school/);
    expect(visibleText(luukUpdate.card)).not.toContain('Eva');
  });

  test('only the acting member’s roles count: another municipality’s officer and another school’s contact are refused', async () => {
    const before = connector.calls.length;
    await issue([{ firstName: 'Jip', lastName: 'Mulder', birthDate: bornYearsAgo(9), schoolId: 'leerplicht:GM0928' }]);
    const lies = await nextCardFor(people.lies, before);
    const signalId = signalIdOf(lies.card, 'signal.forward');
    const leo = await people.leo.press('signal.forward', { signalId, schoolId: '12AB00' });
    expect(visibleText(cardOfAnswer(leo))).toContain('leerplichtambtenaren van deze gemeente');
    await people.lies.press('signal.forward', { signalId, schoolId: '12AB00' });
    await nextCardFor(people.carla, before);
    const olga = await people.olga.press('signal.bounce', { signalId });
    expect(visibleText(cardOfAnswer(olga))).toContain('andere school');
    await bot.app.idle();
    const afterRefusals = connector.calls.length;
    const kees = await people.kees.press('signal.acknowledge', { signalId });
    expect(visibleText(cardOfAnswer(kees))).toContain('andere school');
    await bot.app.idle();
    expect(connector.calls.length).toBe(afterRefusals);
  });

  test('`status` shows a worker each step with times, and a leerplicht officer what waits for them', async () => {
    const before = connector.calls.length;
    await people.wendy.say('status');
    const status = visibleText((await nextCardFor(people.wendy, before, 'the status')).card);
    for (const step of ['verstuurd', 'bij leerplicht', 'doorgestuurd naar Basisschool De Regenboog', 'teruggestuurd', 'geen school gevonden']) {
      expect(status).toContain(step);
    }
    const beforeLies = connector.calls.length;
    await people.lies.say('status');
    const waiting = visibleText((await nextCardFor(people.lies, beforeLies, 'the waiting list')).card);
    expect(waiting).toMatch(/HWC-[0-9A-Z]{5}/);
    expect(waiting).not.toContain('Peters');
  });

  test('the log holds no child’s name', () => {
    for (const name of ['Daan', 'Fleur', 'Sem', 'Noor', 'Mila', 'Lars', 'Eva', 'Jip', 'Peters', 'Visser']) {
      expect(bot.logs.text).not.toContain(name);
    }
  });
});

function cardOf(call: ConnectorCall): Record<string, unknown> {
  return ((call.body.attachments as Array<{ content: Record<string, unknown> }>) ?? [])[0]?.content ?? {};
}

function buttonTitledVerb(card: Record<string, unknown>, verb: string) {
  const found: Array<{ verb: string; data: Record<string, unknown> }> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.type === 'Action.Execute' && n.verb === verb) found.push({ verb, data: (n.data as Record<string, unknown>) ?? {} });
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return found[0];
}
