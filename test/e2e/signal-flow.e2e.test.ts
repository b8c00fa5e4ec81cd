/**
 * The first complete path, over real HTTP as Teams drives it: a Veilig Thuis worker issues a
 * signal, both contacts of the school receive it and nobody else, one picks it up while the
 * other's card changes in place, support is recorded, status shows it, outsiders are refused,
 * and a restart on the same SQLite file loses nothing. The log never holds the child's data.
 */
import type { Directory } from '../../src/domain/directory';
import { FixedClock } from '../support/fixed-clock';
import { FakeBotConnector } from '../support/fake-bot-connector';
import { buttonTitled, inputLabelled, visibleText } from '../support/card-query';
import { startBot, writeDirectoryFile, type RunningBot } from '../support/running-bot';
import { postJson, TeamsUser } from '../support/teams-user';

const ids = {
  wendy: '11111111-1111-4111-8111-111111111111',
  carla: '22222222-2222-4222-8222-222222222222',
  bram: '33333333-3333-4333-8333-333333333333',
  olga: '44444444-4444-4444-8444-444444444444',
  otto: '55555555-5555-4555-8555-555555555555',
};

const directory: Directory = {
  municipalities: [
    { id: 'GM0917', name: 'Heerlen', routing: 'direct' },
    { id: 'GM0935', name: 'Maastricht', routing: 'direct' },
  ],
  schools: [
    { id: '12AB00', name: 'Basisschool De Regenboog', municipalityId: 'GM0917' },
    { id: '34CD00', name: 'Kindcentrum De Vlinder', municipalityId: 'GM0917' },
    { id: '56EF00', name: 'Sint-Maartenscollege', municipalityId: 'GM0935' },
  ],
  members: [
    { aadObjectId: ids.wendy, name: 'Wendy Veilig', roles: [{ role: 'vt_worker', municipalityIds: ['GM0917'] }] },
    { aadObjectId: ids.carla, name: 'Carla Contact', roles: [{ role: 'school_contact', schoolId: '12AB00', rank: 'primary' }] },
    { aadObjectId: ids.bram, name: 'Bram Backup', roles: [{ role: 'school_contact', schoolId: '12AB00', rank: 'backup' }] },
    { aadObjectId: ids.olga, name: 'Olga Ander', roles: [{ role: 'school_contact', schoolId: '34CD00', rank: 'primary' }] },
    { aadObjectId: ids.otto, name: 'Otto Buiten', roles: [] },
  ],
};

/** A birth date that makes the child `years` old on the test's (fixed) day. */
function bornYearsAgo(years: number): string {
  return `${2026 - years}-03-15`;
}

const child = { firstName: 'Sanne-Lotte', lastName: "van 't Hoff", birthDate: bornYearsAgo(9) };
const dutchBirthDate = child.birthDate.split('-').reverse().join('-');

type CardValue = { statusCode: number; type: string; value: Record<string, unknown> };

