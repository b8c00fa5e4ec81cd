import type { Locale } from '../cards';
import type { AcknowledgeSignal } from '../src/app/acknowledge-signal';
import type { BounceSignal } from '../src/app/bounce-signal';
import type { IssueSignal } from '../src/app/issue-signal';
import type { ListAwaitingRouting } from '../src/app/list-awaiting-routing';
import type { ListMySignals } from '../src/app/list-my-signals';
import type { RecordSupport } from '../src/app/record-support';
import type { RouteSignal } from '../src/app/route-signal';
import type { TakeEscalation } from '../src/app/take-escalation';
import type { AuditLog, Clock, DirectoryStore, Logger } from '../src/ports';
import type { SignalCards } from './signal-cards';

/** What the Teams edge needs from the core: use cases, the directory, the clock, card building. */
export interface BotServices {
  issueSignal: IssueSignal;
  acknowledgeSignal: AcknowledgeSignal;
  recordSupport: RecordSupport;
  listMySignals: ListMySignals;
  routeSignal: RouteSignal;
  bounceSignal: BounceSignal;
  listAwaitingRouting: ListAwaitingRouting;
  takeEscalation: TakeEscalation;
  directory: DirectoryStore;
  cards: SignalCards;
  clock: Clock;
  logger: Logger;
  /** HWC_LOCALE: the language for everyone unless a user's Teams speaks English. */
  locale: Locale;
  audit: AuditLog;
  /** HWC_ALLOWED_TENANTS; empty accepts any tenant. */
  allowedTenants: readonly string[];
}
