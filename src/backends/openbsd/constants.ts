// OpenBSD numbers, each as the openbsd/src header names it (facts and versions
// in docs/platform-facts.md, "OpenBSD").
import { BSD44_RLIMITS, BSD_RLIM_INFINITY } from '../bsd/rlimits.js';
import type { UsageSource } from '../bsd/usage.js';
import { OPENBSD_KINFO_FILE_PREFIX, OPENBSD_KINFO_PREFIX } from '../../ffi/structs/openbsd.js';

/** sys/sys/sysctl.h: the "kern" top-level node. */
export const CTL_KERN = 1;
/** sys/sys/sysctl.h: kern.proc, an array of struct kinfo_proc (the old 14 is gone). */
export const KERN_PROC = 66;
/** sys/sys/sysctl.h: the kern.proc subtype that selects by process ID. */
export const KERN_PROC_PID = 1;
/** sys/sys/sysctl.h: the kern.proc subtype that lists every process, system ones included (KERN_PROC_ALL skips them). */
export const KERN_PROC_KTHREAD = 7;
/** sys/sys/sysctl.h: kern.proc_args, a process's argument or environment vector. */
export const KERN_PROC_ARGS = 55;
/** sys/sys/sysctl.h: the kern.proc_args subtype for the argument vector. */
export const KERN_PROC_ARGV = 1;
/** sys/sys/sysctl.h: kern.file, an array of struct kinfo_file. */
export const KERN_FILE = 73;
/** sys/sys/sysctl.h: the kern.file subtype that selects by process ID. */
export const KERN_FILE_BYPID = 2;
/** sys/sys/sysctl.h: the "hw" top-level node. */
export const CTL_HW = 6;
/** sys/sys/sysctl.h: hw.pagesize, an int. */
export const HW_PAGESIZE = 7;
/**
 * sys/sys/proc.h: the largest process ID. Thread IDs are shown from
 * THREAD_PID_OFFSET (100000) up, so they never pass for one.
 */
export const PID_MAX = 99999;
/**
 * How far two readings of one process's start time may differ, in
 * microseconds. fill_kproc (sys/kern/kern_sysctl.c) does not keep a start
 * date: it adds nanoboottime() to the process's start uptime (ps_start) on
 * every query, so a step of the wall clock (settimeofday, ntpd) moves every
 * p_ustart by the step. The same tolerance as FreeBSD's: a PID is not reused
 * within one second by a process that the hold would then take for the first.
 */
export const START_TOLERANCE_MICROS = 1_000_000;
/** Records asked for per query: the one process the ID selects. */
export const KINFO_ELEM_COUNT = 1;

/** sys/sys/resource.h: exactly 4.4BSD's nine (RLIM_NLIMITS 9). */
export const OPENBSD_RLIMITS = BSD44_RLIMITS;
/** sys/sys/resource.h: RLIM_INFINITY is (((rlim_t)1 << 63) - 1). */
export const OPENBSD_RLIM_INFINITY = BSD_RLIM_INFINITY;
/**
 * Six elements: sysctl_doproc (sys/kern/kern_sysctl.c) wants exactly four
 * after kern.proc, {op, arg, elem_size, elem_count}, and answers EINVAL to
 * the two the Python original passed.
 */
export function kinfoMib(pid: number): number[] {
  return [CTL_KERN, KERN_PROC, KERN_PROC_PID, pid, OPENBSD_KINFO_PREFIX, KINFO_ELEM_COUNT];
}

/** Every process: kern.proc.kthread with elem_count records of the prefix (sysctl_doproc walks live, then zombie processes). */
export function kinfoListMib(count: number): number[] {
  return [CTL_KERN, KERN_PROC, KERN_PROC_KTHREAD, 0, OPENBSD_KINFO_PREFIX, count];
}
/** kern.proc_args.PID.argv: sysctl_proc_args takes exactly these two after kern.proc_args. */
export function argvMib(pid: number): number[] {
  return [CTL_KERN, KERN_PROC_ARGS, pid, KERN_PROC_ARGV];
}
/** kern.file.bypid.PID with elem_count records of the head sysctl_file copies (the fields through fd_fd). */
export function fileMib(pid: number, count: number): number[] {
  return [CTL_KERN, KERN_FILE, KERN_FILE_BYPID, pid, OPENBSD_KINFO_FILE_PREFIX, count];
}
/** hw.pagesize: what p_vm_rssize, p_vm_dsize and p_vm_ssize count in. */
export const MIB_HW_PAGESIZE = [CTL_HW, HW_PAGESIZE] as const;

/**
 * Where each resource's usage comes from (FILL_KPROC in sys/sys/sysctl.h and
 * fill_kproc in sys/kern/kern_sysctl.c, and the checks that enforce each
 * limit): rucheck() (sys/kern/kern_resource.c) compares the process's
 * tu_runtime, which p_rtime is, with RLIMIT_CPU; uvm's data and stack
 * accounting (vm_dused, vm_ssize) is what RLIMIT_DATA and RLIMIT_STACK bound;
 * fork1() (sys/kern/kern_fork.c) counts processes per real uid (chgproccnt).
 * FSIZE, CORE and MEMLOCK have no per-process figure; OpenBSD has no
 * RLIMIT_AS.
 */
export const OPENBSD_USAGE: ReadonlyMap<number, UsageSource> = new Map<number, UsageSource>([
  [OPENBSD_RLIMITS.RLIMIT_CPU!, { kind: 'record', figure: 'cpuMicros' }],
  [OPENBSD_RLIMITS.RLIMIT_DATA!, { kind: 'record', figure: 'dataPages' }],
  [OPENBSD_RLIMITS.RLIMIT_STACK!, { kind: 'record', figure: 'stackPages' }],
  [OPENBSD_RLIMITS.RLIMIT_RSS!, { kind: 'record', figure: 'residentPages' }],
  [OPENBSD_RLIMITS.RLIMIT_NPROC!, { kind: 'processes' }],
  [OPENBSD_RLIMITS.RLIMIT_NOFILE!, { kind: 'fds' }],
]);
