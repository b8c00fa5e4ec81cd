/**
 * A compressed body cannot blow the process up: the real bot runs as a child process with a
 * 200 MB heap, and twenty 250 KB gzip bodies that would each inflate to 250 MB of JSON arrive at
 * once, without a token. Each is refused with 415 before it is read, the process lives on, and its
 * peak resident memory stays under 300 MB (before, one such body took 1.18 GB and killed it).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, kill, startBotProcess } from '../support/bot-process';
import { gzipBomb } from '../support/gzip-bomb';
import { writeDirectoryFile } from '../support/running-bot';
import { TeamsUser } from '../support/teams-user';

const workerId = '11111111-1111-4111-8111-111111111111';
const MB = 1024 * 1024;

/** The process's peak resident set size (VmHWM), in bytes. */
function peakResidentBytes(pid: number): number {
  const line = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!line) throw new Error('no VmHWM in /proc status');
  return Number(line[1]) * 1024;
}

describe('twenty gzip bombs at once, unauthenticated', () => {
  let child: ChildProcess;
  let baseUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    child = await startBotProcess(
      {
        NODE_ENV: 'test',
        PORT: String(port),
        HWC_SQLITE_PATH: join(mkdtempSync(join(tmpdir(), 'hwc-flood-')), 'hwc.sqlite'),
        HWC_DIRECTORY_FILE: writeDirectoryFile({
          municipalities: [{ id: 'GM0917', name: 'Heerlen', routing: 'direct' }],
          schools: [],
          members: [{ aadObjectId: workerId, name: 'Wendy Veilig', roles: [{ role: 'vt_worker', municipalityIds: ['GM0917'] }] }],
        }),
        LOG_LEVEL: 'info',
      },
      ['--max-old-space-size=200'],
    );
  }, 60_000);

  afterAll(async () => {
    await kill(child);
  });

  // Generous: twenty 250 KB uploads and a child process on a loaded two-core machine.
  test('are each refused with 415, the process lives and its peak memory stays under 300 MB', async () => {
    const activity = new TeamsUser(`${baseUrl}/api/messages`, 'http://127.0.0.1:9/', workerId, 'Wendy Veilig').activity({ type: 'message', text: 'help' });
    const bomb = gzipBomb(250 * MB, activity);
    expect(bomb.length).toBeLessThan(256 * 1024);

    const answers = await Promise.all(
      Array.from({ length: 20 }, async () => {
        try {
          const response = await fetch(`${baseUrl}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
            body: bomb,
          });
          return { status: response.status, body: await response.text() };
        } catch (error) {
          return { status: 0, body: (error as Error).message };
        }
      }),
    );

    expect(answers).toEqual(Array.from({ length: 20 }, () => ({ status: 415, body: JSON.stringify({ error: 'unsupported_content_encoding' }) })));
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
    expect(child.exitCode).toBeNull();
    expect(child.signalCode).toBeNull();
    expect(peakResidentBytes(child.pid!)).toBeLessThan(300 * MB);
  }, 60_000);
});
