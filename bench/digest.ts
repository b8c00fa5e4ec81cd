/**
 * Weekly digest: what it costs to build one municipality's digest (the week's figures, the four
 * weeks before it, the 52-week trend, the per-school table) with BENCH_DIGEST_SIGNALS (100,000)
 * signals issued over the two years up to and including the digest week in the store, spread over
 * BENCH_DIGEST_MUNICIPALITIES (30) municipalities of which the measured one holds
 * BENCH_DIGEST_SHARE (10) percent. Target: under 200 ms on the embedded store, with queries that
 * read that week's and that scope's records, not everything.
 *
 * Measured on the embedded SQLite store (a fresh temp file opened with `openSqliteDatabase`, so
 * migrated as in production) and on Cosmos DB (the in-process @vercel/cosmosdb-server the tests
 * use, over HTTPS, filled with BENCH_DIGEST_COSMOS_SIGNALS, default 20,000: it is slow to fill,
 * and slow to query, as it has no index; 0 skips it):
 *  - `ReadDigest.forMember` for a manager of the measured municipality, as the weekly job and the
 *    `overzicht` command call it (the directory in the same store: the member, the municipalities,
 *    their schools). It reads the digest week's facts record by record and has the store count the
 *    52-week trend;
 *  - within those same runs, timed through a proxy of the store, its two reads: the week's facts
 *    (`listFactsIssuedBetween` over the one week) and the trend counts (`countWeeklyHeadlines` over
 *    `trendWeeks`: on SQLite one range search of the covering index a week, on Cosmos a read of the
 *    52 weeks' facts counted in JS). The proxy also checks ReadDigest passes the scope and bounds
 *    the bench's bare SQL uses. On SQLite also each bare statement (`db.prepare(...).all(...)`, no
 *    rows turned into checked facts); and `buildDigest` alone on what the store returned (the
 *    week's facts with the trend counts);
 *  - the baseline, the naive way: read every stored document (`SELECT document FROM signals`, a
 *    full Cosmos query), parse and check it as a store does, `factsOf` each, keep the
 *    municipality's, `buildDigest` from the year of facts (no store counts). Its digest must equal
 *    ReadDigest's (checked).
 * On SQLite twice: with the measured municipality at BENCH_DIGEST_SHARE percent, and the worst
 * case where it holds every signal (a second file). Rows read: the week's facts returned (checked
 * against the seeding); for the trend, the rows the store returns (SQLite: one a week; Cosmos: the
 * facts of the 52 weeks it counts from), its weekly counts checked to add up to the seeded records
 * of those weeks. Rows visited (SQLite): counted by a SQL function added to a copy of each
 * statement's WHERE clause, called once per index entry the query visits (the plans of both
 * copies are printed too, to show they are the statements' own plans).
 * Runs: BENCH_DIGEST_REPS (30) after 3 warm-up on SQLite at the share; BENCH_DIGEST_SLOW_REPS (5)
 * for the worst case and on Cosmos, BENCH_DIGEST_BASELINE_REPS (3) for each baseline: those take
 * seconds a run, and the whole bench stays under three minutes on two cores.
 *
 * Seeding: every record is a real life, built with the domain functions and the calendar's time
 * policy, then forgotten (the state of any record older than a few days): delivered and supported
 * (picked up 10 to 100 minutes after delivery, so some after a reminder), picked up late and
 * supported after the support reminder, acknowledged without support, escalated and never picked
 * up (a coordinator takes it), escalated and then supported, bounced, bounced and re-routed
 * through leerplicht to another school, routed by leerplicht, closed as unroutable, expired
 * waiting for leerplicht, cards that could not be delivered. The scheduler and the dispatcher are
 * simulated between the steps (`applyDeliveryOutcomes`, `applyDueDeadlines`, `forgetChild`
 * whenever something falls due). Each kind is lived once per issue slot (7 days × 5 times of day
 * in the digest week); each record copies one such template with its own id, reference,
 * municipality, schools and people, shifted back a whole number of weeks (wall-clock times move an
 * hour across a daylight-saving change and a shifted life may fall in a holiday; the figures do
 * not mind). Records are inserted in the order they were issued, in one transaction, with the
 * store's own INSERT (`signalSql.insert`) and column mapping (`signalColumns`); they are anonymous
 * records, so there is no identity row to write. On Cosmos they go through CosmosSignalStore.create.
 *
 * Env: BENCH_DIGEST_SIGNALS (100000), BENCH_DIGEST_MUNICIPALITIES (30), BENCH_DIGEST_SHARE (10),
 * BENCH_DIGEST_COSMOS_SIGNALS (20000), BENCH_DIGEST_REPS (30), BENCH_DIGEST_SLOW_REPS (5),
 * BENCH_DIGEST_BASELINE_REPS (3), BENCH_DIGEST_SEED (1).
 * Exits non-zero only on a correctness failure: facts read or trend counts that do not match what
 * was stored in those weeks, store calls other than the bench's, or a baseline digest that differs.
 */
