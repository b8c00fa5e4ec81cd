/**
 * Recipients are chosen when a signal is issued, forwarded or sent back, and the directory may
 * take a role away before the card goes out: someone who no longer holds the role is never shown
 * the child, and a bounce goes to the leerplicht officers the directory names now.
 */
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
  luuk: '66666666-6666-4666-8666-666666666662',
};

const wendy = { aadObjectId: ids.wendy, name: 'Wendy Veilig', roles: [{ role: 'vt_worker' as const, municipalityIds: ['GM0917', 'GM0928'] }] };
const carla = { aadObjectId: ids.carla, name: 'Carla Contact', roles: [{ role: 'school_contact' as const, schoolId: '12AB00', rank: 'primary' as const }] };
const bram = { aadObjectId: ids.bram, name: 'Bram Backup', roles: [{ role: 'school_contact' as const, schoolId: '12AB00', rank: 'backup' as const }] };
const lies = { aadObjectId: ids.lies, name: 'Lies Leerplicht', roles: [{ role: 'leerplicht' as const, municipalityIds: ['GM0928'] }] };
const luuk = { aadObjectId: ids.luuk, name: 'Luuk Leerplicht', roles: [{ role: 'leerplicht' as const, municipalityIds: ['GM0928'] }] };

const directoryWith = (members: Directory['members']): Directory => ({
  municipalities: [
    { id: 'GM0917', name: 'Heerlen', routing: 'direct', holidayRegion: 'zuid' },
    { id: 'GM0928', name: 'Kerkrade', routing: 'leerplicht', holidayRegion: 'zuid' },
  ],
  schools: [{ id: '12AB00', name: 'Basisschool De Regenboog', municipalityId: 'GM0917' }],
  members,
});

/** Amsterdam wall-clock time in March (UTC+1) as an instant. */
const amsterdam = (day: string, time: string) => new Date(`${day}T${time}:00+01:00`);

describe('people taken out of the directory', () => {
  const connector = new FakeBotConnector();
  const clock = new FixedClock(amsterdam('2026-03-13', '21:00')); // a Friday night
  let bot: RunningBot;
  const user = (id: string, name: string) => new TeamsUser(bot.botUrl, connector.url, id, name);
  /** The bot restarted on the same store with a new directory file, as an administrator does. */
  const restartWith = async (members: Directory['members']) => {
    await bot.app.close();
    bot = await startBot({ directoryFile: writeDirectoryFile(directoryWith(members)), connectorUrl: connector.url, clock, sqlitePath: bot.sqlitePath });
  };

  beforeAll(async () => {
    await connector.start();
    bot = await startBot({ directoryFile: writeDirectoryFile(directoryWith([wendy, carla, bram, lies])), connectorUrl: connector.url, clock });
  });

  afterAll(async () => {
    await bot.app.close();
    await connector.stop();
  });

  test("a contact removed on Saturday does not get Monday's card; the one still there does", async () => {
    await user(ids.wendy, 'Wendy Veilig').press('signal.submit', { children: 1, firstName_0: 'Sanne', lastName_0: 'Vermeulen', birthDate_0: '2017-03-15', schoolId_0: '12AB00' });
    await bot.app.idle();

    clock.set(amsterdam('2026-03-14', '10:00')); // Saturday: Carla leaves the school
    await restartWith([wendy, bram, lies]);
    clock.set(amsterdam('2026-03-16', '07:00')); // Monday
    await bot.app.tick();

    expect(connector.cardsIn(user(ids.carla, 'Carla Contact').conversationId)).toEqual([]);
    const [bramsCard] = connector.cardsIn(user(ids.bram, 'Bram Backup').conversationId);
    expect(visibleText(bramsCard!.card)).toContain('Sanne Vermeulen');
  });

  test('a bounce back to leerplicht reaches the officer named now; the one who left sees her card withdrawn without the name', async () => {
    await restartWith([wendy, carla, bram, lies]);
    const liesChat = user(ids.lies, 'Lies Leerplicht');
    const luukChat = user(ids.luuk, 'Luuk Leerplicht');
    await user(ids.wendy, 'Wendy Veilig').press('signal.submit', { children: 1, firstName_0: 'Daan', lastName_0: 'Peters', birthDate_0: '2016-09-01', schoolId_0: 'leerplicht:GM0928' });
    await bot.app.idle();
    const routeCard = connector.cardsIn(liesChat.conversationId).at(-1)!.card;
    const daanId = String(buttonTitled(routeCard, 'Doorsturen naar school')?.data.signalId);
    await liesChat.press('signal.forward', { signalId: daanId, schoolId: '12AB00' });
    await bot.app.idle();
    const carlaChat = user(ids.carla, 'Carla Contact');
    const daanCard = connector.cardsIn(carlaChat.conversationId).find((c) => visibleText(c.card).includes('Daan'));
    expect(daanCard).toBeDefined();

    // Lies leaves leerplicht, Luuk takes over; then the school says Daan is not its pupil.
    await restartWith([wendy, carla, bram, luuk]);
    const before = connector.calls.length;
    await user(ids.carla, 'Carla Contact').press('signal.bounce', { signalId: daanId });
    await bot.app.idle();

    const toLuuk = connector.calls.slice(before).filter((c) => c.conversationId === luukChat.conversationId && c.method === 'send');
    expect(toLuuk).toHaveLength(1);
    expect(visibleText(cardOf(toLuuk[0]!.body))).toContain('Daan Peters');
    const toLies = connector.calls.slice(before).filter((c) => c.conversationId === liesChat.conversationId);
    expect(toLies.map((c) => c.method)).toEqual(['update']);
    const withdrawn = visibleText(cardOf(toLies[0]!.body));
    expect(withdrawn).toContain('niet meer voor u');
    expect(withdrawn).not.toContain('Daan');
  });
});
