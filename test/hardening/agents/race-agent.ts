// Processes that die mid-call. Run as PID 1 of a new PID namespace, so that
// every other process in it is proc-helper's race leader or one of its
// children, all with the same known state (see fixtures/proc-helper.c), and no
// PID is reused by a stranger. Each child PID is queried, again and again, from
// the moment it is printed until the library says it is gone: every answer
// must be the true value or NoSuchProcess/ZombieProcess (or, in procAsDict,
// null for a zombie's attribute). Argument: {"helper": path, "children": n}
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { DIST } from '../support.js';
import type { Sigmasks } from '../../../src/index.js';

type Lib = typeof import('../../../src/index.js');
const lib = require(DIST) as Lib;
const { helper, children } = JSON.parse(process.argv[2] ?? '{}') as { helper: string; children: number };

const counts = { processes: 0, calls: 0, values: 0, zombie: 0, gone: 0 };
const wrong: string[] = [];
let leader = 0;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const sorted = (s: ReadonlySet<number>): number[] => [...s].sort((x, y) => x - y);

// The true state every child inherits from the leader.
const EXPECTED: Record<string, (v: unknown) => boolean> = {
  umask: (v) => v === 0o077,
  groups: (v) => same(v, [4, 5, 6]),
  pgid: (v) => v === leader,
  sid: (v) => v === leader,
  nofile: (v) => same(v, [64, 128]),
  sigmasks: (v) => {
    const m = v as Sigmasks;
    return same(sorted(m.blocked), [10]) && m.ignored.has(12) && !m.ignored.has(10);
  },
};

/** Checks one answer; returns false once the process is gone. */
function answer(pid: number, attr: string, fn: () => unknown): boolean {
  counts.calls++;
  let value: unknown;
  try {
    value = fn();
  } catch (err) {
    if (err instanceof lib.ZombieProcess) {
      counts.zombie++;
      return true;
    }
    if (err instanceof lib.NoSuchProcess) {
      counts.gone++;
      return false;
    }
    wrong.push(`${attr}(${pid}) threw ${String(err)}`);
    return true;
  }
  counts.values++;
  if (attr === 'asDict') {
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (v !== null && !EXPECTED[key]!(v)) wrong.push(`asDict(${pid}).${key} = ${JSON.stringify(v)}`);
    }
  } else if (!EXPECTED[attr]!(value)) {
    wrong.push(`${attr}(${pid}) = ${JSON.stringify(value, (_k, x: unknown) => (x instanceof Set ? [...x] : x))}`);
  }
  return true;
}

// A handle made as soon as the PID is known and kept until the library says
// the process is gone: its reads go through the pinned directory as the
// process exits, turns zombie and is reaped.
const handles = new Map<number, InstanceType<Lib['Process']>>();

function viaHandle(pid: number): boolean {
  let handle = handles.get(pid);
  if (handle === undefined) {
    try {
      handle = new lib.Process(pid);
    } catch (err) {
      return answer(pid, 'umask', () => {
        throw err;
      });
    }
    handles.set(pid, handle);
  }
  const h = handle;
  let alive = answer(pid, 'umask', () => h.getUmask());
  alive = answer(pid, 'groups', () => h.getgroups()) && alive;
  alive = answer(pid, 'nofile', () => h.getrlimit('nofile')) && alive;
  alive = answer(pid, 'sid', () => h.getsid()) && alive;
  if (!alive) {
    counts.calls++;
    if (h.isRunning()) wrong.push(`handle for ${pid} still running after NoSuchProcess`);
    h.close();
    handles.delete(pid);
  }
  return alive;
}

function queryOnce(pid: number): boolean {
  let alive = viaHandle(pid);
  alive = answer(pid, 'umask', () => lib.procGetUmask(pid)) && alive;
  alive = answer(pid, 'groups', () => lib.procGetgroups(pid)) && alive;
  alive = answer(pid, 'sigmasks', () => lib.procGetSigmasks(pid)) && alive;
  alive = answer(pid, 'pgid', () => lib.procGetpgid(pid)) && alive;
  alive = answer(pid, 'sid', () => lib.procGetsid(pid)) && alive;
  alive = answer(pid, 'nofile', () => lib.procGetrlimit(pid, 'nofile')) && alive;
  alive = answer(pid, 'asDict', () => lib.procAsDict(pid)) && alive;
  alive =
    answer(pid, 'umask', () => {
      const handle = new lib.Process(pid);
      try {
        return handle.getUmask();
      } finally {
        handle.close();
      }
    }) && alive;
  return alive;
}

async function main(): Promise<void> {
  const proc = spawn(helper, ['race', String(children)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const active = new Set<number>();
  let done = false;
  const lines = createInterface({ input: proc.stdout });
  lines.on('line', (line) => {
    if (line.startsWith('leader ')) leader = Number(line.slice(7));
    else if (line === 'done') done = true;
    else {
      counts.processes++;
      const pid = Number(line);
      if (queryOnce(pid)) active.add(pid);
    }
  });
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  while (!done || active.size > 0) {
    for (const pid of active) if (!queryOnce(pid)) active.delete(pid);
    await new Promise((r) => setImmediate(r));
    if (done && proc.exitCode !== null) {
      // The leader has reaped everything: one last round must find them all gone.
      for (const pid of active) if (!queryOnce(pid)) active.delete(pid);
      if (active.size > 0) wrong.push(`still answering after reaping: ${[...active].join(',')}`);
      break;
    }
  }
  const code = await exited;
  // Everything is reaped now: every handle still open must say so.
  for (const pid of [...handles.keys()]) viaHandle(pid);
  if (handles.size > 0) wrong.push(`handles never reported gone: ${[...handles.keys()].join(',')}`);
  process.stdout.write(`${JSON.stringify({ self: process.pid, leader, code, counts, wrong: wrong.slice(0, 50) })}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err instanceof Error ? err.stack : err)}\n`);
  process.exit(1);
});
