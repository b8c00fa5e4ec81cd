/**
 * `npm run bench`: how long from a Veilig Thuis worker pressing Verstuur until the card is in the
 * chats of both contacts of the school, next to the cheapest possible botbuilder turn (an echo)
 * measured in the same process, the same way, against the same fake Bot Connector.
 *
 * The real server runs in-process with the embedded SQLite store (a fresh temp file per run).
 * t0 is taken just before the signal.submit invoke is POSTed; t1 is when the fake connector has
 * received the card for both contacts. For the echo, t1 is when its reply has arrived.
 *
 * The one-at-a-time pass is the headline latency; between signals the bench waits for the bot's
 * background write-back (outside the timed window) so each signal runs alone. Echoes and signals
 * go in alternating blocks of BENCH_BLOCK: this machine's speed drifts by tens of percent over
 * seconds, which moved the ratio of two separate passes by up to 1× from run to run, while
 * within a block each runs back to back, its garbage collected in its own windows (one echo and
 * one signal in strict turns would let the echo's windows absorb the signal's collections).
 * A second pass runs CONCURRENCY at a time for throughput. Target: issue-to-delivered p50 ≤ 2×
 * the echo p50, p99 ≤ 4×. Last, for comparison only, one echo and one signal in strict turns:
 * there the echo follows a signal rather than another echo, and its p50 rises by a tenth or two
 * while the signal's falls, so this ratio flatters the signal.
 *
 * Env: BENCH_SIGNALS (default 1000), BENCH_WARMUP (default 50), BENCH_CONCURRENCY (default 8),
 * BENCH_BLOCK (default 100).
 * Exits non-zero only when a signal was not delivered: that is a bug, not a performance result.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp, type HwcApp } from '../bot/create-app';
import { createLogger } from '../bot/logger';
import { loadConfig } from '../src/config';
import type { Directory } from '../src/domain/directory';
import { createStores } from '../src/store/create-stores';
import { startEchoBot } from './echo-bot';
import { FakeConnector } from './fake-connector';
import { ms, summarize, table, type Summary } from './stats';
import { positiveInt } from './env';
import { closeClientConnections, postJson, TeamsPerson } from './teams-activity';

const COUNT = positiveInt('BENCH_SIGNALS', 1000);
const WARMUP = positiveInt('BENCH_WARMUP', 50, true);
const CONCURRENCY = positiveInt('BENCH_CONCURRENCY', 8);
const BLOCK = positiveInt('BENCH_BLOCK', 100);
const TARGET_RATIO = 2;
const TARGET_RATIO_P99 = 4;

const workerId = '11111111-1111-4111-8111-111111111111';

/**
 * Signals go round-robin to SCHOOLS schools with two contacts each, as a region's signals do:
 * no single chat gets more than Teams' per-conversation limits allow, so the bench measures the
 * path rather than the rate limiter holding one chat back.
 */
const SCHOOLS = 500;
/** A BRIN-shaped id per school: 10AA00, 10BA00, … (unique for the first 2,340). */
const schoolId = (n: number) => `${10 + Math.floor(n / 26)}${String.fromCharCode(65 + (n % 26))}A00`;
const contactId = (n: number, rank: number) => `22222222-2222-4222-8222-${String(n * 2 + rank).padStart(12, '0')}`;

const directory: Directory = {
  municipalities: [{ id: 'GM0917', name: 'Heerlen', routing: 'direct' }],
  schools: Array.from({ length: SCHOOLS }, (_, n) => ({ id: schoolId(n), name: `School ${n}`, municipalityId: 'GM0917' })),
  members: [
    { aadObjectId: workerId, name: 'Wendy Veilig', roles: [{ role: 'vt_worker', municipalityIds: ['GM0917'] }] },
    ...Array.from({ length: SCHOOLS }, (_, n) =>
      (['primary', 'backup'] as const).map((rank, r) => ({
        aadObjectId: contactId(n, r),
        name: `Contact ${n}-${r}`,
        roles: [{ role: 'school_contact' as const, schoolId: schoolId(n), rank }],
      })),
    ).flat(),
  ],
};

const child = { firstName: 'Sanne-Lotte', lastName: "van 't Hoff", birthDate: `${new Date().getUTCFullYear() - 9}-03-15` };
const CONTACTS = 2;

interface Pass {
  latencies: number[];
  failures: string[];
  wallMs: number;
}

