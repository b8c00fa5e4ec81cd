/**
 * Forgetting keeps its moment whatever else goes wrong: a card still due when the bot comes back
 * after the moment to forget goes out without the name, and forgetting does not wait for Teams.
 */
import type { Directory } from '../../src/domain/directory';
import { visibleText } from '../support/card-query';
import { FakeBotConnector } from '../support/fake-bot-connector';
import { FixedClock } from '../support/fixed-clock';
import { readSqliteFile } from '../support/sqlite-file';
import { ShiftedClock } from '../support/shifted-clock';
import { startBot, writeDirectoryFile, type RunningBot } from '../support/running-bot';
import { TeamsUser } from '../support/teams-user';

const ids = {
  wendy: '11111111-1111-4111-8111-111111111111',
  carla: '22222222-2222-4222-8222-222222222222',
};

const directory: Directory = {
  municipalities: [{ id: 'GM0917', name: 'Heerlen', routing: 'direct', holidayRegion: 'zuid' }],
  schools: [{ id: '12AB00', name: 'Basisschool De Regenboog', municipalityId: 'GM0917' }],
  members: [
    { aadObjectId: ids.wendy, name: 'Wendy Veilig', roles: [{ role: 'vt_worker', municipalityIds: ['GM0917'] }] },
    { aadObjectId: ids.carla, name: 'Carla Contact', roles: [{ role: 'school_contact', schoolId: '12AB00', rank: 'primary' }] },
  ],
};

/** Amsterdam wall-clock time in March (UTC+1) as an instant. */
const amsterdam = (day: string, time: string) => new Date(`${day}T${time.length === 5 ? `${time}:00` : time}+01:00`);

describe('a card still due after the moment to forget', () => {
  const connector = new FakeBotConnector();
  const clock = new FixedClock(amsterdam('2026-03-13', '21:00')); // a Friday night
  let bot: RunningBot;

  beforeAll(async () => {
    await connector.start();
    bot = await startBot({ directoryFile: writeDirectoryFile(directory), connectorUrl: connector.url, clock });
  });

  afterAll(async () => {
    await bot.app.close();
    await connector.stop();
  });

  test('goes out without the name when the bot was down until after that moment', async () => {
    const wendy = new TeamsUser(bot.botUrl, connector.url, ids.wendy, 'Wendy Veilig');
    const carla = new TeamsUser(bot.botUrl, connector.url, ids.carla, 'Carla Contact');
    await wendy.press('signal.submit', { children: 1, firstName_0: 'Sanne', lastName_0: 'Vermeulen', birthDate_0: '2017-03-15', schoolId_0: '12AB00' });
    await bot.app.idle();
    // Friday night: the school's card waits for Monday 07:00.
    expect(connector.cardsIn(carla.conversationId)).toEqual([]);

    // Nothing ran from Friday night until Thursday morning, past the latest moment (Wednesday 17:00).
    clock.set(amsterdam('2026-03-19', '09:00'));
    await bot.app.tick();

    const cards = connector.cardsIn(carla.conversationId);
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      const text = visibleText(card.card);
      expect(text).toMatch(/HWC-[0-9A-Z]{5}/);
      expect(text).not.toContain('Sanne');
      expect(text).not.toContain('2017');
    }
  });
});

describe('forgetting while every Teams call hangs', () => {
  const connector = new FakeBotConnector();
  const clock = new ShiftedClock();
  let bot: RunningBot;

  beforeAll(async () => {
    clock.set(amsterdam('2026-03-09', '09:00')); // a Monday
    await connector.start();
    bot = await startBot({
      directoryFile: writeDirectoryFile(directory),
      connectorUrl: connector.url,
      clock,
      // The scheduler's timers run (a clock is given, so set them back from the test default):
      // a short lease, so a hanging call holds the main loop for 8 s at a time.
      env: { HWC_RELAY_INTERVAL_MS: '200', HWC_FORGET_INTERVAL_MS: '500', HWC_DISPATCH_LEASE_MS: '10000' },
      // No jitter: a call given up on is retried as soon as its lease runs out.
      jitter: () => 0,
    });
  });

  afterAll(async () => {
    await connector.stop();
    await bot.app.close();
  });

  test('takes the identity out of the store within 2 s of its moment', async () => {
    const wendy = new TeamsUser(bot.botUrl, connector.url, ids.wendy, 'Wendy Veilig');
    const carla = new TeamsUser(bot.botUrl, connector.url, ids.carla, 'Carla Contact');
    await wendy.press('signal.submit', { children: 1, firstName_0: 'Sanne', lastName_0: 'Vermeulen', birthDate_0: '2017-03-15', schoolId_0: '12AB00' });
    await bot.app.idle();
    const sent = await connector.waitFor((c) => c.conversationId === carla.conversationId && c.method === 'send', "Sanne's card");
    const signalId = String((JSON.stringify(sent.body).match(/"signalId":"([^"]+)"/) ?? [])[1]);
    await carla.press('signal.acknowledge', { signalId }); // Sanne is to be forgotten at 17:00 today
    await bot.app.idle();

    // A Teams incident: from now on no call is ever answered. Another child's card keeps the
    // dispatcher, and so the main loop's relay, waiting on Teams.
    connector.hangEveryCall();
    await wendy.press('signal.submit', { children: 1, firstName_0: 'Daan', lastName_0: 'Peters', birthDate_0: '2016-09-01', schoolId_0: '12AB00' });
    // Twelve seconds before 17:00. Daan's first send is given up after 8 s and retried a second
    // later by the relay, which then waits on Teams until 8 s past 17:00.
    clock.set(amsterdam('2026-03-09', '16:59:48'));
    const moment = amsterdam('2026-03-09', '17:00').getTime();

    // The forgetting loop logs the moment it has forgotten someone: that is when the identity went.
    await bot.logs.nextLine((line) => line.includes('"task":"forgetting"') && line.includes('scheduled work done'), "Sanne's identity forgotten");
    const forgottenAt = clock.now().getTime();

    expect(await readSqliteFile(bot.sqlitePath, (_, db) => db.prepare('SELECT 1 FROM signal_identities WHERE signal_id = ?').get(signalId))).toBeUndefined();
    expect(forgottenAt - moment).toBeLessThanOrEqual(2_000);
  }, 60_000);
});
