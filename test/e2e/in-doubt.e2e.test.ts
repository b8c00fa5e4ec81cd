/**
 * A card whose send was given up on may still have reached the chat: Teams posts a message even
 * when the caller went away. Such a send is in doubt, and when the child is forgotten every copy
 * that may exist is either redrawn without the name or reported to the admins — never silently kept.
 */
import type { Directory } from '../../src/domain/directory';
import { visibleText } from '../support/card-query';
import { FakeBotConnector, cardOf } from '../support/fake-bot-connector';
import { startBot, writeDirectoryFile, type RunningBot } from '../support/running-bot';
import { readSqliteFile } from '../support/sqlite-file';
import { ShiftedClock } from '../support/shifted-clock';
import { TeamsUser } from '../support/teams-user';

const ids = {
  wendy: '11111111-1111-4111-8111-111111111111',
  carla: '22222222-2222-4222-8222-222222222222',
  ada: '77777777-7777-4777-8777-777777777777',
};

const directory: Directory = {
  municipalities: [{ id: 'GM0917', name: 'Heerlen', routing: 'direct', holidayRegion: 'zuid' }],
  schools: [{ id: '12AB00', name: 'Basisschool De Regenboog', municipalityId: 'GM0917' }],
  members: [
    { aadObjectId: ids.wendy, name: 'Wendy Veilig', roles: [{ role: 'vt_worker', municipalityIds: ['GM0917'] }] },
    { aadObjectId: ids.carla, name: 'Carla Contact', roles: [{ role: 'school_contact', schoolId: '12AB00', rank: 'primary' }] },
    { aadObjectId: ids.ada, name: 'Ada Beheer', roles: [{ role: 'admin' }] },
  ],
};

/** Amsterdam wall-clock time in March (UTC+1) as an instant. */
const amsterdam = (day: string, time: string) => new Date(`${day}T${time}:00+01:00`);

describe('a send given up on that Teams carried out all the same', () => {
  const connector = new FakeBotConnector();
  const clock = new ShiftedClock();
  let bot: RunningBot;

  beforeAll(async () => {
    clock.set(amsterdam('2026-03-09', '09:00')); // a Monday
    await connector.start();
    connector.postAfterCallerLeft();
    bot = await startBot({
      directoryFile: writeDirectoryFile(directory),
      connectorUrl: connector.url,
      clock,
      // A 2 s lease: a call is given up on after 1.6 s and retried when the lease runs out.
      env: { HWC_RELAY_INTERVAL_MS: '200', HWC_FORGET_INTERVAL_MS: '200', HWC_DISPATCH_LEASE_MS: '2000' },
      jitter: () => 0,
    });
  });

  afterAll(async () => {
    await bot.app.close();
    await connector.stop();
  });

  test('leaves no copy with the name unaccounted for: the admins are told and the audit trail says so', async () => {
    const wendy = new TeamsUser(bot.botUrl, connector.url, ids.wendy, 'Wendy Veilig');
    const carla = new TeamsUser(bot.botUrl, connector.url, ids.carla, 'Carla Contact');
    const ada = new TeamsUser(bot.botUrl, connector.url, ids.ada, 'Ada Beheer');
    // The first send to Carla is answered only after 3 s: the bot gives up before, Teams posts it.
    connector.delayNext(1, 3_000, carla.conversationId);
    await wendy.press('signal.submit', { children: 1, firstName_0: 'Sanne', lastName_0: 'Vermeulen', birthDate_0: '2017-03-15', schoolId_0: '12AB00' });
    await connector.waitFor((c) => c.conversationId === carla.conversationId && c.method === 'send' && connector.calls.filter((d) => d.conversationId === carla.conversationId && d.method === 'send').length === 2, 'two copies of the card in Carla\'s chat');
    const copies = connector.calls.filter((c) => c.conversationId === carla.conversationId && c.method === 'send');
    expect(copies.map((c) => visibleText(cardOf(c.body)).includes('Sanne'))).toEqual([true, true]);
    await bot.app.idle();

    // The latest moment to forget (17:00 on the third school day) passes.
    clock.set(amsterdam('2026-03-12', '16:59'));
    clock.set(new Date(amsterdam('2026-03-12', '17:00').getTime() + 100));
    const alert = await connector.waitFor((c) => c.conversationId === ada.conversationId && c.method === 'send', 'an alert to the admin');
    await bot.app.idle();

    // Every copy the bot knows is redrawn without the name ...
    const redrawn = connector.calls.filter((c) => c.conversationId === carla.conversationId && c.method === 'update');
    expect(redrawn.length).toBeGreaterThan(0);
    for (const update of redrawn) expect(visibleText(cardOf(update.body))).not.toContain('Sanne');
    // ... and the one it cannot redraw is reported, by reference only.
    const alertText = visibleText(cardOf(alert.body));
    expect(alertText).toMatch(/HWC-[0-9A-Z]{5}/);
    expect(alertText).not.toContain('Sanne');
    const rows = await readSqliteFile(bot.sqlitePath, (_, db) => db.prepare('SELECT document FROM audit').all() as Array<{ document: string }>);
    const actions = rows.map((r) => (JSON.parse(r.document) as { action: string }).action);
    expect(actions).toContain('card.copy_unaccounted');
  }, 30_000);
});
