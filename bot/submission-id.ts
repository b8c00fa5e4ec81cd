import type { TurnContext } from 'botbuilder';
import { hash } from 'node:crypto';
import { memberIdOf } from './turn-info';

/**
 * A stable id for "this member pressed Verstuur on this form message": the same press repeated
 * (a double click, Teams retrying a slow answer) gives the same id, a new form a new one.
 * Shaped as a UUID (version 8, name-based) so it can serve as the signal's id.
 */
export function submissionIdOf(context: TurnContext, part = ''): string | undefined {
  const formMessageId = context.activity.replyToId;
  if (!formMessageId) return undefined;
  const hex = hash('sha256', [context.activity.conversation?.id ?? '', formMessageId, memberIdOf(context), part].join('\n'), 'hex');
  // Version 8 in the 13th digit, the RFC variant (10xx) in the 17th.
  const variant = (0x8 | (parseInt(hex[16] ?? '0', 16) & 0x3)).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
