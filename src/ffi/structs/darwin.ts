// macOS struct kinfo_proc (sysctl CTL_KERN.KERN_PROC.KERN_PROC_PID), from xnu
// bsd/sys/sysctl.h (kinfo_proc, eproc), bsd/sys/proc.h (extern_proc) and
// bsd/sys/ucred.h (_ucred). 648 bytes on x86_64 and arm64 alike; golang/sys
// ztypes_darwin_{amd64,arm64}.go give SizeofKinfoProc = 0x288.
import { struct } from './layout.js';

export const DARWIN_KINFO_PROC = struct('struct kinfo_proc', 'xnu bsd/sys/sysctl.h', 648, {
  // kp_proc (struct extern_proc, 296 bytes)
  p_starttime_sec: [0, 8], // p_un.__p_starttime.tv_sec (time_t)
  p_starttime_usec: [8, 4], // tv_usec (suseconds_t, int32)
  p_stat: [36, 1], // SZOMB = 5
  p_pid: [40, 4],
  p_siglist: [208, 4], // deprecated: the kernel leaves it 0
  p_sigmask: [228, 4], // deprecated: the kernel leaves it 0
  p_sigignore: [232, 4],
  p_sigcatch: [236, 4],
  // kp_eproc (struct eproc) at 296
  cr_ngroups: [424, 2], // e_ucred.cr_ngroups (short)
  cr_groups: [428, 64], // e_ucred.cr_groups[NGROUPS = 16]; [0] is the egid
  e_pgid: [564, 4],
});

/** SZOMB in xnu bsd/sys/proc.h. */
export const SZOMB = 5;
