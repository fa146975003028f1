// NetBSD numbers, each as the NetBSD/src header names it (facts and versions in
// docs/platform-facts.md, "NetBSD").
import { BSD44_RLIMITS, BSD_RLIM_INFINITY } from '../bsd/rlimits.js';
import { NETBSD_KINFO_PROC2 } from '../../ffi/structs/netbsd.js';

/** sys/sys/sysctl.h: the "kern" top-level node. */
export const CTL_KERN = 1;
/** sys/sys/sysctl.h: kern.proc2, an array of struct kinfo_proc2. */
export const KERN_PROC2 = 47;
/** sys/sys/sysctl.h: the kern.proc2 subtype that selects by process ID. */
export const KERN_PROC_PID = 1;
/** sys/sys/sysctl.h: the "proc" top-level node, per-process attributes. */
export const CTL_PROC = 10;
/** sys/sys/sysctl.h: proc.PID.rlimit. */
export const PROC_PID_LIMIT = 2;
/** sys/sys/sysctl.h: proc.PID.rlimit.RES.soft. */
export const PROC_PID_LIMIT_TYPE_SOFT = 1;
/** sys/sys/sysctl.h: proc.PID.rlimit.RES.hard. */
export const PROC_PID_LIMIT_TYPE_HARD = 2;
/** Records asked for per query: the one process the ID selects. */
export const KINFO_ELEM_COUNT = 1;
/**
 * The largest pid_t (a 32-bit int). PID_MAX (30000, sys/sys/proc.h) is no
 * bound: the kernel uses IDs up to it only "until there are > 16k processes".
 */
export const MAX_PID_T = 0x7fffffff;

/** sys/sys/resource.h: RLIMIT_VMEM is an alias of RLIMIT_AS; RLIM_NLIMITS 12. */
export const NETBSD_RLIMITS: Readonly<Record<string, number>> = {
  ...BSD44_RLIMITS,
  RLIMIT_SBSIZE: 9,
  RLIMIT_AS: 10,
  RLIMIT_VMEM: 10,
  RLIMIT_NTHR: 11,
};
/** sys/sys/resource.h: RLIM_INFINITY is (~((u_quad_t)1 << 63)). */
export const NETBSD_RLIM_INFINITY = BSD_RLIM_INFINITY;
/**
 * Six elements: sysctl_doeproc (sys/kern/kern_proc.c) wants exactly four after
 * kern.proc2, {op, arg, elem_size, elem_count}, and answers EINVAL otherwise.
 */
export function kinfo2Mib(pid: number): number[] {
  return [CTL_KERN, KERN_PROC2, KERN_PROC_PID, pid, NETBSD_KINFO_PROC2.size, KINFO_ELEM_COUNT];
}
/** The two limits a proc.PID.rlimit.RES node has. */
export type LimitType = typeof PROC_PID_LIMIT_TYPE_SOFT | typeof PROC_PID_LIMIT_TYPE_HARD;
/**
 * proc.PID.rlimit.RES.{soft,hard}: one CTLTYPE_QUAD rlim_t per node. The
 * resource node is PROC_PID_LIMIT_<RES>, defined as RLIMIT_<RES> + 1.
 */
export function rlimitMib(pid: number, resource: number, type: LimitType): number[] {
  return [CTL_PROC, pid, PROC_PID_LIMIT, resource + 1, type];
}
