// FreeBSD numbers, each as the freebsd-src header names it (facts, commits and
// versions in docs/platform-facts.md, "FreeBSD").
import { BSD44_RLIMITS, BSD_RLIM_INFINITY } from '../bsd/rlimits.js';

/** sys/sys/sysctl.h: the "kern" top-level node. */
export const CTL_KERN = 1;
/** sys/sys/sysctl.h: kern.proc. */
export const KERN_PROC = 14;
/** sys/sys/sysctl.h: kern.proc.pid, one struct kinfo_proc. */
export const KERN_PROC_PID = 1;
/** sys/sys/sysctl.h: kern.proc.groups, the whole gid_t list of the credential. */
export const KERN_PROC_GROUPS = 34;
/** sys/sys/sysctl.h: kern.proc.rlimit, one struct rlimit, readable and writable. */
export const KERN_PROC_RLIMIT = 37;
/** sys/sys/sysctl.h: kern.proc.umask, a u_short. */
export const KERN_PROC_UMASK = 39;
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
};
/**
 * ki_start is p_start (uptime) plus getboottime() at the time of each query
 * (fill_kinfo_proc_only, sys/kern/kern_proc.c): a step of the clock moves it.
 */
export const START_TOLERANCE_MICROS = 1_000_000;
