// FreeBSD struct kinfo_proc, from freebsd-src sys/sys/user.h. Its size is
// asserted by KINFO_PROC_SIZE = 1088 in sys/amd64/include/proc.h and
// sys/arm64/include/proc.h; the kernel sets ki_structsize to it.
import { struct } from './layout.js';

export const FREEBSD_KINFO_PROC = struct('struct kinfo_proc', 'freebsd sys/sys/user.h', 1088, {
  ki_structsize: [0, 4],
  ki_pid: [72, 4],
  ki_pgid: [80, 4],
  ki_sid: [88, 4],
  ki_siglist: [104, 16], // sigset_t: uint32[4], process-level pending
  ki_sigmask: [120, 16], // first thread's blocked set
  ki_sigignore: [136, 16],
  ki_sigcatch: [152, 16],
  ki_ngroups: [188, 2], // short, min(cr_ngroups, KI_NGROUPS)
  ki_groups: [192, 64], // gid_t[KI_NGROUPS = 16]
  ki_start_sec: [336, 8], // struct timeval ki_start
  ki_start_usec: [344, 8],
  ki_stat: [388, 1], // SZOMB = 5
  ki_cr_flags: [588, 4], // KI_CRF_GRP_OVERFLOW
});

/** KINFO_PROC_SIZE for amd64 and arm64 (sys/<arch>/include/proc.h). */
export const KINFO_PROC_SIZE = 1088;
/** ki_cr_flags bit: the credential has more groups than ki_groups holds (sys/sys/user.h). */
export const KI_CRF_GRP_OVERFLOW = 0x80000000;
/** KI_NGROUPS in sys/sys/user.h. */
export const KI_NGROUPS = 16;
/** SZOMB in sys/sys/proc.h. */
export const SZOMB = 5;

/** struct rlimit: two int64 rlim_t (sys/sys/resource.h); KERN_PROC_RLIMIT wants exactly 16 bytes. */
export const FREEBSD_RLIMIT = struct('struct rlimit', 'freebsd sys/sys/resource.h', 16, {
  rlim_cur: [0, 8],
  rlim_max: [8, 8],
});
