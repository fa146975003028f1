// Run by hygiene.test.ts in a child node started with --expose-gc: calls every
// public function many times on a live process, a dead PID and another user's
// process, and reports for each case the descriptors and heap before and after.
// Not a test file itself (the runner only picks *.test.js).
import { readdirSync } from 'node:fs';
import {
  AccessDenied,
  NoSuchProcess,
  Process,
  oneshotProc,
  procAsDict,
  procGetSigmasks,
  procGetUmask,
  procGetgroups,
  procGetpgid,
  procGetrlimit,
  procGetsid,
  procRlimit,
} from '../../src/index.js';

export interface HygieneTargets {
  /** A live process of our own uid. */
  live: number;
  /** A PID that was used and is now free. */
  dead: number;
  /** A live process of another uid (prlimit(2) on it is EPERM). */
  other: number;
  calls: number;
}

export interface CaseResult {
  name: string;
  calls: number;
  /** Calls whose outcome was not the expected one (a value, or that error class). */
  unexpected: number;
  fdsBefore: number;
  fdsAfter: number;
  heapBefore: number;
  heapAfter: number;
  buffersBefore: number;
  buffersAfter: number;
  ms: number;
}

type Expect = 'ok' | typeof NoSuchProcess | typeof AccessDenied;

// Process handles are tracked weakly (a WeakMap for identity, a
// FinalizationRegistry for release): their tables keep the capacity they needed
// between full GCs. A first full run grows them to that size; the measured run
// after it must add nothing.
const FULL_WARMUP = new Set(['Process live']);

function cases(t: HygieneTargets): Array<[string, Expect, () => unknown]> {
  const { live, dead, other } = t;
  const current = procGetrlimit(live, 'nofile');
  const otherLimits = procGetrlimit(other, 'nofile');
  return [
    ['procGetUmask live', 'ok', () => procGetUmask(live)],
    ['procGetgroups live', 'ok', () => procGetgroups(live)],
    ['procGetSigmasks live', 'ok', () => procGetSigmasks(live)],
    ['procGetpgid live', 'ok', () => procGetpgid(live)],
    ['procGetsid live', 'ok', () => procGetsid(live)],
    ['procGetrlimit live', 'ok', () => procGetrlimit(live, 'nofile')],
    ['procGetrlimit live bigint', 'ok', () => procGetrlimit(live, 'nofile', { bigint: true })],
    ['procRlimit get live', 'ok', () => procRlimit(live, 'nofile')],
    ['procRlimit set live', 'ok', () => procRlimit(live, 'nofile', current)],
    ['procAsDict live', 'ok', () => procAsDict(live)],
    ['oneshotProc live', 'ok', () => oneshotProc(live, () => [procGetUmask(live), procGetpgid(live)])],
    [
      'Process live',
      'ok',
      () => {
        const p = new Process(live);
        try {
          return p.asDict();
        } finally {
          p.close();
        }
      },
    ],
    ['procGetUmask dead', NoSuchProcess, () => procGetUmask(dead)],
    ['procGetgroups dead', NoSuchProcess, () => procGetgroups(dead)],
    ['procGetSigmasks dead', NoSuchProcess, () => procGetSigmasks(dead)],
    ['procGetpgid dead', NoSuchProcess, () => procGetpgid(dead)],
    ['procGetsid dead', NoSuchProcess, () => procGetsid(dead)],
    ['procGetrlimit dead', NoSuchProcess, () => procGetrlimit(dead, 'nofile')],
    ['procRlimit set dead', NoSuchProcess, () => procRlimit(dead, 'nofile', current)],
    ['procAsDict dead', NoSuchProcess, () => procAsDict(dead)],
    ['Process dead', NoSuchProcess, () => new Process(dead)],
    // prlimit(2) on another uid is EPERM even to read: the limits file answers.
    ['procGetrlimit other uid', 'ok', () => procGetrlimit(other, 'nofile')],
    ['procRlimit set other uid', AccessDenied, () => procRlimit(other, 'nofile', otherLimits)],
  ];
}

function fds(): number {
  return readdirSync('/proc/self/fd').length;
}

function settle(gc: () => void): NodeJS.MemoryUsage {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage();
}

// One call, checked against what it should do; true when it did.
function callOnce(fn: () => unknown, expect: Expect): boolean {
  try {
    fn();
    return expect === 'ok';
  } catch (err) {
    return expect !== 'ok' && err instanceof expect;
  }
}

export function runHygiene(t: HygieneTargets, gc: () => void): CaseResult[] {
  const results: CaseResult[] = [];
  for (const [name, expect, fn] of cases(t)) {
    // Warm up: compiled code and inline caches are allocated once, not leaked.
    const warmup = FULL_WARMUP.has(name) ? t.calls : 2000;
    for (let i = 0; i < warmup; i++) callOnce(fn, expect);
    const fdsBefore = fds();
    const before = settle(gc);
    let unexpected = 0;
    const start = Date.now();
    for (let i = 0; i < t.calls; i++) if (!callOnce(fn, expect)) unexpected++;
    const ms = Date.now() - start;
    const after = settle(gc);
    results.push({
      name,
      calls: t.calls,
      unexpected,
      fdsBefore,
      fdsAfter: fds(),
      heapBefore: before.heapUsed,
      heapAfter: after.heapUsed,
      buffersBefore: before.arrayBuffers,
      buffersAfter: after.arrayBuffers,
      ms,
    });
  }
  return results;
}

if (require.main === module) {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with --expose-gc');
  const targets = JSON.parse(process.argv[2] ?? '') as HygieneTargets;
  process.stdout.write(JSON.stringify(runHygiene(targets, gc)));
}
