import { SpanKind, type Meter, type Tracer } from '@opentelemetry/api';
import { MessengerError, type CallOptions, type ChatUser, type ConversationAddress, type Messenger, type OutboundCard } from '../../src/ports';
import { markFailed } from './span-errors';

type Operation = 'send' | 'update' | 'openPersonalChat' | 'lookUpUser';

/**
 * The Messenger with a span per Bot Connector call (a card delivered, a card updated, a chat
 * opened), its latency and its 429s as metrics. Attributes: the operation and Teams' answer (a
 * status and code); never the card, the conversation or the person.
 */
export class TracedMessenger implements Messenger {
  private readonly duration;
  private readonly throttled;

  constructor(
    private readonly inner: Messenger,
    private readonly tracer: Tracer,
    meter: Meter,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.duration = meter.createHistogram('hwc.teams.call.duration', { description: 'Bot Connector calls (card deliveries and updates), by operation and result', unit: 's' });
    this.throttled = meter.createCounter('hwc.teams.throttled', { description: 'Bot Connector calls answered 429 Too Many Requests' });
  }

  // The caller's deadline goes through untouched: it is what cancels a call for real.
  send(to: ConversationAddress, card: OutboundCard, options?: CallOptions): Promise<{ activityId: string }> {
    return this.traced('send', () => this.inner.send(to, card, options));
  }

  update(to: ConversationAddress, activityId: string, card: OutboundCard, options?: CallOptions): Promise<void> {
    return this.traced('update', () => this.inner.update(to, activityId, card, options));
  }

  openPersonalChat(memberId: string): Promise<ConversationAddress> {
    return this.traced('openPersonalChat', () => this.inner.openPersonalChat(memberId));
  }

  lookUpUser(at: ConversationAddress, options?: CallOptions): Promise<ChatUser> {
    return this.traced('lookUpUser', () => this.inner.lookUpUser(at, options));
  }

  private traced<T>(operation: Operation, call: () => Promise<T>): Promise<T> {
    return this.tracer.startActiveSpan(`Teams ${operation}`, { kind: SpanKind.CLIENT, attributes: { 'hwc.teams.operation': operation } }, async (span) => {
      const started = this.now();
      let result = 'ok';
      try {
        return await call();
      } catch (error) {
        result = error instanceof MessengerError ? error.code : 'error';
        const status = statusOf(result);
        if (status !== undefined) span.setAttribute('http.response.status_code', status);
        if (status === 429) this.throttled.add(1, { 'hwc.teams.operation': operation });
        markFailed(span, error);
        throw error;
      } finally {
        span.setAttribute('hwc.teams.result', result);
        this.duration.record((this.now() - started) / 1000, { 'hwc.teams.operation': operation, 'hwc.teams.result': resultClass(result) });
        span.end();
      }
    });
  }
}

/** The HTTP status in a messenger error code (`http_429`, `http_403_BotNotInConversationRoster`). */
function statusOf(code: string): number | undefined {
  const match = /^http_(\d{3})/.exec(code);
  return match ? Number(match[1]) : undefined;
}

/** Few values for a metric attribute: ok, the status, or the kind of failure without a status. */
function resultClass(result: string): string {
  return result === 'ok' ? 'ok' : (statusOf(result)?.toString() ?? (result === 'rate_limit_wait' || result === 'network' ? result : 'error'));
}
