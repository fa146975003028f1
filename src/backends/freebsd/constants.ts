// FreeBSD numbers: sys/sys/resource.h (RLIMIT_*, RLIM_INFINITY = 2**63 - 1;
// RLIMIT_PIPEBUF only on newer kernels, which answer EINVAL otherwise),
// sys/sys/sysctl.h (CTL_KERN 1, KERN_PROC 14, KERN_PROC_PID 1, KERN_PROC_GROUPS 34,
// KERN_PROC_RLIMIT 37, KERN_PROC_UMASK 39), sys/sys/proc.h (PID_MAX 99999; larger
// numbers are looked up as thread IDs).
import { BSD44_RLIMITS, BSD_RLIM_INFINITY } from '../bsd/rlimits.js';
export const FREEBSD_RLIMITS: Readonly<Record<string, number>> = {
  ...BSD44_RLIMITS,
  RLIMIT_SBSIZE: 9,
  RLIMIT_VMEM: 10,
  RLIMIT_AS: 10,
  RLIMIT_NPTS: 11,
  RLIMIT_SWAP: 12,
  RLIMIT_KQUEUES: 13,
  RLIMIT_UMTXP: 14,
  RLIMIT_PIPEBUF: 15,
};
export const FREEBSD_RLIM_INFINITY = BSD_RLIM_INFINITY;
export const FREEBSD_PID_MAX = 99999;
const CTL_KERN = 1;
const KERN_PROC = 14;
export const MIB = {
  pid: (pid: number) => [CTL_KERN, KERN_PROC, 1, pid],
  groups: (pid: number) => [CTL_KERN, KERN_PROC, 34, pid],
  rlimit: (pid: number, resource: number) => [CTL_KERN, KERN_PROC, 37, pid, resource],
  umask: (pid: number) => [CTL_KERN, KERN_PROC, 39, pid],
};
/** ki_start is rebuilt from the boot time on each query (kern_proc.c): a clock step moves it. */
export const START_TOLERANCE_MICROS = 1_000_000;
