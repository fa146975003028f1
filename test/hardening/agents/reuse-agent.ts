// Forced PID reuse, run as PID 1 of a new PID namespace (unshare --pid --fork
// --mount-proc) through the built package. Each cycle starts process A, makes
// a Process for it, kills and reaps A, writes A's PID - 1 to ns_last_pid so
// the kernel hands the same PID to the next process B, and then checks that
// the old handle reports nothing of B and changes nothing of B. Then the
// descriptor accounting of handles. Prints one JSON line of counts and any
// wrong answers. Argument: {"cycles": n, "handles": n, "fallbackCycles": n}:
// fallback cycles run with the descriptor budget used up, so the old handle
// holds A by start time only, and B starts a few clock ticks after A.
import { spawn } from 'node:child_process';
import { openSync, closeSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { DIST, stop } from '../support.js';

type Lib = typeof import('../../../src/index.js');
const lib = require(DIST) as Lib;
const { cycles, handles, fallbackCycles } = JSON.parse(process.argv[2] ?? '{}') as {
  cycles: number;
  handles: number;
  fallbackCycles?: number;
};

const wrong: string[] = [];
const counts = { cycles: 0, reused: 0, sameTick: 0, checks: 0, staleCallsRefused: 0, fallbackHolds: 0 };

function startTicks(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
}

function limitsText(pid: number): string {
  return readFileSync(`/proc/${pid}/limits`, 'latin1');
}

/** A call on the stale handle must throw NoSuchProcess; anything else is wrong. */
function refused(what: string, fn: () => unknown): void {
  counts.checks++;
  try {
    const value = fn();
    wrong.push(`${what} returned ${JSON.stringify(value, (_k, v: unknown) => (v instanceof Set ? [...v] : v))}`);
  } catch (err) {
    if (err instanceof lib.NoSuchProcess && !(err instanceof lib.ZombieProcess)) counts.staleCallsRefused++;
    else wrong.push(`${what} threw ${String(err)}`);
  }
}

function check(what: string, ok: boolean): void {
  counts.checks++;
  if (!ok) wrong.push(what);
}

async function reuseCycle(fallback: boolean): Promise<void> {
  process.umask(0o077);
  const a = spawn('sleep', ['1000'], { stdio: 'ignore' });
  const pid = a.pid!;
  const fdsBefore = fdCount();
  const old = new lib.Process(pid);
  if (fdCount() === fdsBefore) counts.fallbackHolds++;
  const startA = startTicks(pid);
  await stop(a);
  // Start-time identity can only tell processes started in different ticks.
  if (fallback) await new Promise((r) => setTimeout(r, 30));
  writeFileSync('/proc/sys/kernel/ns_last_pid', String(pid - 1));
  process.umask(0o022);
  // B differs from A in umask, session (detached: setsid) and, below, limits.
  const b = spawn('sleep', ['1000'], { stdio: 'ignore', detached: true });
  counts.cycles++;
  try {
    if (b.pid !== pid) return;
    counts.reused++;
    if (startTicks(pid) === startA) counts.sameTick++;
    const limitsBefore = limitsText(pid);
    check(`isRunning() true after reuse of ${pid}`, !old.isRunning());
    refused('getUmask', () => old.getUmask());
    refused('getgroups', () => old.getgroups());
    refused('getpgid', () => old.getpgid());
    refused('getsid', () => old.getsid());
    refused('getSigmasks', () => old.getSigmasks());
    refused('getrlimit', () => old.getrlimit('nofile'));
    refused('asDict', () => old.asDict());
    refused('procGetsid(old)', () => lib.procGetsid(old));
    refused('oneshot', () =>
      lib.oneshotProc(pid, () => {
        lib.procGetUmask(pid);
        lib.procGetsid(pid);
        return [old.getUmask(), old.getsid()];
      }),
    );
    refused('rlimit set', () => old.rlimit('nofile', [10, 20]));
    refused('procRlimit set', () => lib.procRlimit(old, 'core', [0, 0]));
    refused('rlimit get', () => old.rlimit('stack'));
    check(`limits of the new process ${pid} changed`, limitsText(pid) === limitsBefore);
    // The new process itself is answered correctly (the control).
    const fresh = new lib.Process(pid);
    check(`new handle umask ${fresh.getUmask()}`, fresh.getUmask() === 0o022);
    check(`new handle sid ${fresh.getsid()}`, fresh.getsid() === pid);
    fresh.close();
    old.close();
  } finally {
    await stop(b);
  }
}

function fdCount(): number {
  return readdirSync('/proc/self/fd').length;
}

async function descriptors(): Promise<Record<string, number>> {
  const target = spawn('sleep', ['1000'], { stdio: 'ignore' });
  const pid = target.pid!;
  const base = fdCount();
  const p = new lib.Process(pid);
  const held = fdCount() - base;
  p.getUmask();
  p.getrlimit('nofile');
  p.getpgid();
  p.asDict();
  const heldAfterCalls = fdCount() - base;
  p.close();
  p.close();
  const afterClose = fdCount() - base;
  let closedState = '';
  try {
    p.getUmask();
  } catch (err) {
    closedState = String((err as { code?: unknown }).code);
  }
  check(`closed handle gave ${closedState}`, closedState === 'ERR_INVALID_STATE');
  check(`one handle holds ${held} descriptors`, held === 1);
  check(`after calls ${heldAfterCalls}`, heldAfterCalls === 1);
  check(`after close ${afterClose}`, afterClose === 0);

  // Made and dropped in a synchronous loop: the finalizer cannot run in it.
  let maxHeld = 0;
  let answered = 0;
  for (let i = 0; i < handles; i++) {
    const h = new lib.Process(pid);
    if (h.getUmask() === 0o022) answered++;
    if (i % 250 === 0) maxHeld = Math.max(maxHeld, fdCount() - base);
  }
  let canOpen = true;
  try {
    closeSync(openSync('/dev/null', 'r'));
  } catch {
    canOpen = false;
  }
  check('the application can still open files', canOpen);
  check(`all ${handles} handles answered`, answered === handles);
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 50 && fdCount() - base > 0; i++) {
    gc?.();
    await new Promise((r) => setTimeout(r, 10));
  }
  const afterCollection = fdCount() - base;
  check(`descriptors left after collection: ${afterCollection}`, afterCollection === 0);
  await stop(target);
  const softLimit = Number(/^Max open files\s+(\d+)/m.exec(readFileSync('/proc/self/limits', 'latin1'))?.[1]);
  return { held, heldAfterCalls, afterClose, handles, answered, maxHeld, afterCollection, softLimit };
}

async function main(): Promise<void> {
  for (let i = 0; i < cycles; i++) await reuseCycle(false);
  if (fallbackCycles) {
    // Use up the descriptor budget (a quarter of the soft RLIMIT_NOFILE).
    const filler = spawn('sleep', ['1000'], { stdio: 'ignore' });
    const held = Array.from({ length: 1100 }, () => new lib.Process(filler.pid));
    for (let i = 0; i < fallbackCycles; i++) await reuseCycle(true);
    for (const h of held) h.close();
    await stop(filler);
  }
  const fds = await descriptors();
  process.stdout.write(`${JSON.stringify({ self: process.pid, counts, fds, wrong })}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err instanceof Error ? err.stack : err)}\n`);
  process.exit(1);
});
