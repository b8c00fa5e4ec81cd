/**
 * Two instances of the app on one store — as two processes behind a load balancer would run on
 * one Cosmos DB; here on one SQLite file, whose handle they share (a process holds its file
 * alone) — with one clock the test moves and one Bot Connector. Their scheduler ticks run at the
 * same moment (both read the same due work; one wins the conditional write, the other's write
 * conflicts), yet every card, reminder, escalation and in-place update reaches Teams exactly
 * once. The last test also shows B acting on the signal A stored: the store is really shared.
 */
import type { Directory } from '../../src/domain/directory';
import { buttonTitled, visibleText } from '../support/card-query';
import { cardOf, FakeBotConnector, type ConnectorCall } from '../support/fake-bot-connector';
import { FixedClock } from '../support/fixed-clock';
import { startBot, writeDirectoryFile, type RunningBot } from '../support/running-bot';
import { TeamsUser } from '../support/teams-user';

const ids = {
  wendy: '11111111-1111-4111-8111-111111111111',
  carla: '22222222-2222-4222-8222-222222222222',
  bram: '33333333-3333-4333-8333-333333333333',
  cor: '77777777-7777-4777-8777-777777777771',
  coby: '77777777-7777-4777-8777-777777777772',
};

const directory: Directory = {
  municipalities: [{ id: 'GM0917', name: 'Heerlen', routing: 'direct', holidayRegion: 'zuid' }],
  schools: [{ id: '12AB00', name: 'Basisschool De Regenboog', municipalityId: 'GM0917' }],
  members: [
    { aadObjectId: ids.wendy, name: 'Wendy Veilig', roles: [{ role: 'vt_worker', municipalityIds: ['GM0917'] }] },
    { aadObjectId: ids.carla, name: 'Carla Contact', roles: [{ role: 'school_contact', schoolId: '12AB00', rank: 'primary' }] },
    { aadObjectId: ids.bram, name: 'Bram Backup', roles: [{ role: 'school_contact', schoolId: '12AB00', rank: 'backup' }] },
    { aadObjectId: ids.cor, name: 'Cor Coördinator', roles: [{ role: 'coordinator', municipalityIds: ['GM0917'] }] },
    { aadObjectId: ids.coby, name: 'Coby Coördinator', roles: [{ role: 'coordinator', municipalityIds: ['GM0917'] }] },
  ],
};

/** Amsterdam wall-clock time in December (UTC+1) as an instant. */
const amsterdam = (day: string, time: string) => new Date(`${day}T${time}:00+01:00`);

type CardValue = { value: Record<string, unknown> };

