import { randomUUID } from 'node:crypto';

export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';

/**
 * A person in Teams, talking to the bot over HTTP the way the Teams service does: messages,
 * app installs and Action.Execute invokes, all in their personal chat.
 */
export class TeamsUser {
  readonly conversationId: string;

  constructor(
    private readonly botUrl: string,
    private readonly serviceUrl: string,
    readonly aadObjectId: string,
    readonly name: string,
    readonly locale = 'nl-NL',
  ) {
    this.conversationId = `a:personal-${aadObjectId}`;
  }

  say(text: string): Promise<{ status: number; body: unknown }> {
    return this.post({ type: 'message', text });
  }

  install(): Promise<{ status: number; body: unknown }> {
    return this.post({ type: 'installationUpdate', action: 'add' });
  }

  /**
   * Presses an Action.Execute button; `data` is the button's data with the card's inputs merged
   * in; `onMessage` is the id of the message that holds the card, as Teams sends it in replyToId.
   */
  press(verb: string, data: Record<string, unknown>, onMessage?: string): Promise<{ status: number; body: unknown }> {
    return this.post({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      ...(onMessage ? { replyToId: onMessage } : {}),
    });
  }

  async post(fields: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
    return postJson(this.botUrl, this.activity(fields));
  }

  activity(fields: Record<string, unknown>): Record<string, unknown> {
    return {
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      channelId: 'msteams',
      serviceUrl: this.serviceUrl,
      from: { id: `29:${this.aadObjectId}`, name: this.name, aadObjectId: this.aadObjectId },
      recipient: { id: '28:hwc-bot', name: 'Handle with Care' },
      conversation: { id: this.conversationId, conversationType: 'personal', tenantId: TENANT_ID },
      channelData: { tenant: { id: TENANT_ID } },
      locale: this.locale,
      ...fields,
    };
  }
}

export async function postJson(url: string, body: unknown, raw = false): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: raw ? (body as string) : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: the raw text is what the test inspects.
  }
  return { status: response.status, body: parsed };
}
