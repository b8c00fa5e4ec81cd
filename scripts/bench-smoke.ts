/**
 * `npm run bench:smoke`: every bench in bench/ once at tiny sizes, so that a change that breaks a
 * bench (a renamed export, a store method it calls, a correctness check it makes) fails CI instead
 * of being found at the next `npm run bench`. Exits non-zero when a bench fails, hangs, or is
 * missing from SIZES (a new bench must say how to run it small). The figures mean nothing.
 *
 * Runs the built benches (dist/bench/*.js; `npm run bench:smoke` builds first), one at a time.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** Each bench's environment for a run of seconds; every bench in bench/ must be listed. */
const SIZES: Record<string, Record<string, string>> = {
  'issue-to-delivered': { BENCH_SIGNALS: '12', BENCH_WARMUP: '2', BENCH_CONCURRENCY: '4', BENCH_BLOCK: '5' },
  'fan-out': {
    BENCH_FANOUT_CARDS: '40',
    BENCH_FANOUT_CONVERSATIONS: '20',
    BENCH_FANOUT_RELAY_INTERVAL_MS: '500',
    BENCH_FANOUT_INSTANCES: '2',
    BENCH_FANOUT_INSTANCES_CARDS: '40',
    BENCH_FANOUT_INSTANCES_CONVERSATIONS: '10',
    BENCH_FANOUT_PASSES: 'loop,scheduler,shared,instances',
  },
  'scheduler-tick': { BENCH_TICK_SIGNALS: '3000', BENCH_TICK_DUE: '10', BENCH_TICK_WAITING: '300', BENCH_TICK_REPS: '3', BENCH_TICK_BASELINE_REPS: '1' },
  tab: { BENCH_TAB_SCHOOLS: '200', BENCH_TAB_MEMBERS: '500', BENCH_TAB_LOADS: '1', BENCH_TAB_CSV_ROWS: '500' },
  digest: {
    BENCH_DIGEST_SIGNALS: '2000',
    BENCH_DIGEST_MUNICIPALITIES: '3',
    BENCH_DIGEST_COSMOS_SIGNALS: '200',
    BENCH_DIGEST_REPS: '2',
    BENCH_DIGEST_SLOW_REPS: '1',
    BENCH_DIGEST_BASELINE_REPS: '1',
  },
};
/** A smoke run that takes longer than this is hung. */
const TIMEOUT_MS = 90_000;

const benchDir = join(__dirname, '..', 'bench');
/** A bench is a file that runs something and sets the exit code; the rest are its helpers. */
const benches = readdirSync(benchDir)
  .filter((f) => f.endsWith('.js') && readFileSync(join(benchDir, f), 'utf8').includes('process.exitCode'))
  .map((f) => f.slice(0, -'.js'.length))
  .sort();

let failed = 0;
const lines: string[] = [];
for (const bench of benches) {
  const sizes = SIZES[bench];
  if (!sizes) {
    failed++;
    lines.push(`✗ ${bench}: no smoke sizes — add it to SIZES in scripts/bench-smoke.ts`);
    continue;
  }
  console.log(`\n=== bench:smoke ${bench} (${Object.entries(sizes).map(([k, v]) => `${k}=${v}`).join(' ')})`);
  const started = performance.now();
  const run = spawnSync(process.execPath, [join(benchDir, `${bench}.js`)], {
    env: { ...process.env, ...sizes, LOG_LEVEL: 'silent' },
    stdio: 'inherit',
    timeout: TIMEOUT_MS,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (run.status === 0) lines.push(`✓ ${bench} (${seconds} s)`);
  else {
    failed++;
    const why = run.error ? run.error.message : run.signal ? `killed by ${run.signal}` : `exit code ${run.status}`;
    lines.push(`✗ ${bench}: ${why} after ${seconds} s`);
  }
}
for (const name of Object.keys(SIZES)) if (!benches.includes(name)) lines.push(`(SIZES names ${name}, which is no bench: remove it)`);
console.log(`\nbench:smoke: ${benches.length - failed} of ${benches.length} benches ran clean`);
for (const line of lines) console.log(`  ${line}`);
process.exitCode = failed > 0 ? 1 : 0;
