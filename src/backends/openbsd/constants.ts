// OpenBSD numbers: sys/sys/resource.h (RLIMIT_*, RLIM_INFINITY = 2**63 - 1),
// sys/sys/sysctl.h (CTL_KERN 1, KERN_PROC 66, KERN_PROC_PID 1), sys/sys/proc.h
// (PID_MAX 99999; thread IDs start at THREAD_PID_OFFSET 100000).
import { OPENBSD_KINFO_PREFIX } from '../../ffi/structs/openbsd.js';

export const OPENBSD_RLIMITS: Readonly<Record<string, number>> = {
  RLIMIT_CPU: 0,
  RLIMIT_FSIZE: 1,
  RLIMIT_DATA: 2,
  RLIMIT_STACK: 3,
  RLIMIT_CORE: 4,
  RLIMIT_RSS: 5,
  RLIMIT_MEMLOCK: 6,
  RLIMIT_NPROC: 7,
  RLIMIT_NOFILE: 8,
};
export const OPENBSD_RLIM_INFINITY = (1n << 63n) - 1n;
export const OPENBSD_PID_MAX = 99999;
/**
 * Six elements: the kernel wants {.., pid, elem_size, elem_count} and answers
 * EINVAL to the four the Python original passed (kern_sysctl.c sysctl_doproc).
 */
export function kinfoMib(pid: number): number[] {
  return [1, 66, 1, pid, OPENBSD_KINFO_PREFIX, 1];
}
