// DragonFly numbers: sys/sys/resource.h (RLIMIT_*, RLIM_INFINITY = 2**63 - 1),
// sys/sys/sysctl.h (CTL_KERN 1, KERN_PROC 14, KERN_PROC_PID 1).
import { BSD44_RLIMITS, BSD_RLIM_INFINITY } from '../bsd/rlimits.js';
export const DRAGONFLY_RLIMITS: Readonly<Record<string, number>> = {
  ...BSD44_RLIMITS,
  RLIMIT_SBSIZE: 9,
  RLIMIT_VMEM: 10,
  RLIMIT_AS: 10,
  RLIMIT_POSIXLOCKS: 11,
};
export const DRAGONFLY_RLIM_INFINITY = BSD_RLIM_INFINITY;
export function kinfoMib(pid: number): number[] {
  return [1, 14, 1, pid];
}
/** Room for either record size the kernel may answer (976 or 992). */
export const KINFO_BUFFER = 1024;
