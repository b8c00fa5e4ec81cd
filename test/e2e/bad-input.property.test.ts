/**
 * Bad input at scale: 10,000 generated bodies to POST /api/messages — random JSON, real activities
 * with a field replaced by anything, card payloads of the wrong types, huge strings, prototype
 * keys. Never a 5xx, never an error text, no unhandled rejection, nothing stored, still healthy.
 */
import fc from 'fast-check';
import type { Directory } from '../../src/domain/directory';
import { FakeBotConnector } from '../support/fake-bot-connector';
import { FixedClock } from '../support/fixed-clock';
import { startBot, writeDirectoryFile, type RunningBot } from '../support/running-bot';
import { TENANT_ID, TeamsUser } from '../support/teams-user';

const workerId = '11111111-1111-4111-8111-111111111111';
const directory: Directory = {
  municipalities: [{ id: 'GM0917', name: 'Heerlen', routing: 'direct' }],
  schools: [{ id: '12AB00', name: 'Basisschool De Regenboog', municipalityId: 'GM0917' }],
  members: [{ aadObjectId: workerId, name: 'Wendy Veilig', roles: [{ role: 'vt_worker', municipalityIds: ['GM0917'] }] }],
};

const VERBS = ['signal.submit', 'signal.add_child', 'signal.acknowledge', 'signal.bounce', 'signal.forward', 'signal.no_school', 'signal.to_leerplicht', 'support.save', 'support.edit', 'escalation.take'];

describe('bad input at scale', () => {
  const connector = new FakeBotConnector();
  let bot: RunningBot;
  let stranger: TeamsUser;
  let worker: TeamsUser;
  let unhandled = 0;
  const onUnhandled = () => unhandled++;

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    await connector.start();
    // Only the test users' tenant is served: activities from any other are dropped at the door.
    bot = await startBot({
      directoryFile: writeDirectoryFile(directory),
      connectorUrl: connector.url,
      clock: new FixedClock('2026-12-01T10:00:00+01:00'),
      env: { LOG_LEVEL: 'silent', HWC_ALLOWED_TENANTS: TENANT_ID },
    });
    // Someone the directory does not know, and a worker whose every card payload is wrong.
    stranger = new TeamsUser(bot.botUrl, connector.url, '99999999-9999-4999-8999-999999999999', 'Onbekend');
    worker = new TeamsUser(bot.botUrl, connector.url, workerId, 'Wendy Veilig');
  });

  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await bot.app.close();
    await connector.stop();
  });

  const post = async (body: string) => {
    const response = await fetch(bot.botUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return { status: response.status, text: await response.text() };
  };

  const anyValue = fc.oneof(
    fc.anything(),
    fc.string({ maxLength: 2_000 }),
    fc.constantFrom('__proto__', 'constructor', 'prototype'),
    fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf'), fc.anything()),
  );

  /** A real activity from a stranger or, for card payloads, a worker — with one part replaced. */
  const mutated = fc
    .tuple(
      fc.constantFrom('message', 'invoke', 'installationUpdate', 'conversationUpdate'),
      fc.constantFrom('type', 'channelId', 'serviceUrl', 'from', 'recipient', 'conversation', 'text', 'value', 'name', 'locale', 'channelData', 'id', 'replyToId'),
      anyValue,
    )
    .map(([type, field, value]) => JSON.stringify({ ...stranger.activity({ type, text: 'signaal', name: 'adaptiveCard/action' }), [field]: value }));

  /** Card actions of a real worker whose data has the wrong types: nothing may be stored. */
  const wrongCardData = fc
    .tuple(fc.constantFrom(...VERBS, 'unknown.verb'), fc.oneof(anyValue, fc.dictionary(fc.string({ maxLength: 20 }), anyValue)))
    .map(([verb, data]) =>
      JSON.stringify(
        worker.activity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data: { ...(typeof data === 'object' && data !== null ? data : { data }), birthDate_0: 'not a date' } } } }),
      ),
    );

  /**
   * Well-formed card buttons (a valid Action.Execute payload) and other invokes that are dropped
   * at the door: from another tenant, no tenant, another channel, or a group chat. Each must be
   * answered (a 4xx, or the group-chat notice), never left to botbuilder's 501.
   */
  const droppedInvokes = fc
    .tuple(
      fc.constantFrom(...VERBS, 'unknown.verb'),
      fc.dictionary(fc.constantFrom('signalId', 'schoolId', 'reason', 'categories', 'priorConcern'), fc.string({ maxLength: 40 })),
      fc.constantFrom('adaptiveCard/action', 'composeExtension/query', 'task/fetch'),
      fc.oneof(
        fc.uuid().map((tenantId) => ({ conversation: { id: 'a:elsewhere', conversationType: 'personal', tenantId }, channelData: { tenant: { id: tenantId } } })),
        fc.constant({ conversation: { id: 'a:no-tenant', conversationType: 'personal' }, channelData: {} }),
        fc.constantFrom('webchat', 'directline', 'emulator', 'slack', 'MSTEAMS').map((channelId) => ({ channelId })),
        fc.constant({ conversation: { id: '19:group', conversationType: 'groupChat', tenantId: TENANT_ID } }),
      ),
      fc.boolean(),
    )
    .map(([verb, data, name, from, asWorker]) =>
      JSON.stringify((asWorker ? worker : stranger).activity({ type: 'invoke', name, value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' }, ...from })),
    );

  const bodies = fc.oneof(
    fc.json().map((j) => j),
    fc.string({ maxLength: 500 }),
    mutated,
    wrongCardData,
    droppedInvokes,
    // Huge strings, past the 256 KB body limit and just under it; built, not generated, to stay fast.
    fc.tuple(fc.integer({ min: 200_000, max: 300_000 }), fc.string({ minLength: 1, maxLength: 1 })).map(([n, c]) => JSON.stringify({ type: 'message', text: c.repeat(n) })),
  );

  test('10,000 generated bodies: never a 5xx and never an error text', async () => {
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const { status, text } = await post(body);
        expect(status).toBeLessThan(500);
        expect(text).not.toMatch(/stack|TypeError|SyntaxError|ZodError|at .*\.(js|ts):\d+/);
      }),
      { numRuns: 10_000 },
    );
    await bot.app.idle();
  }, 300_000);

  test('afterwards: nothing was stored, no promise was left unhandled, and the bot is healthy', async () => {
    expect(unhandled).toBe(0);
    const before = connector.calls.length;
    await worker.say('status');
    const reply = await connector.waitFor((c) => c.method === 'send' && c.conversationId === worker.conversationId && connector.calls.indexOf(c) >= before);
    expect(JSON.stringify(reply.body)).not.toMatch(/HWC-[0-9A-Z]{5}/);
    const health = await fetch(bot.botUrl.replace('/api/messages', '/healthz'));
    expect(health.status).toBe(200);
  });
});
