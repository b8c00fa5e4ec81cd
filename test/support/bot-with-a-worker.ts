import type { FakeBotConnector } from './fake-bot-connector';
import { FixedClock } from './fixed-clock';
import { startBot, writeDirectoryFile, type RunningBot } from './running-bot';
import { TeamsUser } from './teams-user';

const WORKER_ID = '11111111-1111-4111-8111-111111111111';

/**
 * The real server whose directory holds one Veilig Thuis worker (Wendy, in Heerlen, with one
 * school), on a fixed working day, talking to `connector`: for tests about the edge of a turn.
 */
export async function startBotWithAWorker(connector: FakeBotConnector): Promise<{ bot: RunningBot; worker: TeamsUser }> {
  const directoryFile = writeDirectoryFile({
    municipalities: [{ id: 'GM0917', name: 'Heerlen', routing: 'direct' }],
    schools: [{ id: '12AB00', name: 'Basisschool De Regenboog', municipalityId: 'GM0917' }],
    members: [{ aadObjectId: WORKER_ID, name: 'Wendy Veilig', roles: [{ role: 'vt_worker', municipalityIds: ['GM0917'] }] }],
  });
  const bot = await startBot({ directoryFile, connectorUrl: connector.url, clock: new FixedClock('2026-12-01T10:00:00+01:00') });
  return { bot, worker: new TeamsUser(bot.botUrl, connector.url, WORKER_ID, 'Wendy Veilig') };
}
