// How much of each limited resource a process uses now: the IN USE column.
// Each figure is what the kernel compares with that limit (getrlimit(2)):
//   nofile     open descriptors (entries of /proc/PID/fd)
//   as, data, stack, memlock, rss   VmSize, VmData, VmStk, VmLck, VmRSS
//   sigpending signals queued for the real uid (SigQ)
//   nproc      tasks (threads) whose real uid is the process's
//   cpu        utime + stime in seconds
//   locks      locks held in /proc/locks
// Resources without a figure (core, fsize, msgqueue, nice, rtprio, rttime) are absent.
import { type StatusFields, countLocks, parseCpuTicks, parseRealUidThreads } from './proc-text.js';
import { countFds, readProcText, scanStatuses } from './system.js';

/** A usage figure: exact counts and bytes; CPU time in seconds (hundredths). */
export type Usage = bigint | number;

// /proc/PID/stat counts in USER_HZ, which the kernel fixes at 100 for user
// space on every architecture Node runs on (include/asm-generic/param.h).
const USER_HZ = 100;

/** System-wide figures, gathered once per run however many processes are shown. */
export interface UsageContext {
  tasksOfUid(uid: number): bigint;
  locksOf(pid: number): bigint | undefined;
}

/** `locks` is the text of /proc/locks, read by the caller (see main.ts); undefined when unreadable. */
export function usageContext(locks: string | undefined): UsageContext {
  let tasks: Map<number, bigint> | undefined;
  return {
    tasksOfUid(uid) {
      tasks ??= countTasksByUid();
      return tasks.get(uid) ?? 0n;
    },
    locksOf(pid) {
      return locks === undefined ? undefined : BigInt(countLocks(locks, pid));
    },
  };
}

/** The usage figures of one process, by lowercase resource name. */
export function measureUsage(pid: number, status: StatusFields | undefined, ctx: UsageContext): Map<string, Usage> {
  const out = new Map<string, Usage>();
  const put = (name: string, value: Usage | undefined): void => {
    if (value !== undefined) out.set(name, value);
  };
  const fds = countFds(pid);
  put('nofile', fds === undefined ? undefined : BigInt(fds));
  if (status !== undefined) {
    put('as', status.vmSize);
    put('data', status.vmData);
    put('stack', status.vmStk);
    put('memlock', status.vmLck);
    put('rss', status.vmRss);
    put('sigpending', status.sigQueued);
    if (status.realUid !== undefined) put('nproc', ctx.tasksOfUid(status.realUid));
  }
  const stat = readProcText(pid, 'stat');
  const ticks = stat === undefined ? undefined : parseCpuTicks(stat);
  put('cpu', ticks === undefined ? undefined : Number(ticks) / USER_HZ);
  put('locks', ctx.locksOf(pid));
  return out;
}

// The kernel counts RLIMIT_NPROC per real uid over every task, threads included.
function countTasksByUid(): Map<number, bigint> {
  const out = new Map<number, bigint>();
  scanStatuses((status) => {
    const ids = parseRealUidThreads(status);
    if (ids !== undefined) out.set(ids.realUid, (out.get(ids.realUid) ?? 0n) + BigInt(ids.threads));
  });
  return out;
}
