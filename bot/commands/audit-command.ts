import type { TurnContext } from 'botbuilder';
import { auditTrailCard, commandArgument, noticeCard, stringsFor, type AuditTrailRow } from '../../cards';
import { ErrorCodes, isDomainError } from '../../src/domain/errors';
import type { AuditEntry } from '../../src/ports';
import type { BotServices } from '../services';
import { replyWithCard } from '../reply';
import { localeOf, memberIdOf, sourceOf } from '../turn-info';

/**
 * `audit HWC-7F3K`: an admin sees the signal's audit trail, newest first, each actor named as the
 * directory names them. Anyone else is told kindly that this is for administrators.
 */
export async function auditCommand(context: TurnContext, services: BotServices): Promise<void> {
  const locale = localeOf(context, services.locale);
  const t = stringsFor(locale).audit;
  let result;
  try {
    result = await services.readAuditTrail.execute(memberIdOf(context), commandArgument(context.activity.text), sourceOf(context));
  } catch (error) {
    if (!isDomainError(error, ErrorCodes.roleRequired)) throw error;
    return replyWithCard(context, noticeCard({ locale, ...t.notAdmin }));
  }
  switch (result.kind) {
    case 'invalid':
      return replyWithCard(context, noticeCard({ locale, ...t.usage }));
    case 'unknown':
      return replyWithCard(context, noticeCard({ locale, title: t.unknown.title, text: t.unknown.text(result.reference) }));
    case 'found': {
      const rows = await namedRows(services, result.entries);
      return replyWithCard(context, auditTrailCard({ locale, reference: result.reference, rows, more: result.total - rows.length }));
    }
  }
}

/** Each actor looked up once; someone no longer in the directory is shown by member id. */
async function namedRows(services: BotServices, entries: AuditEntry[]): Promise<AuditTrailRow[]> {
  const ids = [...new Set(entries.map((e) => e.actorId))];
  const members = await Promise.all(ids.map((id) => services.directory.getMember(id)));
  const names = new Map(ids.map((id, i) => [id, members[i]?.name]));
  return entries.map((e) => {
    const name = names.get(e.actorId);
    return {
      at: e.at,
      actorId: e.actorId,
      ...(name ? { actorName: name } : {}),
      ...(e.role ? { role: e.role } : {}),
      action: e.action,
      result: e.result,
      ...(e.origin ? { origin: e.origin } : {}),
    };
  });
}
