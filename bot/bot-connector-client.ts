import type { ServiceClientCredentials } from 'botframework-connector';
import { Agent } from 'undici';
import { HANDED_BACK, MessengerError } from '../src/ports';

/** Teams answers these later: back off and try again (Microsoft's rate-limit guidance). */
const RETRYABLE_STATUS = new Set([408, 412, 429, 500, 502, 503, 504]);
/**
 * Answers from a gateway in front of Teams that may have passed the request on before it failed
 * or timed out: a message sent then may exist. (An answer from the Bot Connector itself, a 500 or
 * 503 or 429, says it did not post.)
 */
const MAY_HAVE_POSTED_STATUS = new Set([502, 504]);
/** Network failures that prove the request never left this machine: nothing can have been posted. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** A Bot Connector activity as this bot sends it: a message with one Adaptive Card. */
export interface OutgoingActivity {
  type: 'message';
  attachments: Array<{ contentType: string; content: object }>;
  from?: { id: string };
  recipient?: { id: string };
  conversation?: { id: string };
}

/** Who the bot is to Teams when it opens a 1:1 chat. */
export interface NewConversation {
  isGroup: false;
  bot: { id: string; name: string };
  members: Array<{ id: string }>;
  tenantId?: string;
  channelData?: { tenant: { id: string } };
}

/**
 * The bot's own Bot Connector client: one HTTP request per call (undici, on kept-alive
 * connections of its own: a card costs little more than its round trip, where `fetch` adds a
 * stream and a Response per call), cancelled for real when the caller's AbortSignal fires, and
 * no retries of its own — the dispatcher is the only one that tries again, so it always knows
 * what may have reached Teams. (botbuilder's client retries 429 and 5xx below the caller, which
 * cannot be switched off.) Tokens come from botbuilder's credentials for the configured app
 * (password, certificate or managed identity), which cache them.
 */
export class BotConnectorClient {
  private credentials: Promise<ServiceClientCredentials> | undefined;
  /**
   * Connections of its own, from the undici release the lockfile pins: the process-wide
   * dispatcher is whichever undici set it first (in this app, Node's bundled one, for `fetch`).
   * That release looks at a kept-alive connection that sat idle for a close from the other side
   * before writing on it (one turn of the event loop), so a card is not written into a
   * connection Teams has just closed and then counted in doubt. Addressed by origin and path, so
   * no call parses its URL again.
   */
  private readonly agent = new Agent();
  private readonly endpoints = new ServiceEndpoints();
  private closed: Promise<void> | undefined;

  /** `credentials` is asked once, on the first call; none in local mode (no app id). */
  constructor(private readonly createCredentials?: () => Promise<ServiceClientCredentials>) {}

  /** Closes its connections once the calls under way have ended; a call after this goes back unsent. Once is enough. */
  close(): Promise<void> {
    this.closed ??= this.agent.close();
    return this.closed;
  }

  /** Posts a message; resolves with the id Teams gave it. */
  async sendActivity(serviceUrl: string, conversationId: string, activity: OutgoingActivity, signal?: AbortSignal): Promise<{ id: string }> {
    const body = await this.call('POST', serviceUrl, `v3/conversations/${encodeURIComponent(conversationId)}/activities`, activity, signal, { posts: true });
    const id = (body as { id?: unknown } | undefined)?.id;
    // Teams took it but named no id: a message exists that can never be updated.
    if (typeof id !== 'string' || id === '') throw new MessengerError('no_activity_id', true, undefined, true);
    return { id };
  }

  /** Posts a message as an answer to one in the conversation (a turn's reply); resolves with its id. */
  async replyToActivity(serviceUrl: string, conversationId: string, replyToId: string, activity: OutgoingActivity, signal?: AbortSignal): Promise<{ id: string }> {
    const path = `v3/conversations/${encodeURIComponent(conversationId)}/activities/${encodeURIComponent(replyToId)}`;
    const body = await this.call('POST', serviceUrl, path, activity, signal, { posts: true });
    const id = (body as { id?: unknown } | undefined)?.id;
    // A reply needs no id to be useful: nothing updates it later.
    return { id: typeof id === 'string' ? id : '' };
  }

  /** Replaces a message the bot sent, in place. */
  async updateActivity(serviceUrl: string, conversationId: string, activityId: string, activity: OutgoingActivity, signal?: AbortSignal): Promise<void> {
    const path = `v3/conversations/${encodeURIComponent(conversationId)}/activities/${encodeURIComponent(activityId)}`;
    await this.call('PUT', serviceUrl, path, { ...activity, id: activityId }, signal, { posts: false });
  }

  /** Opens (or finds) the 1:1 chat with a member; resolves with its conversation id. */
  async createConversation(serviceUrl: string, parameters: NewConversation, signal?: AbortSignal): Promise<{ id: string }> {
    const body = await this.call('POST', serviceUrl, 'v3/conversations', parameters, signal, { posts: false });
    const id = (body as { id?: unknown } | undefined)?.id;
    if (typeof id !== 'string' || id === '') throw new MessengerError('no_conversation', false);
    return { id };
  }

