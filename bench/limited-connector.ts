import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/** At most `count` accepted calls in any window of `perMs` milliseconds. */
export interface Window {
  count: number;
  perMs: number;
}

/** Teams' documented limits per bot per conversation (the hour limit never binds in a bench run). */
export const TEAMS_PER_CONVERSATION: readonly Window[] = [
  { count: 7, perMs: 1_000 },
  { count: 8, perMs: 2_000 },
  { count: 60, perMs: 30_000 },
];

/** One accepted card, as the connector saw it. */
export interface Accepted {
  conversationId: string;
  activityId: string;
  at: number;
}

/**
 * The times of accepted calls, checked against sliding windows: a call fits when fewer than
 * `count` were accepted in the last `perMs`. Written independently of bot/rate-limiter.ts, so the
 * bench does not check the limiter against itself.
 */
class WindowLog {
  private times: number[] = [];
  /** The most accepted in any window of each limit, seen so far (a check on the enforcement). */
  readonly peak: number[];

  constructor(private readonly windows: readonly Window[]) {
    this.peak = windows.map(() => 0);
  }

  /** Milliseconds until one more call fits every window; 0 when it fits now. */
  waitMs(now: number): number {
    const longest = Math.max(...this.windows.map((w) => w.perMs));
    let drop = 0;
    while (drop < this.times.length && this.times[drop]! <= now - longest) drop++;
    if (drop > 0) this.times = this.times.slice(drop);
    let wait = 0;
    for (const { count, perMs } of this.windows) {
      if (this.times.length >= count) wait = Math.max(wait, this.times[this.times.length - count]! + perMs - now);
    }
    return Math.max(0, wait);
  }

  take(now: number): void {
    this.times.push(now);
    this.windows.forEach(({ perMs }, i) => {
      let inWindow = 0;
      for (let j = this.times.length - 1; j >= 0 && this.times[j]! > now - perMs; j--) inWindow++;
      this.peak[i] = Math.max(this.peak[i]!, inWindow);
    });
  }
}

export interface LimitedConnectorOptions {
  /** Accepted calls per second over all conversations. */
  globalPerSecond: number;
  perConversation?: readonly Window[];
  /**
   * Diagnostic: windows this many ms shorter than the limits say (a lenient service), to see how
   * much of the 429s come from the gap between when the bot takes a turn and when the call arrives.
   */
  slackMs?: number;
  /** Added before answering every call (a stand-in for the real service's latency). */
  latencyMs?: number;
  /** Reads the key a card carries (to count duplicates and losses); undefined when it has none. */
  keyOf: (activity: unknown) => string | undefined;
}

/**
 * A fake Bot Connector that enforces Teams' rate limits itself: a call beyond the per-conversation
 * windows or the global rate is answered 429 with a Retry-After (whole seconds, as Teams sends),
 * and does not count as a call. Accepted cards are recorded per key.
 */
export class LimitedConnector {
  private readonly server: Server;
  private readonly global: WindowLog;
  private readonly conversations = new Map<string, WindowLog>();
  private readonly perConversation: readonly Window[];
  private nextId = 1;
  /** Accepted cards per key, in arrival order. */
  readonly accepted = new Map<string, Accepted[]>();
  readonly refused = { global: 0, conversation: 0 };
  /** 429s answered to a card whose key had been refused before (a retry, by botbuilder's HTTP client or the relay). */
  refusedAgain = 0;
  private readonly refusedKeys = new Set<string>();
  /** Accepted calls that carried no key, or were not a card POST (updates, new chats). */
  otherCalls = 0;
  firstAcceptedAt = NaN;
  lastAcceptedAt = NaN;
  acceptedCount = 0;
  url = '';

  constructor(private readonly options: LimitedConnectorOptions) {
    const slack = options.slackMs ?? 0;
    this.perConversation = (options.perConversation ?? TEAMS_PER_CONVERSATION).map((w) => ({ count: w.count, perMs: w.perMs - slack }));
    this.global = new WindowLog([{ count: options.globalPerSecond, perMs: 1_000 - slack }]);
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

  get refusals(): number {
    return this.refused.global + this.refused.conversation;
  }

  /** The most calls accepted in any 1 s window overall, and in any window of each per-conversation limit. */
  peaks(): { global: number; perConversation: number[] } {
    const perConversation = this.perConversation.map(() => 0);
    for (const log of this.conversations.values()) log.peak.forEach((p, i) => (perConversation[i] = Math.max(perConversation[i]!, p)));
    return { global: this.global.peak[0] ?? 0, perConversation };
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const create = req.method === 'POST' && /^\/v3\/conversations\/?$/.test(path);
      const activities = /^\/v3\/conversations\/([^/]+)\/activities\/?([^/]*)$/.exec(path);
      if (!create && (!activities || (req.method !== 'POST' && req.method !== 'PUT'))) return this.answer(res, 404, {});
      const conversationId = activities?.[1];
      const at = performance.now();

      // Both limits are checked before either is charged: a refused call costs nothing.
      const conversation = conversationId === undefined ? undefined : this.logOf(conversationId);
      const globalWait = this.global.waitMs(at);
      const conversationWait = conversation?.waitMs(at) ?? 0;
      if (globalWait > 0 || conversationWait > 0) {
        if (conversationWait > 0) this.refused.conversation++;
        else this.refused.global++;
        const key = req.method === 'POST' && !create ? this.options.keyOf(JSON.parse(raw)) : undefined;
        if (key !== undefined && this.refusedKeys.has(key)) this.refusedAgain++;
        if (key !== undefined) this.refusedKeys.add(key);
        const retryAfter = Math.max(1, Math.ceil(Math.max(globalWait, conversationWait) / 1000));
        return this.answer(res, 429, { error: { code: 'TooManyRequests', message: 'rate limited' } }, { 'retry-after': String(retryAfter) });
      }
      this.global.take(at);
      conversation?.take(at);

      if (create) {
        this.otherCalls++;
        const body = JSON.parse(raw) as { members?: Array<{ id: string }> };
        return this.answer(res, 201, { id: `a:personal-${body.members?.[0]?.id ?? ''}` });
      }
      const activityId = req.method === 'PUT' ? (activities?.[2] ?? '') : `activity-${this.nextId++}`;
      const key = req.method === 'POST' ? this.options.keyOf(JSON.parse(raw)) : undefined;
      if (key === undefined) this.otherCalls++;
      else {
        const list = this.accepted.get(key) ?? [];
        list.push({ conversationId: conversationId ?? '', activityId, at });
        this.accepted.set(key, list);
        this.acceptedCount++;
        if (Number.isNaN(this.firstAcceptedAt)) this.firstAcceptedAt = at;
        this.lastAcceptedAt = at;
      }
      this.answer(res, 200, { id: activityId });
    });
  }

  private logOf(conversationId: string): WindowLog {
    let log = this.conversations.get(conversationId);
    if (!log) this.conversations.set(conversationId, (log = new WindowLog(this.perConversation)));
    return log;
  }

  private answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const send = () => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (this.options.latencyMs) setTimeout(send, this.options.latencyMs);
    else send();
  }
}

/**
 * The earliest the last of `count` calls can go out in one stream under sliding `windows`,
 * sending each as soon as every window allows (greedy is optimal for sliding windows): ms after
 * the first call.
 */
export function minimumSpanMs(count: number, windows: readonly Window[]): number {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    let t = i === 0 ? 0 : times[i - 1]!;
    for (const { count: n, perMs } of windows) if (i >= n) t = Math.max(t, times[i - n]! + perMs);
    times.push(t);
  }
  return times[count - 1] ?? 0;
}
