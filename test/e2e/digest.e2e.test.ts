/**
 * The weekly digest with the real server, the SQLite file and a clock the test moves: signals in
 * week 47 of 2026 for two municipalities; on Monday 08:00 every manager and coordinator gets one
 * card for their own scope — and nothing of another's — with two instances ticking at once and
 * after a restart; `overzicht` gives the same on demand, and is refused to others.
 */
import type { Directory } from '../../src/domain/directory';
import { buttonTitled, visibleText } from '../support/card-query';
import { cardOf, FakeBotConnector } from '../support/fake-bot-connector';
import { FixedClock } from '../support/fixed-clock';
import { startBot, writeDirectoryFile, type RunningBot } from '../support/running-bot';
import { TeamsUser } from '../support/teams-user';

const ids = {
  wendy: '11111111-1111-4111-8111-111111111111',
  carla: '22222222-2222-4222-8222-222222222222',
  kees: '44444444-4444-4444-8444-444444444445',
  mia: '88888888-8888-4888-8888-888888888881',
  max: '88888888-8888-4888-8888-888888888882',
  cor: '77777777-7777-4777-8777-777777777771',
  otto: '99999999-9999-4999-8999-999999999991',
};

const directory: Directory = {
  municipalities: [
    { id: 'GM0917', name: 'Heerlen', routing: 'direct', holidayRegion: 'zuid' },
    { id: 'GM0928', name: 'Kerkrade', routing: 'direct', holidayRegion: 'zuid' },
  ],
  schools: [
    { id: '12AB00', name: 'Basisschool De Regenboog', municipalityId: 'GM0917' },
    { id: '78GH00', name: 'Basisschool Het Kompas', municipalityId: 'GM0928' },
  ],
  members: [
    { aadObjectId: ids.wendy, name: 'Wendy Veilig', roles: [{ role: 'vt_worker', municipalityIds: ['GM0917', 'GM0928'] }] },
    { aadObjectId: ids.carla, name: 'Carla Contact', roles: [{ role: 'school_contact', schoolId: '12AB00', rank: 'primary' }] },
    { aadObjectId: ids.kees, name: 'Kees Kompas', roles: [{ role: 'school_contact', schoolId: '78GH00', rank: 'primary' }] },
    { aadObjectId: ids.mia, name: 'Mia Manager', roles: [{ role: 'manager', municipalityIds: ['GM0917'], schoolIds: [] }] },
    { aadObjectId: ids.max, name: 'Max Schoolbestuur', roles: [{ role: 'manager', municipalityIds: [], schoolIds: ['78GH00'] }] },
    { aadObjectId: ids.cor, name: 'Cor Coördinator', roles: [{ role: 'coordinator', municipalityIds: ['GM0928'] }] },
    { aadObjectId: ids.otto, name: 'Otto Buiten', roles: [] },
  ],
};

/** Amsterdam wall-clock time in November (UTC+1) as an instant. */
const amsterdam = (day: string, time: string) => new Date(`${day}T${time}:00+01:00`);
type CardValue = { value: Record<string, unknown> };

