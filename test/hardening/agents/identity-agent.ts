// A Process stays one process when the world around it changes after it was
// made. Run as PID 1 of a new PID namespace (or, for "coincidence", a process
// whose PID is the same number in two namespaces), through the built package.
// Prints one JSON line: {self, procSelf, wrong: [...], facts: {...}}.
// Argument: {"scenario": "handle-keeps-view", "hostProc": path, "hostPid": n}
//         | {"scenario": "oneshot-reuse", "gc": boolean}
//         | {"scenario": "coincidence", "hostPid": n}
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { DIST, outcome, stop } from '../support.js';

type Lib = typeof import('../../../src/index.js');
const lib = require(DIST) as Lib;
const spec = JSON.parse(process.argv[2] ?? '{}') as {
  scenario: string;
  hostProc?: string;
  hostPid?: number;
  gc?: boolean;
};

const wrong: string[] = [];
const facts: Record<string, unknown> = {};

function check(what: string, ok: boolean): void {
  if (!ok) wrong.push(what);
}

// A detached `sh -c script` given the PID `pid` of this namespace (ns_last_pid),
// once it has exec'd sleep.
async function startAt(pid: number, script: string): Promise<ChildProcess> {
  writeFileSync('/proc/sys/kernel/ns_last_pid', String(pid - 1));
  const child = spawn('sh', ['-c', script], { stdio: 'ignore', detached: true });
  // Wait until the shell has exec'd sleep, so the state it set is in place.
  for (let i = 0; i < 500; i++) {
    try {
      if (readFileSync(`/proc/${child.pid}/status`, 'latin1').startsWith('Name:\tsleep\n')) break;
    } catch {
      // Not there yet.
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  return child;
}

function limitsText(pid: number): string {
  return readFileSync(`/proc/${pid}/limits`, 'latin1');
}

// Descriptors that hold /proc/PID open. (Listing /proc/self/fd opens a
// descriptor of its own, so fds are told apart by what they point at.)
function fdsOn(pid: number): Set<number> {
  const out = new Set<number>();
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`) === `/proc/${pid}`) out.add(Number(fd));
    } catch {
      // The listing's own descriptor, closed by now.
    }
  }
  return out;
}

// The descriptor a new handle opened: the one on /proc/PID that was not there before.
function heldFd(before: Set<number>, pid: number): number | undefined {
  for (const fd of fdsOn(pid)) if (!before.has(fd)) return fd;
  return undefined;
}

async function handleKeepsView(): Promise<void> {
  const hostPid = spec.hostPid!;
  lib.setProcfsPath(spec.hostProc!);
  const handle = new lib.Process(hostPid);
  const hostPgid = handle.getpgid();
  const hostLimits = handle.getrlimit('nofile');
  lib.setProcfsPath('/proc');
  // A process of this namespace that has the host process's number.
  const local = await startAt(hostPid, 'ulimit -n 77; exec sleep 1000');
  facts.localPid = local.pid;
  const localLimits = limitsText(hostPid);
  try {
    facts.pgid = outcome(() => handle.getpgid());
    facts.rlimitGet = outcome(() => handle.getrlimit('nofile'));
    facts.rlimitSet = outcome(() => handle.rlimit('nofile', [10, 20]));
    facts.procRlimitSet = outcome(() => lib.procRlimit(handle, 'nofile', [11, 21]));
    facts.running = handle.isRunning();
    check(
      `pgid of the host process ${hostPgid} answered ${JSON.stringify(facts.pgid)}`,
      JSON.stringify(facts.pgid) === JSON.stringify({ ok: hostPgid }),
    );
    check(
      'the handle still reads the host tree',
      JSON.stringify(facts.rlimitGet) === JSON.stringify({ ok: hostLimits }),
    );
    check('the local process with the same number was not written', limitsText(hostPid) === localLimits);
    // Calls by PID now read this namespace: the local process.
    facts.byNumber = outcome(() => lib.procGetrlimit(hostPid, 'nofile'));
  } finally {
    handle.close();
    await stop(local);
  }
}

async function oneshotReuse(): Promise<void> {
  const pid = 300;
  const a = await startAt(pid, 'umask 027; exec sleep 1000');
  let b: ChildProcess | undefined;
  try {
    check(`A got pid ${a.pid}`, a.pid === pid);
    const outcomeOf = await lib.oneshotProc(pid, async () => {
      let before = fdsOn(pid);
      let first: InstanceType<typeof lib.Process> | undefined = new lib.Process(pid);
      const fdA = heldFd(before, pid);
      const umaskA = first.getUmask();
      const groupsA = first.getgroups();
      if (spec.gc === true) {
        // Dropped, not closed: the FinalizationRegistry closes its descriptor.
        first = undefined;
        for (let i = 0; i < 50 && fdA !== undefined && fdsOn(pid).has(fdA); i++) {
          (globalThis as { gc?: () => void }).gc?.();
          await new Promise((r) => setTimeout(r, 10));
        }
      } else {
        first.close();
      }
      await stop(a);
      b = await startAt(pid, 'umask 077; exec setpriv --groups 4,24 sleep 1000');
      before = fdsOn(pid);
      const second = new lib.Process(pid);
      const fdB = heldFd(before, pid);
      const answer = { fdA, fdB, umaskA, groupsA, umaskB: second.getUmask(), groupsB: second.getgroups(), pidB: b.pid };
      second.close();
      return answer;
    });
    Object.assign(facts, outcomeOf);
    check(`B got pid ${outcomeOf.pidB}`, outcomeOf.pidB === pid);
    check(
      `the second handle reused descriptor ${outcomeOf.fdA} (got ${outcomeOf.fdB})`,
      outcomeOf.fdA === outcomeOf.fdB,
    );
    check(`A's umask ${outcomeOf.umaskA}`, outcomeOf.umaskA === 0o027);
    check(`B's umask answered ${outcomeOf.umaskB}`, outcomeOf.umaskB === 0o077);
    check(`B's groups answered ${JSON.stringify(outcomeOf.groupsB)}`, JSON.stringify(outcomeOf.groupsB) === '[4,24]');
  } finally {
    await stop(a);
    if (b !== undefined) await stop(b);
  }
}

function coincidence(): void {
  const hostPid = spec.hostPid!;
  facts.procSelf = Number(readlinkSync('/proc/self'));
  facts.pgid = outcome(() => lib.procGetpgid(hostPid));
  facts.sid = outcome(() => lib.procGetsid(hostPid));
  facts.set = outcome(() => lib.procRlimit(hostPid, 'nofile', [10, 20]));
  const handle = outcome(() => {
    const p = new lib.Process(hostPid);
    try {
      return p.getpgid();
    } finally {
      p.close();
    }
  });
  facts.handlePgid = handle;
}

async function main(): Promise<void> {
  if (spec.scenario === 'handle-keeps-view') await handleKeepsView();
  else if (spec.scenario === 'oneshot-reuse') await oneshotReuse();
  else if (spec.scenario === 'coincidence') coincidence();
  else throw new Error(`no scenario ${spec.scenario}`);
  process.stdout.write(`${JSON.stringify({ self: process.pid, wrong, facts })}\n`);
}

void main();
