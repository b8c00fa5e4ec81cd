import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/** What the bench waits for: the reference code in a signal card, or the text of an echo reply. */
const REFERENCE = /HWC-[0-9A-Z]{4}/;

interface Arrivals {
  conversations: Set<string>;
  /** performance.now() when the latest new conversation's activity had fully arrived. */
  lastAt: number;
}

interface Waiter {
  conversations: number;
  resolve: (at: number) => void;
}

/**
 * A minimal Bot Connector: answers the REST calls a bot makes and notes, per key (a signal's
 * reference code, or an echo's text), which conversations received an activity carrying it and
 * when. The bench awaits "key reached N conversations" and gets back the arrival time.
 */
export class FakeConnector {
  private readonly server: Server;
  private readonly arrivals = new Map<string, Arrivals>();
  private readonly waiters = new Map<string, Waiter>();
  private nextId = 1;
  sends = 0;
  url = '';

  constructor() {
    this.server = createServer((req, res) => this.handle(req, res));
    this.server.keepAliveTimeout = 60_000;
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this.url;
  }

  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  /** Resolves with the time `key` had reached `conversations` distinct conversations (past or future). */
  reached(key: string, conversations: number, timeoutMs = 10_000): Promise<number> {
    const seen = this.arrivals.get(key);
    if (seen && seen.conversations.size >= conversations) {
      this.arrivals.delete(key);
      return Promise.resolve(seen.lastAt);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(key);
        const got = this.arrivals.get(key)?.conversations.size ?? 0;
        reject(new Error(`${key}: reached ${got} of ${conversations} conversations within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.set(key, {
        conversations,
        resolve: (at) => {
          clearTimeout(timer);
          resolve(at);
        },
      });
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const at = performance.now();
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const activities = /^\/v3\/conversations\/([^/]+)\/activities\/?([^/]*)$/.exec(path);
      if (req.method === 'POST' && /^\/v3\/conversations\/?$/.test(path)) {
        // A new 1:1 chat (only when a contact had not installed the app).
        const body = JSON.parse(raw) as { members?: Array<{ id: string }> };
        return answer(res, 201, { id: `a:personal-${body.members?.[0]?.id ?? ''}` });
      }
      if (!activities || (req.method !== 'POST' && req.method !== 'PUT')) return answer(res, 404, {});
      const [, conversationId = '', activityId = ''] = activities;
      if (req.method === 'POST') this.sends++;
      const key = REFERENCE.exec(raw)?.[0] ?? (JSON.parse(raw) as { text?: string }).text;
      if (key) this.arrived(key, conversationId, at);
      answer(res, 200, { id: req.method === 'PUT' ? activityId : `activity-${this.nextId++}` });
    });
  }

  private arrived(key: string, conversationId: string, at: number): void {
    let entry = this.arrivals.get(key);
    if (!entry) this.arrivals.set(key, (entry = { conversations: new Set(), lastAt: at }));
    if (entry.conversations.has(conversationId)) return;
    entry.conversations.add(conversationId);
    entry.lastAt = at;
    const waiter = this.waiters.get(key);
    if (waiter && entry.conversations.size >= waiter.conversations) {
      this.waiters.delete(key);
      this.arrivals.delete(key);
      waiter.resolve(at);
    }
  }
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
