// macOS numbers: xnu bsd/sys/resource.h (RLIMIT_*, RLIM_INFINITY = 2**63 - 1),
// bsd/sys/sysctl.h (CTL_KERN 1, KERN_PROC 14, KERN_PROC_PID 1), bsd/sys/proc_internal.h
// (PID_MAX 99999).
export const DARWIN_RLIMITS: Readonly<Record<string, number>> = {
  RLIMIT_CPU: 0,
  RLIMIT_FSIZE: 1,
  RLIMIT_DATA: 2,
  RLIMIT_STACK: 3,
  RLIMIT_CORE: 4,
  RLIMIT_AS: 5,
  RLIMIT_RSS: 5,
  RLIMIT_MEMLOCK: 6,
  RLIMIT_NPROC: 7,
  RLIMIT_NOFILE: 8,
};
export const DARWIN_RLIM_INFINITY = (1n << 63n) - 1n;
export const DARWIN_PID_MAX = 99999;
export const MIB_KERN_PROC_PID = [1, 14, 1] as const;