import { CosmosClient } from '@azure/cosmos';
import { createHttpsServer } from '@vercel/cosmosdb-server';
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { Agent } from 'node:https';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ReadDigest } from '../src/app/read-digest';
import { addDays, instantAt, timePolicyFor, type TimePolicy } from '../src/domain/calendar';
import type { Member, Municipality, School } from '../src/domain/directory';
import type { Digest } from '../src/domain/digest/figures';
import { buildDigest, TREND_WEEKS, trendWeeks } from '../src/domain/digest/build-digest';
import { addWeeks, formatIsoWeek, isoWeekOf, mondayOf, weekRange, type IsoWeek } from '../src/domain/digest/iso-week';
import { factsOf, type SignalFacts } from '../src/domain/digest/signal-facts';
import type { FactsScope, WeekBounds, WeeklyCounts } from '../src/domain/digest/weekly-counts';
import { forgetChild, isForgetDue } from '../src/domain/forget-child';
import { REFERENCE_ALPHABET, REFERENCE_LENGTH } from '../src/domain/reference-code';
import { acknowledge, applyDueDeadlines, bounce, closeUnroutable, forwardToSchool, issueSignal, recordSupport, sendToLeerplicht, takeEscalation, type Recipient, type Signal } from '../src/domain/signal';
import { applyDeliveryOutcomes, isDeliveryPending, type DeliveryOutcome } from '../src/domain/signal.deliveries';
import { PRIOR_CONCERN_ANSWERS, type SupportCategory } from '../src/domain/support';
import type { AuditLog, SignalStore } from '../src/ports';
import { containerDefinitions, openCosmosStores } from '../src/store/cosmos';
import { domainFields } from '../src/store/cosmos/cosmos-documents';
import { createMemoryStores } from '../src/store/memory';
import { parseSignalDocument, splitSignal, type SignalDocument } from '../src/store/signal-document';
import { openSqliteDatabase, sqliteStoresOver } from '../src/store/sqlite';
import { signalSql } from '../src/store/sqlite/signal-sql';
import { signalColumns, type SignalColumns } from '../src/store/sqlite/sqlite-signal-store';
import type { Stores } from '../src/store/stores';
import { positiveInt } from './env';
import { ms, summarize, table } from './stats';

const SIGNALS = positiveInt('BENCH_DIGEST_SIGNALS', 100_000);
const MUNICIPALITIES = positiveInt('BENCH_DIGEST_MUNICIPALITIES', 30);
const SHARE = positiveInt('BENCH_DIGEST_SHARE', 10);
const COSMOS_SIGNALS = positiveInt('BENCH_DIGEST_COSMOS_SIGNALS', 20_000, true);
const REPS = positiveInt('BENCH_DIGEST_REPS', 30);
/** Runs of what takes seconds a run: the worst case and Cosmos (the emulator scans), and the baselines. */
const SLOW_REPS = positiveInt('BENCH_DIGEST_SLOW_REPS', 5);
const BASELINE_REPS = positiveInt('BENCH_DIGEST_BASELINE_REPS', 3);
const SEED = positiveInt('BENCH_DIGEST_SEED', 1);
const TARGET_MS = 200;
/** Weeks the records are issued over (two years), the digest week the last; the trend counts 52. */
const SPAN_WEEKS = 104;
const SCHOOLS_PER_MUNICIPALITY = 20;
const WARM_UP = 3;
/** Requests in flight while filling the emulator. */
const COSMOS_CONCURRENCY = 16;
/** The well-known Cosmos DB emulator key (test/support/cosmos-emulator.ts); the in-process server takes any. */
const EMULATOR_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU9DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** The digest is for last week, as the Monday job and `overzicht` without a week build it. */
const NOW = new Date();
const WEEK_OF_DIGEST: IsoWeek = addWeeks(isoWeekOf(NOW), -1);
/** What ReadDigest reads record by record: the digest week. */
const WEEK_BOUNDS: WeekBounds = weekRange(WEEK_OF_DIGEST);
/** What the store counts for the trend: its 52 weeks, oldest first. */
const TREND_BOUNDS: WeekBounds[] = trendWeeks(WEEK_OF_DIGEST).map(weekRange);
/** The 52 weeks as one span: what the baseline builds the digest from. */
const WINDOW = { from: TREND_BOUNDS[0]!.from, to: WEEK_BOUNDS.to };

// ---------------------------------------------------------------------------------------------
// The directory: municipalities with their schools and people; the measured one is the first.

const MEASURED_ID = 'GM0917';
const MANAGER: Member = {
  aadObjectId: '44444444-4444-4444-8444-444444444444',
  name: 'Marloes Manager',
  roles: [{ role: 'manager', municipalityIds: [MEASURED_ID], schoolIds: [] }],
};
/** The manager's scope as ReadDigest passes it to the store (checked through the proxy). */
const SCOPE: FactsScope = { municipalityIds: [MEASURED_ID], schoolIds: [] };

