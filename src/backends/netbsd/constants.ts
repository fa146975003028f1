// NetBSD numbers: sys/sys/resource.h (RLIMIT_*, RLIM_INFINITY = 2**63 - 1),
// sys/sys/sysctl.h (CTL_KERN 1, KERN_PROC2 47, KERN_PROC_PID 1; CTL_PROC 10,
// PROC_PID_LIMIT 2, PROC_PID_LIMIT_<RES> = RLIMIT_<RES> + 1, TYPE_SOFT 1, TYPE_HARD 2).
import { NETBSD_KINFO_PROC2 } from '../../ffi/structs/netbsd.js';

export const NETBSD_RLIMITS: Readonly<Record<string, number>> = {
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
  RLIMIT_AS: 10,
  RLIMIT_VMEM: 10,
  RLIMIT_NTHR: 11,
};
export const NETBSD_RLIM_INFINITY = (1n << 63n) - 1n;
/** Six elements: sysctl_doeproc wants {.., pid, elem_size, elem_count} for KERN_PROC2. */
export function kinfo2Mib(pid: number): number[] {
  return [1, 47, 1, pid, NETBSD_KINFO_PROC2.size, 1];
}
export const SOFT = 1;
export const HARD = 2;
/** proc.PID.rlimit.RES.{soft,hard}: one rlim_t per node. */
export function rlimitMib(pid: number, resource: number, type: typeof SOFT | typeof HARD): number[] {
  return [10, pid, 2, resource + 1, type];
}
