// NetBSD struct kinfo_proc2 (kern.proc2, KERN_PROC2 47), from sys/sys/sysctl.h
// (v1.236). Fixed-width members only, so the layout is the same on every
// architecture: 680 bytes. The kernel copies min(elem_size, its own size)
// bytes per record (sysctl_doeproc, sys/kern/kern_proc.c). See
// docs/platform-facts.md, "NetBSD".
import { struct } from './layout.js';

export const NETBSD_KINFO_PROC2 = struct('struct kinfo_proc2', 'netbsd sys/sys/sysctl.h', 680, {
  p_pid: [116, 4],
  p_sid: [124, 4],
  p__pgid: [128, 4],
  p_gid: [144, 4], // egid
  p_groups: [152, 64], // uint32_t[KI_NGROUPS = 16]: supplementary only
  p_ngroups: [216, 2],
  p_siglist: [296, 16], // ki_sigset_t: uint32[4]
  p_sigmask: [312, 16],
  p_sigignore: [328, 16],
  p_sigcatch: [344, 16],
  p_stat: [360, 1], // SZOMB or SDEAD for a zombie
  p_uvalid: [448, 8], // 0 for zombies: start time not filled (fill_kproc2)
  p_ustart_sec: [456, 4],
  p_ustart_usec: [460, 4],
});

/** sys/sys/proc.h: P_ZOMBIE(p) is true for either state. */
export const SZOMB = 5;
export const SDEAD = 6;