/** Runs `one` for 0..count-1, `concurrency` at a time; `between` runs untimed after each (sequential use). */
async function run(count: number, concurrency: number, one: (n: number) => Promise<number>, between?: () => Promise<void>): Promise<Pass> {
  const latencies: number[] = [];
  const failures: string[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const n = next++;
      try {
        latencies.push(await one(n));
      } catch (error) {
        failures.push(error instanceof Error ? error.message : String(error));
      }
      if (between) await between();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { latencies, failures, wallMs: performance.now() - started };
}

/**
 * `count` echoes and `count` signals one at a time, in alternating blocks of `block`, so that a
 * drift in the machine's speed slows both alike; each block as `run` runs it.
 */
async function alternate(
  count: number,
  block: number,
  echoOne: (n: number) => Promise<number>,
  issueOne: (n: number) => Promise<number>,
  between: () => Promise<void>,
): Promise<{ echo: Pass; hwc: Pass }> {
  const echo: Pass = { latencies: [], failures: [], wallMs: 0 };
  const hwc: Pass = { latencies: [], failures: [], wallMs: 0 };
  const add = (into: Pass, pass: Pass) => {
    into.latencies.push(...pass.latencies);
    into.failures.push(...pass.failures);
    into.wallMs += pass.wallMs;
  };
  for (let done = 0; done < count; done += block) {
    const size = Math.min(block, count - done);
    add(echo, await run(size, 1, echoOne));
    add(hwc, await run(size, 1, issueOne, between));
  }
  return { echo, hwc };
}

async function main(): Promise<number> {
  const folder = mkdtempSync(join(tmpdir(), 'hwc-bench-'));
  const connector = new FakeConnector();
  const echo = await startEchoBot();
  let app: HwcApp | undefined;
  try {
    await connector.start();
    const directoryFile = join(folder, 'directory.json');
    writeFileSync(directoryFile, JSON.stringify(directory));
    const config = loadConfig({
      NODE_ENV: 'development',
      PORT: '0',
      HWC_STORE: 'sqlite',
      HWC_SQLITE_PATH: join(folder, 'hwc.sqlite'),
      HWC_DIRECTORY_FILE: directoryFile,
      HWC_TEAMS_SERVICE_URL: connector.url,
      // Measures the path, not the calendar: cards go out at once whatever day the bench runs.
      HWC_QUIET_TIME: 'off',
      // The global rate is Teams' tenant budget, not this path's cost: the fan-out bench measures it.
      HWC_TEAMS_RATE_PER_SECOND: '100000',
      LOG_LEVEL: process.env.LOG_LEVEL || 'silent',
    });
    const stores = await createStores(config.store);
    const hwc = await createApp({ config, stores, logger: createLogger(config.logLevel) });
    app = hwc;
    const botUrl = `http://127.0.0.1:${await hwc.listen()}/api/messages`;

    const worker = new TeamsPerson(connector.url, workerId, 'Wendy Veilig');
    // Every contact installs the app first, so the bot knows their chats.
    for (let n = 0; n < SCHOOLS; n++) {
      for (const r of [0, 1]) {
        const contact = new TeamsPerson(connector.url, contactId(n, r), `Contact ${n}-${r}`);
        const installed = await postJson(botUrl, contact.install());
        if (installed.status !== 200) throw new Error(`installing for ${contact.name} answered ${installed.status}`);
      }
    }

    // Each signal is pressed on its own form message, as a worker sending several signals would.
    let forms = 0;
    const issueOne = async (): Promise<number> => {
      const form = forms++;
      const activity = worker.press('signal.submit', { ...child, schoolId: schoolId(form % SCHOOLS) }, `form-message-${form}`);
      const t0 = performance.now();
      const answer = await postJson(botUrl, activity);
      const reference = /HWC-[0-9A-Z]{4}/.exec(answer.text)?.[0];
      if (answer.status !== 200 || !reference) throw new Error(`signal.submit answered ${answer.status} without a reference`);
      return (await connector.reached(reference, CONTACTS)) - t0;
    };

    const echoPeople = Array.from({ length: CONCURRENCY }, (_, i) => new TeamsPerson(connector.url, `99999999-9999-4999-8999-${String(i).padStart(12, '0')}`, `Echo ${i}`));
    let echoes = 0;
    const echoOne = async (n: number): Promise<number> => {
      const text = `echo ${echoes++}`;
      const activity = echoPeople[n % echoPeople.length]!.message(text);
      const t0 = performance.now();
      const answer = await postJson(echo.url, activity);
      if (answer.status !== 200) throw new Error(`echo answered ${answer.status}`);
      return (await connector.reached(text, 1)) - t0;
    };
    const settle = () => hwc.idle();

    // Warm up both (JIT, connection pools, SQLite pages), then measure: one at a time, then concurrently.
    await run(WARMUP, 1, echoOne);
    const warm = await run(WARMUP, 1, issueOne, settle);
    const { echo: echoSeq, hwc: hwcSeq } = await alternate(COUNT, BLOCK, echoOne, issueOne, settle);
    const echoPar = await run(COUNT, CONCURRENCY, echoOne);
    const hwcPar = await run(COUNT, CONCURRENCY, issueOne);
    await hwc.idle();
    // Blocks of one: strict turns.
    const turns = await alternate(COUNT, 1, echoOne, issueOne, settle);

    report({ echoSeq, hwcSeq, echoPar, hwcPar, turns, sends: connector.sends });
    const failures = [warm, echoSeq, hwcSeq, echoPar, hwcPar, turns.echo, turns.hwc].flatMap((pass) => pass.failures);
    if (failures.length > 0) {
      console.error(`\n${failures.length} signal(s) or echo(es) not delivered — a bug, not a performance result. First few:`);
      for (const f of failures.slice(0, 5)) console.error(`  - ${f}`);
      return 1;
    }
    return 0;
  } finally {
    await app?.close();
    await echo.close();
    await connector.stop();
    closeClientConnections();
    rmSync(folder, { recursive: true, force: true });
  }
}

function report(r: { echoSeq: Pass; hwcSeq: Pass; echoPar: Pass; hwcPar: Pass; turns: { echo: Pass; hwc: Pass }; sends: number }): void {
  const cpuList = cpus();
  const row = (name: string, s: Summary) => [name, String(s.count), ms(s.p50), ms(s.p90), ms(s.p99), ms(s.max)];
  const perSecond = (p: Pass) => (p.latencies.length / (p.wallMs / 1000)).toFixed(0);
  const seq = { echo: summarize(r.echoSeq.latencies), hwc: summarize(r.hwcSeq.latencies) };
  const par = { echo: summarize(r.echoPar.latencies), hwc: summarize(r.hwcPar.latencies) };
  const ratio = { p50: seq.hwc.p50 / seq.echo.p50, p99: seq.hwc.p99 / seq.echo.p99 };
  const header = ['latency (ms)', 'count', 'p50', 'p90', 'p99', 'max'];

  console.log('Handle with Care — issue-to-delivered benchmark');
  console.log(`node ${process.version}, ${cpuList.length} CPUs (${cpuList[0]?.model.trim() ?? 'unknown'}), ${process.platform} ${process.arch}`);
  console.log(`${COUNT} signals per pass after ${WARMUP} warm-up, ${CONTACTS} contacts each; SQLite temp file; LOG_LEVEL=${process.env.LOG_LEVEL || 'silent'}`);
  console.log('');
  console.log(`One at a time, echoes and signals in alternating blocks of ${BLOCK}`);
  console.log(table(header, [row('bare botbuilder echo turn', seq.echo), row('issue → delivered to both', seq.hwc)]));
  console.log('');
  console.log(`ratio  p50 ${ms(ratio.p50)}×   p99 ${ms(ratio.p99)}×`);
  const verdict = !Number.isFinite(ratio.p50) ? 'not measured' : ratio.p50 <= TARGET_RATIO && ratio.p99 <= TARGET_RATIO_P99 ? 'met' : 'not met';
  console.log(`target: issue-to-delivered p50 ≤ ${TARGET_RATIO}× and p99 ≤ ${TARGET_RATIO_P99}× echo — ${verdict}`);
  console.log('');
  console.log(`${CONCURRENCY} at a time`);
  console.log(
    table(
      [...header, 'per s'],
      [
        [...row('bare botbuilder echo turn', par.echo), `${perSecond(r.echoPar)} echoes`],
        [...row('issue → delivered to both', par.hwc), `${perSecond(r.hwcPar)} signals`],
      ],
    ),
  );
  console.log('');
  const turns = { echo: summarize(r.turns.echo.latencies), hwc: summarize(r.turns.hwc.latencies) };
  console.log('For comparison: one echo, then one signal, in strict turns (flatters the signal: see the top of bench/issue-to-delivered.ts)');
  console.log(table(header, [row('bare botbuilder echo turn', turns.echo), row('issue → delivered to both', turns.hwc)]));
  console.log(`ratio  p50 ${ms(turns.hwc.p50 / turns.echo.p50)}×   p99 ${ms(turns.hwc.p99 / turns.echo.p99)}×`);
  console.log('');
  console.log(`cards and replies sent to the fake Bot Connector: ${r.sends}`);
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB`);
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
