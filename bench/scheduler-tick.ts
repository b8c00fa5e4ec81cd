/**
 * Scheduler tick: what it costs a tick to find its work among BENCH_TICK_SIGNALS (1,000,000)
 * stored signals of which BENCH_TICK_DUE (100) are due, on the embedded SQLite store. Target: one
 * tick's reads under 10 ms, with the rows read proportional to what is due, not to what is stored.
 *
 * A tick finds its work with two indexed queries: `listDispatchDue` (cards to send or update) and
 * `listDeadlinesDue` (reminders, escalations). Both are timed through SqliteSignalStore (SQL plus
 * parsing each document, as the tick gets them) and as bare SQL, over BENCH_TICK_REPS (200) runs,
 * then again with ten times as many due (limit raised to match, and at the tick's own limit) to
 * show the cost follows what is due. Next to them, the same SQL with the index switched off
 * (`NOT INDEXED`) as a baseline, and the query plans.
 *
 * Rows read: a counting SQL function in the WHERE clause, evaluated once per table row the query
 * visits (the plan of that variant is printed too, to show it is the same plan).
 *
 * The file (a fresh temp file, removed afterwards) is filled directly with the store's own INSERT
 * and the column values the store writes, in one transaction, documents built by the domain
 * functions (issue, deliver, acknowledge, record support): mostly closed signals (no work ever
 * again), BENCH_TICK_WAITING (100,000) waiting (a card retry and a reminder still ahead, so they
 * sit in both indexes without being due), and the due ones, scattered through the table.
 *
 * Env: BENCH_TICK_SIGNALS (1000000), BENCH_TICK_DUE (100), BENCH_TICK_WAITING (100000),
 * BENCH_TICK_REPS (200), BENCH_TICK_BASELINE_REPS (5).
 */
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REFERENCE_ALPHABET, REFERENCE_LENGTH } from '../src/domain/reference-code';
import { acknowledge, issueSignal, recordSupport, type Actor, type Signal } from '../src/domain/signal';
import { applyDeliveryOutcomes } from '../src/domain/signal.deliveries';
import { splitSignal } from '../src/store/signal-document';
import { signalColumns, type SignalColumns } from '../src/store/sqlite/sqlite-signal-store';
import { openSqliteDatabase, sqliteStoresOver } from '../src/store/sqlite';
import { signalSql } from '../src/store/sqlite/signal-sql';
import type { Stores } from '../src/store/stores';
import { positiveInt } from './env';
import { ms, summarize, table } from './stats';

const SIGNALS = positiveInt('BENCH_TICK_SIGNALS', 1_000_000);
const DUE = positiveInt('BENCH_TICK_DUE', 100);
const SCALE = 10;
const WAITING = positiveInt('BENCH_TICK_WAITING', 100_000, true);
const REPS = positiveInt('BENCH_TICK_REPS', 200);
const BASELINE_REPS = positiveInt('BENCH_TICK_BASELINE_REPS', 5);
/** What the app's tick asks for (ActOnDeadlines.runDue and Dispatcher.relayDue default to 50). */
const TICK_LIMIT = 50;
const TARGET_MS = 10;

const MUNICIPALITY_ID = 'GM0917';
const SCHOOL_ID = '12AB00';
const WORKER = { id: '11111111-1111-4111-8111-111111111111', name: 'Wendy Veilig' };
const PRIMARY = { id: '22222222-2222-4222-8222-222222222222', name: 'Carla Contact', rank: 'primary' as const };
const BACKUP = { id: '33333333-3333-4333-8333-333333333333', name: 'Bram Backup', rank: 'backup' as const };
const HOUR = 3_600_000;

type Row = SignalColumns;

/**
 * The row the store writes for a signal, checked as the store checks it. The child's identity
 * lives in its own table, which the tick's reads only look up by key for the due rows; the
 * bench leaves that table empty.
 */
function rowOf(signal: Signal): Row {
  return signalColumns(splitSignal(signal).document);
}

