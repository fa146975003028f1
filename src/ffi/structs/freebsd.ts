// FreeBSD struct kinfo_proc (kern.proc.pid, kern.proc.proc), struct rlimit
// (kern.proc.rlimit) and the head of struct kinfo_file (kern.proc.filedesc). Layout from sys/sys/user.h (the FreeBSD 14/15 header);
// its size is fixed by KINFO_PROC_SIZE in sys/amd64/include/proc.h and
// sys/arm64/include/proc.h, and the kernel stores it in ki_structsize
// (fill_kinfo_proc_only, sys/kern/kern_proc.c). Revisions read are in
// docs/platform-facts.md, "FreeBSD".
import { struct } from './layout.js';

export const FREEBSD_KINFO_PROC = struct('struct kinfo_proc', 'freebsd sys/sys/user.h', 1088, {
  ki_structsize: [0, 4],
  ki_pid: [72, 4],
  ki_pgid: [80, 4],
  ki_sid: [88, 4],
  ki_siglist: [104, 16], // sigset_t: uint32[4], the process's pending set
  ki_sigmask: [120, 16], // the first thread's blocked set (fill_kinfo_thread)
  ki_sigignore: [136, 16],
  ki_sigcatch: [152, 16],
  ki_uid: [168, 4], // effective uid (cr_uid)
  ki_ruid: [172, 4], // real uid (cr_ruid)
  ki_svuid: [176, 4], // saved uid (cr_svuid)
  ki_ngroups: [188, 2], // short, min(cr_ngroups, KI_NGROUPS)
  ki_groups: [192, 64], // gid_t[KI_NGROUPS = 16]
  ki_size: [256, 8], // vm_size_t: vm_map.size, bytes; 0 for a zombie
  ki_rssize: [264, 8], // segsz_t: resident pages, kernel stacks included
  ki_dsize: [288, 8], // segsz_t: vm_dsize, pages
  ki_ssize: [296, 8], // segsz_t: vm_ssize, pages
  ki_runtime: [328, 8], // u_int64_t: rux_runtime in microseconds, what lim_cb() checks
  ki_start_sec: [336, 8], // struct timeval ki_start
  ki_start_usec: [344, 8], // suseconds_t is a long
  ki_stat: [388, 1], // SZOMB for a zombie
  ki_comm: [447, 20], // char[COMMLEN + 1]: p_comm, NUL-terminated (strlcpy)
  ki_cr_flags: [588, 4], // KI_CRF_GRP_OVERFLOW
});

/** KINFO_PROC_SIZE for amd64 and arm64 (sys/<arch>/include/proc.h). */
export const KINFO_PROC_SIZE = 1088;
/** sys/sys/user.h: the ki_cr_flags bit set when the credential has more groups than ki_groups holds. */
export const KI_CRF_GRP_OVERFLOW = 0x80000000;
/** sys/sys/user.h: the capacity of ki_groups. */
export const KI_NGROUPS = 16;
/** sys/sys/proc.h: the legacy status value fill_kinfo_thread gives a zombie. */
export const SZOMB = 5;

/** struct rlimit: two signed 64-bit rlim_t (sys/sys/resource.h); kern.proc.rlimit wants exactly 16 bytes. */
export const FREEBSD_RLIMIT = struct('struct rlimit', 'freebsd sys/sys/resource.h', 16, {
  rlim_cur: [0, 8],
  rlim_max: [8, 8],
});

/**
 * The head of struct kinfo_file (sys/sys/user.h), which every record of
 * kern.proc.filedesc starts with. The kernel packs the records
 * (KERN_FILEDESC_PACK_KINFO): each is kf_structsize bytes, rounded up to 8.
 */
export const FREEBSD_KINFO_FILE = struct('struct kinfo_file', 'freebsd sys/sys/user.h', 1392, {
  kf_structsize: [0, 4],
  kf_type: [4, 4],
  kf_fd: [8, 4], // the descriptor; KF_FD_TYPE_* (negative) for cwd, root, jail, trace, text and ctty
});
