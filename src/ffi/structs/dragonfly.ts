// DragonFly BSD struct kinfo_proc (x86_64 only; kern.proc.pid), from
// sys/sys/kinfo.h. 976 bytes; kernels whose struct kinfo_lwp has kl_comm make
// it 992. Every field the backend reads lies before kp_lwp, whose growth moves
// only what follows it. See docs/platform-facts.md, "DragonFly BSD".
import { struct } from './layout.js';

export const DRAGONFLY_KINFO_PROC = struct('struct kinfo_proc', 'dragonfly sys/sys/kinfo.h', 976, {
  kp_stat: [12, 4], // enum procstat: SZOMB for a zombie
  kp_siglist: [40, 16],
  kp_sigignore: [56, 16],
  kp_sigcatch: [72, 16],
  kp_start_sec: [96, 8],
  kp_start_usec: [104, 8],
  kp_ngroups: [136, 2],
  kp_groups: [140, 64], // gid_t[NGROUPS = 16]; [0] is the egid (procfs_status.c)
  kp_pid: [220, 4],
  kp_pgid: [228, 4],
  kp_sid: [236, 4],
  kl_siglist: [904, 16], // kp_lwp: one LWP's pending set
  kl_sigmask: [920, 16], // and its blocked set
});

/** The two sizes the kernel may answer with (without and with kinfo_lwp.kl_comm). */
export const DRAGONFLY_KINFO_SIZES: readonly number[] = [976, 992];
/** sys/sys/proc.h: SZOMB in enum procstat { SIDL = 1, SACTIVE, SSTOP, SZOMB }. */
export const SZOMB = 4;