describe('a signal from issue to support, end to end', () => {
  const connector = new FakeBotConnector();
  // A Tuesday morning in Amsterdam: inside the schools' working window, so cards go out at once.
  const clock = new FixedClock('2026-12-01T10:00:00+01:00');
  let bot: RunningBot;
  let wendy: TeamsUser, carla: TeamsUser, bram: TeamsUser, olga: TeamsUser, otto: TeamsUser;
  let directoryFile: string;
  let signalId = '';
  let reference = '';

  beforeAll(async () => {
    await connector.start();
    directoryFile = writeDirectoryFile(directory);
    bot = await startBot({ directoryFile, connectorUrl: connector.url, clock });
    const user = (id: string, name: string) => new TeamsUser(bot.botUrl, connector.url, id, name);
    wendy = user(ids.wendy, 'Wendy Veilig');
    carla = user(ids.carla, 'Carla Contact');
    bram = user(ids.bram, 'Bram Backup');
    olga = user(ids.olga, 'Olga Ander');
    otto = user(ids.otto, 'Otto Buiten');
  });

  afterAll(async () => {
    if (process.env.HWC_DEBUG_LOGS) process.stdout.write(bot.logs.text);
    await bot.app.close();
    await connector.stop();
  });

  const lastCardIn = async (user: TeamsUser, afterCalls: number) => {
    const call = await connector.waitFor((c) => c.conversationId === user.conversationId && c.method === 'send' && connector.calls.indexOf(c) >= afterCalls);
    return call.body.attachments as Array<{ content: Record<string, unknown> }>;
  };

  test('installing the app stores the contact’s chat and says welcome', async () => {
    const before = connector.calls.length;
    expect((await carla.install()).status).toBe(200);
    const [welcome] = await lastCardIn(carla, before);
    expect(visibleText(welcome!.content)).toContain('Welkom');
  });

  test('`signaal` gives a worker one form with name, birth date, their schools and Verstuur', async () => {
    const before = connector.calls.length;
    await wendy.say('signaal');
    const [form] = await lastCardIn(wendy, before);
    const card = form!.content;
    expect(inputLabelled(card, 'Voornaam')?.type).toBe('Input.Text');
    expect(inputLabelled(card, 'Achternaam')?.type).toBe('Input.Text');
    expect(inputLabelled(card, 'Geboortedatum')?.type).toBe('Input.Date');
    const school = inputLabelled(card, 'School') as { choices: Array<{ value: string }> };
    expect(school.choices.map((c) => c.value).sort()).toEqual(['12AB00', '34CD00', 'leerplicht:GM0917']);
    expect(buttonTitled(card, 'Verstuur')?.verb).toBe('signal.submit');
  });

  test('bad input returns the form with values kept and a message at each wrong field; nothing is sent', async () => {
    const before = connector.calls.length;
    const answer = await wendy.press('signal.submit', { firstName: '', lastName: 'J0nes', birthDate: '2031-02-30', schoolId: '56EF00' });
    expect(answer.status).toBe(200);
    const card = (answer.body as CardValue).value;
    const text = visibleText(card);
    expect(text).toContain('Vul een voornaam in.');
    expect(text).toContain('alleen letters');
    expect(text).toContain('geen geldige datum');
    expect(text).toContain('Kies een school uit de lijst.');
    expect(inputLabelled(card, 'Achternaam')?.value).toBe('J0nes');
    expect(connector.calls.length).toBe(before);
  });

  test('a valid signal reaches both contacts of the school and no one else; the worker sees the reference', async () => {
    const formMessage = connector.calls.filter((c) => c.conversationId === wendy.conversationId && c.method === 'send').at(-1);
    const before = connector.calls.length;
    const answer = await wendy.press('signal.submit', { ...child, schoolId: '12AB00' }, formMessage?.activityId);
    const confirmation = visibleText((answer.body as CardValue).value);
    reference = /HWC-[0-9A-Z]{5}/.exec(confirmation)?.[0] ?? '';
    expect(reference).not.toBe('');
    expect(confirmation).not.toContain(child.firstName);

    const [carlaCard] = await lastCardIn(carla, before);
    // Bram never opened the chat: the bot creates it, then delivers.
    await connector.waitFor((c) => c.method === 'create_conversation' && c.conversationId === bram.conversationId);
    const [bramCard] = await lastCardIn(bram, before);
    for (const card of [carlaCard!.content, bramCard!.content]) {
      const text = visibleText(card);
      expect(text).toContain('Handle with Care');
      expect(text).toContain(`${child.firstName} ${child.lastName}`);
      expect(text).toContain(dutchBirthDate);
      expect(text).toContain('Basisschool De Regenboog');
      expect(text).toContain(reference);
      expect(buttonTitled(card, 'Gezien')?.verb).toBe('signal.acknowledge');
    }
    signalId = String(buttonTitled(carlaCard!.content, 'Gezien')?.data.signalId);
    await bot.app.idle();
    const reached = new Set(connector.calls.slice(before).map((c) => c.conversationId));
    expect([...reached].sort()).toEqual([bram.conversationId, carla.conversationId].sort());
  });

  test('pressing Verstuur again on the same form (a double click, a Teams retry) issues nothing new', async () => {
    const formMessage = connector.calls.filter((c) => c.conversationId === wendy.conversationId && c.method === 'send').at(-1);
    const before = connector.calls.length;
    const again = await wendy.press('signal.submit', { ...child, schoolId: '12AB00' }, formMessage?.activityId);
    expect(visibleText((again.body as CardValue).value)).toContain(reference);
    await bot.app.idle();
    expect(connector.calls.length).toBe(before);
  });

  test('a contact of another school pressing Gezien is refused and nothing changes', async () => {
    const before = connector.calls.length;
    const answer = await olga.press('signal.acknowledge', { signalId });
    expect(visibleText((answer.body as CardValue).value)).toContain('andere school');
    await bot.app.idle();
    expect(connector.calls.slice(before).filter((c) => c.method !== 'send' || c.conversationId !== olga.conversationId)).toEqual([]);
  });

  test('Gezien gives the first contact the support form and updates the other contact’s card in place', async () => {
    const before = connector.calls.length;
    const answer = await carla.press('signal.acknowledge', { signalId });
    const form = (answer.body as CardValue).value;
    expect(inputLabelled(form, 'Steun')?.isMultiSelect).toBe(true);
    expect(inputLabelled(form, 'zorg')).toBeDefined();
    expect(buttonTitled(form, 'Opslaan')?.verb).toBe('support.save');

    const bramOriginal = connector.calls.find((c) => c.conversationId === bram.conversationId && c.method === 'send');
    const update = await connector.waitFor((c) => c.method === 'update' && c.conversationId === bram.conversationId && connector.calls.indexOf(c) >= before);
    expect(update.activityId).toBe(bramOriginal?.activityId);
    const updated = visibleText((update.body.attachments as Array<{ content: unknown }>)[0]!.content);
    expect(updated).toContain('Opgepakt door Carla Contact om');
    expect(updated).not.toContain(child.firstName);
  });

  test('pressing Gezien again changes nothing and gets a kind answer', async () => {
    await bot.app.idle();
    const before = connector.calls.length;
    const again = await carla.press('signal.acknowledge', { signalId });
    expect(inputLabelled((again.body as CardValue).value, 'Steun')).toBeDefined();
    const late = await bram.press('signal.acknowledge', { signalId });
    expect(visibleText((late.body as CardValue).value)).toContain('Opgepakt door Carla Contact');
    await bot.app.idle();
    expect(connector.calls.length).toBe(before);
  });

  test('support is stored as categories; a form without a choice says what is missing', async () => {
    const incomplete = await carla.press('support.save', { signalId, categories: '', priorConcern: 'no' });
    expect(visibleText((incomplete.body as CardValue).value)).toContain('Kies minstens één vorm van steun.');
    const saved = await carla.press('support.save', { signalId, categories: 'quiet_place,listening_ear', priorConcern: 'no' });
    const text = visibleText((saved.body as CardValue).value);
    expect(text).toContain('Steun vastgelegd');
    expect(text).toContain('Rustige plek / time-out');
    expect(buttonTitled((saved.body as CardValue).value, 'Wijzigen')?.verb).toBe('support.edit');
  });

  test('`status` shows the worker the signal with its state', async () => {
    const before = connector.calls.length;
    await wendy.say('status');
    const [status] = await lastCardIn(wendy, before);
    const text = visibleText(status!.content);
    expect(text).toContain(reference);
    expect(text).toContain('Basisschool De Regenboog');
    expect(text).toContain('steun vastgelegd');
    expect(text).not.toContain(child.firstName);
  });

  test('someone without the role gets a polite refusal and no form', async () => {
    const before = connector.calls.length;
    await otto.say('signaal');
    const [refusal] = await lastCardIn(otto, before);
    const card = refusal!.content;
    expect(visibleText(card)).toContain('Veilig Thuis');
    expect(inputLabelled(card, 'Voornaam')).toBeUndefined();
  });

  test('an unknown command gets a helpful answer', async () => {
    const before = connector.calls.length;
    await wendy.say('doe iets');
    const [answer] = await lastCardIn(wendy, before);
    expect(visibleText(answer!.content)).toContain('help');
  });

  test('malformed requests answer 400 with no error text and change nothing', async () => {
    const empty = await postJson(bot.botUrl, {});
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).not.toMatch(/Error|stack|at /);
    const notJson = await postJson(bot.botUrl, '{"type": "message",', true);
    expect(notJson.status).toBe(400);
    expect(JSON.stringify(notJson.body)).not.toMatch(/JSON|Unexpected|position/);
    const noAction = await wendy.post({ type: 'invoke', name: 'adaptiveCard/action', value: {} });
    expect(noAction.status).toBe(400);
  });

  test('a restart on the same SQLite file loses nothing', async () => {
    await bot.app.close();
    bot = await startBot({ directoryFile, connectorUrl: connector.url, sqlitePath: bot.sqlitePath, logs: bot.logs, clock });
    wendy = new TeamsUser(bot.botUrl, connector.url, ids.wendy, 'Wendy Veilig');
    const before = connector.calls.length;
    await wendy.say('status');
    const [status] = await lastCardIn(wendy, before);
    expect(visibleText(status!.content)).toContain(reference);
    expect(visibleText(status!.content)).toContain('steun vastgelegd');
  });

  test('the log never holds the child’s name or birth date', () => {
    expect(bot.logs.text).toContain(reference);
    expect(bot.logs.text).not.toContain(child.firstName);
    expect(bot.logs.text).not.toContain(child.lastName);
    expect(bot.logs.text).not.toContain(child.birthDate);
    expect(bot.logs.text).not.toContain(dutchBirthDate);
  });
});
