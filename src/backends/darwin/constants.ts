// macOS numbers, each as the xnu header names it (read at tag xnu-11417.101.15;
// facts and versions in docs/platform-facts.md, "macOS").
import { BSD44_RLIMITS, BSD_RLIM_INFINITY } from '../bsd/rlimits.js';
import type { UsageSource } from '../bsd/usage.js';

/** bsd/sys/sysctl.h: the "kern" top-level node. */
export const CTL_KERN = 1;
/** bsd/sys/sysctl.h: kern.argmax, an int: ARG_MAX (bsd/sys/syslimits.h). */
export const KERN_ARGMAX = 8;
/** bsd/sys/sysctl.h: kern.proc, one struct kinfo_proc per matching process. */
export const KERN_PROC = 14;
/** bsd/sys/sysctl.h: kern.procargs2: argc, then the executable path, then the argument strings. */
export const KERN_PROCARGS2 = 49;
/** bsd/sys/sysctl.h: the kern.proc subtype that lists every process, zombies included. */
export const KERN_PROC_ALL = 0;
/** bsd/sys/sysctl.h: the kern.proc subtype that selects by process ID. */
export const KERN_PROC_PID = 1;
/** bsd/sys/proc_info.h: proc_pidinfo flavor, one struct proc_fdinfo per open descriptor. */
export const PROC_PIDLISTFDS = 1;
/** bsd/sys/proc_info.h: proc_pidinfo flavor, one struct proc_taskinfo. */
export const PROC_PIDTASKINFO = 4;
/** bsd/sys/proc_internal.h: the largest process ID the kernel hands out. */
export const PID_MAX = 99999;

/** bsd/sys/resource.h: the 4.4BSD nine, RLIMIT_AS being the number RLIMIT_RSS aliases. */
export const DARWIN_RLIMITS: Readonly<Record<string, number>> = {
  ...BSD44_RLIMITS,
  RLIMIT_AS: 5,
};
/** bsd/sys/resource.h: RLIM_INFINITY is ((__uint64_t)1 << 63) - 1. */
export const DARWIN_RLIM_INFINITY = BSD_RLIM_INFINITY;
/** kern.proc.pid; the process ID is the fourth element. */
export const MIB_KERN_PROC_PID = [CTL_KERN, KERN_PROC, KERN_PROC_PID] as const;
/** kern.proc.all takes no further element (sysctl_prochandle). */
export const MIB_KERN_PROC_ALL = [CTL_KERN, KERN_PROC, KERN_PROC_ALL] as const;
export const MIB_KERN_ARGMAX = [CTL_KERN, KERN_ARGMAX] as const;
/** kern.procargs2; the process ID is the third element. */
export const MIB_KERN_PROCARGS2 = [CTL_KERN, KERN_PROCARGS2] as const;

/**
 * Where each resource's usage comes from. vm_map_enter() (osfmk/vm/vm_map.c)
 * refuses a mapping once map->size passes either RLIMIT_AS (5) or
 * RLIMIT_DATA (2), so both count the map size, which proc_taskinfo's
 * pti_virtual_size gives. The per-thread rlimit timer charges user and system
 * time (task_vtimer_update, osfmk/kern/task.c): pti_total_user +
 * pti_total_system. fork1() counts processes per real uid (chgproccnt,
 * bsd/kern/kern_fork.c). FSIZE, STACK, CORE and MEMLOCK have no per-process
 * figure another process can read.
 */
export const DARWIN_USAGE: ReadonlyMap<number, UsageSource> = new Map<number, UsageSource>([
  [DARWIN_RLIMITS.RLIMIT_CPU!, { kind: 'record', figure: 'cpuMicros' }],
  [DARWIN_RLIMITS.RLIMIT_DATA!, { kind: 'record', figure: 'virtualBytes' }],
  [DARWIN_RLIMITS.RLIMIT_AS!, { kind: 'record', figure: 'virtualBytes' }],
  [DARWIN_RLIMITS.RLIMIT_NPROC!, { kind: 'processes' }],
  [DARWIN_RLIMITS.RLIMIT_NOFILE!, { kind: 'fds' }],
]);
