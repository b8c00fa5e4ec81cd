import type { TurnContext } from 'botbuilder';
import { commandArgument, noticeCard, stringsFor } from '../../cards';
import { formatIsoWeek, isWeekOver, parseIsoWeek } from '../../src/domain/digest/iso-week';
import { ErrorCodes, isDomainError } from '../../src/domain/errors';
import { digestCardFor } from '../digest-cards';
import { replyWithCard } from '../reply';
import type { BotServices } from '../services';
import { localeOf, memberIdOf, sourceOf } from '../turn-info';

/**
 * `overzicht` (or `digest`): a manager's or coordinator's figures for last week, the same card the
 * Monday digest brings; `overzicht 2026-W47` for another week. Anyone else is told kindly whom it
 * is for. Counts only, never a child.
 */
export async function digestCommand(context: TurnContext, services: BotServices): Promise<void> {
  const locale = localeOf(context, services.locale);
  const t = stringsFor(locale).digest;
  const typed = commandArgument(context.activity.text);
  const lastWeek = services.readDigest.lastWeek();
  const week = typed === undefined ? lastWeek : parseIsoWeek(typed);
  if (!week) return replyWithCard(context, noticeCard({ locale, ...t.usage }));
  if (!isWeekOver(week, services.clock.now())) {
    return replyWithCard(context, noticeCard({ locale, title: t.notOver.title, text: t.notOver.text(formatIsoWeek(week)) }));
  }
  try {
    const { digest, scope } = await services.readDigest.execute(memberIdOf(context), week, sourceOf(context));
    return replyWithCard(context, digestCardFor(digest, scope, locale, services.digestMinCount, services.clock.now()));
  } catch (error) {
    if (!isDomainError(error, ErrorCodes.roleRequired)) throw error;
    return replyWithCard(context, noticeCard({ locale, ...t.notManager }));
  }
}
