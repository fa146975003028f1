// NetBSD numbers: sys/sys/resource.h (RLIMIT_*, RLIM_INFINITY = 2**63 - 1),
// sys/sys/sysctl.h (CTL_KERN 1, KERN_PROC2 47, KERN_PROC_PID 1; CTL_PROC 10,
// PROC_PID_LIMIT 2, PROC_PID_LIMIT_<RES> = RLIMIT_<RES> + 1, TYPE_SOFT 1, TYPE_HARD 2).
import { BSD44_RLIMITS, BSD_RLIM_INFINITY } from '../bsd/rlimits.js';
import { NETBSD_KINFO_PROC2 } from '../../ffi/structs/netbsd.js';

export const NETBSD_RLIMITS: Readonly<Record<string, number>> = {
  ...BSD44_RLIMITS,
  RLIMIT_SBSIZE: 9,
  RLIMIT_AS: 10,
  RLIMIT_VMEM: 10,
  RLIMIT_NTHR: 11,
};
export const NETBSD_RLIM_INFINITY = BSD_RLIM_INFINITY;
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
