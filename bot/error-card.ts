import { noticeCard, stringsFor, type AdaptiveCard, type Locale } from '../cards';
import { PICKED_UP_BY_COLLEAGUE } from '../src/app/access';
import { ErrorCodes, type DomainError } from '../src/domain/errors';

/**
 * The one table from an error code to what the user reads. Kind answers that show the current
 * state of a signal (already picked up, already forwarded) are built by the actions themselves.
 */
export function errorCard(error: DomainError, locale: Locale): AdaptiveCard {
  const t = stringsFor(locale);
  const notice = (text: { title: string; text: string }) => noticeCard({ locale, ...text });
  switch (error.code) {
    case ErrorCodes.roleRequired:
      return notice(error.context.role === 'vt_worker' ? t.bot.notVtWorker : t.errors['ACCESS.ROLE_REQUIRED']);
    case ErrorCodes.notYourSignal:
      if (error.context.role === 'leerplicht') return notice(t.bot.notLeerplicht);
      if (error.context.role === 'vt_worker') return notice(t.bot.notIssuer);
      if (error.context.role === 'coordinator') return notice(t.bot.notCoordinator);
      if (error.context.reason === PICKED_UP_BY_COLLEAGUE) return notice(t.bot.pickedUpByColleague);
      return notice(t.bot.notContactOfSchool);
    case ErrorCodes.unknownMember:
      return notice(t.errors['ACCESS.UNKNOWN_MEMBER']);
    case ErrorCodes.signalNotFound:
      return notice(t.errors['SIGNAL.NOT_FOUND']);
    case ErrorCodes.notAcknowledged:
      return notice(t.errors['SIGNAL.NOT_ACKNOWLEDGED']);
    case ErrorCodes.supportLocked:
      return notice(t.errors['SIGNAL.SUPPORT_LOCKED']);
    case ErrorCodes.supportClosed:
      return notice(t.errors['SIGNAL.SUPPORT_CLOSED']);
    case ErrorCodes.redacted:
      return notice(t.errors['SIGNAL.REDACTED']);
    case ErrorCodes.alreadyClosed:
      return notice(t.errors['SIGNAL.ALREADY_CLOSED']);
    case ErrorCodes.schoolTried:
      return notice(t.errors['SIGNAL.SCHOOL_TRIED']);
    case ErrorCodes.notAtSchool:
      return notice(t.errors['SIGNAL.NOT_AT_SCHOOL']);
    case ErrorCodes.notBounced:
      return notice(t.errors['SIGNAL.NOT_BOUNCED']);
    case ErrorCodes.notEscalated:
      return notice(t.errors['SIGNAL.NOT_ESCALATED']);
    case ErrorCodes.noRecipients:
      return notice(t.errors['SIGNAL.NO_RECIPIENTS']);
    default:
      // Conflicts and the like are not the user's to fix: the generic answer covers them.
      throw error;
  }
}
