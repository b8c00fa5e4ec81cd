/**
 * A card Teams refuses for good: the chat is marked unreachable so nothing is tried there again
 * until the person writes to the bot, every admin is told (by reference, never the child), and a
 * school nobody can be reached at is escalated to the coordinators at once, not at the deadline.
 */
import type { Directory } from '../../src/domain/directory';
import { visibleText } from '../support/card-query';
import { FakeBotConnector, type ConnectorCall } from '../support/fake-bot-connector';
import { nl } from '../../cards/i18n/nl';
import { FixedClock } from '../support/fixed-clock';
import { startBot, writeDirectoryFile, type RunningBot } from '../support/running-bot';
import { TeamsUser } from '../support/teams-user';

const ids = {
  wendy: '11111111-1111-4111-8111-111111111111',
  carla: '22222222-2222-4222-8222-222222222222',
  ada: '88888888-8888-4888-8888-888888888881',
  cor: '77777777-7777-4777-8777-777777777771',
};

const directory: Directory = {
  municipalities: [{ id: 'GM0917', name: 'Heerlen', routing: 'direct' }],
  schools: [{ id: '12AB00', name: 'Basisschool De Regenboog', municipalityId: 'GM0917' }],
  members: [
    { aadObjectId: ids.wendy, name: 'Wendy Veilig', roles: [{ role: 'vt_worker', municipalityIds: ['GM0917'] }] },
    { aadObjectId: ids.carla, name: 'Carla Contact', roles: [{ role: 'school_contact', schoolId: '12AB00', rank: 'primary' }] },
    { aadObjectId: ids.ada, name: 'Ada Beheer', roles: [{ role: 'admin' }] },
    { aadObjectId: ids.cor, name: 'Cor Coördinator', roles: [{ role: 'coordinator', municipalityIds: ['GM0917'] }] },
  ],
};

const cardOf = (call: ConnectorCall) => ((call.body.attachments as Array<{ content: Record<string, unknown> }>) ?? [])[0]?.content ?? {};

describe('a chat Teams refuses for good', () => {
  const connector = new FakeBotConnector();
  const clock = new FixedClock('2026-12-01T10:00:00+01:00'); // a Tuesday morning
  let bot: RunningBot;
  let wendy: TeamsUser, carla: TeamsUser, ada: TeamsUser;

  beforeAll(async () => {
    await connector.start();
    bot = await startBot({ directoryFile: writeDirectoryFile(directory), connectorUrl: connector.url, clock });
    const user = (id: string, name: string) => new TeamsUser(bot.botUrl, connector.url, id, name);
    [wendy, carla, ada] = [user(ids.wendy, 'Wendy Veilig'), user(ids.carla, 'Carla Contact'), user(ids.ada, 'Ada Beheer')];
    await carla.install();
    await ada.install();
  });

  afterAll(async () => {
    await bot.app.close();
    await connector.stop();
  });

  const issue = async (firstName: string) => {
    const answer = await wendy.press('signal.submit', { children: 1, firstName_0: firstName, lastName_0: 'Jacobs', birthDate_0: '2016-04-02', schoolId_0: '12AB00' });
    return /HWC-[0-9A-Z]{5}/.exec(visibleText((answer.body as { value: unknown }).value))?.[0] ?? '';
  };
  const sendsTo = (user: { conversationId: string }, from: number) =>
    connector.calls.slice(from).filter((c) => c.method === 'send' && c.conversationId === user.conversationId);

  test('the admin is told whose card failed and why, by reference, without the child', async () => {
    const before = connector.calls.length;
    connector.failNext(1, 403, undefined, { error: { code: 'BotNotInConversationRoster', message: 'not in roster' } });
    const reference = await issue('Femke');
    await bot.app.idle();
    const [alert] = sendsTo(ada, before);
    const text = visibleText(cardOf(alert!));
    expect(text).toContain(reference);
    expect(text).toContain('Carla Contact');
    expect(text).not.toContain('Femke');
    expect(text).not.toContain('2016');
  });

  test('a school nobody can be reached at goes to the coordinators at the next tick, without waiting for the deadline', async () => {
    const before = connector.calls.length;
    await bot.app.tick();
    const cor = { conversationId: `a:personal-${ids.cor}` };
    // The same tick may also bring the coordinator last week's digest: find the escalation.
    const escalation = sendsTo(cor, before).find((c) => visibleText(cardOf(c)).includes(nl.escalation.title));
    expect(escalation).toBeDefined();
    expect(visibleText(cardOf(escalation!))).toContain('Carla Contact');
    expect(visibleText(cardOf(escalation!))).not.toContain('Femke');
  });

  test('the next signal does not try the unreachable chat again', async () => {
    const before = connector.calls.length;
    await issue('Gijs');
    await bot.app.idle();
    expect(sendsTo(carla, before)).toEqual([]);
  });

  test('once the contact writes to the bot again, cards reach them again', async () => {
    await carla.say('help');
    const before = connector.calls.length;
    await issue('Hanna');
    await bot.app.idle();
    expect(sendsTo(carla, before).some((c) => visibleText(cardOf(c)).includes('Hanna Jacobs'))).toBe(true);
  });
});
