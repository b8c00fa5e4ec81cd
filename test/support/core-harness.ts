import { SchoolTime } from '../../src/app/school-time';
import { createUseCases, type UseCases } from '../../src/app/use-cases';
import { Dispatcher, type RenderDelivery } from '../../src/app/dispatcher';
import { importDirectory } from '../../src/app/import-directory';
import type { Directory } from '../../src/domain/directory';
import type { Delivery, Signal } from '../../src/domain/signal';
import type { RequestSource } from '../../src/app/audit-trail';
import type { Clock, DirectoryStore, SignalStore } from '../../src/ports';
import { createMemoryStores } from '../../src/store/memory';
import { BACKUP_CONTACT_ID, PRIMARY_CONTACT_ID, aConversation } from '../fixtures/directory';
import { aSchoolDirectory } from '../fixtures/school-directory';
import { ISSUED_AT } from '../fixtures/signals';
import { FakeMessenger } from './fake-messenger';
import { FixedClock } from './fixed-clock';
import { RecordingAuditLog } from './recording-audit-log';
import { RecordingLogger } from './recording-logger';
import { SequenceRandom } from './sequence-random';

/** What the fake renderer sends: which view of which signal, and nothing about the child. */
export interface FakeCard {
  view: string;
  signalId: string;
  reference: string;
}

/** A card that says which view it is, so tests can tell a "signal" card from a "taken" one. */
export const renderViewOnly: RenderDelivery = async (signal, delivery) =>
  ({ view: delivery.view, signalId: signal.id, reference: signal.reference }) satisfies FakeCard;

export interface Core extends UseCases {
  signals: SignalStore;
  directory: DirectoryStore;
  audit: RecordingAuditLog;
  clock: FixedClock;
  random: SequenceRandom;
  messenger: FakeMessenger;
  logger: RecordingLogger;
  dispatcher: Dispatcher;
  /** Resolves when every delivery started so far has been attempted (the app's `idle`). */
  idle(): Promise<void>;
  /** The stored signal now, or a failure when there is none. */
  stored(id: string): Promise<Signal>;
  /**
   * Where a press on the member's own card of the signal comes from (the first card that matches
   * `which`): the source a use case gets when Teams names that message as the one pressed.
   */
  pressOnCard(signalId: string, memberId: string, which?: (d: Delivery) => boolean): Promise<RequestSource>;
}

export interface CoreOptions {
  now?: Date | string;
  directory?: Directory;
  /** How cards are drawn; by default a card that only names its view. Gets the core's directory and clock. */
  render?: (deps: { directory: DirectoryStore; clock: Clock }) => RenderDelivery;
  /** Members whose personal chat is already known; by default both contacts of the fixture school. */
  knownChats?: string[];
  jitter?: () => number;
  /** Wraps the signal store every use case writes through, e.g. to slip another writer in. */
  wrapSignals?: (store: SignalStore) => SignalStore;
}

/**
 * The use cases over memory stores, a fixed clock, a deterministic Random and a fake Teams, wired
 * as `bot/create-app.ts` wires them.
 */
export async function createCore(options: CoreOptions = {}): Promise<Core> {
  const audit = new RecordingAuditLog();
  const stores = createMemoryStores(audit);
  const { directory } = stores;
  const signals = options.wrapSignals ? options.wrapSignals(stores.signals) : stores.signals;
  const clock = new FixedClock(options.now ?? ISSUED_AT);
  const random = new SequenceRandom();
  const messenger = new FakeMessenger();
  const logger = new RecordingLogger();
  await importDirectory(directory, options.directory ?? aSchoolDirectory());
  for (const memberId of options.knownChats ?? [PRIMARY_CONTACT_ID, BACKUP_CONTACT_ID]) {
    await directory.saveConversation(aConversation({ memberId }));
  }
  // These tests are about what happens, not when: cards go out at once (quiet time is covered
  // by test/e2e/on-time.e2e.test.ts and the calendar's own tests).
  const schoolTime = new SchoolTime(directory, { quietTime: false });
  const dispatcher = new Dispatcher({
    signals,
    directory,
    messenger,
    schoolTime,
    render: options.render ? options.render({ directory, clock }) : renderViewOnly,
    clock,
    logger,
    jitter: options.jitter ?? (() => 0),
    audit,
  });
  const stored = async (id: string): Promise<Signal> => {
    const found = await signals.get(id);
    if (!found) throw new Error(`no stored signal ${id}`);
    return found.value;
  };
  return {
    signals,
    directory,
    audit,
    clock,
    random,
    messenger,
    logger,
    dispatcher,
    ...createUseCases({ signals, directory, audit, dispatcher, clock, random, logger, schoolTime }),
    idle: () => dispatcher.idle(),
    stored,
    async pressOnCard(signalId, memberId, which = () => true) {
      const card = (await stored(signalId)).deliveries.find((d) => d.recipientId === memberId && d.activityId !== undefined && which(d));
      if (!card) throw new Error(`${memberId} has no card of ${signalId} in Teams`);
      return { messageId: card.activityId };
    },
  };
}

/** The card a fake-rendered call carried. */
export function fakeCard(call: { card: object }): FakeCard {
  return call.card as FakeCard;
}
