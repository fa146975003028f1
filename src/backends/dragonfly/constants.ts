// DragonFly numbers: sys/sys/resource.h (RLIMIT_*, RLIM_INFINITY = 2**63 - 1),
// sys/sys/sysctl.h (CTL_KERN 1, KERN_PROC 14, KERN_PROC_PID 1).
export const DRAGONFLY_RLIMITS: Readonly<Record<string, number>> = {
  RLIMIT_CPU: 0,
  RLIMIT_FSIZE: 1,
  RLIMIT_DATA: 2,
  RLIMIT_STACK: 3,
  RLIMIT_CORE: 4,
  RLIMIT_RSS: 5,
  RLIMIT_MEMLOCK: 6,
  RLIMIT_NPROC: 7,
  RLIMIT_NOFILE: 8,
  RLIMIT_SBSIZE: 9,
  RLIMIT_VMEM: 10,
  RLIMIT_AS: 10,
  RLIMIT_POSIXLOCKS: 11,
};
export const DRAGONFLY_RLIM_INFINITY = (1n << 63n) - 1n;
export function kinfoMib(pid: number): number[] {
  return [1, 14, 1, pid];
}
/** Room for either record size the kernel may answer (976 or 992). */
export const KINFO_BUFFER = 1024;
