// DragonFly BSD struct kinfo_proc (x86_64 only; kern.proc.pid) and struct
// kinfo_file (kern.file), from sys/sys/kinfo.h. kinfo_proc is 992 bytes: its
// kp_lwp (struct kinfo_lwp) ends with kl_comm[MAXCOMLEN + 1], in the header
// since 2015, so in every release from 4.4 on; the 976-byte record without it
// belongs to releases no longer supported. See docs/platform-facts.md,
// "DragonFly BSD".
import { struct } from './layout.js';

export const DRAGONFLY_KINFO_PROC = struct('struct kinfo_proc', 'dragonfly sys/sys/kinfo.h', 992, {
  kp_flags: [8, 4], // p_flags: P_SYSTEM for a system process
  kp_stat: [12, 4], // enum procstat: SZOMB for a zombie
  kp_siglist: [40, 16],
  kp_sigignore: [56, 16],
  kp_sigcatch: [72, 16],
  kp_start_sec: [96, 8],
  kp_start_usec: [104, 8],
  kp_comm: [112, 17], // char[MAXCOMLEN + 1]: p_comm strncpy'd and NUL-terminated
  kp_uid: [132, 4], // effective uid
  kp_ngroups: [136, 2],
  kp_groups: [140, 64], // gid_t[NGROUPS = 16]; [0] is the egid (procfs_status.c)
  kp_ruid: [204, 4],
  kp_svuid: [208, 4],
  kp_pid: [220, 4],
  kp_pgid: [228, 4],
  kp_sid: [236, 4],
  kp_vm_map_size: [312, 8], // size_t: vm_map.size, bytes
  kp_vm_rssize: [320, 8], // segsz_t: vmspace_resident_count(vm), pages
  kp_vm_dsize: [344, 8], // segsz_t: vm_dsize, pages
  kp_vm_ssize: [352, 8], // segsz_t: vm_ssize, pages
  kl_uticks: [704, 8], // kp_lwp (at 664): td_uticks of that LWP, microseconds
  kl_sticks: [712, 8], // td_sticks, microseconds
  kl_siglist: [904, 16], // kp_lwp: one LWP's pending set
  kl_sigmask: [920, 16], // and its blocked set
});

/** sys/sys/proc.h: SZOMB in enum procstat { SIDL = 1, SACTIVE, SSTOP, SZOMB }. */
export const SZOMB = 4;

/** struct kinfo_file: one per descriptor of every process kern.file shows; f_size holds sizeof. */
export const DRAGONFLY_KINFO_FILE = struct('struct kinfo_file', 'dragonfly sys/sys/kinfo.h', 72, {
  f_size: [0, 8],
  f_pid: [8, 4],
  f_fd: [16, 4],
});
/** sys/sys/proc.h: the kp_flags bit of a system process, which has no arguments. */
export const P_SYSTEM = 0x200;
