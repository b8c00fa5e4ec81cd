import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../..');

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/**
 * The real bot (`bot/index.ts`) as a child process; resolves once it logs that it listens.
 * `nodeOptions` go before the script, e.g. a heap limit.
 */
export function startBotProcess(env: Record<string, string>, nodeOptions: string[] = []): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...nodeOptions, '-r', './test/support/register-ts.cjs', 'bot/index.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolveStarted, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('"msg":"listening"')) resolveStarted(child);
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`bot exited (${code}) before listening: ${output.slice(-500)}`)));
  });
}

/**
 * Stops the bot as a restart does (SIGTERM): it drains, finishing the Teams calls on their way and
 * recording what Teams answered, and exits. Resolves with its exit code.
 */
export async function stopGracefully(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  child.kill('SIGTERM');
  return exited;
}

export async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGKILL');
  await exited;
}
