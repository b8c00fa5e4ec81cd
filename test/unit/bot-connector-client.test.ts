/**
 * The bot's own Bot Connector client, against the fake Bot Connector: one request per call (the
 * dispatcher is the only one that retries), Teams' answers sorted into codes, a call cancelled at
 * its deadline reported in doubt, and the token from botbuilder's credentials on every request.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BotConnectorClient, type OutgoingActivity } from '../../bot/bot-connector-client';
import { TeamsMessenger } from '../../bot/teams-messenger';
import { MessengerError } from '../../src/ports';
import { aConversation } from '../fixtures/directory';
import { FakeBotConnector } from '../support/fake-bot-connector';
import { OFFLINE_BOT_TOKEN, offlineAuthentication } from '../support/offline-authentication';

const card: OutgoingActivity = { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard' } }] };

describe("the bot's own Bot Connector client", () => {
  const connector = new FakeBotConnector();
  const client = new BotConnectorClient();
  beforeAll(() => connector.start());
  afterAll(async () => {
    await client.close();
    await connector.stop();
  });

  it('sends and updates a card with one request each, answering the message id', async () => {
    const { id } = await client.sendActivity(connector.url, 'a:one', card);
    await client.updateActivity(connector.url, 'a:one', id, card);
    expect(connector.requestsIn('a:one').map((r) => [r.method, r.status])).toEqual([
      ['send', 200],
      ['update', 200],
    ]);
  });

  it('tries a refused call once and says why in codes: retry later, or final', async () => {
    connector.failNextIn('a:two', 1, 429, { 'retry-after': '2' });
    await expect(client.sendActivity(connector.url, 'a:two', card)).rejects.toMatchObject({ code: 'http_429_Throttled', retryable: true, retryAfterMs: 2000, inDoubt: false });
    connector.failNextIn('a:two', 1, 403, {}, { error: { code: 'BotNotInConversationRoster' } });
    await expect(client.sendActivity(connector.url, 'a:two', card)).rejects.toMatchObject({ code: 'http_403_BotNotInConversationRoster', retryable: false });
    expect(connector.requestsIn('a:two')).toHaveLength(2);
  });

  it('cancels a call at its deadline and reports the send in doubt: Teams may post it all the same', async () => {
    connector.postAfterCallerLeft();
    connector.delayNext(1, 500, 'a:three');
    const error = await client.sendActivity(connector.url, 'a:three', card, AbortSignal.timeout(50)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MessengerError);
    expect(error).toMatchObject({ code: 'timeout', retryable: true, inDoubt: true });
    // The copy the bot never learned the id of.
    await connector.waitFor((c) => c.conversationId === 'a:three' && c.method === 'send', 'the abandoned send to be posted');
  });

  it('reports a connection that was refused as not sent, so nothing can be in doubt', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(client.sendActivity(`http://127.0.0.1:${port}/`, 'a:four', card)).rejects.toMatchObject({ retryable: true, inDoubt: false });
  });

  it("asks for a conversation's member with one GET; the messenger reads the UPN and e-mail address, and only about the chat's own user", async () => {
    const jan = '44444444-4444-4444-8444-444444444444';
    connector.users.set(jan, { userPrincipalName: 'jan@school.example', email: 'Jan@school.example' });
    expect(await client.getConversationMember(connector.url, 'a:six', `29:${jan}`)).toMatchObject({ aadObjectId: jan, userPrincipalName: 'jan@school.example' });
    expect(connector.memberLookups).toContainEqual({ conversationId: 'a:six', userId: `29:${jan}` });

    const messenger = new TeamsMessenger(client, { appId: '', serviceUrl: connector.url });
    const chat = aConversation({ memberId: jan, userId: `29:${jan}`, conversationId: 'a:six', serviceUrl: connector.url });
    expect(await messenger.lookUpUser(chat)).toEqual({ userPrincipalName: 'jan@school.example', email: 'Jan@school.example' });
    // Teams answering about someone else (another user id in the same chat) names nobody.
    expect(await messenger.lookUpUser({ ...chat, userId: '29:55555555-5555-4555-8555-555555555555' })).toEqual({});
  });

  it("signs each request with the token from botbuilder's credentials", async () => {
    const { credentialsFactory } = offlineAuthentication({ appId: 'app-1', appPassword: 'secret' }, 'http://127.0.0.1:1/unused');
    const seen: string[] = [];
    const listening = createServer((req, res) => {
      seen.push(String(req.headers.authorization));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'activity-1' }));
    });
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
    try {
      const signed = new BotConnectorClient(() => credentialsFactory.createCredentials('app-1', undefined, '', true));
      await signed.sendActivity(`http://127.0.0.1:${(listening.address() as AddressInfo).port}/`, 'a:five', card);
      expect(seen).toEqual([OFFLINE_BOT_TOKEN]);
    } finally {
      listening.closeAllConnections();
      await new Promise<void>((resolve) => listening.close(() => resolve()));
    }
  });

  it("keeps a service URL's own path (a Teams region's) in front of every call's path", async () => {
    const paths: string[] = [];
    const listening = createServer((req, res) => {
      paths.push(`${req.method} ${req.url}`);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'activity-1' }));
    });
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
    try {
      await client.sendActivity(`${origin}/emea/`, 'a:seven', card);
      await client.updateActivity(`${origin}/emea`, 'a:seven', 'activity-1', card);
      await client.sendActivity(origin, 'a:eight', card);
      expect(paths).toEqual(['POST /emea/v3/conversations/a%3Aseven/activities', 'PUT /emea/v3/conversations/a%3Aseven/activities/activity-1', 'POST /v3/conversations/a%3Aeight/activities']);
    } finally {
      listening.closeAllConnections();
      await new Promise<void>((resolve) => listening.close(() => resolve()));
    }
  });

  it('refuses a service URL it cannot read as final, without calling anyone: nothing can be in doubt', async () => {
    for (const serviceUrl of ['not a url', 'mailto:teams@example.org']) {
      await expect(client.sendActivity(serviceUrl, 'a:nine', card)).rejects.toMatchObject({ code: 'invalid_service_url', retryable: false, inDoubt: false });
    }
  });

  it('closes once however often it is asked, and hands a call after that back unsent', async () => {
    const closing = new BotConnectorClient();
    await closing.sendActivity(connector.url, 'a:ten', card);
    await Promise.all([closing.close(), closing.close()]);
    await closing.close();
    await expect(closing.sendActivity(connector.url, 'a:ten', card)).rejects.toMatchObject({ code: 'handed_back', retryable: true, inDoubt: false });
    expect(connector.requestsIn('a:ten')).toHaveLength(1);
  });
});
