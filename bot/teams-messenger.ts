import {
  CardFactory,
  MessageFactory,
  TurnContext,
  type ConversationReference,
  type ConversationParameters,
} from 'botbuilder';
import { MessengerError, type ConversationAddress, type Messenger, type OutboundCard } from '../src/ports';
import type { HwcAdapter } from './adapter';
import { addressFromActivity } from './conversation-address';

/** Scope the bot asks tokens for when it calls the Bot Connector. */
const BOT_CONNECTOR_AUDIENCE = 'https://api.botframework.com';
/** Teams answers these later: back off and try again (Microsoft's rate-limit guidance). */
const RETRYABLE_STATUS = new Set([408, 412, 429, 500, 502, 503, 504]);

export interface TeamsMessengerSettings {
  appId: string;
  /** Where new 1:1 chats are created, e.g. https://smba.trafficmanager.net/teams/ */
  serviceUrl: string;
  tenantId?: string;
}

/** The Messenger port over the Bot Connector: proactive sends and in-place updates of cards. */
export class TeamsMessenger implements Messenger {
  constructor(
    private readonly adapter: HwcAdapter,
    private readonly settings: TeamsMessengerSettings,
  ) {}

  async send(to: ConversationAddress, card: OutboundCard): Promise<{ activityId: string }> {
    let activityId: string | undefined;
    await this.inConversation(to, async (context) => {
      const sent = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
      activityId = sent?.id;
    });
    if (!activityId) throw new MessengerError('no_activity_id', true);
    return { activityId };
  }

  async update(to: ConversationAddress, activityId: string, card: OutboundCard): Promise<void> {
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

  private async inConversation(to: ConversationAddress, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    try {
      await this.adapter.continueConversationAsync(this.settings.appId, referenceOf(to), logic);
    } catch (error) {
      throw toMessengerError(error);
    }
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
