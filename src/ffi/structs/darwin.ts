// macOS struct kinfo_proc, as kern.proc.pid (CTL_KERN, KERN_PROC,
// KERN_PROC_PID) fills it for a 64-bit caller: struct user64_kinfo_proc, whose
// members sit where xnu bsd/sys/sysctl.h (kinfo_proc, eproc), bsd/sys/proc.h
// (extern_proc) and bsd/sys/ucred.h (_ucred) put them. 648 bytes on x86_64 and
// arm64 alike. Read at tag xnu-11417.101.15; see docs/platform-facts.md, "macOS".
import { struct } from './layout.js';

export const DARWIN_KINFO_PROC = struct('struct kinfo_proc', 'xnu bsd/sys/sysctl.h', 648, {
  // kp_proc (struct extern_proc, 296 bytes)
  p_starttime_sec: [0, 8], // p_un.__p_starttime.tv_sec (time_t)
  p_starttime_usec: [8, 4], // tv_usec (__darwin_suseconds_t, 32-bit)
  p_flag: [32, 4], // p_flag as fill_user64_externproc copies it (P_TRANSLATED and the rest)
  p_stat: [36, 1], // SZOMB for a zombie
  p_pid: [40, 4],
  p_siglist: [208, 4], // DEPRECATED in the header: fill_user64_externproc leaves it 0
  p_sigmask: [228, 4], // DEPRECATED in the header: fill_user64_externproc leaves it 0
  p_sigignore: [232, 4],
  p_sigcatch: [236, 4],
  p_comm: [243, 17], // char[MAXCOMLEN + 1]: MAXCOMLEN bytes of p_comm copied into a zeroed record
  // kp_eproc (struct eproc) at 296
  p_ruid: [392, 4], // e_pcred.p_ruid: the credential's real uid
  p_svuid: [396, 4], // e_pcred.p_svuid: the saved uid
  cr_uid: [420, 4], // e_ucred.cr_uid: the effective uid
  cr_ngroups: [424, 2], // e_ucred.cr_ngroups (short)
  cr_groups: [428, 64], // e_ucred.cr_groups[NGROUPS = 16]; [0] is cr_gid, the egid
  e_pgid: [564, 4], // set only while the process has a process group
});

/** bsd/sys/proc.h: the p_stat of a process awaiting collection by its parent. */
export const SZOMB = 5;
/** bsd/sys/proc.h: the p_flag bit of a translated (Rosetta) process, set at exec (bsd/kern/kern_exec.c). */
export const P_TRANSLATED = 0x00020000;

/**
 * bsd/sys/proc_info.h: what proc_pidinfo(PROC_PIDTASKINFO) fills
 * (fill_taskprocinfo, osfmk/kern/bsd_kern.c). Fixed-width members only.
 */
export const DARWIN_PROC_TASKINFO = struct('struct proc_taskinfo', 'xnu bsd/sys/proc_info.h', 96, {
  pti_virtual_size: [0, 8], // vm_map_adjusted_size(map), bytes
  pti_resident_size: [8, 8], // the phys_mem ledger balance, bytes
  pti_total_user: [16, 8], // Mach absolute time units (recount_task_times), not nanoseconds
  pti_total_system: [24, 8],
});

/** bsd/sys/proc_info.h: one entry of proc_pidinfo(PROC_PIDLISTFDS)'s answer. */
export const DARWIN_PROC_FDINFO = struct('struct proc_fdinfo', 'xnu bsd/sys/proc_info.h', 8, {
  proc_fd: [0, 4],
  proc_fdtype: [4, 4],
});

/** osfmk/mach/mach_time.h: the ratio that turns Mach absolute time into nanoseconds. */
export const DARWIN_MACH_TIMEBASE_INFO = struct('struct mach_timebase_info', 'xnu osfmk/mach/mach_time.h', 8, {
  numer: [0, 4],
  denom: [4, 4],
});
