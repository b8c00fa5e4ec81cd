import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventEmitter } from 'node:events';

/** What the bot asked the Bot Connector to do. */
export interface ConnectorCall {
  method: 'create_conversation' | 'send' | 'update' | 'delete';
  conversationId: string;
  activityId?: string;
  body: Record<string, unknown>;
  /** The Authorization header the call came with, if any. */
  authorization?: string;
}

/**
 * Every request the bot made on a conversation's activities, answered or not yet, failed or not:
 * `calls` holds only what Teams accepted; this shows each try, including the HTTP client's own retries.
 */
export interface ConnectorRequest {
  method: 'send' | 'update' | 'delete';
  conversationId: string;
  activityId?: string;
  /**
   * The status answered; absent while the answer is still being held back (`delayNext`); 499 when
   * the caller went away before the answer, so nothing was posted.
   */
  status?: number;
}

interface Failure {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Only requests on this conversation; any when absent. */
  conversationId?: string;
}

/**
 * A small HTTP server that answers the Bot Connector REST calls the bot makes, as Teams does,
 * and records them. Tests wait on calls (no sleeps) and can make the next calls fail, fail a
 * conversation until it recovers, or answer slowly.
 */
export class FakeBotConnector {
  readonly calls: ConnectorCall[] = [];
  /** Every activities request as it arrived (see ConnectorRequest). */
  readonly requests: ConnectorRequest[] = [];
  private readonly events = new EventEmitter();
  private readonly server: Server;
  private nextId = 1;
  private failures: Failure[] = [];
  /** Conversations that answer every activities request with a failure until `recover`. */
  private readonly failingConversations = new Map<string, Failure>();
  private delays: Array<{ ms: number; conversationId?: string }> = [];
  private carryOutAbandoned = false;
  private hanging = false;
  /** Member ids (aadObjectId) for whom creating a 1:1 chat fails as if the app is not installed. */
  readonly notInstalled = new Set<string>();
  /**
   * Who each user is in the tenant, by aadObjectId: what GET /v3/conversations/:id/members/:userId
   * answers (`userPrincipalName`, `email`). Someone not listed is answered with their ids only.
   */
  readonly users = new Map<string, { userPrincipalName?: string; email?: string }>();
  /** Every member lookup the bot made: the conversation and the user id it asked about. */
  readonly memberLookups: Array<{ conversationId: string; userId: string }> = [];
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

  /** The next `count` sends, updates or deletes in one conversation answer `status`; others are unaffected. */
  failNextIn(conversationId: string, count: number, status: number, headers?: Record<string, string>, body?: unknown): void {
    for (let i = 0; i < count; i++) {
      this.failures.push({ status, conversationId, ...(headers ? { headers } : {}), ...(body ? { body } : {}) });
    }
  }

  /**
   * Every send, update or delete in the conversation answers `status` (a 429 storm, a removed
   * bot) until `recover(conversationId)`, however often the bot or its HTTP client tries.
   */
  failAllIn(conversationId: string, status: number, headers?: Record<string, string>, body?: unknown): void {
    this.failingConversations.set(conversationId, { status, ...(headers ? { headers } : {}), ...(body ? { body } : {}) });
  }

  /** Ends `failAllIn` for the conversation. */
  recover(conversationId: string): void {
    this.failingConversations.delete(conversationId);
  }

  /**
   * The next `count` activities requests (in `conversationId`, or any) are answered only after
   * `ms`: a slow Bot Connector. The request is recorded in `requests` on arrival.
   */
  delayNext(count: number, ms: number, conversationId?: string): void {
    for (let i = 0; i < count; i++) this.delays.push({ ms, ...(conversationId ? { conversationId } : {}) });
  }

  /**
   * From now on every activities request is taken and never answered (a Teams incident): the
   * caller waits until it gives up. Open requests end when the connector stops.
   */
  hangEveryCall(): void {
    this.hanging = true;
  }

  /**
   * From now on a request whose caller went away before the answer (a call given up on, a killed
   * process) is still carried out, as Teams does: the message is posted, only its id never reaches
   * the caller. By default such a request is dropped, as if it never got through.
   */
  postAfterCallerLeft(): void {
    this.carryOutAbandoned = true;
  }

  /** Requests made in a conversation, answered or still open, in arrival order. */
  requestsIn(conversationId: string): ConnectorRequest[] {
    return this.requests.filter((r) => r.conversationId === conversationId);
  }

