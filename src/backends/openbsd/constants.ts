// OpenBSD numbers: sys/sys/resource.h (RLIMIT_*, RLIM_INFINITY = 2**63 - 1),
// sys/sys/sysctl.h (CTL_KERN 1, KERN_PROC 66, KERN_PROC_PID 1), sys/sys/proc.h
// (PID_MAX 99999; thread IDs start at THREAD_PID_OFFSET 100000).
import { BSD44_RLIMITS, BSD_RLIM_INFINITY } from '../bsd/rlimits.js';
import { OPENBSD_KINFO_PREFIX } from '../../ffi/structs/openbsd.js';

/** Exactly 4.4BSD's nine (RLIM_NLIMITS 9). */
export const OPENBSD_RLIMITS = BSD44_RLIMITS;
export const OPENBSD_RLIM_INFINITY = BSD_RLIM_INFINITY;
export const OPENBSD_PID_MAX = 99999;
/**
 * Six elements: the kernel wants {.., pid, elem_size, elem_count} and answers
 * EINVAL to the four the Python original passed (kern_sysctl.c sysctl_doproc).
 */
export function kinfoMib(pid: number): number[] {
  return [1, 66, 1, pid, OPENBSD_KINFO_PREFIX, 1];
}
