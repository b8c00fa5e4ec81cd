/**
 * The ports the core depends on. Adapters are named after their technology
 * (SqliteSignalStore, CosmosSignalStore, MemorySignalStore, TeamsMessenger).
 */
import type { DigestRun } from './domain/digest/digest-run';
import type { SignalFacts } from './domain/digest/signal-facts';
import type { FactsScope, WeekBounds, WeeklyCounts } from './domain/digest/weekly-counts';
import type { Member, Municipality, RoleName, School } from './domain/directory';
import type { Signal } from './domain/signal';

export interface Clock {
  now(): Date;
}

export interface Random {
  /** A uniformly random integer in [0, max). */
  int(max: number): number;
  uuid(): string;
}

/** A signal as read from a store, with the opaque version tag its next write must match. */
export interface Stored<T> {
  value: T;
  etag: string;
}

/** A signal was stored but the audit entry of its issue could not be appended (Cosmos DB only). */
export class IssueNotAudited extends Error {
  /** The signal as stored, child included: not enumerable, so no logger that serialises errors sees it. */
  declare readonly stored: Stored<Signal>;

  constructor(stored: Stored<Signal>) {
    super('signal stored, its issue not audited');
    this.name = 'IssueNotAudited';
    Object.defineProperty(this, 'stored', { value: stored, enumerable: false });
  }
}

export interface SignalStore {
  /**
   * Fails with STORE.REFERENCE_TAKEN when another signal already has the reference code, and with
   * STORE.CONFLICT when a signal with this id exists (never overwriting it). A signal's id,
   * reference and municipality never change after create.
   *
   * `issued`, the audit entry that records the issue, is kept with the signal: in the same
   * transaction where the store has one across both (SQLite, memory), so a refused create leaves
   * no entry and a stored signal never lacks one; in Cosmos DB, whose audit is another container,
   * appended once the signal is written. Should that append fail, the call fails with
   * IssueNotAudited, which carries the signal as stored: its cards must still go.
   */
  create(signal: Signal, issued?: AuditEntry): Promise<Stored<Signal>>;
  get(id: string): Promise<Stored<Signal> | undefined>;
  getByReference(reference: string): Promise<Stored<Signal> | undefined>;
  /** Fails with STORE.CONFLICT when the stored version no longer carries `etag` (optimistic concurrency). */
  replace(signal: Signal, etag: string): Promise<Stored<Signal>>;
  /** Signals issued by a member at or after `since`, newest first. */
  listIssuedBy(memberId: string, since: Date): Promise<Signal[]>;
  /** Signals waiting for leerplicht (state awaiting_routing) in these municipalities, oldest first. */
  listAwaitingRouting(municipalityIds: string[]): Promise<Signal[]>;
  /**
   * What the weekly figures need (`factsOf`) of every signal in `scope` (`inFactsScope`: of its
   * municipalities, or at its schools from any municipality) issued at or after `from` and before
   * `to`, each once, ordered by issuedAt. Read straight from the anonymous records: never the
   * child's identity, so forgotten signals count like any other.
   */
  listFactsIssuedBetween(scope: FactsScope, from: Date, to: Date): Promise<SignalFacts[]>;
  /**
   * The trend's numbers, counted by the store: per week (in the order given), the records in
   * `scope` issued in it and how many of them had support recorded within 48 hours. Equal to
   * `countsOf` over the facts; never reads an identity.
   */
  countWeeklyHeadlines(scope: FactsScope, weeks: WeekBounds[]): Promise<WeeklyCounts[]>;
  /** Signals with a deadline (reminder, escalation, support reminder) due at or before `now` (by `nextDeadlineAt`), oldest first. */
  listDeadlinesDue(now: Date, limit: number): Promise<Stored<Signal>[]>;
  /** Signals with delivery work due at or before `now` (by `dispatchDueAt`), oldest first. */
  listDispatchDue(now: Date, limit: number): Promise<Stored<Signal>[]>;
  /**
   * Retention of the anonymous records: deletes up to `limit` signals issued before `cutoff`
   * (oldest first), each with any identity it still has. Returns how many.
   */
  purgeIssuedBefore(cutoff: Date, limit: number): Promise<number>;
  /**
   * The backstop behind forgetting: deletes up to `limit` identities whose store-side expiry
   * (set at issue, a day after the latest moment to forget) has passed. Returns how many.
   */
  purgeExpiredIdentities(now: Date, limit: number): Promise<number>;
}

