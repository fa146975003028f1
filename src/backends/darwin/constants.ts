// macOS numbers: xnu bsd/sys/resource.h (RLIMIT_*, RLIM_INFINITY = 2**63 - 1),
// bsd/sys/sysctl.h (CTL_KERN 1, KERN_PROC 14, KERN_PROC_PID 1), bsd/sys/proc_internal.h
// (PID_MAX 99999).
import { BSD44_RLIMITS, BSD_RLIM_INFINITY } from '../bsd/rlimits.js';
export const DARWIN_RLIMITS: Readonly<Record<string, number>> = {
  ...BSD44_RLIMITS,
  RLIMIT_AS: 5, // RLIMIT_RSS's number: macOS aliases them
};
export const DARWIN_RLIM_INFINITY = BSD_RLIM_INFINITY;
export const DARWIN_PID_MAX = 99999;
export const MIB_KERN_PROC_PID = [1, 14, 1] as const;
