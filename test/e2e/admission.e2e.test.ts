/**
 * Who may come in: only Teams, only the tenants this deployment serves, and signals only in a
 * person's 1:1 chat. Everything else is dropped with an audit entry; in a group chat the bot only
 * says where it works and shows nothing.
 */
import type { Directory } from '../../src/domain/directory';
import { inputLabelled, visibleText } from '../support/card-query';
import { FakeBotConnector } from '../support/fake-bot-connector';
import { FixedClock } from '../support/fixed-clock';
import { startBot, writeDirectoryFile, type RunningBot } from '../support/running-bot';
import { TENANT_ID, TeamsUser } from '../support/teams-user';

const wendyId = '11111111-1111-4111-8111-111111111111';
const directory: Directory = {
  municipalities: [{ id: 'GM0917', name: 'Heerlen', routing: 'direct' }],
  schools: [{ id: '12AB00', name: 'Basisschool De Regenboog', municipalityId: 'GM0917' }],
  members: [{ aadObjectId: wendyId, name: 'Wendy Veilig', roles: [{ role: 'vt_worker', municipalityIds: ['GM0917'] }] }],
};

describe('who may come in', () => {
  const connector = new FakeBotConnector();
  let bot: RunningBot;
  let wendy: TeamsUser;

  beforeAll(async () => {
    await connector.start();
    bot = await startBot({
      directoryFile: writeDirectoryFile(directory),
      connectorUrl: connector.url,
      clock: new FixedClock('2026-12-01T10:00:00+01:00'),
      env: { HWC_ALLOWED_TENANTS: TENANT_ID },
    });
    wendy = new TeamsUser(bot.botUrl, connector.url, wendyId, 'Wendy Veilig');
  });

  afterAll(async () => {
    await bot.app.close();
    await connector.stop();
  });

  test('a member of the allowed tenant in a personal chat gets the form', async () => {
    const before = connector.calls.length;
    await wendy.say('signaal');
    const reply = await connector.waitFor((c) => c.method === 'send' && connector.calls.indexOf(c) >= before);
    expect(inputLabelled((reply.body.attachments as Array<{ content: unknown }>)[0]!.content, 'Voornaam')).toBeDefined();
  });

  test('the same person from another tenant gets nothing at all', async () => {
    const before = connector.calls.length;
    const other = 'aaaaaaaa-0000-4000-8000-000000000000';
    const answer = await wendy.post({ type: 'message', text: 'signaal', conversation: { id: 'a:other', conversationType: 'personal', tenantId: other }, channelData: { tenant: { id: other } } });
    expect(answer.status).toBeLessThan(500);
    await bot.app.idle();
    expect(connector.calls.slice(before)).toEqual([]);
  });

  test('another channel than Teams gets nothing', async () => {
    const before = connector.calls.length;
    const answer = await wendy.post({ type: 'message', text: 'signaal', channelId: 'webchat' });
    expect(answer.status).toBeLessThan(500);
    await bot.app.idle();
    expect(connector.calls.slice(before)).toEqual([]);
  });

  /** A card button with a well-formed Action.Execute payload, as Teams would send it. */
  const button = { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'signal.acknowledge', data: { signalId: wendyId } }, trigger: 'manual' } };
  const other = 'aaaaaaaa-0000-4000-8000-000000000000';

  test.each([
    ['from another tenant', { conversation: { id: 'a:other', conversationType: 'personal', tenantId: other }, channelData: { tenant: { id: other } } }],
    ['from another channel', { channelId: 'webchat' }],
    ['from a tenant that is not said', { conversation: { id: 'a:none', conversationType: 'personal' }, channelData: {} }],
  ])('a card button pressed %s is refused with 403, never a 5xx, and nothing is sent', async (_from, fields) => {
    const before = connector.calls.length;
    const answer = await wendy.post({ ...button, ...fields });
    expect(answer.status).toBe(403);
    await bot.app.idle();
    expect(connector.calls.slice(before)).toEqual([]);
  });

  test('any other invoke from another tenant is refused the same way', async () => {
    const answer = await wendy.post({ type: 'invoke', name: 'composeExtension/query', value: {}, conversation: { id: 'a:other', conversationType: 'personal', tenantId: other }, channelData: { tenant: { id: other } } });
    expect(answer.status).toBe(403);
  });

  test('in a group chat the bot only says it works in a personal chat, with no form', async () => {
    const before = connector.calls.length;
    await wendy.post({ type: 'message', text: 'signaal', conversation: { id: '19:group', conversationType: 'groupChat', tenantId: TENANT_ID } });
    const reply = await connector.waitFor((c) => c.method === 'send' && connector.calls.indexOf(c) >= before);
    const card = (reply.body.attachments as Array<{ content: unknown }>)[0]!.content;
    expect(visibleText(card)).toContain('persoonlijke chat');
    expect(inputLabelled(card, 'Voornaam')).toBeUndefined();
    expect(reply.conversationId).toBe('19:group');
  });

  test('a card button pressed in a group chat is answered with that notice as its card', async () => {
    const answer = await wendy.post({ ...button, conversation: { id: '19:group', conversationType: 'groupChat', tenantId: TENANT_ID } });
    expect(answer.status).toBe(200);
    expect(visibleText((answer.body as { value: unknown }).value)).toContain('persoonlijke chat');
  });
});
