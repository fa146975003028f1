// Descriptor exhaustion, through the built package. Run under a soft and hard
// RLIMIT_NOFILE of 1024 (Node raises its soft limit to the hard one).
// Prints one JSON line of what happened.
// Argument: {"scenario": "koffi-emfile" | "process-emfile" | "workers", "target": pid}
import { closeSync, openSync, readdirSync, readlinkSync } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { DIST, outcome } from '../support.js';

type Lib = typeof import('../../../src/index.js');
const lib = require(DIST) as Lib;

// Opens /dev/null until EMFILE; returns the descriptors.
function exhaust(): number[] {
  const fds: number[] = [];
  for (;;) {
    try {
      fds.push(openSync('/dev/null', 'r'));
    } catch {
      return fds;
    }
  }
}

// Closes n of them: the highest numbers, or with `lowest` the lowest.
function release(fds: number[], n: number, lowest = false): void {
  for (let i = 0; i < n && fds.length > 0; i++) closeSync(lowest ? fds.shift()! : fds.pop()!);
}

function heldOn(pid: number): number {
  let n = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`) === `/proc/${pid}`) n++;
    } catch {
      // The listing's own descriptor.
    }
  }
  return n;
}

function koffiEmfile(target: number): Record<string, unknown> {
  // The backend's modules are loaded; koffi is not (reads never load it).
  lib.procGetUmask(target);
  const fds = exhaust();
  const duringPgid = outcome(() => lib.procGetpgid(target));
  release(fds, 50);
  const afterPgid = outcome(() => lib.procGetpgid(target));
  const afterSet = outcome(() => lib.procRlimit(target, 'core', [0, 0]));
  release(fds, fds.length);
  return { duringPgid, afterPgid, afterSet };
}

function processEmfile(target: number): Record<string, unknown> {
  lib.procGetUmask(target);
  const fds = exhaust();
  const during = outcome(() => new lib.Process(target).getUmask());
  // Low numbers come free: a hold takes none in the top quarter of the limit.
  release(fds, 50, true);
  const heldBefore = heldOn(target);
  const after = outcome(() => {
    const p = new lib.Process(target);
    const pinned = heldOn(target) - heldBefore;
    const umask = p.getUmask();
    p.close();
    return { pinned, umask };
  });
  release(fds, fds.length);
  return { during, after };
}

async function workers(target: number): Promise<Record<string, unknown>> {
  const started: Worker[] = [];
  const made: number[] = [];
  for (let w = 0; w < 4; w++) {
    const worker = new Worker(__filename, { workerData: { target, handles: 400 } });
    started.push(worker);
    made.push(
      await new Promise<number>((resolve, reject) => {
        worker.once('message', (m: number) => resolve(m));
        worker.once('error', reject);
      }),
    );
  }
  const held = heldOn(target);
  const fds = exhaust();
  const opened = fds.length;
  release(fds, fds.length);
  for (const worker of started) await worker.terminate();
  return { made, held, mainCouldOpen: opened };
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '{}') as { scenario: string; target: number };
  let facts: Record<string, unknown>;
  if (spec.scenario === 'koffi-emfile') facts = koffiEmfile(spec.target);
  else if (spec.scenario === 'process-emfile') facts = processEmfile(spec.target);
  else if (spec.scenario === 'workers') facts = await workers(spec.target);
  else throw new Error(`no scenario ${spec.scenario}`);
  process.stdout.write(`${JSON.stringify(facts)}\n`);
}

if (isMainThread) {
  void main();
} else {
  // A worker: makes handles and keeps every one (nothing is closed or collected).
  const { target, handles } = workerData as { target: number; handles: number };
  const kept: unknown[] = [];
  let made = 0;
  for (let i = 0; i < handles; i++) {
    try {
      kept.push(new lib.Process(target));
      made++;
    } catch {
      // Out of descriptors: counted as not made.
    }
  }
  // The listener keeps the worker, and so its handles, alive until terminated.
  parentPort!.on('message', () => kept.length);
  parentPort!.postMessage(made);
}
