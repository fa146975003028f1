// User-space instructions per call, counted by valgrind (cachegrind), for each
// library function and each reference row of the bench. Unlike time, the count
// does not drift with the machine, so it shows what a change to the library's
// own code costs or saves. System calls run in the kernel and are not counted:
// this is the part of a call the library decides.
//
// Each case runs in its own process under valgrind twice, with 0 and with N
// timed calls after the same warm-up; the difference over N is the count per
// call. Usage: npm run bench:instructions [-- --only NAME[,NAME...]]
import { spawnSync } from 'node:child_process';
import { type Case, floorCases, perCallCases, snapshotCase } from './cases.js';
import { startSleepers } from './children.js';
import { parseOptions, table } from './report.js';

const WARM_UP = 20_000;

// Calls per count: enough that the work of the calls outweighs the noise of
// start-up (a few thousand instructions), few enough to finish in a minute.
function callsFor(k: Case): number {
  if (k.name === 'snapshot') return 100;
  if (k.name === 'umask' || k.name === 'groups' || k.name === 'sigmasks' || k.name === 'asdict') return 10_000;
  return 200_000;
}

function casesFor(pid: number): Case[] {
  return [...perCallCases(pid), ...floorCases(pid), snapshotCase];
}

// In the child: warm up, then make `calls` calls of the case labelled `label`.
function child(label: string, pid: number, calls: number): void {
  const k = casesFor(pid).find((c) => c.label === label);
  if (k === undefined) throw new Error(`no case ${label}`);
  const warm = k.name === 'snapshot' ? 100 : WARM_UP;
  for (let i = 0; i < warm; i++) k.fn();
  for (let i = 0; i < calls; i++) k.fn();
}

// Instructions of one child run, from cachegrind's summary line "I refs: N".
function instructions(label: string, pid: number, calls: number): number {
  const run = spawnSync(
    'valgrind',
    [
      '--tool=cachegrind',
      '--cache-sim=no',
      '--cachegrind-out-file=/dev/null',
      // JIT code is written and rewritten in anonymous memory.
      '--smc-check=all-non-file',
      process.execPath,
      // No compiler or GC helper threads: the same work lands in the count each run.
      '--single-threaded',
      __filename,
      '--child',
      label,
      String(pid),
      String(calls),
    ],
    { encoding: 'utf8' },
  );
  const match = /I\s+refs:\s+([\d,]+)/.exec(run.stderr);
  if (run.status !== 0 || match === null) throw new Error(`valgrind failed for ${label}: ${run.stderr.slice(-500)}`);
  return Number(match[1]!.replace(/,/g, ''));
}

async function main(): Promise<number> {
  if (process.argv[2] === '--child') {
    child(process.argv[3]!, Number(process.argv[4]), Number(process.argv[5]));
    return 0;
  }
  const opts = parseOptions(process.argv.slice(2));
  if (spawnSync('valgrind', ['--version']).status !== 0) {
    console.log('valgrind is not installed (apt-get install valgrind): nothing to count.');
    return 1;
  }
  const target = await startSleepers(1);
  try {
    const cases = casesFor(target.pid).filter((k) => opts.only === undefined || opts.only.includes(k.name));
    console.log(`psutil-extra instruction counts: user space per call, target pid ${target.pid}`);
    const rows: string[][] = [];
    for (const k of cases) {
      const calls = callsFor(k);
      const per = (instructions(k.label, target.pid, calls) - instructions(k.label, target.pid, 0)) / calls;
      rows.push([k.label, String(calls), per.toFixed(0)]);
    }
    console.log(table(['function', 'calls', 'instructions per call'], rows));
  } finally {
    await target.stop();
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
