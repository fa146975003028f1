// DragonFly numbers, each as the DragonFlyBSD header names it (facts and
// versions in docs/platform-facts.md, "DragonFly BSD").
import { BSD44_RLIMITS, BSD_RLIM_INFINITY } from '../bsd/rlimits.js';

/** sys/sys/sysctl.h: the "kern" top-level node. */
export const CTL_KERN = 1;
/** sys/sys/sysctl.h: kern.proc, struct kinfo_proc records. */
export const KERN_PROC = 14;
/** sys/sys/sysctl.h: the kern.proc subtype that selects by process ID. */
export const KERN_PROC_PID = 1;
/**
 * The largest pid_t (a 32-bit int), accepted as a target. The kernel itself
 * hands out IDs below PID_MAX (999999 in sys/sys/proc.h; proc_makepid in
 * sys/kern/kern_proc.c); a larger one is simply never found.
 */
export const MAX_PID_T = 0x7fffffff;

/**
 * sys/sys/resource.h: RLIMIT_VMEM 10 (RLIMIT_AS here, as POSIX names it) and
 * RLIMIT_POSIXLOCKS 11; RLIM_NLIMITS 12.
 */
export const DRAGONFLY_RLIMITS: Readonly<Record<string, number>> = {
  ...BSD44_RLIMITS,
  RLIMIT_SBSIZE: 9,
  RLIMIT_VMEM: 10,
  RLIMIT_AS: 10,
  RLIMIT_POSIXLOCKS: 11,
};
/** sys/sys/resource.h: RLIM_INFINITY is ((rlim_t)(((u_quad_t)1 << 63) - 1)). */
export const DRAGONFLY_RLIM_INFINITY = BSD_RLIM_INFINITY;
/** kern.proc.pid; four elements, as sysctl_kern_proc (sys/kern/kern_proc.c) wants. */
export function kinfoMib(pid: number): number[] {
  return [CTL_KERN, KERN_PROC, KERN_PROC_PID, pid];
}
/** Room for either record size the kernel may answer (976, or 992 with kinfo_lwp.kl_comm). */
export const KINFO_PROC_BUFFER_SIZE = 1024;