/** A member id, as Entra would give it, derived from a kind and a number. */
function guid(kind: number, n: number): string {
  return `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

interface Place {
  municipality: Municipality;
  schools: School[];
  /** The people each record names: issuing worker, officer, coordinator, and two contacts per school. */
  worker: string;
  officer: string;
  coordinator: string;
  contacts: Array<[string, string]>;
}

function directory(count: number): Place[] {
  if (count > 100) throw new Error('BENCH_DIGEST_MUNICIPALITIES must be at most 100');
  const letters = (n: number) => String.fromCharCode(65 + Math.floor(n / 26), 65 + (n % 26));
  return Array.from({ length: count }, (_, m) => {
    const id = m === 0 ? MEASURED_ID : `GM${String(1000 + m).padStart(4, '0')}`;
    const schools = Array.from({ length: SCHOOLS_PER_MUNICIPALITY }, (_, s) => ({
      id: `${String(m).padStart(2, '0')}${letters(s)}00`,
      name: `Basisschool ${m === 0 ? 'Heerlen' : `Gemeente ${m}`} ${s + 1}`,
      municipalityId: id,
    }));
    return {
      municipality: { id, name: m === 0 ? 'Heerlen' : `Gemeente ${m}`, routing: 'direct' as const },
      schools,
      worker: guid(1, m),
      officer: guid(2, m),
      coordinator: guid(3, m),
      contacts: schools.map((_, s) => [guid(4, m * 1000 + s), guid(5, m * 1000 + s)] as [string, string]),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Lives: each kind of record lived once per issue slot, with placeholders for what differs.

/** Placeholders in a template, replaced per record. */
const P = {
  id: '@@ID@@',
  reference: '@@REF@@',
  municipality: '@@MUN@@',
  school: '@@S1@@',
  otherSchool: '@@S2@@',
  worker: '@@W@@',
  officer: '@@O@@',
  coordinator: '@@K@@',
  primary: '@@P1@@',
  backup: '@@B1@@',
  otherPrimary: '@@P2@@',
  otherBackup: '@@B2@@',
} as const;
type Placeholder = (typeof P)[keyof typeof P];

const WORKER = { id: P.worker, name: 'Wendy Veilig' };
const OFFICER = { id: P.officer, name: 'Otto Leerplicht' };
const COORDINATOR = { id: P.coordinator, name: 'Karin Coördinator' };
const PRIMARY = { id: P.primary, name: 'Carla Contact', rank: 'primary' as const };
const BACKUP = { id: P.backup, name: 'Bram Backup', rank: 'backup' as const };
const OTHER_PRIMARY = { id: P.otherPrimary, name: 'Dirk Docent', rank: 'primary' as const };
const OTHER_BACKUP = { id: P.otherBackup, name: 'Els Intern', rank: 'backup' as const };
const CHILD = { firstName: 'Sanne-Lotte', lastName: "van 't Hoff", birthDate: '2016-03-15' };

/** Kinds of life and how many in a hundred records live each. */
const KINDS = {
  supported: 52,
  supportedLate: 6,
  acknowledgedOnly: 8,
  escalated: 6,
  escalatedThenSupported: 4,
  bounced: 5,
  bouncedRerouted: 3,
  viaLeerplicht: 8,
  unroutable: 4,
  expired: 2,
  unreachable: 2,
} as const;
type Kind = keyof typeof KINDS;

const SLOT_TIMES = ['02:10', '08:40', '13:15', '18:45', '22:30'];
const SUPPORT_CHOICES: SupportCategory[][] = [
  ['listening_ear', 'teacher_informed'],
  ['quiet_place'],
  ['no_penalty', 'test_postponed'],
  ['listening_ear'],
  ['teacher_informed', 'quiet_place', 'other'],
];

/** A signal between the steps of its life, with the scheduler and the dispatcher run as their ticks would. */
class Life {
  constructor(
    public signal: Signal,
    private readonly policy: TimePolicy,
    private readonly unreachable = false,
  ) {}

  /** Everything that falls due up to `until`: cards sent (or failing), deadlines acted on, the child forgotten. */
  advance(until: Date): this {
    const limit = until.toISOString();
    for (let step = 0; step < 500; step++) {
      const s = this.signal;
      const next = [s.dispatchDueAt, s.nextDeadlineAt].filter((t): t is string => t !== undefined).sort()[0];
      if (next === undefined || next > limit) return this;
      const at = new Date(next);
      if (s.dispatchDueAt === next) {
        const outcomes = s.deliveries
          .filter((d) => isDeliveryPending(d) && (d.nextAttemptAt ?? s.stateChangedAt) <= next)
          .map((d): DeliveryOutcome =>
            this.unreachable && d.role === 'school_contact'
              ? { key: d.key, kind: 'failed', error: 'http_403' }
              : { key: d.key, kind: 'shown', view: d.view, conversationId: `a:personal-${d.recipientId}`, activityId: `1:${d.key}` },
          );
        this.signal = applyDeliveryOutcomes(s, outcomes, at);
      } else {
        const sendAt = this.policy.nextWorkingMoment(at);
        const deadlines = applyDueDeadlines(s, at, [COORDINATOR], sendAt);
        this.signal = isForgetDue(deadlines, at) ? forgetChild(deadlines, at, WORKER, sendAt) : deadlines;
      }
    }
    throw new Error(`a ${this.signal.state} life did not settle`);
  }

  /** A step taken by someone at `at`, after everything due before it. */
  act(at: Date, step: (signal: Signal, at: Date) => Signal): this {
    this.advance(at);
    this.signal = step(this.signal, at);
    return this;
  }
}

interface Lived {
  kind: Kind;
  document: SignalDocument;
}

function live(kind: Kind, issuedAt: Date, variant: number): Lived {
  const school: School = { id: P.school, name: 'School', municipalityId: MEASURED_ID };
  const municipality: Municipality = { id: MEASURED_ID, name: 'Heerlen', routing: 'direct' };
  const policy = timePolicyFor(school, municipality);
  const area = timePolicyFor(undefined, municipality);
  const after = (at: Date, minutes: number) => new Date(at.getTime() + minutes * MINUTE);
  const times = policy.timeline(issuedAt);
  const common = {
    id: P.id,
    reference: P.reference,
    child: CHILD,
    municipalityId: P.municipality,
    issuedBy: P.worker,
    now: issuedAt,
  };
  const direct = () =>
    issueSignal({
      ...common,
      target: { route: 'direct', schoolId: P.school, contacts: [PRIMARY, BACKUP] },
      times,
      forget: { atTheLatest: policy.forgetAtTheLatest(issuedAt), supportClosesAt: policy.supportClosesAt(issuedAt) },
    });
  const viaLeerplicht = () =>
    issueSignal({
      ...common,
      target: { route: 'leerplicht', officers: [OFFICER] },
      deliverAt: area.deliveryTime(issuedAt),
      forget: { atTheLatest: area.forgetAtTheLatest(issuedAt), supportClosesAt: area.supportClosesAt(issuedAt) },
    });
  const picksUp = (who: { id: string; name: string }) => (s: Signal, at: Date) => acknowledge(s, who, at, policy.forgetAfterPickUp(at));
  const supports = (who: { id: string; name: string }) => (s: Signal, at: Date) =>
    recordSupport(
      s,
      who,
      { categories: SUPPORT_CHOICES[variant % SUPPORT_CHOICES.length]!, priorConcern: PRIOR_CONCERN_ANSWERS[variant % PRIOR_CONCERN_ANSWERS.length]! },
      at,
    );
  const takes = (s: Signal, at: Date) => takeEscalation(s, COORDINATOR, at);
  const forwards = (schoolId: string, contacts: Recipient[]) => (s: Signal, at: Date) =>
    forwardToSchool(s, OFFICER, schoolId, contacts, at, policy.timeline(issuedAt, at));
  const ackDelay = [10, 25, 45, 100][variant % 4]!;
  const supportDelay = [60, 120, 240, 25 * 60][variant % 4]!;

  let life: Life;
  switch (kind) {
    case 'supported': {
      const ackAt = after(times.deliverAt, ackDelay);
      life = new Life(direct(), policy).act(ackAt, picksUp(PRIMARY)).act(after(ackAt, supportDelay), supports(PRIMARY));
      break;
    }
    case 'supportedLate': {
      // Picked up after the reminder; support only after the support reminder.
      const ackAt = after(times.dueAt, 10);
      life = new Life(direct(), policy).act(ackAt, picksUp(BACKUP)).act(after(times.supportReminderAt, 90), supports(BACKUP));
      break;
    }
    case 'acknowledgedOnly':
      life = new Life(direct(), policy).act(after(times.deliverAt, ackDelay), picksUp(PRIMARY));
      break;
    case 'escalated':
      life = new Life(direct(), policy).act(after(times.escalateAt, 60), takes);
      break;
    case 'escalatedThenSupported': {
      const ackAt = after(times.escalateAt, 120);
      life = new Life(direct(), policy)
        .act(after(times.escalateAt, 45), takes)
        .act(ackAt, picksUp(BACKUP))
        .act(after(ackAt, 60), supports(BACKUP));
      break;
    }
    case 'bounced':
      life = new Life(direct(), policy).act(after(times.deliverAt, 30), (s, at) => bounce(s, BACKUP, WORKER, at));
      break;
    case 'bouncedRerouted': {
      const bouncedAt = after(times.deliverAt, 30);
      const sentAt = after(bouncedAt, 60);
      const forwardedAt = after(area.deliveryTime(sentAt), 45);
      const arrives = policy.timeline(issuedAt, forwardedAt).deliverAt;
      life = new Life(direct(), policy)
        .act(bouncedAt, (s, at) => bounce(s, BACKUP, WORKER, at))
        .act(sentAt, (s, at) => sendToLeerplicht(s, WORKER, [OFFICER], at, area.deliveryTime(at)))
        .act(forwardedAt, forwards(P.otherSchool, [OTHER_PRIMARY, OTHER_BACKUP]))
        .act(after(arrives, ackDelay), picksUp(OTHER_PRIMARY))
        .act(after(arrives, ackDelay + supportDelay), supports(OTHER_PRIMARY));
      break;
    }
    case 'viaLeerplicht': {
      const forwardedAt = after(area.deliveryTime(issuedAt), 45);
      const arrives = policy.timeline(issuedAt, forwardedAt).deliverAt;
      life = new Life(viaLeerplicht(), area)
        .act(forwardedAt, forwards(P.school, [PRIMARY, BACKUP]))
        .act(after(arrives, ackDelay), picksUp(PRIMARY))
        .act(after(arrives, ackDelay + supportDelay), supports(PRIMARY));
      break;
    }
    case 'unroutable': {
      const reason = (['not_compulsory', 'moved', 'outside_region', 'other'] as const)[variant % 4]!;
      life = new Life(viaLeerplicht(), area).act(after(area.deliveryTime(issuedAt), 60), (s, at) => closeUnroutable(s, OFFICER, reason, WORKER, at));
      break;
    }
    case 'expired':
      life = new Life(viaLeerplicht(), area);
      break;
    case 'unreachable':
      // Both cards fail: the coordinators are told at once and one of them takes it.
      life = new Life(direct(), policy, true).act(after(times.deliverAt, 120), takes);
      break;
  }
  const signal = life.advance(new Date(issuedAt.getTime() + 4 * WEEK)).signal;
  if (!signal.redactedAt || signal.dispatchDueAt || signal.nextDeadlineAt) {
    throw new Error(`a ${kind} life issued ${issuedAt.toISOString()} did not end forgotten with nothing pending`);
  }
  return { kind, document: splitSignal(signal).document };
}

/**
 * A lived record as text with its placeholders and instants cut out, filled per record by joining
 * the parts: instants shifted back whole weeks, placeholders replaced.
 */
class Template {
  private readonly parts: string[];
  /** Per part: a placeholder, an instant (ms), or undefined for literal text. */
  private readonly slots: Array<Placeholder | number | undefined>;
  readonly issuedMs: number;

  constructor(readonly lived: Lived) {
    const text = JSON.stringify(lived.document);
    const placeholders = Object.values(P).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const pattern = new RegExp(`(${[...placeholders, '\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z'].join('|')})`);
    this.parts = text.split(pattern);
    const known = new Set<string>(Object.values(P));
    this.slots = this.parts.map((part, i) => (i % 2 === 0 ? undefined : known.has(part) ? (part as Placeholder) : Date.parse(part)));
    this.issuedMs = Date.parse(lived.document.issuedAt);
  }

  fill(values: Record<Placeholder, string>, weeksBack: number): string {
    let out = '';
    const shift = weeksBack * WEEK;
    for (let i = 0; i < this.parts.length; i++) {
      const slot = this.slots[i];
      out += slot === undefined ? this.parts[i]! : typeof slot === 'number' ? new Date(slot - shift).toISOString() : values[slot];
    }
    return out;
  }
}

/** Every kind lived from every issue slot of the digest week. */
function templates(): { all: Template[]; byKind: Map<Kind, Template[]> } {
  const monday = mondayOf(WEEK_OF_DIGEST);
  const byKind = new Map<Kind, Template[]>();
  const all: Template[] = [];
  let variant = 0;
  for (const kind of Object.keys(KINDS) as Kind[]) {
    const list: Template[] = [];
    for (let day = 0; day < 7; day++) {
      for (const time of SLOT_TIMES) {
        const template = new Template(live(kind, instantAt(addDays(monday, day), time), variant++));
        list.push(template);
        all.push(template);
      }
    }
    byKind.set(kind, list);
  }
  return { all, byKind };
}

// ---------------------------------------------------------------------------------------------
// The records: who, where, which life, how many weeks back; in the order they were issued.

/** A small deterministic generator (mulberry32), so every run stores the same records. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Plan {
  count: number;
  municipality: Uint8Array;
  school: Uint8Array;
  otherSchool: Uint8Array;
  template: Uint16Array;
  weeksBack: Uint8Array;
  /** Record indexes in issue order. */
  order: Int32Array;
  /** How many of the measured municipality's records fall in the digest's 52 weeks. */
  inWindow: number;
  /** How many of them fall in the digest week itself. */
  inWeek: number;
  measured: number;
}

function plan(count: number, sharePercent: number, municipalities: number, lives: ReturnType<typeof templates>, seed: number): Plan {
  const next = random(seed);
  const measured = municipalities === 1 ? count : Math.round((count * sharePercent) / 100);
  const kinds = Object.entries(KINDS) as Array<[Kind, number]>;
  const total = kinds.reduce((sum, [, weight]) => sum + weight, 0);
  const indexOf = new Map(lives.all.map((t, i) => [t, i]));
  const p: Plan = {
    count,
    municipality: new Uint8Array(count),
    school: new Uint8Array(count),
    otherSchool: new Uint8Array(count),
    template: new Uint16Array(count),
    weeksBack: new Uint8Array(count),
    order: new Int32Array(count),
    inWindow: 0,
    inWeek: 0,
    measured,
  };
  const issued = new Float64Array(count);
  for (let n = 0; n < count; n++) {
    p.municipality[n] = n < measured ? 0 : 1 + Math.floor(next() * (municipalities - 1));
    p.school[n] = Math.floor(next() * SCHOOLS_PER_MUNICIPALITY);
    p.otherSchool[n] = (p.school[n]! + 1 + Math.floor(next() * (SCHOOLS_PER_MUNICIPALITY - 1))) % SCHOOLS_PER_MUNICIPALITY;
    let pick = next() * total;
    const [kind] = kinds.find(([, weight]) => (pick -= weight) < 0) ?? kinds[0]!;
    const list = lives.byKind.get(kind)!;
    const template = list[Math.floor(next() * list.length)]!;
    p.template[n] = indexOf.get(template)!;
    p.weeksBack[n] = Math.floor(next() * SPAN_WEEKS);
    issued[n] = template.issuedMs - p.weeksBack[n]! * WEEK;
    if (n < measured && issued[n]! >= WINDOW.from.getTime() && issued[n]! < WINDOW.to.getTime()) p.inWindow++;
    if (n < measured && issued[n]! >= WEEK_BOUNDS.from.getTime() && issued[n]! < WEEK_BOUNDS.to.getTime()) p.inWeek++;
    p.order[n] = n;
  }
  p.order.sort((a, b) => issued[a]! - issued[b]!);
  return p;
}

/** Reference codes in insert order: `HWC-` and as many characters as the count needs (the store takes any). */
function referenceOf(n: number, count: number): string {
  const length = Math.max(REFERENCE_LENGTH, Math.ceil(Math.log(count + 1) / Math.log(REFERENCE_ALPHABET.length)));
  let out = '';
  for (let i = 0, rest = n; i < length; i++, rest = Math.floor(rest / REFERENCE_ALPHABET.length)) out = REFERENCE_ALPHABET[rest % REFERENCE_ALPHABET.length] + out;
  return `HWC-${out}`;
}

/** The records of a plan as the domain holds them, in issue order. */
function* records(p: Plan, places: Place[], lives: Template[]): Generator<SignalDocument> {
  for (let i = 0; i < p.count; i++) {
    const n = p.order[i]!;
    const place = places[p.municipality[n]!]!;
    const s = p.school[n]!;
    const o = p.otherSchool[n]!;
    const values: Record<Placeholder, string> = {
      [P.id]: randomUUID(),
      [P.reference]: referenceOf(i, p.count),
      [P.municipality]: place.municipality.id,
      [P.school]: place.schools[s]!.id,
      [P.otherSchool]: place.schools[o]!.id,
      [P.worker]: place.worker,
      [P.officer]: place.officer,
      [P.coordinator]: place.coordinator,
      [P.primary]: place.contacts[s]![0],
      [P.backup]: place.contacts[s]![1],
      [P.otherPrimary]: place.contacts[o]![0],
      [P.otherBackup]: place.contacts[o]![1],
    };
    yield JSON.parse(lives[p.template[n]!]!.fill(values, p.weeksBack[n]!)) as SignalDocument;
  }
}

/** Each template filled once and checked as a store checks a record before writing it. */
function checkTemplates(places: Place[], lives: Template[]): void {
  const sample: Plan = {
    count: lives.length,
    municipality: new Uint8Array(lives.length),
    school: new Uint8Array(lives.length),
    otherSchool: new Uint8Array(lives.length).fill(1),
    template: Uint16Array.from(lives, (_, i) => i),
    weeksBack: Uint8Array.from(lives, (_, i) => i % SPAN_WEEKS),
    order: Int32Array.from(lives, (_, i) => i),
    inWindow: 0,
    inWeek: 0,
    measured: 0,
  };
  for (const document of records(sample, places, lives)) parseSignalDocument(document);
}

// ---------------------------------------------------------------------------------------------
// Measuring.

interface Measure {
  store: string;
  what: string;
  stored: number;
  read: string;
  visited?: number;
  times: number[];
}

async function time(reps: number, warmUp: number, run: () => Promise<unknown> | unknown): Promise<number[]> {
  for (let i = 0; i < warmUp; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return times;
}

/** Times of the store's two digest reads inside `forMember`, and the arguments ReadDigest passed. */
interface Spent {
  facts: number[];
  trend: number[];
  factsArgs?: Parameters<SignalStore['listFactsIssuedBetween']>;
  trendArgs?: Parameters<SignalStore['countWeeklyHeadlines']>;
}

/** The store with the time each `listFactsIssuedBetween` and `countWeeklyHeadlines` takes pushed to `spent`. */
function timedReads(store: SignalStore, spent: Spent): SignalStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'listFactsIssuedBetween') {
        return async (...args: Parameters<SignalStore['listFactsIssuedBetween']>) => {
          spent.factsArgs = args;
          const t0 = performance.now();
          try {
            return await target.listFactsIssuedBetween(...args);
          } finally {
            spent.facts.push(performance.now() - t0);
          }
        };
      }
      if (property === 'countWeeklyHeadlines') {
        return async (...args: Parameters<SignalStore['countWeeklyHeadlines']>) => {
          spent.trendArgs = args;
          const t0 = performance.now();
          try {
            return await target.countWeeklyHeadlines(...args);
          } finally {
            spent.trend.push(performance.now() - t0);
          }
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

interface Target {
  label: string;
  stores: Pick<Stores, 'signals' | 'directory'>;
  stored: number;
  /** The measured municipality's records in the digest week, and in its 52 weeks. */
  expectWeek: number;
  expectYear: number;
  /** Runs of forMember and buildDigest (and the bare SQL), after WARM_UP more. */
  reps: number;
  /** Every stored record, as the naive way reads them. */
  everything: () => Iterable<unknown> | Promise<Iterable<unknown>>;
  /** What the trend read reads: SQLite its rows (one a week); Cosmos the facts it counts from. */
  trendRead: number;
  /** SQLite: the two bare statements, each returning its row count. */
  sqlFacts?: () => number;
  sqlTrend?: () => number;
}

const failures: string[] = [];

/** The naive digest: every record read and checked as a store checks it, its facts made, the municipality's kept, the trend counted from them. */
async function naive(target: Target): Promise<Digest> {
  const facts: SignalFacts[] = [];
  for (const raw of await target.everything()) {
    const f = factsOf(parseSignalDocument(raw));
    if (f.municipalityId === MEASURED_ID) facts.push(f);
  }
  return buildDigest(facts, WEEK_OF_DIGEST, NOW, { perSchool: true });
}

const sum = (counts: readonly WeeklyCounts[]) => counts.reduce((total, c) => total + c.issued, 0);

async function measure(target: Target): Promise<Measure[]> {
  const { label, stored, reps } = target;
  const spent: Spent = { facts: [], trend: [] };
  const readDigest = new ReadDigest({ signals: timedReads(target.stores.signals, spent), directory: target.stores.directory, audit: noAudit, clock });
  const forMember = () => readDigest.forMember(MANAGER.aadObjectId, WEEK_OF_DIGEST);

  // First runs, also the check: ReadDigest asks the store what the bench measures, the facts read
  // are the records of the week, the counts add up to the records of the 52 weeks, and the naive
  // way comes to the same digest.
  const { digest } = await forMember();
  // The scope ReadDigest passes is a whole DigestScope: what the store reads of it is a FactsScope.
  const scopeOf = (s?: FactsScope) => s && { municipalityIds: s.municipalityIds, schoolIds: s.schoolIds };
  const [factsScope, from, to] = spent.factsArgs ?? [];
  if (JSON.stringify([scopeOf(factsScope), from, to]) !== JSON.stringify([SCOPE, WEEK_BOUNDS.from, WEEK_BOUNDS.to])) {
    failures.push(`${label}: ReadDigest read facts with ${JSON.stringify([scopeOf(factsScope), from, to])}, not the digest week`);
  }
  const [passed, weeks] = spent.trendArgs ?? [];
  if (JSON.stringify([scopeOf(passed), weeks]) !== JSON.stringify([SCOPE, TREND_BOUNDS])) {
    failures.push(`${label}: ReadDigest counted the trend with ${JSON.stringify([scopeOf(passed), weeks])}, not the bench's scope and 52 weeks`);
  }
  const facts = await target.stores.signals.listFactsIssuedBetween(SCOPE, WEEK_BOUNDS.from, WEEK_BOUNDS.to);
  const trendCounts = await target.stores.signals.countWeeklyHeadlines(SCOPE, TREND_BOUNDS);
  if (facts.length !== target.expectWeek) failures.push(`${label}: ${facts.length} facts read, ${target.expectWeek} stored in ${formatIsoWeek(WEEK_OF_DIGEST)}`);
  if (trendCounts.length !== TREND_WEEKS || sum(trendCounts) !== target.expectYear) {
    failures.push(`${label}: ${trendCounts.length} weekly counts adding up to ${sum(trendCounts)}, ${target.expectYear} stored in those 52 weeks`);
  }
  const t0 = performance.now();
  const baseline = await naive(target);
  const firstBaseline = performance.now() - t0;
  const same = JSON.stringify(baseline) === JSON.stringify(digest);
  if (!same) failures.push(`${label}: the baseline's digest differs from ReadDigest's`);
  console.log(
    `  ${label}: ${facts.length.toLocaleString('en')} facts in ${formatIsoWeek(WEEK_OF_DIGEST)} (${digest.figures.issued} issued, ` +
      `${digest.schools?.length ?? 0} school lines), ${sum(trendCounts).toLocaleString('en')} counted over the 52 weeks; ` +
      `the baseline's digest ${same ? 'is the same' : 'DIFFERS'}`,
  );

  const read = facts.length.toLocaleString('en');
  const trendRead = target.trendRead.toLocaleString('en');
  const warmUp = reps >= REPS ? WARM_UP : 0;
  spent.facts.length = 0;
  spent.trend.length = 0;
  const rows: Measure[] = [{ store: label, what: 'ReadDigest.forMember', stored, read: `${read} + ${trendRead}`, times: await time(reps, warmUp, forMember) }];
  rows.push({ store: label, what: "  week's facts (listFactsIssuedBetween)", stored, read, times: spent.facts.slice(-reps) });
  if (target.sqlFacts) rows.push({ store: label, what: '    of which the SQL', stored, read, times: await time(reps, warmUp, target.sqlFacts) });
  rows.push({ store: label, what: '  trend counts (countWeeklyHeadlines)', stored, read: trendRead, times: spent.trend.slice(-reps) });
  if (target.sqlTrend) rows.push({ store: label, what: '    of which the SQL', stored, read: trendRead, times: await time(reps, warmUp, target.sqlTrend) });
  rows.push({
    store: label,
    what: '  buildDigest (with trendCounts)',
    stored,
    read,
    times: await time(reps, warmUp, () => buildDigest(facts, WEEK_OF_DIGEST, NOW, { perSchool: true, trendCounts })),
  });
  // Seconds a run: the check above counts as its first run.
  const baselineTimes = [firstBaseline, ...(await time(BASELINE_REPS - 1, 0, () => naive(target)))];
  rows.push({ store: label, what: 'baseline: read all, factsOf, filter, build', stored, read: stored.toLocaleString('en'), times: baselineTimes });
  return rows;
}

