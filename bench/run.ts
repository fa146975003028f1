// `npm run bench`: each public function per call on another process, and a
// snapshot of every process through procAsDict, against a C baseline of the
// same work built and run in the same session. C and TypeScript are measured in
// alternating slices, so both see the same machine load; each row reports the
// medians over the rounds and the median of the per-round ratios.
//
//   npm run bench [-- --rounds N] [--ms N] [--clock wall|cpu] [--only a,b] [--scale [N]]
//
// --clock cpu times both sides by their process's CPU time (user + system, all
// threads) instead of wall time: on a loaded machine, time spent waiting for a
// CPU then counts on neither side.
//
// --scale adds the snapshot's growth: it is measured again with 500, 1,000,
// 2,000 and 10,000 more sleeping processes on the machine (those up to N;
// N defaults to 10,000), per process.
import { join } from 'node:path';
import { koffiLoaded } from '../src/ffi/koffi.js';
import { type Case, floorCases, perCallCases, snapshotCase, statusCases, untimedFunctions } from './cases.js';
import { type CBaseline, type Clock, startCBaseline } from './c-baseline.js';
import { startSleepers } from './children.js';
import { median, parseOptions, table } from './report.js';

/** The most each call may cost, as a multiple of the same work in C (the README's target column). */
const TARGETS: Readonly<Record<string, number>> = {
  umask: 1.2,
  groups: 1.2,
  sigmasks: 1.1,
  pgid: 1.5,
  sid: 1.5,
  getrlimit: 1.5,
  setrlimit: 1.5,
  asdict: 1.15,
  snapshot: 1.2,
};

/** The snapshot's target with 500 or more extra sleeping processes (--scale). */
const SCALED_SNAPSHOT_TARGET = 1.15;
/** Every status function's target before koffi is loaded: node:fs alone costs about 1.15-1.25. */
const NODE_FS_TARGET = 1.2;

// Rows that measure the binding alone are references, not the library: no target.
function ceilingFor(k: Case): number | undefined {
  return k.library ? TARGETS[k.name] : undefined;
}

interface Row {
  readonly c: number[];
  readonly ts: number[];
}

type Measure = (
  fn: () => unknown,
  opts: { min_cpu_time: number; batch_samples: number; now: () => number },
) => Promise<{ p50: number }>;

const CLOCKS: Readonly<Record<Clock, () => number>> = {
  wall: () => performance.now() * 1e6,
  cpu: () => {
    const { user, system } = process.cpuUsage();
    return (user + system) * 1e3;
  },
};

/** Both sides time batches of about this length, as bench/c/baseline.c does. */
const SAMPLE_NS = 50_000;

// Calls per timed batch, so that a TypeScript sample lasts as long as a C one:
// with the same length, a preemption spoils as many samples on either side.
// mitata unrolls batches by 4.
function batchFor(fn: () => unknown): number {
  for (let i = 0; i < 8; i++) fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < 8; i++) fn();
  const one = Number(process.hrtime.bigint() - start) / 8;
  return Math.max(4, Math.min(4096, Math.round(SAMPLE_NS / one / 4) * 4));
}

async function main(): Promise<number> {
  const opts = parseOptions(process.argv.slice(2));
  const { measure } = (await import('mitata')) as unknown as { measure: Measure };
  const c = startCBaseline(join(__dirname, '..', '..', 'bench', 'c', 'baseline.c'));
  if (typeof c === 'string') console.log(`${c}; TypeScript only.`);
  const baseline = typeof c === 'string' ? undefined : c;
  const target = await startSleepers(1);
  try {
    const wanted = (k: Case): boolean => opts.only === undefined || opts.only.includes(k.name);
    const session: Session = { rounds: opts.rounds, ms: opts.ms, clock: opts.clock, measure, baseline };
    console.log(
      `psutil-extra bench: ${opts.rounds} rounds of ${opts.ms} ms slices, ${opts.clock} clock, target pid ${target.pid}`,
    );
    const cells: string[][] = [];
    // Reads go through node:fs until a system call has loaded koffi, and through
    // the libc binding after; the status functions are measured both ways.
    const early = statusCases(target.pid).filter(wanted);
    if (early.length > 0 && !koffiLoaded()) {
      const rows = await measureRounds(early, target.pid, session);
      if (koffiLoaded()) throw new Error('koffi was loaded by a status read');
      for (const k of early) cells.push(rowCells(`${k.label} (node:fs reads)`, rows.get(k.label)!, NODE_FS_TARGET));
    }
    const cases = [...perCallCases(target.pid), ...floorCases(target.pid), snapshotCase].filter(wanted);
    const rows = await measureRounds(cases, target.pid, session);
    for (const k of cases) cells.push(rowCells(k.label, rows.get(k.label)!, ceilingFor(k)));
    console.log(table(['function', 'C ns', 'TypeScript ns', 'ratio', 'target'], cells));
    console.log(`Not timed (no C routine of the same work): ${untimedFunctions(target.pid).join(', ')}`);
    if (opts.scale !== undefined) await scale(opts.scale, session);
  } finally {
    await target.stop();
    baseline?.close();
  }
  return 0;
}

