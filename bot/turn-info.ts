import type { TurnContext } from 'botbuilder';
import { localeFrom, type Locale } from '../cards';

/** The acting member: always the Entra object id Teams puts on the activity, never card data. */
export function memberIdOf(context: TurnContext): string {
  return (context.activity.from?.aadObjectId ?? '').toLowerCase();
}

export function localeOf(context: TurnContext, configured: Locale): Locale {
  return localeFrom(context.activity.locale, configured);
}

/** Where a request came from, for the audit log. */
export function originOf(context: TurnContext): string {
  return `${context.activity.channelId}:${context.activity.conversation?.id ?? 'unknown'}`;
}
