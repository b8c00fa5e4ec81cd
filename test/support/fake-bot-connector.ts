import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventEmitter } from 'node:events';

/** What the bot asked the Bot Connector to do. */
export interface ConnectorCall {
  method: 'create_conversation' | 'send' | 'update' | 'delete';
  conversationId: string;
  activityId?: string;
  body: Record<string, unknown>;
}

/**
 * A small HTTP server that answers the Bot Connector REST calls the bot makes, as Teams does,
 * and records them. Tests wait on calls (no sleeps) and can make the next calls fail.
 */
export class FakeBotConnector {
  readonly calls: ConnectorCall[] = [];
  private readonly events = new EventEmitter();
  private readonly server: Server;
  private nextId = 1;
  private failures: Array<{ status: number; body?: unknown; headers?: Record<string, string> }> = [];
  /** Member ids (aadObjectId) for whom creating a 1:1 chat fails as if the app is not installed. */
  readonly notInstalled = new Set<string>();
  url = '';

  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next `count` sends or updates answer `status` (e.g. 429 with Retry-After). */
  failNext(count: number, status: number, headers?: Record<string, string>, body?: unknown): void {
    for (let i = 0; i < count; i++) this.failures.push({ status, ...(headers ? { headers } : {}), ...(body ? { body } : {}) });
  }

  /** Resolves with the first recorded call (past or future) that matches. */
  waitFor(match: (call: ConnectorCall) => boolean, what = 'a matching Bot Connector call'): Promise<ConnectorCall> {
    const seen = this.calls.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.events.off('call', listener);
        reject(new Error(`Timed out waiting for ${what}; calls so far: ${JSON.stringify(this.calls.map((c) => [c.method, c.conversationId]))}`));
      }, 10_000);
      const listener = (call: ConnectorCall) => {
        if (!match(call)) return;
        clearTimeout(timer);
        this.events.off('call', listener);
        resolve(call);
      };
      this.events.on('call', listener);
    });
  }

  /** Cards sent to or updated in a conversation, in order. */
  cardsIn(conversationId: string): Array<{ method: string; activityId?: string; card: Record<string, unknown> }> {
    return this.calls
      .filter((c) => c.conversationId === conversationId && (c.method === 'send' || c.method === 'update'))
      .map((c) => ({ method: c.method, ...(c.activityId ? { activityId: c.activityId } : {}), card: cardOf(c.body) }))
      .filter((c) => c.card !== undefined);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson(req);
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const create = /^\/v3\/conversations\/?$/.exec(path);
    const activities = /^\/v3\/conversations\/([^/]+)\/activities\/?([^/]*)$/.exec(path);
    if (create && req.method === 'POST') {
      const member = ((body.members as Array<{ id: string }> | undefined) ?? [])[0]?.id ?? '';
      if (this.notInstalled.has(member)) return this.answer(res, 403, { error: { code: 'BotNotInConversationRoster', message: 'not installed' } });
      const conversationId = `a:personal-${member}`;
      this.record({ method: 'create_conversation', conversationId, body });
      return this.answer(res, 201, { id: conversationId });
    }
    if (!activities) return this.answer(res, 404, {});
    const [, conversationId = '', activityId] = activities;
    const failure = req.method !== 'GET' ? this.failures.shift() : undefined;
    if (failure) return this.answer(res, failure.status, failure.body ?? { error: { code: 'Throttled' } }, failure.headers);
    if (req.method === 'POST') {
      const id = `activity-${this.nextId++}`;
      this.record({ method: 'send', conversationId, activityId: id, body });
      return this.answer(res, 200, { id });
    }
    if (req.method === 'PUT' && activityId) {
      this.record({ method: 'update', conversationId, activityId, body });
      return this.answer(res, 200, { id: activityId });
    }
    if (req.method === 'DELETE' && activityId) {
      this.record({ method: 'delete', conversationId, activityId, body });
      return this.answer(res, 200, {});
    }
    return this.answer(res, 405, {});
  }

  private record(call: ConnectorCall): void {
    this.calls.push(call);
    this.events.emit('call', call);
  }

  private answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }
}

export function cardOf(activity: Record<string, unknown>): Record<string, unknown> {
  const attachments = (activity.attachments as Array<{ content?: Record<string, unknown> }> | undefined) ?? [];
  return attachments[0]?.content as Record<string, unknown>;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}