interface Session {
  readonly rounds: number;
  readonly ms: number;
  readonly clock: Clock;
  readonly measure: Measure;
  readonly baseline: CBaseline | undefined;
}

async function measureRounds(cases: readonly Case[], pid: number, s: Session): Promise<Map<string, Row>> {
  const { rounds, ms, clock, measure, baseline } = s;
  const rows = new Map<string, Row>(cases.map((k) => [k.label, { c: [], ts: [] }]));
  for (let round = 0; round < rounds; round++) {
    for (const k of cases) {
      const row = rows.get(k.label)!;
      const opts = { min_cpu_time: ms * 1e6, batch_samples: batchFor(k.fn), now: CLOCKS[clock] };
      // C first in even rounds, TypeScript first in odd ones: a machine that
      // speeds up or slows down during a round favours neither side.
      if (round % 2 === 1) row.ts.push((await measure(k.fn, opts)).p50);
      if (baseline !== undefined) row.c.push(await baseline.measure(k.name, pid, ms, clock));
      if (round % 2 === 0) row.ts.push((await measure(k.fn, opts)).p50);
    }
  }
  return rows;
}

function rowCells(label: string, row: Row, target: number | undefined): string[] {
  const ts = median(row.ts);
  if (row.c.length === 0) return [label, '-', ts.toFixed(0), '-', target === undefined ? '' : `${target}x`];
  const ratio = median(row.ts.map((t, i) => t / row.c[i]!));
  const verdict = target === undefined ? '' : `${target}x ${ratio <= target ? 'met' : 'MISSED'}`;
  return [label, median(row.c).toFixed(0), ts.toFixed(0), `${ratio.toFixed(2)}x`, verdict];
}

// The snapshot with more and more processes: per-process cost must stay flat.
async function scale(extra: number, session: Session): Promise<void> {
  const cells: string[][] = [];
  let first: { c: number; ts: number } | undefined;
  for (const step of [0, 500, 1000, 2000, 10000].filter((n) => n <= extra)) {
    const sleepers = step > 0 ? await startSleepers(step) : undefined;
    try {
      const processes = snapshotCase.fn() as number;
      const row = (await measureRounds([snapshotCase], process.pid, session)).get(snapshotCase.label)!;
      const [label, cNs, tsNs, ratio, verdict] = rowCells(
        `${processes} processes`,
        row,
        step > 0 ? SCALED_SNAPSHOT_TARGET : TARGETS.snapshot,
      );
      // Per process, and relative to the smallest machine: linear growth keeps it near 1.
      const c = Number(cNs) / processes;
      const ts = Number(tsNs) / processes;
      first ??= { c, ts };
      const growth = (now: number, then: number): string => (Number.isNaN(now) ? '-' : `${(now / then).toFixed(2)}x`);
      cells.push([
        label!,
        Number.isNaN(c) ? '-' : c.toFixed(0),
        ts.toFixed(0),
        ratio!,
        verdict!,
        growth(c, first.c),
        growth(ts, first.ts),
      ]);
    } finally {
      await sleepers?.stop();
    }
  }
  console.log(`\nsnapshot growth (${extra} extra sleeping processes at most):`);
  const head = ['processes', 'C ns/proc', 'TS ns/proc', 'ratio', 'target', 'C per-proc growth', 'TS per-proc growth'];
  console.log(table(head, cells));
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
