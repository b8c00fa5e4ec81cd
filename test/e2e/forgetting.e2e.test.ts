/**
 * Forgetting the child on time, with the real server, the real SQLite file and a clock the test
 * moves: a child picked up is forgotten at 17:00 that school day, a child nobody routed at 17:00
 * on the third school day; every card that showed a name is replaced in Teams, support can still
 * be recorded on the card without the name, and neither the database file nor the log keeps it.
 */
import { readFileSync } from 'node:fs';
import type { Directory } from '../../src/domain/directory';
import { buttonTitled, visibleText } from '../support/card-query';
import { FakeBotConnector, cardOf } from '../support/fake-bot-connector';
import { FixedClock } from '../support/fixed-clock';
import { startBot, writeDirectoryFile, type RunningBot } from '../support/running-bot';
import { TeamsUser } from '../support/teams-user';

const ids = {
  wendy: '11111111-1111-4111-8111-111111111111',
  carla: '22222222-2222-4222-8222-222222222222',
  bram: '33333333-3333-4333-8333-333333333333',
  lies: '66666666-6666-4666-8666-666666666661',
};

const directory: Directory = {
  municipalities: [
    { id: 'GM0917', name: 'Heerlen', routing: 'direct', holidayRegion: 'zuid' },
    { id: 'GM0928', name: 'Kerkrade', routing: 'leerplicht', holidayRegion: 'zuid' },
  ],
  schools: [{ id: '12AB00', name: 'Basisschool De Regenboog', municipalityId: 'GM0917' }],
  members: [
    { aadObjectId: ids.wendy, name: 'Wendy Veilig', roles: [{ role: 'vt_worker', municipalityIds: ['GM0917', 'GM0928'] }] },
    { aadObjectId: ids.carla, name: 'Carla Contact', roles: [{ role: 'school_contact', schoolId: '12AB00', rank: 'primary' }] },
    { aadObjectId: ids.bram, name: 'Bram Backup', roles: [{ role: 'school_contact', schoolId: '12AB00', rank: 'backup' }] },
    { aadObjectId: ids.lies, name: 'Lies Leerplicht', roles: [{ role: 'leerplicht', municipalityIds: ['GM0928'] }] },
  ],
};

/** Amsterdam wall-clock time in March (UTC+1) as an instant. */
const amsterdam = (day: string, time: string) => new Date(`${day}T${time}:00+01:00`);
const CHILD_DATA = ['Sanne', 'Vermeulen', '2017-03-15', 'Daan', 'Peters', '2016-09-01'];

