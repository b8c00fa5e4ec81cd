import type { AuditLog, Clock, DirectoryStore, Logger, Metrics, Random, SignalStore } from '../ports';
import { AcknowledgeSignal } from './acknowledge-signal';
import { ActOnDeadlines } from './act-on-deadlines';
import { BounceSignal } from './bounce-signal';
import type { Dispatcher } from './dispatcher';
import { IssueSignal } from './issue-signal';
import { LearnCardCopy } from './learn-card-copy';
import { ListAwaitingRouting } from './list-awaiting-routing';
import { ListMySignals } from './list-my-signals';
import { ReadAuditTrail } from './read-audit-trail';
import { ReadDigest } from './read-digest';
import { RecordSupport } from './record-support';
import { RouteSignal } from './route-signal';
import type { SchoolTime } from './school-time';
import { TakeEscalation } from './take-escalation';

export interface UseCaseDeps {
  signals: SignalStore;
  directory: DirectoryStore;
  audit: AuditLog;
  dispatcher: Dispatcher;
  clock: Clock;
  random: Random;
  logger: Logger;
  schoolTime: SchoolTime;
  /** None: nothing is measured. */
  metrics?: Metrics;
}

/** Every use case, wired once: the app and the tests' harness share this, so they cannot drift. */
export function createUseCases(deps: UseCaseDeps) {
  const { signals, directory, audit, dispatcher, clock, random, logger, schoolTime, metrics } = deps;
  return {
    issueSignal: new IssueSignal({ signals, directory, dispatcher, clock, random, schoolTime, ...(metrics ? { metrics } : {}) }),
    acknowledgeSignal: new AcknowledgeSignal({ signals, directory, audit, dispatcher, clock, schoolTime }),
    recordSupport: new RecordSupport({ signals, directory, audit, dispatcher, clock }),
    listMySignals: new ListMySignals({ signals, directory, audit, clock }),
    routeSignal: new RouteSignal({ signals, directory, audit, dispatcher, clock, schoolTime, logger }),
    bounceSignal: new BounceSignal({ signals, directory, audit, dispatcher, clock, schoolTime }),
    listAwaitingRouting: new ListAwaitingRouting({ signals, directory, audit, clock }),
    takeEscalation: new TakeEscalation({ signals, directory, audit, dispatcher, clock }),
    readAuditTrail: new ReadAuditTrail({ signals, directory, audit, clock }),
    readDigest: new ReadDigest({ signals, directory, audit, clock }),
    learnCardCopy: new LearnCardCopy({ signals, dispatcher, clock }),
    actOnDeadlines: new ActOnDeadlines({ signals, directory, audit, dispatcher, clock, logger, schoolTime, ...(metrics ? { metrics } : {}) }),
  };
}

export type UseCases = ReturnType<typeof createUseCases>;
