/**
 * A signal's cards go onto the network before the worker's press is answered: the school is the
 * point of the signal, the confirmation only tells the worker it left. Over real HTTP, with the
 * Bot Connector connections already open (as they are after the first card of the day), both
 * cards have reached the connector by the time the worker's answer starts to arrive.
 */
import { request } from 'node:http';
import { FixedClock } from '../support/fixed-clock';
import { FakeBotConnector } from '../support/fake-bot-connector';
import { startBot, writeDirectoryFile, type RunningBot } from '../support/running-bot';
import { TeamsUser } from '../support/teams-user';
import { heerlen, heerlenDirectory } from '../support/heerlen-school';

const ids = { wendy: heerlen.wendy.aadObjectId, carla: heerlen.carla.aadObjectId, bram: heerlen.bram.aadObjectId };
const directory = heerlenDirectory();

const child = { firstName: 'Sanne-Lotte', lastName: "van 't Hoff", birthDate: '2017-03-15' };

/** POSTs an activity and resolves when the answer's status line and headers have arrived. */
function answerStarts(url: string, activity: Record<string, unknown>): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(activity);
    const post = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } });
    post.on('response', (response) => {
      resolve(response.statusCode ?? 0);
      response.resume();
    });
    post.on('error', reject);
    post.end(body);
  });
}

describe('the order of a signal’s messages', () => {
  const connector = new FakeBotConnector();
  // A Tuesday morning: inside the schools' working window, so cards go out at once.
  const clock = new FixedClock('2026-12-01T10:00:00+01:00');
  let bot: RunningBot;
  let wendy: TeamsUser, carla: TeamsUser, bram: TeamsUser;

  beforeAll(async () => {
    await connector.start();
    bot = await startBot({ directoryFile: writeDirectoryFile(directory), connectorUrl: connector.url, clock });
    wendy = new TeamsUser(bot.botUrl, connector.url, ids.wendy, 'Wendy Veilig');
    carla = new TeamsUser(bot.botUrl, connector.url, ids.carla, 'Carla Contact');
    bram = new TeamsUser(bot.botUrl, connector.url, ids.bram, 'Bram Backup');
    for (const contact of [carla, bram]) expect((await contact.install()).status).toBe(200);
  });

  afterAll(async () => {
    await bot.app.close();
    await connector.stop();
  });

  const cardsSentTo = () => connector.requests.filter((r) => r.method === 'send' && [carla.conversationId, bram.conversationId].includes(r.conversationId)).length;

  test('both contacts’ cards reach Teams before the worker’s answer does', async () => {
    // The first signal opens the connections to the Bot Connector, as the day's first card does.
    await wendy.press('signal.submit', { ...child, schoolId: '12AB00' }, 'form-1');
    await connector.waitFor((c) => c.method === 'send' && c.conversationId === bram.conversationId);
    await connector.waitFor((c) => c.method === 'send' && c.conversationId === carla.conversationId);
    await bot.app.idle();
    const before = cardsSentTo();

    const status = await answerStarts(bot.botUrl, wendy.activity({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'signal.submit', data: { ...child, firstName: 'Daan', schoolId: '12AB00' } }, trigger: 'manual' },
      replyToId: 'form-2',
    }));

    expect(status).toBe(200);
    expect(cardsSentTo() - before).toBe(2);
  });
});
