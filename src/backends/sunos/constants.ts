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

/**
 * Where each resource's usage comes from: psinfo's pr_time (user + system
 * time; the kernel's RLIMIT_CPU check in clock_tick_process() counts the
 * same time in clock ticks, p_utime + p_stime), pstatus's pr_brksize (the
 * heap size brk_internal() compares with RLIMIT_DATA) and pr_stksize (the
 * stack size grow_internal() compares with RLIMIT_STACK), and the fd
 * directory. RLIMIT_VMEM (AS) has no figure: as_map_locked() compares the
 * mapped size a_size, while psinfo's pr_size is the reserved a_resvsize.
 * FSIZE and CORE have no per-process figure.
 */
export const SUNOS_USAGE: ReadonlyMap<number, 'cpu' | 'heap' | 'stack' | 'fds'> = new Map([
  [SUNOS_RLIMITS.RLIMIT_CPU!, 'cpu'],
  [SUNOS_RLIMITS.RLIMIT_DATA!, 'heap'],
  [SUNOS_RLIMITS.RLIMIT_STACK!, 'stack'],
  [SUNOS_RLIMITS.RLIMIT_NOFILE!, 'fds'],
] as const);
