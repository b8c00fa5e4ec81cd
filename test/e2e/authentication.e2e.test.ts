/**
 * Who may call /api/messages at all: only the Bot Framework, proven by a token botbuilder checks
 * (signature against the published keys, issuer, audience = our app id, expiry, serviceUrl).
 * The keys come from a local OpenID server, so the real validation runs offline; every rejected
 * caller gets 401 with no error text, and the bot does nothing for it.
 */
import { gzipSync } from 'node:zlib';
import type { Directory } from '../../src/domain/directory';
import { inputLabelled } from '../support/card-query';
import { startAuthenticatedBot } from '../support/authenticated-bot';
import { FakeBotConnector } from '../support/fake-bot-connector';
import { newSigningKey, OpenIdTestServer } from '../support/openid-test-server';
import { OFFLINE_BOT_TOKEN } from '../support/offline-authentication';
import { writeDirectoryFile, type RunningBot } from '../support/running-bot';
import { TENANT_ID, TeamsUser } from '../support/teams-user';

const appId = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const wendyId = '11111111-1111-4111-8111-111111111111';
const directory: Directory = {
  municipalities: [{ id: 'GM0917', name: 'Heerlen', routing: 'direct' }],
  schools: [{ id: '12AB00', name: 'Basisschool De Regenboog', municipalityId: 'GM0917' }],
  members: [{ aadObjectId: wendyId, name: 'Wendy Veilig', roles: [{ role: 'vt_worker', municipalityIds: ['GM0917'] }] }],
};

describe('authentication of /api/messages', () => {
  const openId = new OpenIdTestServer();
  const connector = new FakeBotConnector();
  let bot: RunningBot;
  let wendy: TeamsUser;
  let consoleError: jest.SpyInstance;

  beforeAll(async () => {
    // botbuilder writes rejected tokens to console.error itself; the assertions below are what counts.
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await openId.start();
    await connector.start();
    bot = await startAuthenticatedBot({
      directoryFile: writeDirectoryFile(directory),
      connectorUrl: connector.url,
      metadataUrl: openId.metadataUrl,
      appId,
      allowedTenants: TENANT_ID,
    });
    wendy = new TeamsUser(bot.botUrl, connector.url, wendyId, 'Wendy Veilig');
  });

  afterAll(async () => {
    await bot.app.close();
    await connector.stop();
    await openId.stop();
    consoleError.mockRestore();
  });

  /** The claims the Bot Framework puts on a token for a Teams activity to this bot, valid for an hour. */
  function teamsClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    const now = Math.floor(Date.now() / 1000);
    return { iss: 'https://api.botframework.com', aud: appId, serviceurl: connector.url, nbf: now - 60, iat: now - 60, exp: now + 3600, ...overrides };
  }

  /** Wendy types `signaal`, with the given Authorization header (none when undefined). */
  async function sayWith(authorization: string | undefined): Promise<{ status: number; text: string }> {
    const response = await fetch(bot.botUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization === undefined ? {} : { authorization }) },
      body: JSON.stringify(wendy.activity({ type: 'message', text: 'signaal' })),
    });
    return { status: response.status, text: await response.text() };
  }

  const now = () => Math.floor(Date.now() / 1000);
  const rejected: Array<[string, () => string | undefined]> = [
    ['no Authorization header', () => undefined],
    ['an empty Authorization header', () => ''],
    ['another scheme than Bearer', () => `Basic ${openId.sign(teamsClaims())}`],
    ['a token that is no JWT', () => 'Bearer not-a-token'],
    ['a token signed by another key under the published key id', () => `Bearer ${openId.sign(teamsClaims(), { ...newSigningKey(), kid: openId.key.kid })}`],
    ['a token signed by a key the metadata does not publish', () => `Bearer ${openId.sign(teamsClaims(), newSigningKey())}`],
    ['an HS256 token keyed with the public key', () => `Bearer ${openId.signWithPublicKeyAsSecret(teamsClaims())}`],
    ['a token for another bot (audience)', () => `Bearer ${openId.sign(teamsClaims({ aud: 'ffffffff-0000-4000-8000-000000000000' }))}`],
    ['a token without an audience', () => `Bearer ${openId.sign(teamsClaims({ aud: undefined }))}`],
    // botbuilder allows five minutes of clock skew; this one expired ten minutes ago.
    ['an expired token', () => `Bearer ${openId.sign(teamsClaims({ nbf: now() - 7200, iat: now() - 7200, exp: now() - 600 }))}`],
    ['a token not valid until ten minutes from now', () => `Bearer ${openId.sign(teamsClaims({ nbf: now() + 600 }))}`],
    ['a token for another serviceUrl than the activity names', () => `Bearer ${openId.sign(teamsClaims({ serviceurl: 'https://smba.example.invalid/teams/' }))}`],
    ['a token from another issuer', () => `Bearer ${openId.sign(teamsClaims({ iss: 'https://issuer.example.invalid/' }))}`],
  ];

  test.each(rejected)('%s is refused with 401, no error text, and the bot does nothing', async (_case, authorization) => {
    const calls = connector.calls.length;
    const logLines = bot.logs.lines.length;
    const answer = await sayWith(authorization());
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.text)).toEqual({ error: 'unauthorized' });
    await bot.app.idle();
    expect(connector.calls.slice(calls)).toEqual([]);
    // A rejected caller is not a failure of ours: nothing went down the 500 or turn-error path.
    expect(bot.logs.lines.slice(logLines).join('')).not.toMatch(/activity failed|turn failed/);
  });

  test('a gzip body without a token is refused with 415 before any token check, and the bot does nothing', async () => {
    const calls = connector.calls.length;
    const response = await fetch(bot.botUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify(wendy.activity({ type: 'message', text: 'signaal' }))),
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({ error: 'unsupported_content_encoding' });
    await bot.app.idle();
    expect(connector.calls.slice(calls)).toEqual([]);
  });

  test('a valid Bot Framework token, checked against the local keys, is accepted and the turn runs: Wendy gets the form', async () => {
    const before = connector.calls.length;
    const answer = await sayWith(`Bearer ${openId.sign(teamsClaims())}`);
    expect(answer.status).toBe(200);
    const reply = await connector.waitFor((c) => c.method === 'send' && connector.calls.indexOf(c) >= before, 'the form');
    expect(reply.conversationId).toBe(wendy.conversationId);
    expect(inputLabelled((reply.body.attachments as Array<{ content: unknown }>)[0]!.content, 'Voornaam')).toBeDefined();
    // The turn's own reply is signed like every other call the bot makes to Teams.
    expect(reply.authorization).toBe(OFFLINE_BOT_TOKEN);
    expect(openId.metadataRequests).toBeGreaterThan(0);
  });
});
