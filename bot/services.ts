import type { AcknowledgeSignal } from '../src/app/acknowledge-signal';
import type { IssueSignal } from '../src/app/issue-signal';
import type { ListMySignals } from '../src/app/list-my-signals';
import type { RecordSupport } from '../src/app/record-support';
import type { Locale } from '../cards';
import type { Clock, DirectoryStore, Logger } from '../src/ports';

/** What the Teams edge needs from the core: use cases, the directory, the clock. */
export interface BotServices {
  issueSignal: IssueSignal;
  acknowledgeSignal: AcknowledgeSignal;
  recordSupport: RecordSupport;
  listMySignals: ListMySignals;
  directory: DirectoryStore;
  clock: Clock;
  logger: Logger;
  /** HWC_LOCALE: the language for everyone unless a user's Teams speaks English. */
  locale: Locale;
}
