/**
 * Which directory the bot starts with. The demo directory (one user holding every role) is only
 * ever loaded into a store without members: a restart that lacks HWC_DIRECTORY_FILE keeps the
 * real directory the store already holds.
 */
import { PLAYGROUND_USER_ID } from '../../bot/demo-directory';
import { createStores } from '../../src/store/create-stores';
import { startBot, writeDirectoryFile } from '../support/running-bot';

const wendyId = '11111111-1111-4111-8111-111111111111';
const connectorUrl = 'http://127.0.0.1:9/';

async function membersIn(sqlitePath: string, ids: string[]): Promise<Record<string, boolean>> {
  const stores = await createStores({ kind: 'sqlite', path: sqlitePath });
  try {
    return Object.fromEntries(await Promise.all(ids.map(async (id) => [id, (await stores.directory.getMember(id)) !== undefined] as const)));
  } finally {
    await stores.close();
  }
}

describe('the directory at start-up', () => {
  it('keeps the directory the store holds when restarted without HWC_DIRECTORY_FILE, and never adds the demo user', async () => {
    const directoryFile = writeDirectoryFile({
      municipalities: [{ id: 'GM0917', name: 'Heerlen', routing: 'direct' }],
      schools: [],
      members: [{ aadObjectId: wendyId, name: 'Wendy Veilig', roles: [{ role: 'vt_worker', municipalityIds: ['GM0917'] }] }],
    });
    const first = await startBot({ directoryFile, connectorUrl });
    await first.app.close();

    const restarted = await startBot({ connectorUrl, sqlitePath: first.sqlitePath });
    await restarted.app.close();

    expect(await membersIn(first.sqlitePath, [wendyId, PLAYGROUND_USER_ID])).toEqual({ [wendyId]: true, [PLAYGROUND_USER_ID]: false });
    expect(restarted.logs.text).not.toContain('demo directory loaded');
    expect(restarted.logs.text).toContain('the store holds the directory, admins keep it in the tab');
  });

  it('loads the demo directory into a store without members when run locally without a directory file', async () => {
    const bot = await startBot({ connectorUrl });
    await bot.app.close();

    expect(await membersIn(bot.sqlitePath, [PLAYGROUND_USER_ID])).toEqual({ [PLAYGROUND_USER_ID]: true });
    expect(bot.logs.text).toContain('demo directory loaded');
  });
});