describe('the weekly digest for managers', () => {
  const connector = new FakeBotConnector();
  const clock = new FixedClock(amsterdam('2026-11-16', '09:00')); // Monday of week 47
  let a: RunningBot, b: RunningBot;
  const people: Record<keyof typeof ids, TeamsUser> = {} as Record<keyof typeof ids, TeamsUser>;
  const digestsTo = (who: TeamsUser) =>
    connector.calls.filter((c) => c.conversationId === who.conversationId && c.method === 'send').map((c) => visibleText(cardOf(c.body))).filter((t) => t.includes('Overzicht week'));

  beforeAll(async () => {
    await connector.start();
    const directoryFile = writeDirectoryFile(directory);
    a = await startBot({ directoryFile, connectorUrl: connector.url, clock });
    b = await startBot({ directoryFile, connectorUrl: connector.url, clock, sqlitePath: a.sqlitePath });
    for (const [key, id] of Object.entries(ids)) people[key as keyof typeof ids] = new TeamsUser(a.botUrl, connector.url, id, key);
  });

  afterAll(async () => {
    await a?.app.close();
    await b?.app.close();
    await connector.stop();
  });

  const issue = async (firstName: string, schoolId: string) => {
    const answer = await people.wendy.press('signal.submit', { children: 1, firstName_0: firstName, lastName_0: 'Quist', birthDate_0: '2017-03-15', schoolId_0: schoolId });
    expect(visibleText((answer.body as CardValue).value)).toMatch(/HWC-/);
    await a.app.idle();
  };
  const pressOnLatestCard = async (who: TeamsUser, button: string, extra: Record<string, unknown> = {}) => {
    const card = connector.cardsIn(who.conversationId).at(-1)!.card;
    const signalId = String(buttonTitled(card, button)?.data.signalId);
    await who.press(button === 'Gezien' ? 'signal.acknowledge' : 'support.save', { signalId, ...extra });
    await a.app.idle();
    return signalId;
  };

  test('during week 47: three children in Heerlen and one in Kerkrade', async () => {
    await issue('Fenna', '12AB00');
    const fenna = await pressOnLatestCard(people.carla, 'Gezien');
    clock.set(amsterdam('2026-11-16', '11:00'));
    await people.carla.press('support.save', { signalId: fenna, categories: 'quiet_place,listening_ear', priorConcern: 'no' });
    clock.set(amsterdam('2026-11-17', '10:00'));
    await issue('Jip', '12AB00');
    await pressOnLatestCard(people.carla, 'Gezien');
    clock.set(amsterdam('2026-11-18', '10:00'));
    await issue('Lotje', '12AB00');
    clock.set(amsterdam('2026-11-19', '10:00'));
    await issue('Wessel', '78GH00');
    const wessel = await pressOnLatestCard(people.kees, 'Gezien');
    await people.kees.press('support.save', { signalId: wessel, categories: 'teacher_informed', priorConcern: 'yes' });
  });

  test('nobody gets a digest before Monday 08:00', async () => {
    clock.set(amsterdam('2026-11-23', '07:59'));
    await Promise.all([a.app.tick(), b.app.tick()]);
    for (const who of [people.mia, people.max, people.cor]) expect(digestsTo(who)).toEqual([]);
  });

  test('at 08:00, with two instances ticking, each gets exactly one digest of week 47, for their own scope only', async () => {
    clock.set(amsterdam('2026-11-23', '08:00'));
    await Promise.all([a.app.tick(), b.app.tick()]);
    await Promise.all([a.app.tick(), b.app.tick()]);

    const [mia] = digestsTo(people.mia);
    expect(digestsTo(people.mia)).toHaveLength(1);
    expect(mia).toContain('week 47');
    expect(mia).toContain('Heerlen');
    expect(mia).toContain('1 van 3');
    expect(mia).toContain('Basisschool De Regenboog');
    expect(mia).not.toMatch(/Kerkrade|Kompas/);

    for (const who of [people.max, people.cor]) {
      const digests = digestsTo(who);
      expect(digests).toHaveLength(1);
      expect(digests[0]).not.toMatch(/Heerlen|Regenboog/);
    }
    // Kerkrade's coordinator sees the municipality's figures, its table protecting them; the
    // school board's digest of one school shows no count below 3 at all.
    expect(digestsTo(people.cor)[0]).toContain('1 van 1');
    expect(digestsTo(people.max)[0]).not.toContain('1 van 1');
    expect(digestsTo(people.max)[0]).toContain('niet getoond (minder dan 3)');
    expect(digestsTo(people.otto)).toEqual([]);
  });

  test('holds no child: no name, no birth date, in any digest', async () => {
    const all = [people.mia, people.max, people.cor].flatMap(digestsTo).join('\n');
    for (const data of ['Fenna', 'Jip', 'Lotje', 'Wessel', 'Quist', '2017-03-15']) expect(all).not.toContain(data);
  });

  test('after a restart the same day, nobody gets it again', async () => {
    await b.app.close();
    b = await startBot({ directoryFile: writeDirectoryFile(directory), connectorUrl: connector.url, clock, sqlitePath: a.sqlitePath });
    clock.set(amsterdam('2026-11-23', '09:00'));
    await b.app.tick();
    for (const who of [people.mia, people.max, people.cor]) expect(digestsTo(who)).toHaveLength(1);
  });

  test('`overzicht` gives a manager the same card on demand, and `overzicht 2026-W46` another week', async () => {
    const before = connector.calls.length;
    await people.mia.say('overzicht');
    const reply = await connector.waitFor((c) => c.method === 'send' && c.conversationId === people.mia.conversationId && connector.calls.indexOf(c) >= before);
    const text = visibleText(cardOf(reply.body));
    expect(text).toContain('week 47');
    expect(text).toContain('1 van 3');

    const again = connector.calls.length;
    await people.mia.say('overzicht 2026-W46');
    const w46 = await connector.waitFor((c) => c.method === 'send' && c.conversationId === people.mia.conversationId && connector.calls.indexOf(c) >= again);
    expect(visibleText(cardOf(w46.body))).toContain('week 46');
  });

  test('`overzicht` explains a week that is not over yet, and what to type for a week it cannot read', async () => {
    const reply = async (text: string) => {
      const before = connector.calls.length;
      await people.mia.say(text);
      const answer = await connector.waitFor((c) => c.method === 'send' && c.conversationId === people.mia.conversationId && connector.calls.indexOf(c) >= before);
      return visibleText(cardOf(answer.body));
    };
    // Monday 23 November is in week 48.
    expect(await reply('overzicht 2026-W48')).toContain('nog niet afgelopen');
    expect(await reply('overzicht 2027-W01')).toContain('nog niet afgelopen');
    expect(await reply('overzicht vorige maand')).toContain('overzicht 2026-W47');
    expect(await reply('overzicht 2025-W53')).toContain('Welke week?');
  });

  test('`overzicht` is refused politely to someone without the role', async () => {
    const before = connector.calls.length;
    await people.otto.say('overzicht');
    const reply = await connector.waitFor((c) => c.method === 'send' && c.conversationId === people.otto.conversationId && connector.calls.indexOf(c) >= before);
    const text = visibleText(cardOf(reply.body));
    expect(text).toContain('managers en coördinatoren');
    expect(text).not.toContain('Overzicht week');
  });
});
