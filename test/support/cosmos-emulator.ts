import { createHttpsServer } from '@vercel/cosmosdb-server';
import { Agent } from 'node:https';
import type { AddressInfo } from 'node:net';

/** The well-known Cosmos DB emulator key; the in-process server accepts any well-formed key. */
export const EMULATOR_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU9DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

export interface CosmosEmulator {
  endpoint: string;
  key: string;
  /** Accepts the server's self-signed certificate. */
  agent: Agent;
}

/**
 * An in-process Cosmos DB (@vercel/cosmosdb-server) for a test file: started before its tests,
 * stopped after them. Read `emulator()` inside tests, once it has started.
 */
export function useCosmosEmulator(): () => CosmosEmulator {
  const server = createHttpsServer({ keepAlive: true });
  const agent = new Agent({ rejectUnauthorized: false, keepAlive: true });
  let endpoint = '';

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    agent.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  return () => {
    if (!endpoint) throw new Error('the Cosmos DB emulator has not started yet');
    return { endpoint, key: EMULATOR_KEY, agent };
  };
}
