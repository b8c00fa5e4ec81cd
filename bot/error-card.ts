import { noticeCard, stringsFor, type AdaptiveCard, type Locale } from '../cards';
import { ErrorCodes, type DomainError } from '../src/domain/errors';

/** The one table from an error code to what the user reads. */
export function errorCard(error: DomainError, locale: Locale): AdaptiveCard {
  const t = stringsFor(locale);
  switch (error.code) {
    case ErrorCodes.roleRequired:
      return noticeCard({ locale, ...t.errors['ACCESS.ROLE_REQUIRED'] });
    case ErrorCodes.notYourSignal:
      return noticeCard({ locale, ...t.bot.notContactOfSchool });
    case ErrorCodes.unknownMember:
      return noticeCard({ locale, ...t.errors['ACCESS.UNKNOWN_MEMBER'] });
    case ErrorCodes.signalNotFound:
      return noticeCard({ locale, ...t.errors['SIGNAL.NOT_FOUND'] });
    case ErrorCodes.notAcknowledged:
      return noticeCard({ locale, ...t.errors['SIGNAL.NOT_ACKNOWLEDGED'] });
    case ErrorCodes.supportLocked:
      return noticeCard({ locale, ...t.errors['SIGNAL.SUPPORT_LOCKED'] });
    case ErrorCodes.redacted:
      return noticeCard({ locale, ...t.errors['SIGNAL.REDACTED'] });
    default:
      // Conflicts and the like are not the user's to fix: the generic answer covers them.
      throw error;
  }
}
