import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { AddressInfo } from 'node:net';
import restify from 'restify';

/**
 * The baseline: the least a botbuilder bot can do per turn. CloudAdapter in local mode (no app
 * id, so no token calls), restify, and a turn that sends the message text back.
 */
export async function startEchoBot(): Promise<{ url: string; close(): Promise<void> }> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const server = restify.createServer({ name: 'echo' });
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, async (context) => {
      await context.sendActivity(context.activity.text ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeAllConnections();
      await closed;
    },
  };
}