/** A signal issued at `at` straight to its school, with its deadlines (`remindAt` as given). */
function issued(id: string, reference: string, at: Date, remindAt: Date): Signal {
  const child = { firstName: 'Sanne-Lotte', lastName: "van 't Hoff", birthDate: `${at.getUTCFullYear() - 9}-03-15` };
  return issueSignal({
    id,
    reference,
    child,
    municipalityId: MUNICIPALITY_ID,
    issuedBy: WORKER.id,
    target: { route: 'direct', schoolId: SCHOOL_ID, contacts: [PRIMARY, BACKUP] },
    now: at,
    times: {
      deliverAt: at,
      dueAt: new Date(at.getTime() + 20 * HOUR),
      remindAt,
      escalateAt: new Date(Math.max(remindAt.getTime(), at.getTime()) + 4 * HOUR),
      supportDeadline: new Date(at.getTime() + 48 * HOUR),
      supportReminderAt: new Date(at.getTime() + 40 * HOUR),
    },
  });
}

function shown(signal: Signal, at: Date, keys?: string[]): Signal {
  const outcomes = signal.deliveries
    .filter((d) => d.view !== d.shownView && (!keys || keys.includes(d.key)))
    .map((d, i) => ({ key: d.key, kind: 'shown' as const, view: d.view, conversationId: `a:personal-${d.recipientId}`, activityId: `1:activity-${i}` }));
  return applyDeliveryOutcomes(signal, outcomes, at);
}

function retrying(signal: Signal, at: Date, retryAt: Date, keys: string[]): Signal {
  return applyDeliveryOutcomes(signal, keys.map((key) => ({ key, kind: 'retry' as const, error: 'http_429', retryAt })), at);
}

/** Closed: delivered, picked up, support recorded; nothing to send and no deadline left. */
function closed(id: string, reference: string, at: Date): Signal {
  const delivered = shown(issued(id, reference, at, new Date(at.getTime() + 2 * HOUR)), at);
  const acked = acknowledge(delivered, onTheirCard(delivered), new Date(at.getTime() + HOUR));
  const told = shown(acked, new Date(at.getTime() + HOUR));
  return recordSupport(told, onTheirCard(told), { categories: ['listening_ear', 'teacher_informed'], priorConcern: 'no' }, new Date(at.getTime() + 2 * HOUR));
}

/** The primary contact pressing a button on their own card: its answer replaces that card, so nothing more is sent. */
function onTheirCard(signal: Signal): Actor {
  const card = signal.deliveries.find((d) => d.recipientId === PRIMARY.id && d.activityId !== undefined);
  return { ...PRIMARY, ...(card?.activityId ? { onMessage: card.activityId } : {}) };
}

/** Waiting: one card shown, the other waiting for a retry at `retryAt`; the reminder at `remindAt`. */
function waiting(id: string, reference: string, at: Date, remindAt: Date, retryAt: Date): Signal {
  const signal = issued(id, reference, at, remindAt);
  const [first, second] = signal.deliveries;
  return retrying(shown(signal, at, [first!.key]), at, retryAt, [second!.key]);
}

/** A document with placeholders, filled per row by joining parts: 1M rows without 1M JSON.stringify calls. */
class Template {
  private readonly parts: string[];

