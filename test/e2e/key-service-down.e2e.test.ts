/**
 * When the Bot Framework's signing keys cannot be fetched, the bot cannot tell a good caller from
 * a bad one: that is an outage of ours, answered 503 (Teams retries) with a log line, never a 401
 * that would pass silently for a rejected token, and never an error text.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Directory } from '../../src/domain/directory';
import { startAuthenticatedBot } from '../support/authenticated-bot';
import { freePort } from '../support/bot-process';
import { FakeBotConnector } from '../support/fake-bot-connector';
import { OpenIdTestServer } from '../support/openid-test-server';
import { writeDirectoryFile, type RunningBot } from '../support/running-bot';
import { TENANT_ID, TeamsUser } from '../support/teams-user';

const appId = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const wendyId = '11111111-1111-4111-8111-111111111111';
const directory: Directory = {
  municipalities: [{ id: 'GM0917', name: 'Heerlen', routing: 'direct' }],
  schools: [],
  members: [{ aadObjectId: wendyId, name: 'Wendy Veilig', roles: [{ role: 'vt_worker', municipalityIds: ['GM0917'] }] }],
};

/** A key service that answers every request with `status`. */
async function failingServer(status: number): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/openidconfiguration`, server };
}

/** A key service that takes the connection and never answers. */
async function silentServer(): Promise<{ url: string; server: Server }> {
  const server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/openidconfiguration`, server };
}

/** Short, so the test is quick; the product waits KEY_CHECK_DEADLINE_MS (10 s). */
const KEY_CHECK_DEADLINE_MS = 300;

describe('the signing keys cannot be fetched', () => {
  // Signs the tokens; the bots below look for its keys where there are none.
  const openId = new OpenIdTestServer();
  const connector = new FakeBotConnector();
  const bots: RunningBot[] = [];
  const servers: Server[] = [];
  let consoleError: jest.SpyInstance;

  beforeAll(async () => {
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await openId.start();
    await connector.start();
  });

  afterAll(async () => {
    await Promise.all(bots.map((bot) => bot.app.close()));
    await Promise.all(
      servers.map((server) => {
        const closed = new Promise((resolve) => server.close(resolve));
        server.closeAllConnections();
        return closed;
      }),
    );
    await connector.stop();
    await openId.stop();
    consoleError.mockRestore();
  });

  async function botLookingAt(metadataUrl: string): Promise<{ bot: RunningBot; wendy: TeamsUser }> {
    const bot = await startAuthenticatedBot({ directoryFile: writeDirectoryFile(directory), connectorUrl: connector.url, metadataUrl, appId, allowedTenants: TENANT_ID, keyCheckDeadlineMs: KEY_CHECK_DEADLINE_MS });
    bots.push(bot);
    return { bot, wendy: new TeamsUser(bot.botUrl, connector.url, wendyId, 'Wendy Veilig') };
  }

  function validToken(): string {
    const now = Math.floor(Date.now() / 1000);
    return openId.sign({ iss: 'https://api.botframework.com', aud: appId, serviceurl: connector.url, nbf: now - 60, iat: now - 60, exp: now + 3600 });
  }

  async function sayWith(bot: RunningBot, wendy: TeamsUser, authorization: string): Promise<{ status: number; text: string }> {
    const response = await fetch(bot.botUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify(wendy.activity({ type: 'message', text: 'signaal' })),
    });
    return { status: response.status, text: await response.text() };
  }

  // Each with the failure it is logged as: none of them passes for another (say, for the deadline).
  const keyServices: Array<[string, Record<string, unknown>, () => Promise<string>]> = [
    ['nothing listens on the metadata address', { errorName: 'FetchError' }, async () => `http://127.0.0.1:${await freePort()}/.well-known/openidconfiguration`],
    [
      'the metadata address answers 500',
      // botbuilder's AuthenticationError, named plain Error, with the key service's status.
      { errorName: 'Error', statusCode: 500 },
      async () => {
        const failing = await failingServer(500);
        servers.push(failing.server);
        return failing.url;
      },
    ],
    [
      'the metadata address never answers',
      { errorName: 'KeyCheckTimedOut' },
      async () => {
        const silent = await silentServer();
        servers.push(silent.server);
        return silent.url;
      },
    ],
  ];

  test.each(keyServices)('%s: a token is answered 503 with a log line naming the failure, no error text, and the bot does nothing', async (_case, failure, metadataUrl) => {
    const { bot, wendy } = await botLookingAt(await metadataUrl());
    const calls = connector.calls.length;

    const answer = await sayWith(bot, wendy, `Bearer ${validToken()}`);

    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.text)).toEqual({ error: 'unavailable' });
    await bot.app.idle();
    expect(connector.calls.slice(calls)).toEqual([]);
    const logged = bot.logs.lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.msg === 'signing keys unavailable');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject(failure);
    expect(JSON.stringify(logged)).not.toMatch(/stack|at .*:\d+/);
  });

  test('a request without a token is still refused with 401: no keys are needed to see that', async () => {
    const { bot, wendy } = await botLookingAt(`http://127.0.0.1:${await freePort()}/.well-known/openidconfiguration`);

    const answer = await sayWith(bot, wendy, '');

    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.text)).toEqual({ error: 'unauthorized' });
  });
});
