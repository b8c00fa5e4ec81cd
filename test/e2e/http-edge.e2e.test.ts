/**
 * The HTTP edge before any activity is read: only JSON is taken, and only up to the size limit.
 * Every refusal is a 4xx with a code, never an error text, and nothing reaches the bot.
 */
import { FakeBotConnector } from '../support/fake-bot-connector';
import { FixedClock } from '../support/fixed-clock';
import { startBot, writeDirectoryFile, type RunningBot } from '../support/running-bot';
import { TeamsUser } from '../support/teams-user';

const workerId = '11111111-1111-4111-8111-111111111111';

describe('the HTTP edge', () => {
  const connector = new FakeBotConnector();
  let bot: RunningBot;
  let worker: TeamsUser;

  beforeAll(async () => {
    await connector.start();
    const directoryFile = writeDirectoryFile({
      municipalities: [{ id: 'GM0917', name: 'Heerlen', routing: 'direct' }],
      schools: [{ id: '12AB00', name: 'Basisschool De Regenboog', municipalityId: 'GM0917' }],
      members: [{ aadObjectId: workerId, name: 'Wendy Veilig', roles: [{ role: 'vt_worker', municipalityIds: ['GM0917'] }] }],
    });
    bot = await startBot({ directoryFile, connectorUrl: connector.url, clock: new FixedClock('2026-12-01T10:00:00+01:00') });
    worker = new TeamsUser(bot.botUrl, connector.url, workerId, 'Wendy Veilig');
  });

  afterAll(async () => {
    await bot.app.close();
    await connector.stop();
  });

  const post = async (body: string, contentType?: string) => {
    const response = await fetch(bot.botUrl, { method: 'POST', headers: contentType ? { 'content-type': contentType } : {}, body });
    return { status: response.status, text: await response.text() };
  };
  const aMessage = () => JSON.stringify(worker.activity({ type: 'message', text: 'help' }));

  it.each([
    ['text/plain', 415],
    ['application/x-www-form-urlencoded', 415],
    ['multipart/form-data; boundary=x', 415],
    ['application/xml', 415],
  ])('refuses a body sent as %s with %i, and the bot answers nobody', async (contentType, status) => {
    const before = connector.calls.length;

    const answer = await post(aMessage(), contentType);

    expect(answer.status).toBe(status);
    expect(answer.text).not.toMatch(/Error|stack|at .*:\d+/);
    await bot.app.idle();
    expect(connector.calls.length).toBe(before);
  });

  it('refuses a body over 256 KB with 413 before reading it as an activity', async () => {
    const huge = JSON.stringify({ ...worker.activity({ type: 'message', text: 'help' }), padding: 'x'.repeat(300 * 1024) });

    const answer = await post(huge, 'application/json');

    expect(answer.status).toBe(413);
    expect(answer.text).not.toMatch(/Error|stack|at .*:\d+/);
  });

  it('takes the same activity as application/json (with a charset)', async () => {
    const before = connector.calls.length;

    const answer = await post(aMessage(), 'application/json; charset=utf-8');

    expect(answer.status).toBe(200);
    await connector.waitFor((c) => c.method === 'send' && c.conversationId === worker.conversationId && connector.calls.indexOf(c) >= before);
  });
});
