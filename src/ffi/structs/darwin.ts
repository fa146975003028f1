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
  p_stat: [36, 1], // SZOMB for a zombie
  p_pid: [40, 4],
  p_siglist: [208, 4], // DEPRECATED in the header: fill_user64_externproc leaves it 0
  p_sigmask: [228, 4], // DEPRECATED in the header: fill_user64_externproc leaves it 0
  p_sigignore: [232, 4],
  p_sigcatch: [236, 4],
  // kp_eproc (struct eproc) at 296
  cr_ngroups: [424, 2], // e_ucred.cr_ngroups (short)
  cr_groups: [428, 64], // e_ucred.cr_groups[NGROUPS = 16]; [0] is cr_gid, the egid
  e_pgid: [564, 4], // set only while the process has a process group
});

/** bsd/sys/proc.h: the p_stat of a process awaiting collection by its parent. */
export const SZOMB = 5;
