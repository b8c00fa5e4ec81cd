import type { Activity } from 'botbuilder';
import type { ConversationAddress } from '../src/ports';

/**
 * How to reach the sender of an activity in this personal chat later on, or undefined when the
 * activity does not come from a person's 1:1 chat with the bot.
 */
export function addressFromActivity(activity: Partial<Activity>, now: Date): ConversationAddress | undefined {
  const memberId = activity.from?.aadObjectId?.toLowerCase();
  const conversation = activity.conversation;
  const personal = !conversation?.conversationType || conversation.conversationType === 'personal';
  if (!memberId || !conversation?.id || !personal || !activity.serviceUrl || !activity.channelId) return undefined;
  const tenantId = conversation.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  return {
    memberId,
    userId: activity.from?.id || memberId,
    conversationId: conversation.id,
    serviceUrl: activity.serviceUrl,
    channelId: activity.channelId,
    botId: activity.recipient?.id ?? '',
    ...(tenantId ? { tenantId } : {}),
    ...(activity.locale ? { locale: activity.locale } : {}),
    updatedAt: now.toISOString(),
  };
}
