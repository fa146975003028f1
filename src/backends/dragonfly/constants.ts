// DragonFly numbers, each as the DragonFlyBSD header names it (facts and
// versions in docs/platform-facts.md, "DragonFly BSD").
import { BSD44_RLIMITS, BSD_RLIM_INFINITY } from '../bsd/rlimits.js';
import type { UsageSource } from '../bsd/usage.js';

/** sys/sys/sysctl.h: the "kern" top-level node. */
export const CTL_KERN = 1;
/** sys/sys/sysctl.h: kern.proc, struct kinfo_proc records. */
export const KERN_PROC = 14;
/** sys/sys/sysctl.h: the kern.proc subtype that lists every process (then the kernel's own threads). */
export const KERN_PROC_ALL = 0;
/** sys/sys/sysctl.h: the kern.proc subtype that selects by process ID. */
export const KERN_PROC_PID = 1;
/** sys/sys/sysctl.h: kern.proc.args, the cached argument strings or the title the process set. */
export const KERN_PROC_ARGS = 7;
/** sys/sys/sysctl.h: or'ed into a kern.proc subtype, one record per LWP instead of one per process. */
export const KERN_PROC_FLAG_LWP = 0x10;
/** sys/sys/sysctl.h: kern.file, one struct kinfo_file per open descriptor of every process. */
export const KERN_FILE = 15;
/** sys/sys/sysctl.h: the "hw" top-level node. */
export const CTL_HW = 6;
/** sys/sys/sysctl.h: hw.pagesize, an int. */
export const HW_PAGESIZE = 7;
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
/** Room for one 992-byte record and more, so that a kernel answering another size is reported as such, not as ENOMEM. */
export const KINFO_PROC_BUFFER_SIZE = 1024;
/** kern.proc.all: no argument (sysctl_kern_proc answers EINVAL to one). */
export const MIB_KERN_PROC_ALL = [CTL_KERN, KERN_PROC, KERN_PROC_ALL] as const;
/** kern.proc.pid_lwp: one record per LWP of the process. */
export function lwpMib(pid: number): number[] {
  return [CTL_KERN, KERN_PROC, KERN_PROC_PID | KERN_PROC_FLAG_LWP, pid];
}
/** kern.proc.args.PID: exactly one argument (sysctl_kern_proc_args). */
export function argsMib(pid: number): number[] {
  return [CTL_KERN, KERN_PROC, KERN_PROC_ARGS, pid];
}
/** kern.file: no argument; every process's descriptors. */
export const MIB_KERN_FILE = [CTL_KERN, KERN_FILE] as const;
/** hw.pagesize: what kp_vm_rssize, kp_vm_dsize and kp_vm_ssize count in. */
export const MIB_HW_PAGESIZE = [CTL_HW, HW_PAGESIZE] as const;
/**
 * First buffer for kern.proc.args, which answers a size probe with nothing
 * (it writes only into a buffer): doubled on ENOMEM. The answer is the
 * cached p_args (at most kern.ps_arg_cache_limit bytes) or the title in the
 * process's upmap (UPMAP_MAXPROCTITLE).
 */
export const ARGS_FIRST_BUFFER = 65536;

/**
 * Where each resource's usage comes from (fill_kinfo_proc and
 * fill_kinfo_lwp in sys/kern/kern_kinfo.c, and the checks that enforce each
 * limit): schedcpu_resource() (sys/kern/kern_synch.c) sums td_uticks +
 * td_sticks of the live LWPs, in microseconds, for plimit_testcpulimit();
 * the map size is what RLIMIT_VMEM bounds; vm_dsize and vm_ssize what
 * RLIMIT_DATA and RLIMIT_STACK bound; fork1() counts processes per real uid
 * (chgproccnt). FSIZE, CORE and MEMLOCK have no per-process figure; SBSIZE
 * and POSIXLOCKS are counted per user (struct uidinfo).
 */
export const DRAGONFLY_USAGE: ReadonlyMap<number, UsageSource> = new Map<number, UsageSource>([
  [DRAGONFLY_RLIMITS.RLIMIT_CPU!, { kind: 'record', figure: 'cpuMicros' }],
  [DRAGONFLY_RLIMITS.RLIMIT_DATA!, { kind: 'record', figure: 'dataPages' }],
  [DRAGONFLY_RLIMITS.RLIMIT_STACK!, { kind: 'record', figure: 'stackPages' }],
  [DRAGONFLY_RLIMITS.RLIMIT_RSS!, { kind: 'record', figure: 'residentPages' }],
  [DRAGONFLY_RLIMITS.RLIMIT_NPROC!, { kind: 'processes' }],
  [DRAGONFLY_RLIMITS.RLIMIT_NOFILE!, { kind: 'fds' }],
  [DRAGONFLY_RLIMITS.RLIMIT_VMEM!, { kind: 'record', figure: 'virtualBytes' }],
]);
