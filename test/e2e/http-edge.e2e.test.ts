/**
 * The HTTP edge before any activity is read: only JSON is taken, and only up to the size limit.
 * Every refusal is a 4xx with a code, never an error text, and nothing reaches the bot.
 */
import { gzipSync } from 'node:zlib';
import { FakeBotConnector } from '../support/fake-bot-connector';
import { startBotWithAWorker } from '../support/bot-with-a-worker';
import type { RunningBot } from '../support/running-bot';
import { gzipBomb } from '../support/gzip-bomb';
import type { TeamsUser } from '../support/teams-user';

describe('the HTTP edge', () => {
  const connector = new FakeBotConnector();
  let bot: RunningBot;
  let worker: TeamsUser;

  beforeAll(async () => {
    await connector.start();
    ({ bot, worker } = await startBotWithAWorker(connector));
  });

  afterAll(async () => {
    await bot.app.close();
    await connector.stop();
  });

  const post = async (body: string | Buffer, contentType?: string, headers: Record<string, string> = {}) => {
    const response = await fetch(bot.botUrl, { method: 'POST', headers: { ...(contentType ? { 'content-type': contentType } : {}), ...headers }, body });
    return { status: response.status, text: await response.text(), acceptEncoding: response.headers.get('accept-encoding') };
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

  it('refuses a 250 KB gzip body that would inflate to 32 MB with 415, without inflating it, and the bot answers nobody', async () => {
    const before = connector.calls.length;

    const answer = await post(gzipBomb(32 * 1024 * 1024), 'application/json', { 'content-encoding': 'gzip' });

    expect(answer.status).toBe(415);
    expect(JSON.parse(answer.text)).toEqual({ error: 'unsupported_content_encoding' });
    expect(answer.acceptEncoding).toBe('identity');
    await bot.app.idle();
    expect(connector.calls.length).toBe(before);
    expect(bot.logs.text).not.toMatch(/activity failed|request failed/);
  });

  it.each([['gzip'], ['GZip'], ['deflate'], ['br'], ['x-unknown'], ['gzip, identity'], ['identity, gzip']])(
    'refuses a valid activity sent with Content-Encoding: %s with 415 and no error text',
    async (contentEncoding) => {
      const before = connector.calls.length;

      const answer = await post(gzipSync(aMessage()), 'application/json', { 'content-encoding': contentEncoding });

      expect(answer.status).toBe(415);
      expect(answer.text).not.toMatch(/Error|stack|at .*:\d+|encoding not supported/);
      await bot.app.idle();
      expect(connector.calls.length).toBe(before);
    },
  );

  it.each([['identity'], ['Identity '], ['']])('takes an uncompressed activity that says Content-Encoding: %j', async (contentEncoding) => {
    const before = connector.calls.length;

    const answer = await post(aMessage(), 'application/json', { 'content-encoding': contentEncoding });

    expect(answer.status).toBe(200);
    await connector.waitFor((c) => c.method === 'send' && c.conversationId === worker.conversationId && connector.calls.indexOf(c) >= before);
  });

  it('takes the same activity as application/json (with a charset)', async () => {
    const before = connector.calls.length;

    const answer = await post(aMessage(), 'application/json; charset=utf-8');

    expect(answer.status).toBe(200);
    await connector.waitFor((c) => c.method === 'send' && c.conversationId === worker.conversationId && connector.calls.indexOf(c) >= before);
  });
});
