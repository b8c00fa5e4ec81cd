import type { TurnContext } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { localeFrom, type Locale } from '../cards';
import type { RequestSource } from '../src/app/audit-trail';

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

const CORRELATION_ID = Symbol('hwc.correlationId');

/**
 * One id per incoming activity, made the first time anything asks and kept in the turn state: every
 * audit entry and every log line of the turn that names a correlation id names this one, and so
 * does the code a user is shown when the turn fails.
 */
export function correlationIdOf(context: TurnContext): string {
  const known: unknown = context.turnState.get(CORRELATION_ID);
  if (typeof known === 'string') return known;
  const made = randomUUID();
  context.turnState.set(CORRELATION_ID, made);
  return made;
}

/**
 * Where a request came from and which turn made it: what the use cases write into their audit
 * entries, and the message a card button was pressed on.
 */
export function sourceOf(context: TurnContext): RequestSource {
  return { origin: originOf(context), correlationId: correlationIdOf(context), messageId: context.activity.replyToId };
}