const noAudit: AuditLog = createMemoryStores().audit;
const clock = { now: () => NOW };

async function fillDirectory(stores: Stores, places: Place[]): Promise<void> {
  await stores.directory.upsertMunicipalities(places.map((p) => p.municipality));
  await stores.directory.upsertSchools(places.flatMap((p) => p.schools));
  await stores.directory.upsertMembers([MANAGER]);
}

// ---------------------------------------------------------------------------------------------
// SQLite.

interface Seeded {
  buildMs: number;
  bytes: number;
  size: number;
}

function seedSqlite(path: string, p: Plan, places: Place[], lives: Template[]): Seeded {
  const started = performance.now();
  const db = openSqliteDatabase(path);
  let bytes = 0;
  try {
    // Bulk-load settings for this connection only; the measured part reopens with the store's own.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    const insert = db.prepare<[SignalColumns]>(signalSql.insert);
    db.transaction(() => {
      for (const document of records(p, places, lives)) {
        const row = signalColumns(document);
        bytes += row.document.length;
        insert.run(row);
      }
    })();
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
  return { buildMs: performance.now() - started, bytes, size: statSync(path).size };
}

/** `sql` with `from` replaced by `to`, which must be there once: a copy that did not take would count nothing. */
function edited(sql: string, from: string, to: string): string {
  if (sql.split(from).length !== 2) throw new Error(`the statement no longer holds ${JSON.stringify(from)}: update the bench's counting copy`);
  return sql.replace(from, to);
}

/** A copy of a statement with a counting function first in its WHERE clause: called once per index entry visited. */
const countingSql = {
  facts: edited(
    edited(signalSql.listFactsIssuedBetween, 'WHERE s.municipality_id', 'WHERE bench_visit(s.rowid) AND s.municipality_id'),
    'WHERE s.fact_school_id',
    'WHERE bench_visit(s.rowid) AND s.fact_school_id',
  ),
  trend: edited(signalSql.countWeeklyHeadlines, 'GROUP BY weeks.idx', 'WHERE bench_visit(s.rowid) GROUP BY weeks.idx'),
};

/** The parameters the store binds, for the same scope and weeks. */
const factsArgs: [Record<string, string>] = [
  { municipalities: JSON.stringify(SCOPE.municipalityIds), schools: JSON.stringify(SCOPE.schoolIds), from: WEEK_BOUNDS.from.toISOString(), to: WEEK_BOUNDS.to.toISOString() },
];
const trendArgs = {
  weeks: JSON.stringify(TREND_BOUNDS.map((w) => [w.from.toISOString(), w.to.toISOString()])),
  municipalities: JSON.stringify(SCOPE.municipalityIds),
};
type Args = unknown[] | [Record<string, string>];

async function sqliteRun(label: string, share: number, places: Place[], lives: ReturnType<typeof templates>): Promise<{ rows: Measure[]; plans: string[][] }> {
  const folder = mkdtempSync(join(tmpdir(), 'hwc-digest-'));
  const path = join(folder, 'hwc.sqlite');
  try {
    const p = plan(SIGNALS, share, places.length, lives, SEED);
    const seeded = seedSqlite(path, p, places, lives.all);
    console.log(
      `${label}: ${SIGNALS.toLocaleString('en')} signals, ${p.measured.toLocaleString('en')} in ${MEASURED_ID} (${share}%), in a temp file of ` +
        `${(seeded.size / 1e6).toFixed(0)} MB (documents ${(seeded.bytes / SIGNALS / 1024).toFixed(1)} KiB on average), built in ${(seeded.buildMs / 1000).toFixed(1)} s`,
    );
    // One handle (the process holds the file alone): the stores over it, and the naive read, the
    // bare SQL and the plans through it.
    const db = openSqliteDatabase(path);
    const stores = sqliteStoresOver(db);
    try {
      await fillDirectory(stores, places);
      const everything = db.prepare<[], string>('SELECT document FROM signals').pluck();
      const facts = db.prepare<[Record<string, string>]>(signalSql.listFactsIssuedBetween);
      const trend = db.prepare<[typeof trendArgs]>(signalSql.countWeeklyHeadlines);
      const rows = await measure({
        label,
        stores,
        stored: SIGNALS,
        reps: share === SHARE ? REPS : SLOW_REPS,
        expectWeek: p.inWeek,
        expectYear: p.inWindow,
        everything: function* () {
          for (const document of everything.iterate()) yield JSON.parse(document);
        },
        trendRead: trend.all(trendArgs).length,
        sqlFacts: () => facts.all(...factsArgs).length,
        sqlTrend: () => trend.all(trendArgs).length,
      });
      const visitedFacts = visitedBy(db, countingSql.facts, factsArgs);
      const visitedTrend = visitedBy(db, countingSql.trend, [trendArgs]);
      const at = (what: string) => rows.find((r) => r.what === what)!;
      at('ReadDigest.forMember').visited = visitedFacts + visitedTrend;
      at("  week's facts (listFactsIssuedBetween)").visited = visitedFacts;
      at('  trend counts (countWeeklyHeadlines)').visited = visitedTrend;
      rows.at(-1)!.visited = SIGNALS;
      return {
        rows,
        plans: [
          [queryPlan(db, signalSql.listFactsIssuedBetween, factsArgs), queryPlan(db, countingSql.facts, factsArgs)],
          [queryPlan(db, signalSql.countWeeklyHeadlines, [trendArgs]), queryPlan(db, countingSql.trend, [trendArgs])],
        ],
      };
    } finally {
      await stores.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function visitedBy(db: Database, sql: string, args: Args): number {
  let visits = 0;
  db.function('bench_visit', { deterministic: false, varargs: true }, () => {
    visits++;
    return 1;
  });
  db.prepare(sql).all(...args);
  return visits;
}

function queryPlan(db: Database, sql: string, args: Args): string {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>;
  return rows.map((r) => r.detail).join('; ');
}

// ---------------------------------------------------------------------------------------------
// Cosmos DB (the in-process emulator).

async function cosmosRun(places: Place[], lives: ReturnType<typeof templates>): Promise<Measure[]> {
  const server = createHttpsServer({ keepAlive: true });
  const agent = new Agent({ rejectUnauthorized: false, keepAlive: true });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const database = 'hwc-bench';
  const stores = await openCosmosStores({ endpoint, key: EMULATOR_KEY, database, agent });
  const client = new CosmosClient({ endpoint, key: EMULATOR_KEY, agent });
  const label = 'Cosmos (emulator)';
  try {
    const p = plan(COSMOS_SIGNALS, SHARE, places.length, lives, SEED + 1);
    const started = performance.now();
    const pending = records(p, places, lives.all);
    // The store's own create (reference reserved, then the record), a few in flight at a time.
    await Promise.all(
      Array.from({ length: COSMOS_CONCURRENCY }, async () => {
        for (let next = pending.next(); !next.done; next = pending.next()) await stores.signals.create(next.value as Signal);
      }),
    );
    console.log(
      `${label}: ${COSMOS_SIGNALS.toLocaleString('en')} signals (fewer: the emulator is slow to fill), ${p.measured.toLocaleString('en')} in ${MEASURED_ID} (${SHARE}%), ` +
        `written through CosmosSignalStore.create in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    await fillDirectory(stores, places);
    const container = client.database(database).container(containerDefinitions.signals.id);
    return await measure({
      label,
      stores,
      stored: COSMOS_SIGNALS,
      reps: SLOW_REPS,
      expectWeek: p.inWeek,
      expectYear: p.inWindow,
      // It counts from the facts of the 52 weeks, read as listFactsIssuedBetween reads them.
      trendRead: p.inWindow,
      everything: async () => {
        const { resources } = await container.items.query<object>('SELECT * FROM c').fetchAll();
        return resources.map((r) => domainFields(r));
      },
    });
  } finally {
    client.dispose();
    await stores.close();
    agent.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  if (SHARE > 100) throw new Error('BENCH_DIGEST_SHARE is a percentage: at most 100');
  const cpuList = cpus();
  const started = performance.now();
  console.log('Handle with Care — weekly digest benchmark (embedded SQLite store and Cosmos DB emulator)');
  console.log(`node ${process.version}, ${cpuList.length} CPUs (${cpuList[0]?.model.trim() ?? 'unknown'}), ${process.platform} ${process.arch}`);
  const places = directory(MUNICIPALITIES);
  const t0 = performance.now();
  const lives = templates();
  checkTemplates(places, lives.all);
  console.log(
    `digest week ${formatIsoWeek(WEEK_OF_DIGEST)} for a manager of ${MEASURED_ID}; records issued over the ${SPAN_WEEKS} weeks up to it, ` +
      `${MUNICIPALITIES} municipalities × ${SCHOOLS_PER_MUNICIPALITY} schools; ${lives.all.length} lives (${Object.keys(KINDS).length} kinds × 35 issue slots) ` +
      `lived in ${(performance.now() - t0).toFixed(0)} ms`,
  );
  console.log(
    `runs: ${REPS} each after ${WARM_UP} warm-up at ${SHARE}% on SQLite; ${SLOW_REPS} for the worst case and Cosmos, ${BASELINE_REPS} for each baseline (its first run also checks the result)`,
  );
  console.log('');

  const rows: Measure[] = [];
  const plans: Array<[string, string[][]]> = [];
  const shares = SHARE < 100 && MUNICIPALITIES > 1 ? [SHARE, 100] : [100];
  for (const share of shares) {
    const label = `SQLite ${share}%`;
    const run = await sqliteRun(label, share, places, lives);
    rows.push(...run.rows);
    plans.push([label, run.plans]);
  }
  if (COSMOS_SIGNALS > 0) rows.push(...(await cosmosRun(places, lives)));

  console.log('');
  const width = Math.max(...rows.map((r) => r.store.length));
  console.log(
    table(
      ['store, measured', 'stored', 'rows read', 'rows visited', 'runs', 'p50 ms', 'p99 ms', 'max ms'],
      rows.map((r) => {
        const s = summarize(r.times);
        const name = `${r.store.padEnd(width)}  ${r.what}`;
        return [name, r.stored.toLocaleString('en'), r.read, r.visited?.toLocaleString('en') ?? '', String(s.count), ms(s.p50), ms(s.p99), ms(s.max)];
      }),
    ),
  );
  console.log('');
  const headline = rows.find((r) => r.store === `SQLite ${shares[0]}%` && r.what === 'ReadDigest.forMember');
  if (headline) {
    const s = summarize(headline.times);
    const verdict = s.p99 < TARGET_MS ? 'met' : s.p50 < TARGET_MS ? 'met at p50, not at p99' : 'not met';
    console.log(`target: the digest on the embedded store (${shares[0]}% of ${SIGNALS.toLocaleString('en')} signals) under ${TARGET_MS} ms — p50 ${ms(s.p50)} ms, p99 ${ms(s.p99)} ms: ${verdict}`);
  }
  console.log('');
  console.log('query plans (EXPLAIN QUERY PLAN), each beside its counting copy:');
  for (const [i, statement] of ['listFactsIssuedBetween', 'countWeeklyHeadlines'].entries()) {
    console.log(`  ${statement}:`);
    for (const [label, both] of plans) {
      const [plain, counted] = both[i]!;
      console.log(`    ${label}: ${plain}`);
      console.log(`    ${label}, counting copy: ${counted}${counted === plain ? ' (the same)' : ''}`);
    }
  }
  if (COSMOS_SIGNALS > 0) {
    console.log('');
    console.log(
      'note: the Cosmos emulator has no index: it evaluates every query over every document, again for each page of 100 results, ' +
        'so its figures grow with what is stored whatever the query; Cosmos DB serves the facts queries (the week, and the 52 weeks the trend is counted from) ' +
        'from the partition and its range index.',
    );
  }
  for (const failure of failures) console.error(`FAILED: ${failure}`);
  console.log(`total ${((performance.now() - started) / 1000).toFixed(0)} s; peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB`);
  return failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('bench failed:', error);
    process.exitCode = 1;
  },
);
