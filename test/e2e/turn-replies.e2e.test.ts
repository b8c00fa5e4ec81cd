/**
 * A turn's own reply (the card that answers a command) goes to Teams through the bot's own Bot
 * Connector client, like every card the dispatcher sends: one request per reply, nothing retried
 * below the bot. botbuilder's client would try a 503 again on its own, out of the bot's sight.
 */
import { FakeBotConnector } from '../support/fake-bot-connector';
import { startBotWithAWorker } from '../support/bot-with-a-worker';
import type { RunningBot } from '../support/running-bot';
import type { TeamsUser } from '../support/teams-user';

describe("a turn's reply", () => {
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

  it('is one request to Teams: a 503 is not retried below the bot, and the user is told to try again instead', async () => {
    connector.failNextIn(worker.conversationId, 1, 503);

    const answer = await worker.say('help');
    await bot.app.idle();

    expect(answer.status).toBe(200);
    // The refused reply, then the notice the turn's error handler sends: no third, retried, copy.
    expect(connector.requestsIn(worker.conversationId).map((r) => [r.method, r.status])).toEqual([
      ['send', 503],
      ['send', 200],
    ]);
    const [notice] = connector.cardsIn(worker.conversationId);
    expect(JSON.stringify(notice?.card)).toContain('Er ging iets mis');
  });

  it('answers in the conversation it came from, as a reply to the message', async () => {
    const before = connector.calls.length;

    await worker.say('help');
    await bot.app.idle();

    const replies = connector.calls.slice(before);
    expect(replies.map((c) => [c.method, c.conversationId])).toEqual([['send', worker.conversationId]]);
    expect(replies[0]?.body).toMatchObject({ type: 'message', replyToId: expect.any(String), conversation: { id: worker.conversationId } });
  });
});
