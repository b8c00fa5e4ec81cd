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
  const digits = hash('sha256', [context.activity.conversation?.id ?? '', formMessageId, memberIdOf(context), part].join('\n'), 'hex')
    .slice(0, 32)
    .split('');
  digits[12] = '8'; // version 8
  digits[16] = (0x8 | (parseInt(digits[16] ?? '0', 16) & 0x3)).toString(16); // RFC variant
  const hex = digits.join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
