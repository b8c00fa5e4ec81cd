/**
 * Forgetting keeps its moment whatever else goes wrong: a card still due when the bot comes back
 * after the moment to forget goes out without the name, and forgetting does not wait for Teams.
 */
import type { Directory } from '../../src/domain/directory';
import { visibleText } from '../support/card-query';
import { FakeBotConnector } from '../support/fake-bot-connector';
import { FixedClock } from '../support/fixed-clock';
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
const amsterdam = (day: string, time: string) => new Date(`${day}T${time}:00+01:00`);

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
      expect(text).toMatch(/HWC-[0-9A-Z]{4,5}/);
      expect(text).not.toContain('Sanne');
      expect(text).not.toContain('2017');
    }
  });
});