/** How to reach a member in their personal chat with the bot. */
export interface ConversationAddress {
  memberId: string;
  /** Teams user id (`29:…`). */
  userId: string;
  conversationId: string;
  serviceUrl: string;
  tenantId?: string;
  channelId: string;
  botId: string;
  /** The member's Teams locale, e.g. nl-NL or en-US. */
  locale?: string;
  updatedAt: string;
  /**
   * Set when Teams answered that the bot can no longer write here (removed, blocked): nothing is
   * sent until the member writes to the bot again, which stores a fresh address.
   */
  inactiveSince?: string;
}

/** The three kinds of entry the directory holds. */
export type DirectoryEntryKind = 'municipality' | 'school' | 'member';

/** A member re-keyed from their placeholder to their object id: as they were, and as they are. */
export interface LinkedMember {
  before: Member;
  after: Member;
}

/** An admin's change of one kind of entry: entries written whole (added or replaced), ids removed. */
export type DirectoryChange =
  | { kind: 'municipality'; put: Municipality[]; remove: string[] }
  | { kind: 'school'; put: School[]; remove: string[] }
  | { kind: 'member'; put: Member[]; remove: string[] };

export interface DirectoryStore {
  /** Idempotent: inserts or replaces each entry by id. */
  upsertMunicipalities(items: Municipality[]): Promise<void>;
  upsertSchools(items: School[]): Promise<void>;
  upsertMembers(items: Member[]): Promise<void>;
  /** Removes every member whose id is not listed, with all their roles: someone who left loses access. */
  removeMembersExcept(aadObjectIds: string[]): Promise<void>;
  /** Removes these entries (ids not stored are no error): an admin's edit in the tab, checked beforehand. */
  removeEntries(kind: DirectoryEntryKind, ids: string[]): Promise<void>;
  /**
   * An admin's change (an edit in the tab, a CSV import), checked beforehand, with the audit
   * entries that record it: in one transaction where the store has one across both (SQLite,
   * memory), so the change is made whole with its entries or not at all; in Cosmos DB, whose
   * audit is another container, the entries are appended once the change is written.
   */
  applyChange(change: DirectoryChange, audit: readonly AuditEntry[]): Promise<void>;
  /** Whether any member is stored: the demo directory is only ever loaded into a store without one. */
  hasMembers(): Promise<boolean>;
  getMember(aadObjectId: string): Promise<Member | undefined>;
  getSchool(id: string): Promise<School | undefined>;
  getMunicipality(id: string): Promise<Municipality | undefined>;
  listSchools(municipalityIds: string[]): Promise<School[]>;
  /** Every school in the directory: leerplicht may forward to a school in another municipality. */
  listAllSchools(): Promise<School[]>;
  /** Every municipality, by id: the tab's directory page. */
  listMunicipalities(): Promise<Municipality[]>;
  /** Every member, by member id: the tab's directory page. */
  listMembers(): Promise<Member[]>;
  /**
   * Members holding the school_contact role for the school. This list and the three below name
   * recipients: linked members only (`isLinked`), since a member known by address alone has no
   * Entra object id to write to yet.
   */
  listSchoolContacts(schoolId: string): Promise<Member[]>;
  /** Members holding the admin role: they are told when a card could not be delivered. */
  listAdmins(): Promise<Member[]>;
  /** Members holding `role` for the municipality (leerplicht officers, coordinators). */
  listMunicipalityMembers(role: 'leerplicht' | 'coordinator', municipalityId: string): Promise<Member[]>;
  /** Members holding a manager or coordinator role (each once, whatever their scope), by aadObjectId: who gets the weekly digest. */
  listDigestRecipients(): Promise<Member[]>;
  /**
   * Re-keys the member kept under a placeholder (an address, see `placeholderIdOf`) to their
   * Entra object id, with their name, e-mail address and every role, in one store operation.
   * Answers the member before and after, or undefined when there is nothing to link: no such
   * placeholder (another instance linked it first, or it was removed), or a member with that
   * object id exists already (then neither changes). `recordOf` makes the audit entry of a link
   * from what was linked; it is written as `applyChange` writes its entries (with the link in one
   * transaction where the store can).
   */
  linkMember(placeholderId: string, aadObjectId: string, recordOf?: (linked: LinkedMember) => AuditEntry): Promise<LinkedMember | undefined>;
  saveConversation(address: ConversationAddress): Promise<void>;
  getConversation(memberId: string): Promise<ConversationAddress | undefined>;
  /** The members the bot can write to: a chat is stored and not marked unreachable. One read for the tab's directory. */
  listReachableMemberIds(): Promise<string[]>;
}

