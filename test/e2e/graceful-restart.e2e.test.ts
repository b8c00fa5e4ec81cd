/**
 * A graceful restart (App Service sends SIGTERM before a restart or a slot swap): the stopping
 * process answers new requests with 503 and Retry-After, finishes what it already took, hands back
 * the cards it had not sent yet, and exits; the next process sends those at its first tick. Nothing
 * is lost, nothing arrives twice.
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
import { startBot, writeDirectoryFile } from '../support/running-bot';
import { TeamsUser, postJson } from '../support/teams-user';

const WENDY = '11111111-1111-4111-8111-111111111111';
const CONTACTS = 30;
const contactId = (n: number) => `22222222-2222-4222-8222-${String(n).padStart(12, '0')}`;

/** One school whose 30 contacts all get the signal's card: a fan-out of 30 cards. */
const directory: Directory = {
  municipalities: [{ id: 'GM0917', name: 'Heerlen', routing: 'direct' }],
  schools: [{ id: '12AB00', name: 'Basisschool De Regenboog', municipalityId: 'GM0917' }],
  members: [
    { aadObjectId: WENDY, name: 'Wendy Veilig', roles: [{ role: 'vt_worker', municipalityIds: ['GM0917'] }] },
    ...Array.from({ length: CONTACTS }, (_, n) => ({
      aadObjectId: contactId(n),
      name: `Contact ${n}`,
      roles: [{ role: 'school_contact' as const, schoolId: '12AB00', rank: n === 0 ? ('primary' as const) : ('backup' as const) }],
    })),
  ],
};

const cardsWith = (connector: FakeBotConnector, text: string) =>
  connector.calls.filter((c) => c.method === 'send' && visibleText((c.body.attachments as Array<{ content: unknown }>)[0]?.content).includes(text));

describe('a graceful restart', () => {
  const connector = new FakeBotConnector();
  beforeAll(() => connector.start());
  afterAll(() => connector.stop());

  it('answers new requests with 503 and Retry-After while it drains, keeps /healthz, and finishes the turn it took', async () => {
    const bot = await startBot({ directoryFile: writeDirectoryFile(directory), connectorUrl: connector.url, env: { HWC_QUIET_TIME: 'off' } });
    const base = bot.botUrl.replace('/api/messages', '');
    const wendy = new TeamsUser(bot.botUrl, connector.url, WENDY, 'Wendy Veilig');
    await wendy.install();
    // The reply to "help" is held by Teams: the turn is still under way when the drain starts.
    connector.delayNext(1, 1_500, wendy.conversationId);
    const callsBefore = connector.calls.length;
    const turn = wendy.say('help');
    await connector.waitForRequest((r) => r.conversationId === wendy.conversationId && connector.requests.indexOf(r) >= callsBefore, 'the help reply on its way');

    const drained = bot.app.drain();
    const ready = await fetch(`${base}/readyz`);
    const message = await postJson(bot.botUrl, wendy.activity({ type: 'message', text: 'status' }));
    const live = await fetch(`${base}/healthz`);

    expect(ready.status).toBe(503);
    expect(ready.headers.get('retry-after')).toBe('5');
    expect(await ready.json()).toEqual({ status: 'draining' });
    expect(message.status).toBe(503);
    expect(live.status).toBe(200);
    expect((await turn).status).toBe(200);
    await drained;
    expect(connector.calls.filter((c) => c.conversationId === wendy.conversationId && connector.calls.indexOf(c) >= callsBefore)).toHaveLength(1);
    expect(bot.logs.text).toContain('"msg":"draining"');
    expect(bot.logs.text).toContain('"msg":"drained"');
  });

  describe('SIGTERM in the middle of a fan-out', () => {
    const children: ChildProcess[] = [];
    afterAll(() => Promise.all(children.map(kill)));

    it('hands back the unsent cards, exits 0, and the next process sends each of them once at its first tick', async () => {
      const env = {
        NODE_ENV: 'test',
        PORT: String(await freePort()),
        HWC_SQLITE_PATH: join(mkdtempSync(join(tmpdir(), 'hwc-restart-')), 'hwc.sqlite'),
        HWC_DIRECTORY_FILE: writeDirectoryFile(directory),
        HWC_TEAMS_SERVICE_URL: connector.url,
        // Five calls a second: the 30 cards take six seconds, time to stop in the middle. A lease of
        // ten minutes: a card left leased would not be sent again for that long.
        HWC_TEAMS_RATE_PER_SECOND: '5',
        HWC_DISPATCH_LEASE_MS: '600000',
        HWC_RELAY_INTERVAL_MS: '200',
        HWC_QUIET_TIME: 'off',
        LOG_LEVEL: 'info',
      };
      const first = await startBotProcess(env);
      children.push(first);
      const botUrl = `http://127.0.0.1:${env.PORT}/api/messages`;
      for (let n = 0; n < CONTACTS; n++) await new TeamsUser(botUrl, connector.url, contactId(n), `Contact ${n}`).install();
      const wendy = new TeamsUser(botUrl, connector.url, WENDY, 'Wendy Veilig');

      await wendy.press('signal.submit', { children: 1, firstName_0: 'Fenna', lastName_0: 'Smeets', birthDate_0: '2016-05-04', schoolId_0: '12AB00' });
      await connector.waitFor(() => cardsWith(connector, 'Fenna Smeets').length >= 5, 'five cards out');
      expect(await stopGracefully(first)).toBe(0);

      const sentByFirst = cardsWith(connector, 'Fenna Smeets').length;
      expect(sentByFirst).toBeLessThan(CONTACTS);
      // Handed back: every card not sent is leased by nobody and due now, none counted in doubt.
      const fenna = readSignal(env.HWC_SQLITE_PATH);
      const unsent = fenna.deliveries.filter((d) => d.status !== 'sent');
      expect(unsent).toHaveLength(CONTACTS - sentByFirst);
      for (const d of unsent) {
        expect(d.leaseId).toBeUndefined();
        expect(d.inDoubtSends ?? 0).toBe(0);
        expect(d.attempts).toBe(0);
      }
      expect(fenna.dispatchDueAt! <= new Date().toISOString()).toBe(true);

      const second = await startBotProcess(env);
      children.push(second);
      await connector.waitFor(() => cardsWith(connector, 'Fenna Smeets').length === CONTACTS, 'every card, the rest sent by the next process');
      const perChat = new Map<string, number>();
      for (const card of cardsWith(connector, 'Fenna Smeets')) perChat.set(card.conversationId, (perChat.get(card.conversationId) ?? 0) + 1);
      expect(perChat.size).toBe(CONTACTS);
      expect([...perChat.values()].every((count) => count === 1)).toBe(true);
      // Two processes start and 30 cards go at five a second.
    }, 60_000);
  });
});

function readSignal(path: string): Signal {
  const database = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const row = database.prepare('SELECT document FROM signals').get() as { document: string };
    return JSON.parse(row.document) as Signal;
  } finally {
    database.close();
  }
}
