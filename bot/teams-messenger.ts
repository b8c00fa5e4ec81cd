import { DISPATCH_LEASE_MS } from '../src/app/dispatcher';
import { z } from 'zod';
import { HANDED_BACK, MessengerError, REDRAW_DUE, type CallOptions, type ChatUser, type ConversationAddress, type Messenger, type OutboundCard } from '../src/ports';
import type { BotConnectorClient, OutgoingActivity } from './bot-connector-client';
import { RateLimitWaitExceeded, RateLimiter, type TurnLimiter } from './rate-limiter';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** The fields of Teams' answer about a conversation member that linking reads (TeamsChannelAccount). */
const teamsMemberSchema = z.object({
  aadObjectId: z.string().max(100).optional(),
  userPrincipalName: z.string().max(320).optional(),
  email: z.string().max(320).optional(),
});

export interface TeamsMessengerSettings {
  appId: string;
  /** Where new 1:1 chats are created, e.g. https://smba.trafficmanager.net/teams/ */
  serviceUrl: string;
  tenantId?: string;
  /**
   * Bot Connector calls per second over all conversations (default 30), for the default limiter
   * of this process alone; on a shared store the app passes a SharedRateLimiter that counts for
   * every instance.
   */
  ratePerSecond?: number;
  /**
   * How long a call may wait for its turn before it fails as retryable (`rate_limit_wait`), at
   * most: the wait also ends when the call's own AbortSignal fires.
   */
  maxRateWaitMs?: number;
}

/**
 * The Messenger port over the Bot Connector: proactive sends and in-place updates of cards. Every
 * call first waits for its turn under Teams' rate limits (per conversation and global), then goes
 * out as one request of our own client, which the caller's AbortSignal cancels.
 */
export class TeamsMessenger implements Messenger {
  constructor(
    private readonly connector: BotConnectorClient,
    private readonly settings: TeamsMessengerSettings,
    // 100 ms of margin per window: measured against a connector that enforces Teams' windows
    // strictly, calls that arrive early by a few milliseconds otherwise draw 429s.
    private readonly limiter: TurnLimiter = new RateLimiter({ globalPerSecond: settings.ratePerSecond, marginMs: 100 }),
  ) {}

  async send(to: ConversationAddress, card: OutboundCard, options: CallOptions = {}): Promise<{ activityId: string }> {
    await this.turn(to.conversationId, options);
    const { id } = await this.connector.sendActivity(to.serviceUrl, to.conversationId, activityFor(to, card), options.signal);
    return { activityId: id };
  }

  async update(to: ConversationAddress, activityId: string, card: OutboundCard, options: CallOptions = {}): Promise<void> {
    await this.turn(to.conversationId, options);
    await this.connector.updateActivity(to.serviceUrl, to.conversationId, activityId, activityFor(to, card), options.signal);
  }

  async openPersonalChat(memberId: string): Promise<ConversationAddress> {
    const { appId, serviceUrl, tenantId } = this.settings;
    // Teams addresses bots as 28:<app id>; local mode has no app id, so any stable id will do.
    const botId = appId ? `28:${appId}` : 'hwc-local-bot';
    // The conversation does not exist yet: only the global limit applies.
    await this.turn(undefined);
    const { id } = await this.connector.createConversation(serviceUrl, {
      isGroup: false,
      bot: { id: botId, name: 'Handle with Care' },
      members: [{ id: memberId }],
      ...(tenantId ? { tenantId, channelData: { tenant: { id: tenantId } } } : {}),
    });
    return {
      memberId,
      userId: memberId,
      conversationId: id,
      serviceUrl,
      channelId: 'msteams',
      botId,
      ...(tenantId ? { tenantId } : {}),
      updatedAt: new Date().toISOString(),
    };
  }

  async lookUpUser(at: ConversationAddress, options: CallOptions = {}): Promise<ChatUser> {
    await this.turn(at.conversationId, options);
    const answer = teamsMemberSchema.safeParse(await this.connector.getConversationMember(at.serviceUrl, at.conversationId, at.userId, options.signal));
    // An answer about someone else, or not shaped as Teams answers, names nobody.
    if (!answer.success || (answer.data.aadObjectId && answer.data.aadObjectId.toLowerCase() !== at.memberId)) return {};
    const { userPrincipalName, email } = answer.data;
    return { ...(userPrincipalName ? { userPrincipalName } : {}), ...(email ? { email } : {}) };
  }

  /**
   * A turn under the rate limits for one call, then whether the card may still go: one drawn with
   * a child whose moment to forget came during the wait is not sent (`redraw_due`), however the
   * turn was had.
   */
  private async turn(conversationId: string | undefined, options: CallOptions = {}): Promise<void> {
    await this.waitForTurn(conversationId, options);
    if (options.stillSendable && !options.stillSendable()) throw new MessengerError(REDRAW_DUE, true);
  }

  /**
   * Waits for a turn under the rate limits; a wait that ends is a retryable refusal, never a call.
   * Once `beforeCall` fires no turn is taken any more: the call goes back (`handed_back`).
   */
  private async waitForTurn(conversationId: string | undefined, { signal, beforeCall }: CallOptions): Promise<void> {
    if (beforeCall?.aborted) throw new MessengerError(HANDED_BACK, true);
    // A turn free now (the usual case) is taken at once, without the listeners a wait needs.
    if (!signal?.aborted && this.limiter.takeNow?.(conversationId)) return;
    // The wait ends when either signal fires. Listeners of our own, removed after the wait: the
    // process-long `beforeCall` must not collect one per card (as AbortSignal.any's would).
    const ends = new AbortController();
    const end = () => ends.abort();
    signal?.addEventListener('abort', end, { once: true });
    beforeCall?.addEventListener('abort', end, { once: true });
    if (signal?.aborted) ends.abort();
    try {
      await this.limiter.acquire(conversationId, { maxWaitMs: this.settings.maxRateWaitMs ?? DISPATCH_LEASE_MS / 3, signal: ends.signal });
    } catch (error) {
      if (beforeCall?.aborted && !signal?.aborted) throw new MessengerError(HANDED_BACK, true);
      if (error instanceof RateLimitWaitExceeded || signal?.aborted) throw new MessengerError('rate_limit_wait', true);
      throw error;
    } finally {
      signal?.removeEventListener('abort', end);
      beforeCall?.removeEventListener('abort', end);
    }
    // Granted at the very moment the process began to stop: still nothing sent, so it goes back.
    if (beforeCall?.aborted) throw new MessengerError(HANDED_BACK, true);
  }
}

function activityFor(to: ConversationAddress, card: OutboundCard): OutgoingActivity {
  return {
    type: 'message',
    attachments: [{ contentType: ADAPTIVE_CARD, content: card }],
    from: { id: to.botId },
    recipient: { id: to.userId },
    conversation: { id: to.conversationId },
  };
}
