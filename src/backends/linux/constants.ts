// Linux resource numbers (include/uapi/asm-generic/resource.h; the same on
// x86, arm and riscv) and RLIM_INFINITY, (rlim_t)~0 on those architectures.
export const LINUX_RLIMITS: Readonly<Record<string, number>> = {
  RLIMIT_CPU: 0,
  RLIMIT_FSIZE: 1,
  RLIMIT_DATA: 2,
  RLIMIT_STACK: 3,
  RLIMIT_CORE: 4,
  RLIMIT_RSS: 5,
  RLIMIT_NPROC: 6,
  RLIMIT_NOFILE: 7,
  RLIMIT_MEMLOCK: 8,
  RLIMIT_AS: 9,
  RLIMIT_LOCKS: 10,
  RLIMIT_SIGPENDING: 11,
  RLIMIT_MSGQUEUE: 12,
  RLIMIT_NICE: 13,
  RLIMIT_RTPRIO: 14,
  RLIMIT_RTTIME: 15,
};

export const LINUX_RLIM_INFINITY = (1n << 64n) - 1n;

/** PID_MAX_LIMIT on 64-bit kernels (include/linux/threads.h): no PID is larger. */
export const LINUX_PID_MAX_LIMIT = 4 * 1024 * 1024;

/** PF_EXITING in /proc/PID/stat's flags field (include/linux/sched.h). */
export const PF_EXITING = 0x4;
