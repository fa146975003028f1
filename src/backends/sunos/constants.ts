// illumos / Solaris numbers: usr/src/uts/common/sys/resource.h, _LP64 branch:
// rlim_t is unsigned long and RLIM_INFINITY is (rlim_t)-3 (-2 and -1 are
// RLIM_SAVED_MAX and RLIM_SAVED_CUR). No RSS, MEMLOCK or NPROC.
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
export const SUNOS_RLIM_INFINITY = (1n << 64n) - 3n;
