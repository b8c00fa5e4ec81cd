/**
 * Support recorded from the support reminder: the contact's own card, which Gezien turned into the
 * support form with the child's name, must not keep that name. Picked up on a Friday after
 * 17:00, the name stays until 17:00 on Monday, and the support reminder comes on Monday at 07:00:
 * the contact answers on the reminder, a different message from the card that shows the name.
 * Real server, real SQLite file, a clock the test moves.
 */
import { buttonTitled, visibleText } from '../support/card-query';
import { FakeBotConnector } from '../support/fake-bot-connector';
import { FixedClock } from '../support/fixed-clock';
import { startBot, writeDirectoryFile, type RunningBot } from '../support/running-bot';
import { TeamsUser } from '../support/teams-user';
import { heerlen, heerlenDirectory } from '../support/heerlen-school';

const ids = { wendy: heerlen.wendy.aadObjectId, carla: heerlen.carla.aadObjectId };
// Carla alone at the school: the one who picks the signal up.
const directory = heerlenDirectory({ contacts: ['carla'], holidayRegion: 'zuid' });

/** Amsterdam wall-clock time in March (UTC+1) as an instant. */
const amsterdam = (day: string, time: string) => new Date(`${day}T${time}:00+01:00`);

describe('support recorded from the support reminder', () => {
  const connector = new FakeBotConnector();
  const clock = new FixedClock(amsterdam('2026-03-12', '10:00')); // a Thursday
  let bot: RunningBot;
  let wendy: TeamsUser, carla: TeamsUser;
  let signalId = '';
  let cardMessage = '';

  beforeAll(async () => {
    await connector.start();
    bot = await startBot({ directoryFile: writeDirectoryFile(directory), connectorUrl: connector.url, clock });
    wendy = new TeamsUser(bot.botUrl, connector.url, ids.wendy, 'Wendy Veilig');
    carla = new TeamsUser(bot.botUrl, connector.url, ids.carla, 'Carla Contact');
  });

  afterAll(async () => {
    await bot.app.close();
    await connector.stop();
  });

  /** What Carla's chat shows now: the last version of every message the bot sent there. */
  const carlasChat = (): string => {
    const latest = new Map<string, string>();
    for (const c of connector.cardsIn(carla.conversationId)) latest.set(c.activityId ?? String(latest.size), visibleText(c.card));
    return [...latest.values()].join('\n');
  };

  test('Carla picks the signal up on Friday at 17:30, on the card that names the child', async () => {
    await wendy.press('signal.submit', { firstName: 'Sanne', lastName: 'Vermeulen', birthDate: '2017-03-15', schoolId: '12AB00' });
    await bot.app.idle();
    const [card] = connector.cardsIn(carla.conversationId);
    signalId = String(buttonTitled(card!.card, 'Gezien')?.data.signalId);
    cardMessage = card!.activityId!;

    clock.set(amsterdam('2026-03-13', '17:30'));
    await bot.app.tick();
    const answer = await carla.press('signal.acknowledge', { signalId }, cardMessage);
    expect(visibleText((answer.body as { value: Record<string, unknown> }).value)).toContain('Sanne Vermeulen');
    await bot.app.idle();
  });

  test('on Monday at 07:00 the support reminder comes while the name is still known', async () => {
    clock.set(amsterdam('2026-03-16', '07:00'));
    await bot.app.tick();
    await bot.app.idle();
    const reminder = connector.cardsIn(carla.conversationId).find((c) => c.activityId !== cardMessage && buttonTitled(c.card, 'Steun vastleggen'));
    expect(reminder?.method).toBe('send');
    expect(carlasChat()).toContain('Sanne Vermeulen');
  });

  test('support saved on the reminder takes the name off the card that showed it, at once', async () => {
    clock.set(amsterdam('2026-03-16', '08:00'));
    const reminder = connector.cardsIn(carla.conversationId).find((c) => c.activityId !== cardMessage && buttonTitled(c.card, 'Steun vastleggen'));
    const form = await carla.press('support.edit', { signalId }, reminder!.activityId);
    expect(visibleText((form.body as { value: Record<string, unknown> }).value)).not.toContain('Sanne');
    const saved = await carla.press('support.save', { signalId, categories: 'quiet_place', priorConcern: 'no' }, reminder!.activityId);
    expect(visibleText((saved.body as { value: Record<string, unknown> }).value)).toContain('Rustige plek');
    await bot.app.idle();

    expect(carlasChat()).not.toContain('Sanne');
  });

  test('and at 17:00, when the child is forgotten, no card in her chat names the child', async () => {
    clock.set(amsterdam('2026-03-16', '17:00'));
    await bot.app.tick();
    await bot.app.idle();
    expect(carlasChat()).not.toContain('Sanne');
    expect(carlasChat()).not.toContain('Vermeulen');
  });
});
