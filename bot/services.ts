import type { Locale } from '../cards';
import type { LinkMember } from '../src/app/link-member';
import type { UseCases } from '../src/app/use-cases';
import type { AuditLog, Clock, DirectoryStore, Logger } from '../src/ports';
import type { SignalCards } from './signal-cards';

/** What the Teams edge needs from the core: the use cases, the directory, the clock, card building. */
export interface BotServices extends Omit<UseCases, 'actOnDeadlines'> {
  directory: DirectoryStore;
  cards: SignalCards;
  clock: Clock;
  logger: Logger;
  /** HWC_LOCALE: the language for everyone unless a user's Teams speaks English. */
  locale: Locale;
  audit: AuditLog;
  /** HWC_ALLOWED_TENANTS; empty accepts any tenant. */
  allowedTenants: readonly string[];
  /** HWC_DIGEST_MIN_COUNT: per-school counts below it (but above 0) show as "<N". */
  digestMinCount: number;
  /** Links someone an admin added by address, the first time they write to the bot. */
  linkMember: LinkMember;
}