  /** Resolves with the first recorded call (past or future) that matches. */
  waitFor(match: (call: ConnectorCall) => boolean, what = 'a matching Bot Connector call'): Promise<ConnectorCall> {
    return this.waitOn('call', this.calls, match, what);
  }

  /** Resolves with the first request (past or future) that matches, as soon as it arrives. */
  waitForRequest(match: (request: ConnectorRequest) => boolean, what = 'a matching Bot Connector request'): Promise<ConnectorRequest> {
    return this.waitOn('request', this.requests, match, what);
  }

  private waitOn<T extends { method: string; conversationId: string }>(
    event: 'call' | 'request',
    seenSoFar: T[],
    match: (item: T) => boolean,
    what: string,
  ): Promise<T> {
    const seen = seenSoFar.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.events.off(event, listener);
        reject(new Error(`Timed out waiting for ${what}; ${event}s so far: ${JSON.stringify(seenSoFar.map((c) => [c.method, c.conversationId]))}`));
      }, 10_000);
      const listener = (item: T) => {
        if (!match(item)) return;
        clearTimeout(timer);
        this.events.off(event, listener);
        resolve(item);
      };
      this.events.on(event, listener);
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
    const memberPath = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/.exec(path);
    if (memberPath && req.method === 'GET') {
      const [, conversationId = '', userId = ''] = memberPath;
      this.memberLookups.push({ conversationId, userId });
      // Teams names users in a chat by their MRI (29:…); this fake's MRIs end in the object id.
      const aadObjectId = userId.replace(/^29:/, '');
      return this.answer(res, 200, { id: userId, aadObjectId, name: 'Teams user', ...this.users.get(aadObjectId) });
    }
    if (!activities) return this.answer(res, 404, {});
    const [, conversationId = '', activityId] = activities;
    const request = this.recordRequest(req.method, conversationId, activityId);
    if (request && this.hanging) return;
    // A caller that went away (a killed bot) before the answer: Teams never got to post it.
    let callerGone = false;
    res.on('close', () => (callerGone = !res.writableFinished));
    // Faults are chosen on arrival, so concurrent requests take them in the order they came.
    const failure = request ? this.failureFor(conversationId) : undefined;
    const delay = request ? this.takeFirst(this.delays, conversationId) : undefined;
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay.ms));
    if (request && (res.destroyed || callerGone) && !this.carryOutAbandoned) {
      request.status = 499;
      this.events.emit('request', request);
      return;
    }
    if (failure) {
      if (request) request.status = failure.status;
      return this.answer(res, failure.status, failure.body ?? { error: { code: 'Throttled' } }, failure.headers);
    }
    if (request) request.status = 200;
    if (req.method === 'POST') {
      const id = `activity-${this.nextId++}`;
      this.record({ method: 'send', conversationId, activityId: id, body, ...signedBy(req) });
      return this.answer(res, 200, { id });
    }
    if (req.method === 'PUT' && activityId) {
      this.record({ method: 'update', conversationId, activityId, body, ...signedBy(req) });
      return this.answer(res, 200, { id: activityId });
    }
    if (req.method === 'DELETE' && activityId) {
      this.record({ method: 'delete', conversationId, activityId, body });
      return this.answer(res, 200, {});
    }
    return this.answer(res, 405, {});
  }

  private recordRequest(method: string | undefined, conversationId: string, activityId: string | undefined): ConnectorRequest | undefined {
    const kind = method === 'POST' ? 'send' : method === 'PUT' ? 'update' : method === 'DELETE' ? 'delete' : undefined;
    if (!kind) return undefined;
    const request: ConnectorRequest = { method: kind, conversationId, ...(activityId ? { activityId } : {}) };
    this.requests.push(request);
    this.events.emit('request', request);
    return request;
  }

  private failureFor(conversationId: string): Failure | undefined {
    return this.failingConversations.get(conversationId) ?? this.takeFirst(this.failures, conversationId);
  }

  /** Removes and returns the first entry meant for this conversation (or for any). */
  private takeFirst<T extends { conversationId?: string }>(queue: T[], conversationId: string): T | undefined {
    const index = queue.findIndex((entry) => entry.conversationId === undefined || entry.conversationId === conversationId);
    return index < 0 ? undefined : queue.splice(index, 1)[0];
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

function signedBy(req: IncomingMessage): { authorization?: string } {
  return req.headers.authorization ? { authorization: req.headers.authorization } : {};
}