/** The weekly digest's runs: one document per week, its own outbox (see `DigestRun`). */
export interface DigestRunStore {
  /** Fails with STORE.CONFLICT when a run with this id exists (never overwriting it): one run per week. */
  create(run: DigestRun): Promise<Stored<DigestRun>>;
  get(id: string): Promise<Stored<DigestRun> | undefined>;
  /** Fails with STORE.CONFLICT when the stored run no longer carries `etag`, or there is none. */
  replace(run: DigestRun, etag: string): Promise<Stored<DigestRun>>;
}

/** The role someone acted in, or `system` for the scheduler's own work. */
export type AuditRole = RoleName | 'system';

export interface AuditEntry {
  at: string;
  /** Member id of who acted, or `system`. */
  actorId: string;
  /**
   * The role the request was made in (the one it needs, also when it was refused). Absent where
   * nobody is known, e.g. an activity dropped before the directory was asked, and where the act
   * needs no role: a member added by address linking themself (`directory.member.link`).
   */
  role?: AuditRole;
  action: string;
  /** Signal id or reference code; never a child's data. */
  objectId?: string;
  result: 'ok' | 'refused' | 'failed';
  /** Where the request came from, e.g. `msteams:<conversation id>`. */
  origin?: string;
  /** The incoming activity (bot turn) or card dispatch (lease id) the entry belongs to: joins it to the logs. */
  correlationId?: string;
  /**
   * A change to the directory (an admin's edit in the tab): the entry as it was and as it became,
   * absent on the side where there was none. Staff names and roles only; never a child.
   */
  change?: { before?: Record<string, unknown>; after?: Record<string, unknown> };
}

/**
 * Append-only; kept apart from signals and longer (HWC_AUDIT_RETENTION_DAYS); never holds a
 * child's data. No method changes an entry; `purgeBefore` is the only way one ever leaves.
 */
export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
  /** An object's entries, oldest first; entries with the same `at` in the order appended. */
  list(objectId: string): Promise<AuditEntry[]>;
  /**
   * Retention, and nothing else: deletes entries with `at` before `cutoff` (whatever their
   * object), oldest first, at most `limit` of them. Returns how many it deleted; call again
   * while that equals `limit`.
   */
  purgeBefore(cutoff: Date, limit: number): Promise<number>;
}

/** One limit of a shared budget: at most `limit` calls in any window of `windowMs` under `key`. */
export interface RateWindow {
  /** What the limit is kept for, e.g. `teams:global` or `teams:conversation:<id>`. */
  key: string;
  limit: number;
  windowMs: number;
}

/**
 * Refused: `key` is the key whose windows stay full longest (`retryInMs`); `retryInMs` 0 when
 * another instance took from `key` at the same moment (ask again at once, with a fresh `now`).
 */
export type RateTake = { ok: true } | { ok: false; retryInMs: number; key: string };

/**
 * A rate budget kept in the store, so that every instance on one store shares it (Teams' limits
 * are per bot, not per process). Sliding windows: a call taken at `t` counts until `t + windowMs`.
 */