  constructor(
    document: string,
    private readonly tokens: readonly string[],
  ) {
    const pattern = new RegExp(`(${tokens.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);
    this.parts = document.split(pattern);
  }

  fill(values: Record<string, string>): string {
    let out = '';
    for (const part of this.parts) out += this.tokens.includes(part) ? values[part]! : part;
    return out;
  }
}

/** Reference codes past the generator's space (see the report): the store takes any non-empty text. */
function code(n: number, length: number): string {
  let out = '';
  for (let i = 0, rest = n; i < length; i++, rest = Math.floor(rest / REFERENCE_ALPHABET.length)) out = REFERENCE_ALPHABET[rest % REFERENCE_ALPHABET.length] + out;
  return out;
}

interface Layout {
  now: Date;
  /** Instants: up to `nowSmall` DUE rows are due per kind, up to `nowLarge` DUE × SCALE. */
  nowSmall: Date;
  nowLarge: Date;
  counts: { closed: number; waiting: number; deadline: number; dispatch: number };
  buildMs: number;
  averageDocument: number;
}

const KIND = { closed: 0, waiting: 1, deadline: 2, dispatch: 3 } as const;

function build(path: string): Layout {
  const now = new Date();
  const dueEach = DUE * SCALE;
  const special = WAITING + 2 * dueEach;
  if (special > SIGNALS) throw new Error(`BENCH_TICK_SIGNALS (${SIGNALS}) must hold ${WAITING} waiting and 2 × ${dueEach} due signals`);
  // The due ones fall due one second apart, oldest first; everything else is far from due.
  const firstDue = now.getTime() - (dueEach + 60) * 1000;
  const dueAt = (i: number) => new Date(firstDue + i * 1000);
  const layout: Layout = {
    now,
    nowSmall: new Date(firstDue + (DUE - 1) * 1000 + 500),
    nowLarge: new Date(firstDue + (dueEach - 1) * 1000 + 500),
    counts: { closed: SIGNALS - special, waiting: WAITING, deadline: dueEach, dispatch: dueEach },
    buildMs: 0,
    averageDocument: 0,
  };

  // Where each kind goes: the special rows scattered at random through the table.
  const kinds = new Uint8Array(SIGNALS);
  const order = new Int32Array(SIGNALS);
  for (let i = 0; i < SIGNALS; i++) order[i] = i;
  let next = 0;
  const place = (kind: number, count: number) => {
    for (let c = 0; c < count; c++, next++) {
      const j = next + Math.floor(Math.random() * (SIGNALS - next));
      const position = order[j]!;
      order[j] = order[next]!;
      order[next] = position;
      kinds[position] = kind;
    }
  };
  place(KIND.waiting, WAITING);
  place(KIND.deadline, dueEach);
  place(KIND.dispatch, dueEach);

  const old = new Date(now.getTime() - 400 * 24 * HOUR);
  const ID = '@@ID@@';
  const REF = '@@REF@@';
  const REMIND = '2099-01-01T00:00:00.001Z';
  const RETRY = '2099-01-02T00:00:00.002Z';
  const closedRow = rowOf(closed(ID, REF, old));
  const closedDoc = new Template(closedRow.document, [ID, REF]);
  const waitingRow = rowOf(waiting(ID, REF, now, new Date(REMIND), new Date(RETRY)));
  const waitingDoc = new Template(waitingRow.document, [ID, REF, REMIND, RETRY]);

  const started = performance.now();
  const db = openSqliteDatabase(path);
  let bytes = 0;
  try {
    // Bulk-load settings for this connection only; the timed part reopens with the store's own.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -1000000');
    const insert = db.prepare<[Row]>(signalSql.insert);
    let deadlineN = 0;
    let dispatchN = 0;
    db.transaction(() => {
      for (let n = 0; n < SIGNALS; n++) {
        // Ids and references in insert order, so the load is fast; the tick's queries do not use them.
        const id = `${n.toString(16).padStart(8, '0')}-0000-4000-8000-${randomUUID().slice(-12)}`;
        const reference = `HWC-${code(n, REFERENCE_LENGTH + 1)}`;
        let row: Row;
        switch (kinds[n]) {
          case KIND.waiting: {
            const remindAt = new Date(now.getTime() + HOUR + (n % 1000) * 60_000).toISOString();
            const retryAt = new Date(now.getTime() + 60_000 + (n % 900) * 1000).toISOString();
            const document = waitingDoc.fill({ [ID]: id, [REF]: reference, [REMIND]: remindAt, [RETRY]: retryAt });
            row = { ...waitingRow, id, reference, dispatchDueAt: retryAt, nextDeadlineAt: remindAt, document };
            break;
          }
          case KIND.deadline: {
            // Delivered, nobody picked it up, the reminder is due.
            const at = dueAt(deadlineN++);
            row = rowOf(shown(issued(id, reference, new Date(at.getTime() - 4 * HOUR), at), new Date(at.getTime() - 4 * HOUR)));
            break;
          }
          case KIND.dispatch: {
            // Both cards waiting for a retry that is due; the reminder is hours ahead.
            const at = dueAt(dispatchN++);
            const signal = issued(id, reference, new Date(at.getTime() - 60_000), new Date(now.getTime() + 6 * HOUR));
            row = rowOf(retrying(signal, new Date(at.getTime() - 30_000), at, signal.deliveries.map((d) => d.key)));
            break;
          }
          default:
            row = { ...closedRow, id, reference, document: closedDoc.fill({ [ID]: id, [REF]: reference }) };
        }
        bytes += row.document.length;
        insert.run(row);
      }
    })();
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
  layout.buildMs = performance.now() - started;
  layout.averageDocument = bytes / SIGNALS;
  return layout;
}

interface Measure {
  name: string;
  due: string;
  limit: number;
  visited?: number;
  times: number[];
  expectRows: number;
  gotRows: number;
}

function time(reps: number, run: () => number): { times: number[]; rows: number } {
  let rows = 0;
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    rows = run();
    times.push(performance.now() - t0);
  }
  return { times, rows };
}

/** The store's statement with the index switched off, for contrast. */
function notIndexed(sql: string): string {
  return sql.replace('FROM signals AS s', 'FROM signals AS s NOT INDEXED');
}

/**
 * The statement with a counting function first in its WHERE clause: called once per row the query
 * visits (an index entry in range when it uses the index, every table row when it scans).
 */
function counting(sql: string): string {
  return sql.replace(/WHERE (s\.\w+) <= \?/, 'WHERE bench_visit(s.rowid) AND $1 <= ?');
}

function plan(db: Database, sql: string): string {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('2000-01-01T00:00:00.000Z', 1) as Array<{ detail: string }>;
  return rows.map((r) => r.detail).join('; ');
}

async function measure(stores: Stores, db: Database, layout: Layout): Promise<{ rows: Measure[]; plans: Array<[string, string]> }> {
  const { signals } = stores;
  let visits = 0;
  db.function('bench_visit', { deterministic: false, varargs: true }, () => {
    visits++;
    return 1;
  });
  const queries = {
    listDeadlinesDue: { sql: signalSql.listDeadlinesDue, store: (now: Date, limit: number) => signals.listDeadlinesDue(now, limit) },
    listDispatchDue: { sql: signalSql.listDispatchDue, store: (now: Date, limit: number) => signals.listDispatchDue(now, limit) },
  };
  const visitedBy = (sql: string, now: Date, limit: number): number => {
    visits = 0;
    db.prepare(counting(sql)).all(now.toISOString(), limit);
    return visits;
  };
  const rows: Measure[] = [];
  const small = { now: layout.nowSmall, due: DUE };
  const large = { now: layout.nowLarge, due: DUE * SCALE };

  // Warm up: the first call pays for reading index and table pages into the cache.
  const first: Array<[string, number]> = [];
  for (const [name, q] of Object.entries(queries)) {
    const t0 = performance.now();
    await q.store(small.now, DUE);
    first.push([name, performance.now() - t0]);
    for (let i = 0; i < 100; i++) await q.store(small.now, DUE);
  }

  const cases: Array<{ at: typeof small; limit: number }> = [
    { at: small, limit: DUE },
    { at: large, limit: DUE * SCALE },
    { at: large, limit: TICK_LIMIT },
  ];
  for (const { at, limit } of cases) {
    for (const [name, q] of Object.entries(queries)) {
      const expectRows = Math.min(at.due, limit);
      const storeTimes: number[] = [];
      let gotRows = 0;
      for (let i = 0; i < REPS; i++) {
        const t0 = performance.now();
        gotRows = (await q.store(at.now, limit)).length;
        storeTimes.push(performance.now() - t0);
      }
      const statement = db.prepare<[string, number]>(q.sql);
      const sqlOnly = time(REPS, () => statement.all(at.now.toISOString(), limit).length);
      const visited = visitedBy(q.sql, at.now, limit);
      rows.push({ name: `${name} (store: SQL + parse)`, due: String(at.due), limit, visited, times: storeTimes, expectRows, gotRows });
      rows.push({ name: `${name} (SQL only)`, due: String(at.due), limit, times: sqlOnly.times, expectRows, gotRows: sqlOnly.rows });
    }
  }

  // One tick's reads: both queries back to back, as the app's tick runs them (at its own limit and at DUE).
  for (const limit of [...new Set([DUE, TICK_LIMIT])]) {
    const both: number[] = [];
    let gotRows = 0;
    for (let i = 0; i < REPS; i++) {
      const t0 = performance.now();
      gotRows = (await signals.listDispatchDue(small.now, limit)).length + (await signals.listDeadlinesDue(small.now, limit)).length;
      both.push(performance.now() - t0);
    }
    rows.push({ name: 'one tick: both (store)', due: `${DUE}+${DUE}`, limit, times: both, expectRows: 2 * Math.min(DUE, limit), gotRows });
  }

  // The baseline: the same SQL without the index.
  for (const [name, q] of Object.entries(queries)) {
    const statement = db.prepare<[string, number]>(notIndexed(q.sql));
    const scan = time(BASELINE_REPS, () => statement.all(small.now.toISOString(), DUE).length);
    const visited = visitedBy(notIndexed(q.sql), small.now, DUE);
    rows.push({ name: `${name} NOT INDEXED (SQL only)`, due: String(DUE), limit: DUE, visited, times: scan.times, expectRows: DUE, gotRows: scan.rows });
  }

  const plans: Array<[string, string]> = [];
  for (const [name, q] of Object.entries(queries)) {
    plans.push([name, plan(db, q.sql)]);
    plans.push([`${name}, counting variant`, plan(db, counting(q.sql))]);
    plans.push([`${name} NOT INDEXED`, plan(db, notIndexed(q.sql))]);
  }
  for (const [name, t] of first) console.log(`first ${name} on a fresh connection: ${ms(t)} ms (SQLite's page cache empty; the OS still has the file cached)`);
  return { rows, plans };
}

async function main(): Promise<number> {
  const folder = mkdtempSync(join(tmpdir(), 'hwc-tick-'));
  const path = join(folder, 'hwc.sqlite');
  try {
    const cpuList = cpus();
    console.log('Handle with Care — scheduler tick benchmark (embedded SQLite store)');
    console.log(`node ${process.version}, ${cpuList.length} CPUs (${cpuList[0]?.model.trim() ?? 'unknown'}), ${process.platform} ${process.arch}`);
    console.log(`building ${SIGNALS.toLocaleString('en')} signals …`);
    const layout = build(path);
    const size = statSync(path).size;
    console.log(
      `${SIGNALS.toLocaleString('en')} signals in a temp file (${(size / 1e9).toFixed(2)} GB, documents ${(layout.averageDocument / 1024).toFixed(1)} KiB on average), built in ${(layout.buildMs / 1000).toFixed(1)} s: ` +
        `${layout.counts.closed.toLocaleString('en')} closed, ${layout.counts.waiting.toLocaleString('en')} waiting (a card retry and a reminder ahead), ` +
        `${layout.counts.deadline.toLocaleString('en')} with a deadline and ${layout.counts.dispatch.toLocaleString('en')} with cards falling due one second apart`,
    );
    const space = REFERENCE_ALPHABET.length ** REFERENCE_LENGTH;
    if (SIGNALS > space / 2) {
      console.log(
        `note: reference codes (HWC- and ${REFERENCE_LENGTH} of ${REFERENCE_ALPHABET.length} characters) have ${space.toLocaleString('en')} values; ` +
          `${SIGNALS >= space ? 'fewer than the signals stored here' : 'so IssueSignal (10 tries) would often find none free among this many'}; ` +
          `the stored signals carry ${REFERENCE_LENGTH + 1} characters (the store takes any)`,
      );
    }
    console.log(`${DUE} of each due at the first instant, ${DUE * SCALE} at the second; ${REPS} runs each (baseline ${BASELINE_REPS}); the app's tick asks for ${TICK_LIMIT} at a time`);
    console.log('');

    // One handle (the process holds the file alone): the stores over it, and the bare SQL, plans
    // and counting through it.
    const db = openSqliteDatabase(path);
    const stores = sqliteStoresOver(db);
    let failures = 0;
    try {
      const { rows, plans } = await measure(stores, db, layout);
      console.log('');
      console.log(
        table(
          ['query', 'due', 'limit', 'rows', 'rows visited', 'p50 ms', 'p99 ms', 'max ms'],
          rows.map((r) => {
            const s = summarize(r.times);
            return [r.name, r.due, String(r.limit), String(r.gotRows), r.visited === undefined ? '' : r.visited.toLocaleString('en'), ms(s.p50), ms(s.p99), ms(s.max)];
          }),
        ),
      );
      for (const r of rows) {
        if (r.gotRows !== r.expectRows) {
          failures++;
          console.error(`${r.name} at ${r.due} due, limit ${r.limit}: ${r.gotRows} rows, expected ${r.expectRows}`);
        }
      }
      const tick = rows.find((r) => r.name.startsWith('one tick') && r.limit === DUE);
      if (tick) {
        const s = summarize(tick.times);
        console.log('');
        console.log(`target: one tick's reads with ${DUE} due under ${TARGET_MS} ms — p50 ${ms(s.p50)} ms, p99 ${ms(s.p99)} ms: ${s.p99 < TARGET_MS ? 'met' : s.p50 < TARGET_MS ? 'met at p50, not at p99' : 'not met'}`);
      }
      console.log('');
      console.log('query plans (EXPLAIN QUERY PLAN):');
      for (const [name, detail] of plans) console.log(`  ${name}: ${detail}`);
    } finally {
      await stores.close();
    }
    console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB`);
    return failures > 0 ? 1 : 0;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
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
