// illumos / Solaris numbers, as illumos-gate's usr/src/uts/common/sys/resource.h
// names them in its _LP64 branch (facts and versions in docs/platform-facts.md,
// "illumos"): rlim_t is unsigned long and RLIM_INFINITY is (-3l); (-2l) and
// (-1l) are RLIM_SAVED_MAX and RLIM_SAVED_CUR. There is no RLIMIT_RSS,
// RLIMIT_MEMLOCK or RLIMIT_NPROC, and RLIMIT_NOFILE is 5.
export const SUNOS_RLIMITS: Readonly<Record<string, number>> = {
  RLIMIT_CPU: 0,
  RLIMIT_FSIZE: 1,
  RLIMIT_DATA: 2,
  RLIMIT_STACK: 3,
  RLIMIT_CORE: 4,
  RLIMIT_NOFILE: 5,
  RLIMIT_VMEM: 6,
  RLIMIT_AS: 6,
};
/** RLIM_INFINITY: (rlim_t)-3 as a 64-bit unsigned long. */
export const SUNOS_RLIM_INFINITY = (1n << 64n) - 3n;
/** The largest pid_t (a 32-bit int): /proc simply has no directory for an ID not in use. */
export const MAX_PID_T = 0x7fffffff;
