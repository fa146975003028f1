// How much of each limited resource a Linux process uses now, measured as the
// kernel counts it against that limit (getrlimit(2), proc(5)):
//   NOFILE      open descriptors: the entries of /proc/PID/fd
//   AS, DATA, STACK, MEMLOCK, RSS
//               VmSize, VmData, VmStk, VmLck, VmRSS of /proc/PID/status, in bytes
//   SIGPENDING  signals queued for the real uid: SigQ's first figure
//   NPROC       tasks (threads included) whose real uid is the process's: the
//               kernel counts them per user (ucounts), so every status is read
//   CPU         utime + stime of /proc/PID/stat, in seconds
//   LOCKS       file locks the process holds, from /proc/locks
// FSIZE, CORE, MSGQUEUE, NICE, RTPRIO and RTTIME have no figure the kernel
// shows per process: their usage is undefined, never a guess.
import { readdirSync } from 'node:fs';
import { errorCode } from '../../failures.js';
import { getEntry, oneshotCache, setEntry } from '../../oneshot.js';
import type { ProcfsView } from '../../procfs-path.js';
import { type MemoryLine, parseRealUid, parseThreads } from './parse-status.js';
import { listPidDir, readProcFile } from './procfs.js';
import { treeFacts } from './tree.js';

// /proc/PID/stat counts in USER_HZ, which the kernel fixes at 100 for user
// space on every architecture (include/asm-generic/param.h; jiffies_to_clock_t()).
const USER_HZ = 100;

/** Where each resource's usage comes from, by RLIMIT_* number (include/uapi/asm-generic/resource.h). */
export type UsageSource =
  | { readonly kind: 'memory'; readonly line: MemoryLine }
  | { readonly kind: 'fds' | 'sigqueue' | 'tasks' | 'cpu' | 'locks' };

export const USAGE_SOURCES: ReadonlyMap<number, UsageSource> = new Map<number, UsageSource>([
  [0, { kind: 'cpu' }],
  [2, { kind: 'memory', line: 'VmData' }],
  [3, { kind: 'memory', line: 'VmStk' }],
  [5, { kind: 'memory', line: 'VmRSS' }],
  [6, { kind: 'tasks' }],
  [7, { kind: 'fds' }],
  [8, { kind: 'memory', line: 'VmLck' }],
  [9, { kind: 'memory', line: 'VmSize' }],
  [10, { kind: 'locks' }],
  [11, { kind: 'sigqueue' }],
]);

/** CPU seconds, to the hundredth the kernel counts in. */
export function cpuSeconds(ticks: number): number {
  return ticks / USER_HZ;
}

/** The entries of a process's fd directory (`dir` is /proc/PID or its pinned path). */
export function countFds(dir: string): number {
  return readdirSync(`${dir}/fd`).length;
}

/**
 * The PIDs of a procfs tree, ascending: the directories named by a decimal
 * in the kernel's form (at most 7 digits: PID_MAX_LIMIT is 4,194,304).
 * Anything else (self, thread-self, sys, a stray file in a copied tree) is
 * skipped. A process that exits after the listing is simply not there for
 * whoever reads it next.
 */
export function listPids(view: ProcfsView): number[] {
  const listed = treeFacts(view).kernel ? listPidDir(view.root) : undefined;
  if (listed !== undefined) return ascending(listed);
  const pids: number[] = [];
  for (const entry of readdirSync(view.root, { withFileTypes: true })) {
    const name = entry.name;
    if (name.length > 7 || !/^[1-9][0-9]*$/.test(name) || !entry.isDirectory()) continue;
    pids.push(Number(name));
  }
  return ascending(pids);
}

// The kernel lists PIDs in order already; sorting is for any other tree.
function ascending(pids: number[]): number[] {
  for (let i = 1; i < pids.length; i++) if (pids[i - 1]! >= pids[i]!) return pids.sort((a, b) => a - b);
  return pids;
}

// One count per procfs view per oneshot: every task's status is read, which
// costs far more than anything else here.
const tasksKeys = new WeakMap<ProcfsView, object>();

/**
 * Tasks (threads included) whose real uid is `uid`, over every process of the
 * tree. Each status is read whole, however many groups it lists; a process
 * that exits during the walk is skipped, as it no longer counts.
 */
export function tasksOfUid(pid: number, view: ProcfsView, kernelText: boolean, uid: number): number {
  const cache = oneshotCache(pid);
  let key = tasksKeys.get(view);
  if (key === undefined) tasksKeys.set(view, (key = {}));
  let counts = cache === undefined ? undefined : (getEntry(cache, key) as Map<number, number> | undefined);
  if (counts === undefined) {
    counts = countTasksByUid(view, kernelText);
    if (cache !== undefined) setEntry(cache, key, counts);
  }
  return counts.get(uid) ?? 0;
}

function countTasksByUid(view: ProcfsView, kernelText: boolean): Map<number, number> {
  const counts = new Map<number, number>();
  for (const pid of listPids(view)) {
    let status: Buffer;
    try {
      status = readProcFile(`${view.root}/${pid}/status`, 'status', kernelText);
    } catch (err) {
      const code = errorCode(err);
      if (code === 'ENOENT' || code === 'ESRCH') continue;
      throw err;
    }
    const uid = parseRealUid(status, kernelText);
    const threads = parseThreads(status, kernelText);
    if (uid !== undefined && threads !== undefined) counts.set(uid, (counts.get(uid) ?? 0) + threads);
  }
  return counts;
}

/**
 * Locks `pid` holds, from the text of /proc/locks (locks_show() in
 * fs/locks.c): "N: CLASS TYPE ACCESS PID MAJ:MIN:INODE START END"; a waiter
 * is printed after "->" and holds nothing; OFD locks belong to no process
 * (pid -1).
 */
export function countLocks(text: string, pid: number): number {
  let n = 0;
  const wanted = String(pid);
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 8 || fields[1] === '->') continue;
    if (fields[4] === wanted) n++;
  }
  return n;
}
