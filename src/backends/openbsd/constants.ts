// OpenBSD numbers, each as the openbsd/src header names it (facts and versions
// in docs/platform-facts.md, "OpenBSD").
import { BSD44_RLIMITS, BSD_RLIM_INFINITY } from '../bsd/rlimits.js';
import { OPENBSD_KINFO_PREFIX } from '../../ffi/structs/openbsd.js';

/** sys/sys/sysctl.h: the "kern" top-level node. */
export const CTL_KERN = 1;
/** sys/sys/sysctl.h: kern.proc, an array of struct kinfo_proc (the old 14 is gone). */
export const KERN_PROC = 66;
/** sys/sys/sysctl.h: the kern.proc subtype that selects by process ID. */
export const KERN_PROC_PID = 1;
/**
 * sys/sys/proc.h: the largest process ID. Thread IDs are shown from
 * THREAD_PID_OFFSET (100000) up, so they never pass for one.
 */
export const PID_MAX = 99999;
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
