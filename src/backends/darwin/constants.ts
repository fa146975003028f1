// macOS numbers, each as the xnu header names it (read at tag xnu-11417.101.15;
// facts and versions in docs/platform-facts.md, "macOS").
import { BSD44_RLIMITS, BSD_RLIM_INFINITY } from '../bsd/rlimits.js';

/** bsd/sys/sysctl.h: the "kern" top-level node. */
export const CTL_KERN = 1;
/** bsd/sys/sysctl.h: kern.proc, one struct kinfo_proc per matching process. */
export const KERN_PROC = 14;
/** bsd/sys/sysctl.h: the kern.proc subtype that selects by process ID. */
export const KERN_PROC_PID = 1;
/** bsd/sys/proc_internal.h: the largest process ID the kernel hands out. */
export const PID_MAX = 99999;

/** bsd/sys/resource.h: the 4.4BSD nine, RLIMIT_AS being the number RLIMIT_RSS aliases. */
export const DARWIN_RLIMITS: Readonly<Record<string, number>> = {
  ...BSD44_RLIMITS,
  RLIMIT_AS: 5,
};
/** bsd/sys/resource.h: RLIM_INFINITY is ((__uint64_t)1 << 63) - 1. */
export const DARWIN_RLIM_INFINITY = BSD_RLIM_INFINITY;
/** kern.proc.pid; the process ID is the fourth element. */
export const MIB_KERN_PROC_PID = [CTL_KERN, KERN_PROC, KERN_PROC_PID] as const;
