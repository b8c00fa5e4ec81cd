/**
 * On time, every time, with a clock the test moves: a Friday-night signal waits for Monday's
 * working window (nobody is woken), the school's contacts are reminded before the due time, the
 * municipality's coordinators are told when nobody picked it up — without the child's name — and
 * the first coordinator to take it on is shown on the others' cards, in place.
 */
import type { Directory } from '../../src/domain/directory';
import { buttonTitled, visibleText } from '../support/card-query';
import { FakeBotConnector, type ConnectorCall } from '../support/fake-bot-connector';
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

describe('on time: working window, reminder and escalation', () => {
  const connector = new FakeBotConnector();
  const clock = new FixedClock(amsterdam('2026-12-04', '21:00')); // a Friday night
  let bot: RunningBot;
  let wendy: TeamsUser, carla: TeamsUser, bram: TeamsUser, cor: TeamsUser, coby: TeamsUser;
  let reference = '';

  beforeAll(async () => {
    await connector.start();
    bot = await startBot({ directoryFile: writeDirectoryFile(directory), connectorUrl: connector.url, clock });
    const user = (id: string, name: string) => new TeamsUser(bot.botUrl, connector.url, id, name);
    [wendy, carla, bram, cor, coby] = [
      user(ids.wendy, 'Wendy Veilig'),
      user(ids.carla, 'Carla Contact'),
      user(ids.bram, 'Bram Backup'),
      user(ids.cor, 'Cor Coördinator'),
      user(ids.coby, 'Coby Coördinator'),
    ];
  });

  afterAll(async () => {
    await bot.app.close();
    await connector.stop();
  });

  const sendsTo = (user: TeamsUser, from = 0) =>
    connector.calls.slice(from).filter((c) => c.conversationId === user.conversationId && c.method === 'send');
  const cardOf = (call: ConnectorCall) => ((call.body.attachments as Array<{ content: Record<string, unknown> }>) ?? [])[0]?.content ?? {};

  test('a signal issued on Friday night reaches nobody before the working window', async () => {
    const answer = await wendy.press('signal.submit', {
      children: 1,
      firstName_0: 'Sanne',
      lastName_0: 'Vermeulen',
      birthDate_0: '2017-03-15',
      schoolId_0: '12AB00',
    });
    reference = /HWC-[0-9A-Z]{5}/.exec(visibleText((answer.body as CardValue).value))?.[0] ?? '';
    expect(reference).not.toBe('');
    await bot.app.idle();
    clock.set(amsterdam('2026-12-07', '06:59')); // Monday, one minute before the window opens
    await bot.app.tick();
    expect(sendsTo(carla)).toEqual([]);
    expect(sendsTo(bram)).toEqual([]);
  });

  test('on Monday at 07:00 both contacts get the card', async () => {
    clock.set(amsterdam('2026-12-07', '07:00'));
    await bot.app.tick();
    expect(visibleText(cardOf(sendsTo(carla)[0]!))).toContain('Sanne Vermeulen');
    expect(visibleText(cardOf(sendsTo(bram)[0]!))).toContain('Sanne Vermeulen');
  });

  test('30 minutes before the 08:30 due time, nobody having picked it up, both contacts are reminded by reference', async () => {
    const before = connector.calls.length;
    clock.set(amsterdam('2026-12-07', '07:59'));
    await bot.app.tick();
    expect(sendsTo(carla, before)).toEqual([]);
    clock.set(amsterdam('2026-12-07', '08:00'));
    await bot.app.tick();
    for (const contact of [carla, bram]) {
      const [reminder] = sendsTo(contact, before);
      const text = visibleText(cardOf(reminder!));
      expect(text).toContain(reference);
      expect(text).not.toContain('Sanne');
    }
    await bot.app.tick();
    expect(sendsTo(carla, before)).toHaveLength(1);
  });

  test('30 minutes after the due time the coordinators are told, with the contacts’ names and without the child’s', async () => {
    const before = connector.calls.length;
    clock.set(amsterdam('2026-12-07', '09:00'));
    await bot.app.tick();
    for (const coordinator of [cor, coby]) {
      const [escalation] = sendsTo(coordinator, before);
      const card = cardOf(escalation!);
      const text = visibleText(card);
      expect(text).toContain(reference);
      expect(text).toContain('Carla Contact');
      expect(text).toContain('Bram Backup');
      expect(text).not.toContain('Sanne');
      expect(text).not.toContain('2017');
      expect(buttonTitled(card, 'Ik neem contact op')?.verb).toBe('escalation.take');
    }
  });

  test('the first coordinator to take it on is shown on the other’s card, updated in place', async () => {
    const before = connector.calls.length;
    const corCard = cardOf(sendsTo(cor).at(-1)!);
    const signalId = String(buttonTitled(corCard, 'Ik neem contact op')?.data.signalId);
    const answer = await cor.press('escalation.take', { signalId });
    expect(visibleText((answer.body as CardValue).value)).toContain('Cor Coördinator');
    await bot.app.idle();
    const cobyEscalation = sendsTo(coby).at(-1)!;
    const update = connector.calls.slice(before).find((c) => c.method === 'update' && c.conversationId === coby.conversationId);
    expect(update?.activityId).toBe(cobyEscalation.activityId);
    expect(visibleText(cardOf(update!))).toContain('Cor Coördinator');
    const late = await coby.press('escalation.take', { signalId });
    expect(visibleText((late.body as CardValue).value)).toContain('Cor Coördinator');
  });

  test('once picked up, no further reminder or escalation is sent', async () => {
    const signalId = String(buttonTitled(cardOf(sendsTo(carla)[0]!), 'Gezien')?.data.signalId);
    await carla.press('signal.acknowledge', { signalId });
    await bot.app.idle();
    const before = connector.calls.length;
    clock.set(amsterdam('2026-12-07', '12:00'));
    await bot.app.tick();
    expect(connector.calls.slice(before).filter((c) => c.method === 'send')).toEqual([]);
  });
});
