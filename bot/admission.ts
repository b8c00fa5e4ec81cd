import type { Activity } from 'botbuilder';

export type Admission = 'ok' | 'wrong_channel' | 'wrong_tenant' | 'not_personal';

/**
 * Whether an activity may reach the bot's logic. Only Teams, only the tenants this deployment
 * serves (when configured), and signals only in a person's 1:1 chat with the bot.
 */
export function admissionOf(activity: Partial<Activity>, allowedTenants: readonly string[]): Admission {
  if (activity.channelId !== 'msteams') return 'wrong_channel';
  const tenantId = activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  if (allowedTenants.length > 0 && (!tenantId || !allowedTenants.includes(tenantId.toLowerCase()))) return 'wrong_tenant';
  const type = activity.conversation?.conversationType;
  if (type && type !== 'personal') return 'not_personal';
  return 'ok';
}
