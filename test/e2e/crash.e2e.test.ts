/**
 * Delivery survives a crash: the real bot runs as a child process, is killed (SIGKILL) after the
 * signal was committed while its card is still on the way to Teams, and a new process on the same
 * SQLite file sends the card once the dead process's lease has run out — exactly once.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Directory } from '../../src/domain/directory';
import type { Signal } from '../../src/domain/signal';
import { freePort, kill, startBotProcess, stopGracefully } from '../support/bot-process';
import { visibleText } from '../support/card-query';
import { FakeBotConnector } from '../support/fake-bot-connector';
import { writeDirectoryFile } from '../support/running-bot';
import { TeamsUser } from '../support/teams-user';

const ids = {
  wendy: '11111111-1111-4111-8111-111111111111',
  carla: '22222222-2222-4222-8222-222222222222',
};
const directory: Directory = {
  municipalities: [{ id: 'GM0917', name: 'Heerlen', routing: 'direct' }],
  schools: [{ id: '12AB00', name: 'Basisschool De Regenboog', municipalityId: 'GM0917' }],
  members: [
    { aadObjectId: ids.wendy, name: 'Wendy Veilig', roles: [{ role: 'vt_worker', municipalityIds: ['GM0917'] }] },
    { aadObjectId: ids.carla, name: 'Carla Contact', roles: [{ role: 'school_contact', schoolId: '12AB00', rank: 'primary' }] },
  ],
};

describe('a crash between the commit and the card reaching Teams', () => {
  const connector = new FakeBotConnector();
  const children: ChildProcess[] = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    await connector.start();
    env = {
      NODE_ENV: 'test',
      PORT: String(await freePort()),
      HWC_SQLITE_PATH: join(mkdtempSync(join(tmpdir(), 'hwc-crash-')), 'hwc.sqlite'),
      HWC_DIRECTORY_FILE: writeDirectoryFile(directory),
      HWC_TEAMS_SERVICE_URL: connector.url,
      // Short lease and tick, so the restarted process takes the dead one's work over quickly;
      // quiet time off, so the test does not depend on the day it runs.
      HWC_DISPATCH_LEASE_MS: '1500',
      HWC_RELAY_INTERVAL_MS: '200',
      HWC_QUIET_TIME: 'off',
      LOG_LEVEL: 'info',
    };
  });

  afterAll(async () => {
    await Promise.all(children.map(kill));
    await connector.stop();
  });

  test('the card arrives exactly once after the killed process is replaced', async () => {
    const first = await startBotProcess(env);
    children.push(first);
    const botUrl = `http://127.0.0.1:${env.PORT}/api/messages`;
    const wendy = new TeamsUser(botUrl, connector.url, ids.wendy, 'Wendy Veilig');
    const carla = new TeamsUser(botUrl, connector.url, ids.carla, 'Carla Contact');
    await carla.install();

    // Teams holds the card's request unanswered; the process dies while it waits.
    connector.delayNext(1, 3_000, carla.conversationId);
    const requestsBefore = connector.requests.length;
    const answer = await wendy.press('signal.submit', { children: 1, firstName_0: 'Pien', lastName_0: 'Maas', birthDate_0: '2016-04-02', schoolId_0: '12AB00' });
    const reference = /HWC-[0-9A-Z]{5}/.exec(visibleText((answer.body as { value: unknown }).value))?.[0];
    expect(reference).toBeDefined();
    const held = await connector.waitForRequest(
      (r) => r.conversationId === carla.conversationId && r.method === 'send' && connector.requests.indexOf(r) >= requestsBefore,
      'the card on its way',
    );
    await kill(first);

    const second = await startBotProcess(env);
    children.push(second);
    const delivered = await connector.waitFor(
      (c) => c.method === 'send' && c.conversationId === carla.conversationId && visibleText((c.body.attachments as Array<{ content: unknown }>)[0]?.content).includes('Pien Maas'),
      'the card, sent by the new process',
    );
    expect(visibleText((delivered.body.attachments as Array<{ content: unknown }>)[0]?.content)).toContain(reference!);
    // The held request's fate is settled once the connector notices its caller is gone.
    await connector.waitForRequest((r) => r === held && r.status === 499, 'the held request to be dropped');
    const cardsToCarla = connector.calls.filter((c) => c.method === 'send' && c.conversationId === carla.conversationId && visibleText((c.body.attachments as Array<{ content: unknown }>)[0]?.content).includes('Pien Maas'));
    expect(cardsToCarla).toHaveLength(1);
  });

  test('as Teams does, the message of the killed process is posted anyway: the new process sends again and records that a copy may exist', async () => {
    connector.postAfterCallerLeft();
    const running = children.at(-1)!;
    const botUrl = `http://127.0.0.1:${env.PORT}/api/messages`;
    const wendy = new TeamsUser(botUrl, connector.url, ids.wendy, 'Wendy Veilig');
    const carla = new TeamsUser(botUrl, connector.url, ids.carla, 'Carla Contact');
    const joepCards = () => connector.calls.filter((c) => c.method === 'send' && c.conversationId === carla.conversationId && visibleText((c.body.attachments as Array<{ content: unknown }>)[0]?.content).includes('Joep'));

    connector.delayNext(1, 3_000, carla.conversationId);
    const requestsBefore = connector.requests.length;
    await wendy.press('signal.submit', { children: 1, firstName_0: 'Joep', lastName_0: 'Maas', birthDate_0: '2015-06-12', schoolId_0: '12AB00' });
    await connector.waitForRequest((r) => r.conversationId === carla.conversationId && r.method === 'send' && connector.requests.indexOf(r) >= requestsBefore, 'the card on its way');
    await kill(running);
    const next = await startBotProcess(env);
    children.push(next);

    await connector.waitFor(() => joepCards().length === 2, 'the dead process\'s copy and the new one');
    // Stopped as a restart stops it, the new process first records what Teams answered its call.
    expect(await stopGracefully(next)).toBe(0);
    const database = new Database(env.HWC_SQLITE_PATH!, { readonly: true, fileMustExist: true });
    const documents = (database.prepare('SELECT document FROM signals').all() as Array<{ document: string }>).map((r) => JSON.parse(r.document) as Signal);
    database.close();
    // Joep's is the newest signal.
    const card = documents.sort((a, b) => (a.issuedAt < b.issuedAt ? 1 : -1))[0]?.deliveries.find((d) => d.recipientId === ids.carla);
    expect(card?.status).toBe('sent');
    expect(card?.inDoubtSends).toBe(1);
  });
});
