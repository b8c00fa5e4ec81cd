import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';

const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';

/** Someone in Teams, in their personal chat with the bot: builds the activities Teams would post. */
export class TeamsPerson {
  readonly conversationId: string;

  constructor(
    private readonly serviceUrl: string,
    readonly aadObjectId: string,
    readonly name: string,
  ) {
    this.conversationId = `a:personal-${aadObjectId}`;
  }

  install(): Record<string, unknown> {
    return this.activity({ type: 'installationUpdate', action: 'add' });
  }

  message(text: string): Record<string, unknown> {
    return this.activity({ type: 'message', text });
  }

  /**
   * An Action.Execute press of `verb` with the card's inputs in `data`, on the card in message
   * `onMessage` (Teams sends that message's id as replyToId).
   */
  press(verb: string, data: Record<string, unknown>, onMessage?: string): Record<string, unknown> {
    return this.activity({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      ...(onMessage ? { replyToId: onMessage } : {}),
    });
  }

  private activity(fields: Record<string, unknown>): Record<string, unknown> {
    return {
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      channelId: 'msteams',
      serviceUrl: this.serviceUrl,
      from: { id: `29:${this.aadObjectId}`, name: this.name, aadObjectId: this.aadObjectId },
      recipient: { id: '28:hwc-bot', name: 'Handle with Care' },
      conversation: { id: this.conversationId, conversationType: 'personal', tenantId: TENANT_ID },
      channelData: { tenant: { id: TENANT_ID } },
      locale: 'nl-NL',
      ...fields,
    };
  }
}

/** Reuses connections, as the Teams service does. */
const agent = new Agent({ keepAlive: true, maxSockets: 32 });

export function closeClientConnections(): void {
  agent.destroy();
}

/** POSTs JSON; resolves with the status and the raw response text. */
export function postJson(url: string, body: unknown): Promise<{ status: number; text: string }> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': payload.length } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}
