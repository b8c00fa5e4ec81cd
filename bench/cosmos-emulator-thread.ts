import { Agent } from 'node:https';
import { Worker } from 'node:worker_threads';

/** The well-known Cosmos DB emulator key; the in-process server accepts any well-formed key. */
export const EMULATOR_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU9DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

export interface EmulatorThread {
  endpoint: string;
  key: string;
  /** Accepts the server's self-signed certificate. */
  agent: Agent;
  stop(): Promise<void>;
}

/**
 * @vercel/cosmosdb-server on a thread of its own. In the process's main thread its work (a query
 * scans every document, synchronously) would stall the event loop that also runs the app
 * instances and the fake connector, and a stalled loop stamps calls late: a rate measurement
 * would then count the emulator's pauses as the bot's 429s. On its own thread it is like a
 * remote database.
 */
export async function startCosmosEmulatorThread(): Promise<EmulatorThread> {
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
     const { createHttpsServer } = require('@vercel/cosmosdb-server');
     const server = createHttpsServer({ keepAlive: true });
     server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
     parentPort.on('message', () => { server.closeAllConnections(); server.close(() => process.exit(0)); });`,
    { eval: true },
  );
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const agent = new Agent({ rejectUnauthorized: false, keepAlive: true });
  return {
    endpoint: `https://127.0.0.1:${port}`,
    key: EMULATOR_KEY,
    agent,
    async stop() {
      agent.destroy();
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('stop');
      await exited;
    },
  };
}