describe("forgetting the child: in the store and in every card that showed the child's name", () => {
  const connector = new FakeBotConnector();
  const clock = new FixedClock(amsterdam('2026-03-09', '09:00')); // a Monday
  let bot: RunningBot;
  let wendy: TeamsUser, carla: TeamsUser, bram: TeamsUser, lies: TeamsUser;
  let sanneId = '';
  let daanId = '';

  beforeAll(async () => {
    await connector.start();
    bot = await startBot({ directoryFile: writeDirectoryFile(directory), connectorUrl: connector.url, clock });
    const user = (id: string, name: string) => new TeamsUser(bot.botUrl, connector.url, id, name);
    [wendy, carla, bram, lies] = [
      user(ids.wendy, 'Wendy Veilig'),
      user(ids.carla, 'Carla Contact'),
      user(ids.bram, 'Bram Backup'),
      user(ids.lies, 'Lies Leerplicht'),
    ];
  });

  afterAll(async () => {
    await bot.app.close();
    await connector.stop();
  });

  /** What the person's chat shows now: the last version of every message the bot sent there. */
  const chatNow = (user: TeamsUser): string[] => {
    const latest = new Map<string, string>();
    for (const c of connector.cardsIn(user.conversationId)) latest.set(c.activityId ?? String(latest.size), visibleText(c.card));
    return [...latest.values()];
  };
  const updatesTo = (user: TeamsUser, from: number) =>
    connector.calls.slice(from).filter((c) => c.conversationId === user.conversationId && c.method === 'update');

  test('on Monday morning a household goes out: Sanne to her school, Daan to leerplicht', async () => {
    await wendy.press('signal.submit', {
      children: 2,
      firstName_0: 'Sanne', lastName_0: 'Vermeulen', birthDate_0: '2017-03-15', schoolId_0: '12AB00',
      firstName_1: 'Daan', lastName_1: 'Peters', birthDate_1: '2016-09-01', schoolId_1: 'leerplicht:GM0928',
    });
    await bot.app.idle();
    const carlaCard = connector.cardsIn(carla.conversationId)[0]!.card;
    const liesCard = connector.cardsIn(lies.conversationId)[0]!.card;
    expect(visibleText(carlaCard)).toContain('Sanne Vermeulen');
    expect(visibleText(liesCard)).toContain('Daan Peters');
    sanneId = String(buttonTitled(carlaCard, 'Gezien')?.data.signalId);
    daanId = String(buttonTitled(liesCard, 'Doorsturen naar school')?.data.signalId);
    expect(sanneId).not.toBe('undefined');
    expect(daanId).not.toBe('undefined');
  });

  test('Carla picks Sanne up at 09:30; the name stays with her until 17:00 that day', async () => {
    const answer = await carla.press('signal.acknowledge', { signalId: sanneId });
    expect(visibleText((answer.body as { value: Record<string, unknown> }).value)).toContain('Sanne Vermeulen');
    await bot.app.idle();
    const before = connector.calls.length;

    clock.set(amsterdam('2026-03-09', '16:59'));
    await bot.app.tick();

    expect(updatesTo(carla, before)).toEqual([]);
  });

  test("at 17:00 Sanne is forgotten: Carla's card is replaced in place without the name, the support form kept", async () => {
    const before = connector.calls.length;
    clock.set(amsterdam('2026-03-09', '17:00'));
    await bot.app.tick();

    const [update] = updatesTo(carla, before);
    const text = visibleText(cardOf(update!.body));
    expect(text).toMatch(/HWC-[0-9A-Z]{5}/);
    expect(text).not.toContain('Sanne');
    expect(text).toContain('Steun vastleggen');
    for (const chat of [carla, bram]) expect(chatNow(chat).join('\n')).not.toContain('Sanne');
  });

  test('the next morning Carla still records the support she gave, on the card without the name', async () => {
    clock.set(amsterdam('2026-03-10', '10:00'));
    const saved = await carla.press('support.save', { signalId: sanneId, categories: 'quiet_place', priorConcern: 'no' });
    const text = visibleText((saved.body as { value: Record<string, unknown> }).value);
    expect(text).toContain('Rustige plek');
    expect(text).not.toContain('Sanne');
  });

  test('Daan, whom nobody routed, keeps his name with leerplicht until 17:00 on the third school day', async () => {
    const before = connector.calls.length;
    clock.set(amsterdam('2026-03-12', '16:59')); // Thursday
    await bot.app.tick();
    expect(updatesTo(lies, before)).toEqual([]);
    expect(chatNow(lies).join('\n')).toContain('Daan Peters');
  });

  test('then he is forgotten: the officer\'s card closes without his name and the worker is told by reference', async () => {
    const before = connector.calls.length;
    clock.set(amsterdam('2026-03-12', '17:00'));
    await bot.app.tick();

    const [closed] = updatesTo(lies, before);
    expect(visibleText(cardOf(closed!.body))).toContain('Verlopen');
    expect(chatNow(lies).join('\n')).not.toContain('Daan');
    const notice = connector.calls.slice(before).find((c) => c.conversationId === wendy.conversationId && c.method === 'send');
    const noticeText = visibleText(cardOf(notice!.body));
    expect(noticeText).toMatch(/HWC-[0-9A-Z]{5}/);
    expect(noticeText).toContain('niet op tijd');
    expect(noticeText).not.toContain('Daan');
  });

  test('pressing the old route card changes nothing and says the signal is closed', async () => {
    const answer = await lies.press('signal.forward', { signalId: daanId, schoolId: '12AB00' });
    expect(visibleText((answer.body as { value: Record<string, unknown> }).value)).not.toContain('Daan');
    await bot.app.idle();
    expect(connector.calls.filter((c) => c.conversationId === carla.conversationId && c.method === 'send')).toHaveLength(1);
  });

  test('neither the database file nor the log holds either child any more', async () => {
    await bot.app.close();
    const file = readFileSync(bot.sqlitePath).toString('latin1');
    for (const data of CHILD_DATA) {
      expect(file).not.toContain(data);
      expect(bot.logs.text).not.toContain(data);
    }
  });
});