  /**
   * One member of a conversation as Teams knows them (`userPrincipalName`, `email`, `aadObjectId`);
   * the answer is checked by the caller.
   */
  async getConversationMember(serviceUrl: string, conversationId: string, userId: string, signal?: AbortSignal): Promise<unknown> {
    const path = `v3/conversations/${encodeURIComponent(conversationId)}/members/${encodeURIComponent(userId)}`;
    return this.call('GET', serviceUrl, path, undefined, signal, { posts: false });
  }

  /** One request to `path` under the service URL's own path. */
  private async call(method: 'GET' | 'POST' | 'PUT', serviceUrl: string, path: string, payload: object | undefined, signal: AbortSignal | undefined, { posts }: { posts: boolean }): Promise<unknown> {
    const headers: Record<string, string> = payload ? { 'content-type': 'application/json; charset=utf-8' } : {};
    const { origin, basePath } = this.endpoints.of(serviceUrl);
    if (!origin) throw new MessengerError('invalid_service_url', false);
    await this.sign(headers);
    // The process is stopping: the call goes back before anything is written, as one still
    // waiting for its turn would, so nothing is in doubt and it is not one of the card's attempts.
    if (this.closed) throw new MessengerError(HANDED_BACK, true);
    let status: number;
    let retryAfter: string | null;
    let text: string;
    try {
      const response = await this.agent.request({ origin, path: basePath + path, method, headers, ...(payload ? { body: JSON.stringify(payload) } : {}), ...(signal ? { signal } : {}) });
      status = response.statusCode;
      const header = response.headers['retry-after'];
      retryAfter = typeof header === 'string' ? header : null;
      // The answer was given: a body cut off now still leaves its status to go by.
      text = await response.body.text().catch(() => '');
    } catch (error) {
      throw failureOf(error, signal, posts);
    }
    if (status < 200 || status > 299) throw statusFailure(status, retryAfter, text, posts);
    return text ? (JSON.parse(text) as unknown) : undefined;
  }

  private async sign(headers: Record<string, string>): Promise<void> {
    if (!this.createCredentials) return;
    // Asked once and kept (botbuilder's credentials cache their tokens); asked again after a failure.
    this.credentials ??= this.createCredentials().catch((error: unknown) => {
      this.credentials = undefined;
      throw error;
    });
    const credentials = await this.credentials;
    // botbuilder's credentials sign a request by setting its Authorization header (and leave it
    // unset when authentication is off).
    await credentials.signRequest({ headers: { set: (name: string, value: string) => (headers[name.toLowerCase()] = value) } } as never);
  }
}

/** Where a service URL sends its requests: origin, and the path every call's own path goes under. */
interface ServiceEndpoint {
  origin: string;
  basePath: string;
}

/**
 * The service URLs met so far, read apart once each: a bot talks to a handful (one per Teams
 * region), and each card would otherwise parse its URL again. Bounded, in case a caller invents
 * them: when full it starts over.
 */
class ServiceEndpoints {
  private static readonly LIMIT = 64;
  private readonly known = new Map<string, ServiceEndpoint>();

  of(serviceUrl: string): ServiceEndpoint {
    let endpoint = this.known.get(serviceUrl);
    if (!endpoint) {
      const url = URL.canParse(serviceUrl) ? new URL(serviceUrl) : undefined;
      // No origin: a URL that cannot be read (or has no host) is never called.
      endpoint = url && url.origin !== 'null' ? { origin: url.origin, basePath: url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/` } : { origin: '', basePath: '' };
      if (this.known.size >= ServiceEndpoints.LIMIT) this.known.clear();
      this.known.set(serviceUrl, endpoint);
    }
    return endpoint;
  }
}

/** Sorts a Bot Connector answer into try-again-later or final, keeping only codes. */
export function statusFailure(status: number, retryAfter: string | null, body: string, posts: boolean): MessengerError {
  let teamsCode: string | undefined;
  try {
    const code = (JSON.parse(body) as { error?: { code?: unknown } }).error?.code;
    if (typeof code === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(code)) teamsCode = code;
  } catch {
    // Not JSON: the status alone says enough.
    teamsCode = undefined;
  }
  const code = `http_${status}${teamsCode ? `_${teamsCode}` : ''}`;
  if (!RETRYABLE_STATUS.has(status)) return new MessengerError(code, false);
  const seconds = Number(retryAfter);
  return new MessengerError(code, true, Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined, posts && MAY_HAVE_POSTED_STATUS.has(status));
}

/** A request that got no answer: cancelled at its deadline, cut off, or never sent. */
function failureOf(error: unknown, signal: AbortSignal | undefined, posts: boolean): MessengerError {
  if (signal?.aborted) return new MessengerError('timeout', true, undefined, posts);
  // undici names the failure on the error itself, or on its cause when it wraps a socket's error.
  const named = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = typeof named?.code === 'string' ? named.code : typeof named?.cause?.code === 'string' ? named.cause.code : undefined;
  if (code && NOT_SENT_CODES.has(code)) return new MessengerError(`network_${code}`, true);
  return new MessengerError(code ? `network_${code}` : 'network', true, undefined, posts);
}
