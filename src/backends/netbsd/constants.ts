// NetBSD numbers, each as the NetBSD/src header names it (facts and versions in
// docs/platform-facts.md, "NetBSD").
import { BSD44_RLIMITS, BSD_RLIM_INFINITY } from '../bsd/rlimits.js';
import type { UsageSource } from '../bsd/usage.js';
import { NETBSD_KINFO_FILE, NETBSD_KINFO_PROC2 } from '../../ffi/structs/netbsd.js';

/** sys/sys/sysctl.h: the "kern" top-level node. */
export const CTL_KERN = 1;
/** sys/sys/sysctl.h: kern.proc2, an array of struct kinfo_proc2. */
export const KERN_PROC2 = 47;
/** sys/sys/sysctl.h: the kern.proc2 subtype that lists every process. */
export const KERN_PROC_ALL = 0;
/** sys/sys/sysctl.h: the kern.proc2 subtype that selects by process ID. */
export const KERN_PROC_PID = 1;
/** sys/sys/sysctl.h: kern.proc_args, a process's argument or environment strings. */
export const KERN_PROC_ARGS = 48;
/** sys/sys/sysctl.h: the kern.proc_args subtype for the argument strings. */
export const KERN_PROC_ARGV = 1;
/** sys/sys/sysctl.h: kern.file2, an array of struct kinfo_file. */
export const KERN_FILE2 = 77;
/** sys/sys/sysctl.h: the kern.file2 subtype that selects by process ID. */
export const KERN_FILE_BYPID = 2;
/** sys/sys/sysctl.h: the "hw" top-level node. */
export const CTL_HW = 6;
/** sys/sys/sysctl.h: hw.pagesize, an int. */
export const HW_PAGESIZE = 7;
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
/** Every process: kern.proc2.all with elem_count records (sysctl_doeproc; the argument is unused). */
export function kinfo2ListMib(count: number): number[] {
  return [CTL_KERN, KERN_PROC2, KERN_PROC_ALL, 0, NETBSD_KINFO_PROC2.size, count];
}
/** kern.proc_args.PID.argv: sysctl_kern_proc_args takes exactly these two after kern.proc_args. */
export function argvMib(pid: number): number[] {
  return [CTL_KERN, KERN_PROC_ARGS, pid, KERN_PROC_ARGV];
}
/** kern.file2.bypid.PID with elem_count records (sysctl_kern_file2 wants exactly four after kern.file2). */
export function file2Mib(pid: number, count: number): number[] {
  return [CTL_KERN, KERN_FILE2, KERN_FILE_BYPID, pid, NETBSD_KINFO_FILE.size, count];
}
/** hw.pagesize: what p_vm_rssize, p_vm_dsize, p_vm_ssize and p_vm_vsize count in. */
export const MIB_HW_PAGESIZE = [CTL_HW, HW_PAGESIZE] as const;

/**
 * Where each resource's usage comes from (fill_kproc2 in sys/kern/kern_proc.c,
 * and the checks that enforce each limit): sched_pstats() (sys/kern/
 * kern_synch.c) compares the process's p_rtime, which p_rtime_sec/usec is,
 * with RLIMIT_CPU; uvm compares the map's size with RLIMIT_AS and vm_dsize,
 * vm_ssize with RLIMIT_DATA and RLIMIT_STACK; fork1() counts processes per
 * real uid (chgproccnt, sys/kern/kern_fork.c). FSIZE, CORE and MEMLOCK have
 * no per-process figure; SBSIZE and NTHR are counted per user (struct
 * uidinfo).
 */
export const NETBSD_USAGE: ReadonlyMap<number, UsageSource> = new Map<number, UsageSource>([
  [NETBSD_RLIMITS.RLIMIT_CPU!, { kind: 'record', figure: 'cpuMicros' }],
  [NETBSD_RLIMITS.RLIMIT_DATA!, { kind: 'record', figure: 'dataPages' }],
  [NETBSD_RLIMITS.RLIMIT_STACK!, { kind: 'record', figure: 'stackPages' }],
  [NETBSD_RLIMITS.RLIMIT_RSS!, { kind: 'record', figure: 'residentPages' }],
  [NETBSD_RLIMITS.RLIMIT_NPROC!, { kind: 'processes' }],
  [NETBSD_RLIMITS.RLIMIT_NOFILE!, { kind: 'fds' }],
  [NETBSD_RLIMITS.RLIMIT_AS!, { kind: 'record', figure: 'virtualPages' }],
]);
