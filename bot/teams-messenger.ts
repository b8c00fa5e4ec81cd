import {
  CardFactory,
  MessageFactory,
  TurnContext,
  type ConversationReference,
  type ConversationParameters,
} from 'botbuilder';
import { DISPATCH_LEASE_MS } from '../src/app/dispatcher';
import { MessengerError, type ConversationAddress, type Messenger, type OutboundCard } from '../src/ports';
import type { HwcAdapter } from './adapter';
import { addressFromActivity } from './conversation-address';
import { RateLimitWaitExceeded, RateLimiter, type TurnLimiter } from './rate-limiter';

/** Scope the bot asks tokens for when it calls the Bot Connector. */
const BOT_CONNECTOR_AUDIENCE = 'https://api.botframework.com';
/** Teams answers these later: back off and try again (Microsoft's rate-limit guidance). */
const RETRYABLE_STATUS = new Set([408, 412, 429, 500, 502, 503, 504]);

export interface TeamsMessengerSettings {
  appId: string;
  /** Where new 1:1 chats are created, e.g. https://smba.trafficmanager.net/teams/ */
  serviceUrl: string;
  tenantId?: string;
  /**
   * Bot Connector calls per second over all conversations (default 30). The budget is this
   * process's own: several instances each get one (sharing one would need the store), so an
   * operator divides the tenant's budget between them.
   */
  ratePerSecond?: number;
  /**
   * How long a call may wait for its turn before it fails as retryable (`rate_limit_wait`).
   * Well inside the time the dispatcher gives a Teams call (most of its lease), so a call it has
   * given up on is never sent later after all.
   */
  maxRateWaitMs?: number;
}

/**
 * The Messenger port over the Bot Connector: proactive sends and in-place updates of cards. Every
 * Bot Connector call first waits for its turn under Teams' rate limits (per conversation and
 * global, see RateLimiter), in this process only.
 */
export class TeamsMessenger implements Messenger {
  constructor(
    private readonly adapter: HwcAdapter,
    private readonly settings: TeamsMessengerSettings,
    // 100 ms of margin per window: measured against a connector that enforces Teams' windows
    // strictly, calls that arrive early by a few milliseconds otherwise draw 429s.
    private readonly limiter: TurnLimiter = new RateLimiter({ globalPerSecond: settings.ratePerSecond, marginMs: 100 }),
  ) {}

  async send(to: ConversationAddress, card: OutboundCard): Promise<{ activityId: string }> {
    await this.turn(to.conversationId);
    let activityId: string | undefined;
    await this.inConversation(to, async (context) => {
      const sent = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
      activityId = sent?.id;
    });
    if (!activityId) throw new MessengerError('no_activity_id', true);
    return { activityId };
  }

  async update(to: ConversationAddress, activityId: string, card: OutboundCard): Promise<void> {
    await this.turn(to.conversationId);
    await this.inConversation(to, async (context) => {
      await context.updateActivity({
        id: activityId,
        type: 'message',
        conversation: context.activity.conversation,
        attachments: [CardFactory.adaptiveCard(card)],
      });
    });
  }

  async openPersonalChat(memberId: string): Promise<ConversationAddress> {
    const { appId, serviceUrl, tenantId } = this.settings;
    const parameters: ConversationParameters = {
      isGroup: false,
      // Teams addresses bots as 28:<app id>; local mode has no app id, so any stable id will do.
      bot: { id: appId ? `28:${appId}` : 'hwc-local-bot', name: 'Handle with Care' },
      members: [{ id: memberId, name: '' }],
      tenantId: tenantId ?? '',
      channelData: tenantId ? { tenant: { id: tenantId } } : {},
      activity: undefined as never,
    };
    // The conversation does not exist yet: only the global limit applies.
    await this.turn(undefined);
    let opened: ConversationAddress | undefined;
    try {
      await this.adapter.createConversationAsync(appId, 'msteams', serviceUrl, BOT_CONNECTOR_AUDIENCE, parameters, async (context) => {
        opened = addressFromActivity({ ...context.activity, from: { id: '', name: '', aadObjectId: memberId } }, new Date());
      });
    } catch (error) {
      throw toMessengerError(error);
    }
    if (!opened) throw new MessengerError('no_conversation', false);
    return opened;
  }

  /** Waits for a turn under the rate limits; taken outside the turn so a refusal never reaches onTurnError. */
  private async turn(conversationId: string | undefined): Promise<void> {
    try {
      await this.limiter.acquire(conversationId, { maxWaitMs: this.settings.maxRateWaitMs ?? DISPATCH_LEASE_MS / 3 });
    } catch (error) {
      throw toMessengerError(error);
    }
  }

  private async inConversation(to: ConversationAddress, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    // A failure inside the turn would end in the adapter's onTurnError, which logs it, posts a
    // generic error card into this very conversation and swallows it: a 403 or 429 would then look
    // like a send without an activity id, and a failed update like a success. Carry it out instead.
    let failure: { error: unknown } | undefined;
    try {
      await this.adapter.continueConversationAsync(this.settings.appId, referenceOf(to), async (context) => {
        try {
          await logic(context);
        } catch (error) {
          failure = { error };
        }
      });
    } catch (error) {
      throw toMessengerError(error);
    }
    if (failure) throw toMessengerError(failure.error);
  }
}

function referenceOf(to: ConversationAddress): Partial<ConversationReference> {
  return {
    channelId: to.channelId,
    serviceUrl: to.serviceUrl,
    conversation: { id: to.conversationId, isGroup: false, conversationType: 'personal', tenantId: to.tenantId ?? '', name: '' },
    user: { id: to.userId, name: '', aadObjectId: to.memberId },
    bot: { id: to.botId, name: '' },
  };
}

/** Sorts a Bot Connector failure into try-again-later or final, keeping only codes. */
export function toMessengerError(error: unknown): MessengerError {
  if (error instanceof MessengerError) return error;
  if (error instanceof RateLimitWaitExceeded) return new MessengerError('rate_limit_wait', true);
  const e = error as { statusCode?: number; code?: string; response?: { status?: number; headers?: { get?(name: string): string | undefined }; parsedBody?: { error?: { code?: string } } } };
  const status = e.statusCode ?? e.response?.status;
  const teamsCode = e.response?.parsedBody?.error?.code ?? (typeof e.code === 'string' ? e.code : undefined);
  const code = status ? `http_${status}${teamsCode ? `_${teamsCode}` : ''}` : (teamsCode ?? 'network');
  if (status === undefined || RETRYABLE_STATUS.has(status)) {
    const retryAfter = Number(e.response?.headers?.get?.('retry-after'));
    return new MessengerError(code, true, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined);
  }
  // 403 BotNotInConversationRoster / MessageWritesBlocked / BotDisabledByAdmin, 404 and other 4xx: final.
  return new MessengerError(code, false);
}