describe('two instances on one store: exactly once', () => {
  const connector = new FakeBotConnector();
  const clock = new FixedClock(amsterdam('2026-12-04', '21:00')); // a Friday night
  let a: RunningBot, b: RunningBot;
  let wendy: TeamsUser, carla: TeamsUser, bram: TeamsUser, cor: TeamsUser, coby: TeamsUser;
  let reference = '';

  beforeAll(async () => {
    await connector.start();
    const directoryFile = writeDirectoryFile(directory);
    a = await startBot({ directoryFile, connectorUrl: connector.url, clock });
    b = await startBot({ directoryFile, connectorUrl: connector.url, clock, sqlitePath: a.sqlitePath });
    // Wendy talks to instance A; B only ever runs its scheduler (and, later, takes a coordinator's press).
    const user = (id: string, name: string) => new TeamsUser(a.botUrl, connector.url, id, name);
    [wendy, carla, bram, cor, coby] = [
      user(ids.wendy, 'Wendy Veilig'),
      user(ids.carla, 'Carla Contact'),
      user(ids.bram, 'Bram Backup'),
      user(ids.cor, 'Cor Coördinator'),
      user(ids.coby, 'Coby Coördinator'),
    ];
  });

  afterAll(async () => {
    if (process.env.HWC_DEBUG_LOGS) process.stdout.write(a.logs.text + b.logs.text);
    await a?.app.close();
    await b?.app.close();
    await connector.stop();
  });

  /** Both instances tick at the same moment, as two processes' timers would. */
  const tickBoth = () => Promise.all([a.app.tick(), b.app.tick()]);
  const sendsTo = (user: TeamsUser) =>
    connector.calls.filter((c) => c.method === 'send' && c.conversationId === user.conversationId && visibleText(cardOf(c.body)).includes(reference));
  /** The signal's card carries the child's name; reminders and escalations never do. */
  const isSignalCard = (call: ConnectorCall) => visibleText(cardOf(call.body)).includes('Sanne Vermeulen');

  test('a signal issued through A on Friday night is sent by neither instance before Monday’s window', async () => {
    expect(b.sqlitePath).toBe(a.sqlitePath);
    expect(a.botUrl).not.toBe(b.botUrl);
    const answer = await wendy.press('signal.submit', {
      children: 1,
      firstName_0: 'Sanne',
      lastName_0: 'Vermeulen',
      birthDate_0: '2017-03-15',
      schoolId_0: '12AB00',
    });
    reference = /HWC-[0-9A-Z]{5}/.exec(visibleText((answer.body as CardValue).value))?.[0] ?? '';
    expect(reference).not.toBe('');
    await Promise.all([a.app.idle(), b.app.idle()]);
    clock.set(amsterdam('2026-12-07', '06:59')); // Monday, one minute before the window opens
    await tickBoth();
    expect(connector.calls.filter((c) => c.method === 'send')).toEqual([]);
  });

  test('at 07:00 on Monday both instances tick at once: each contact gets the card exactly once', async () => {
    clock.set(amsterdam('2026-12-07', '07:00'));
    // Slow answers keep the winner's sends on their way while both instances tick once more.
    connector.delayNext(1, 100, carla.conversationId);
    connector.delayNext(1, 100, bram.conversationId);
    const first = tickBoth();
    await connector.waitForRequest((r) => r.conversationId === carla.conversationId);
    await Promise.all([first, tickBoth()]);
    await tickBoth();
    for (const contact of [carla, bram]) {
      expect(sendsTo(contact)).toHaveLength(1);
      expect(isSignalCard(sendsTo(contact)[0]!)).toBe(true);
    }
  });

  test('at 08:00, 30 minutes before the due time, each contact is reminded exactly once', async () => {
    clock.set(amsterdam('2026-12-07', '08:00'));
    await tickBoth();
    await tickBoth();
    for (const contact of [carla, bram]) {
      const reminders = sendsTo(contact).filter((c) => !isSignalCard(c));
      expect(reminders).toHaveLength(1);
      expect(sendsTo(contact)).toHaveLength(2);
    }
  });

  test('at 09:00, 30 minutes after the due time, each coordinator gets the escalation exactly once', async () => {
    clock.set(amsterdam('2026-12-07', '09:00'));
    await tickBoth();
    await tickBoth();
    for (const coordinator of [cor, coby]) {
      expect(sendsTo(coordinator)).toHaveLength(1);
      expect(buttonTitled(cardOf(sendsTo(coordinator)[0]!.body), 'Ik neem contact op')?.verb).toBe('escalation.take');
    }
    for (const contact of [carla, bram]) expect(sendsTo(contact)).toHaveLength(2);
  });

  test('a coordinator taking it on through B, while both instances tick, updates the other’s card exactly once', async () => {
    const signalId = String(buttonTitled(cardOf(sendsTo(cor)[0]!.body), 'Ik neem contact op')?.data.signalId);
    const corThroughB = new TeamsUser(b.botUrl, connector.url, ids.cor, 'Cor Coördinator');
    const [answer] = await Promise.all([corThroughB.press('escalation.take', { signalId }), tickBoth()]);
    expect(visibleText((answer.body as CardValue).value)).toContain('Cor Coördinator');
    await Promise.all([a.app.idle(), b.app.idle()]);
    clock.set(amsterdam('2026-12-07', '09:30'));
    await tickBoth();
    const cobyEscalation = sendsTo(coby)[0]!;
    const updates = connector.calls.filter((c) => c.method === 'update' && c.conversationId === coby.conversationId);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.activityId).toBe(cobyEscalation.activityId);
    expect(visibleText(cardOf(updates[0]!.body))).toContain('Cor Coördinator');
    // Nothing was sent anew to anyone.
    for (const [user, count] of [[carla, 2], [bram, 2], [cor, 1], [coby, 1]] as const) expect(sendsTo(user)).toHaveLength(count);
  });
});
