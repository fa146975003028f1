// FreeBSD numbers, each as the freebsd-src header names it (facts, commits and
// versions in docs/platform-facts.md, "FreeBSD").
import { BSD44_RLIMITS, BSD_RLIM_INFINITY } from '../bsd/rlimits.js';
import type { UsageSource } from '../bsd/usage.js';

/** sys/sys/sysctl.h: the "kern" top-level node. */
export const CTL_KERN = 1;
/** sys/sys/sysctl.h: kern.proc. */
export const KERN_PROC = 14;
/** sys/sys/sysctl.h: kern.proc.pid, one struct kinfo_proc. */
export const KERN_PROC_PID = 1;
/** sys/sys/sysctl.h: kern.proc.args, the argument strings (or the title the process set). */
export const KERN_PROC_ARGS = 7;
/** sys/sys/sysctl.h: kern.proc.proc, one struct kinfo_proc per process (threads not listed). */
export const KERN_PROC_PROC = 8;
/** sys/sys/sysctl.h: kern.proc.filedesc, packed struct kinfo_file records. */
export const KERN_PROC_FILEDESC = 33;
/** sys/sys/sysctl.h: kern.proc.groups, the whole gid_t list of the credential. */
export const KERN_PROC_GROUPS = 34;
/** sys/sys/sysctl.h: kern.proc.rlimit, one struct rlimit, readable and writable. */
export const KERN_PROC_RLIMIT = 37;
/** sys/sys/sysctl.h: kern.proc.umask, a u_short. */
export const KERN_PROC_UMASK = 39;
/** sys/sys/sysctl.h: the "hw" top-level node. */
export const CTL_HW = 6;
/** sys/sys/sysctl.h: hw.pagesize, an int. */
export const HW_PAGESIZE = 7;
/**
 * sys/sys/proc.h: the largest process ID. pget() (sys/kern/kern_proc.c) looks
 * larger numbers up as thread IDs, so none is ever passed.
 */
export const PID_MAX = 99999;

/**
 * sys/sys/resource.h. RLIMIT_PIPEBUF exists only on kernels with RLIM_NLIMITS
 * 16; older ones answer EINVAL for it (sysctl_kern_proc_rlimit).
 */
export const FREEBSD_RLIMITS: Readonly<Record<string, number>> = {
  ...BSD44_RLIMITS,
  RLIMIT_SBSIZE: 9,
  RLIMIT_VMEM: 10,
  RLIMIT_AS: 10,
  RLIMIT_NPTS: 11,
  RLIMIT_SWAP: 12,
  RLIMIT_KQUEUES: 13,
  RLIMIT_UMTXP: 14,
  RLIMIT_PIPEBUF: 15,
};
/** sys/sys/resource.h: RLIM_INFINITY is (rlim_t)(((__uint64_t)1 << 63) - 1). */
export const FREEBSD_RLIM_INFINITY = BSD_RLIM_INFINITY;

/** The kern.proc nodes read; the process ID follows the subtype. */
export const KERN_PROC_MIBS = {
  pid: (pid: number) => [CTL_KERN, KERN_PROC, KERN_PROC_PID, pid],
  groups: (pid: number) => [CTL_KERN, KERN_PROC, KERN_PROC_GROUPS, pid],
  rlimit: (pid: number, resource: number) => [CTL_KERN, KERN_PROC, KERN_PROC_RLIMIT, pid, resource],
  umask: (pid: number) => [CTL_KERN, KERN_PROC, KERN_PROC_UMASK, pid],
  args: (pid: number) => [CTL_KERN, KERN_PROC, KERN_PROC_ARGS, pid],
  filedesc: (pid: number) => [CTL_KERN, KERN_PROC, KERN_PROC_FILEDESC, pid],
  // No argument: sysctl_kern_proc takes none or one for KERN_PROC_PROC.
  proc: () => [CTL_KERN, KERN_PROC, KERN_PROC_PROC],
};
/** hw.pagesize: what ki_rssize, ki_dsize and ki_ssize count in. */
export const MIB_HW_PAGESIZE = [CTL_HW, HW_PAGESIZE] as const;

/**
 * Where each resource's usage comes from (sys/kern/kern_proc.c
 * fill_kinfo_proc_only, and the checks that enforce each limit): lim_cb()
 * (sys/kern/kern_resource.c) compares rux_runtime, which ki_runtime is, with
 * RLIMIT_CPU; vm_mmap_object() compares the map size (ki_size) with
 * RLIMIT_VMEM; vm_dsize and vm_ssize are what RLIMIT_DATA and RLIMIT_STACK
 * bound; ki_rssize is the vmspace's resident pages plus the kernel stacks of
 * the threads in memory (the swap-out daemon compares the vmspace's alone
 * with RLIMIT_RSS); fork1() counts processes per real uid (chgproccnt). The other
 * resources are counted per user (SBSIZE, NPTS, SWAP, KQUEUES, UMTXP,
 * PIPEBUF: struct uidinfo) or not at all per process (FSIZE, CORE, MEMLOCK):
 * no figure.
 */
export const FREEBSD_USAGE: ReadonlyMap<number, UsageSource> = new Map<number, UsageSource>([
  [FREEBSD_RLIMITS.RLIMIT_CPU!, { kind: 'record', figure: 'cpuMicros' }],
  [FREEBSD_RLIMITS.RLIMIT_DATA!, { kind: 'record', figure: 'dataPages' }],
  [FREEBSD_RLIMITS.RLIMIT_STACK!, { kind: 'record', figure: 'stackPages' }],
  [FREEBSD_RLIMITS.RLIMIT_RSS!, { kind: 'record', figure: 'residentPages' }],
  [FREEBSD_RLIMITS.RLIMIT_NPROC!, { kind: 'processes' }],
  [FREEBSD_RLIMITS.RLIMIT_NOFILE!, { kind: 'fds' }],
  [FREEBSD_RLIMITS.RLIMIT_VMEM!, { kind: 'record', figure: 'virtualBytes' }],
]);
/**
 * ki_start is p_start (uptime) plus getboottime() at the time of each query
 * (fill_kinfo_proc_only, sys/kern/kern_proc.c): a step of the clock moves it.
 */
export const START_TOLERANCE_MICROS = 1_000_000;