export interface RateBudget {
  /**
   * Takes one call from every window at once, or from none: `{ ok: false, retryInMs }` says how
   * long until all of them may have room again (another instance may take it first). `now` is
   * wall-clock epoch milliseconds; the instances' clocks are assumed to agree to within the
   * margin the caller adds to its windows. Windows sharing a key are kept together. Keys are
   * taken in the order given: give them in the same order in every call, the most contended
   * first (two takes in opposite orders may keep undoing each other).
   */
  tryTake(windows: readonly RateWindow[], now: number): Promise<RateTake>;
  /**
   * Several takes, each as `tryTake` decides one, in the order given: each is granted or refused
   * on its own, and what an earlier one took counts for the later ones. One store step where the
   * store can (Cosmos DB refuses the rest of a step at a key found full without asking again): a
   * process with calls waiting in several chats asks once, not once per chat.
   */
  tryTakeEach(requests: ReadonlyArray<readonly RateWindow[]>, now: number): Promise<RateTake[]>;
  /** Returns a call taken with these windows at `at` that was not made, so it counts no more. */
  giveBack(windows: readonly RateWindow[], at: number): Promise<void>;
}

/** An Adaptive Card (or other attachment content) ready to send. */
export type OutboundCard = object;

/** How long a Teams call may take: it is cancelled (really, not only forgotten) when `signal` aborts. */
export interface CallOptions {
  /** Cancels the call, whether it waits for its turn or is on its way to Teams. */
  signal?: AbortSignal;
  /**
   * Cancels the call only while it waits for its turn, before anything was sent: a process that
   * stops hands such calls back (MessengerError `handed_back`) and lets calls on the wire finish.
   */
  beforeCall?: AbortSignal;
  /**
   * Whether the card may still go, asked once its turn under the rate limits has come: a card
   * drawn with a child must not reach Teams after the moment to forget it, however long it
   * waited for its turn. When no longer, nothing is sent (MessengerError `redraw_due`).
   */
  stillSendable?: () => boolean;
}

/** The code of a call given back before it was made: the process stops, another takes it at once. */
export const HANDED_BACK = 'handed_back';

/** The code of a card not sent because it was drawn with a child it may no longer show: drawn again. */
export const REDRAW_DUE = 'redraw_due';

export interface Messenger {
  send(to: ConversationAddress, card: OutboundCard, options?: CallOptions): Promise<{ activityId: string }>;
  update(to: ConversationAddress, activityId: string, card: OutboundCard, options?: CallOptions): Promise<void>;
  /**
   * Creates the 1:1 chat with a member who has the app but never wrote to the bot, through the
   * configured Teams service URL and tenant.
   */
  openPersonalChat(memberId: string): Promise<ConversationAddress>;
  /**
   * Who the user of a personal chat is, as Teams knows them (the conversation's member): their
   * UPN and e-mail address, each when Teams names one. Asked once per person, to link a member an
   * admin added by address (see `DirectoryStore.linkMember`).
   */
  lookUpUser(at: ConversationAddress, options?: CallOptions): Promise<ChatUser>;
}

/** A chat's user as Teams names them; the directory's member id is their Entra object id. */
export interface ChatUser {
  userPrincipalName?: string;
  email?: string;
}

/**
 * Thrown by a Messenger. `retryable` failures (429, 412, 502, 504, network) come back later,
 * honouring `retryAfterMs`; final ones (403 not in roster, blocked) do not. `inDoubt`: the request
 * may have reached Teams (cancelled or cut off after it was sent), so a new message may exist
 * whose id the bot never learned.
 */
export class MessengerError extends Error {
  constructor(
    readonly code: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
    readonly inDoubt = false,
  ) {
    super(code);
    this.name = 'MessengerError';
  }
}

export interface Logger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/**
 * What the core counts and measures for operations, told where the fact is first known. Adapters
 * turn it into metrics; their attributes are fixed words, never ids, names or dates.
 */
export interface Metrics {
  /** A signal was stored (a repeated submission is not a new one). */
  signalIssued(route: 'direct' | 'leerplicht'): void;
  /** A child's identity left the store this long after its planned moment (`redactAt`). */
  identityForgotten(lagMs: number): void;
  /** A weekly digest run was started (once per week over all instances). */
  digestRunStarted(): void;
  /** One recipient's weekly digest ended a try this way. */
  digestOutcome(kind: 'sent' | 'retry' | 'failed'): void;
}
