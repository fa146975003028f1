// NetBSD struct kinfo_proc2 (kern.proc2, KERN_PROC2 47) and struct kinfo_file
// (kern.file2, KERN_FILE2 77), from sys/sys/sysctl.h (v1.236). Fixed-width
// members only, so the layouts are the same on every architecture: 680 and
// 120 bytes. The kernel copies min(elem_size, its own size)
// bytes per record (sysctl_doeproc, sys/kern/kern_proc.c). See
// docs/platform-facts.md, "NetBSD".
import { struct } from './layout.js';

export const NETBSD_KINFO_PROC2 = struct('struct kinfo_proc2', 'netbsd sys/sys/sysctl.h', 680, {
  p_pid: [116, 4],
  p_sid: [124, 4],
  p__pgid: [128, 4],
  p_uid: [136, 4], // kauth_cred_geteuid
  p_ruid: [140, 4], // kauth_cred_getuid: the real uid
  p_gid: [144, 4], // egid
  p_groups: [152, 64], // uint32_t[KI_NGROUPS = 16]: supplementary only
  p_ngroups: [216, 2],
  p_rtime_sec: [228, 4], // calcru()'s total run time, as sched_pstats() sums it; 0 for a zombie
  p_rtime_usec: [232, 4],
  p_siglist: [296, 16], // ki_sigset_t: uint32[4]
  p_sigmask: [312, 16],
  p_sigignore: [328, 16],
  p_sigcatch: [344, 16],
  p_stat: [360, 1], // the process state, replaced by an LWP state for a live process (fill_kproc2)
  p_comm: [368, 24], // char[KI_MAXCOMLEN]: p_comm (MAXCOMLEN + 1 = 17 bytes) strncpy'd
  p_vm_rssize: [432, 4], // vm_resident_count(vm), pages; 0 for a zombie
  p_vm_dsize: [440, 4], // vm_dsize, pages
  p_vm_ssize: [444, 4], // vm_ssize, pages
  p_uvalid: [448, 8], // 0 for zombies: start time not filled (fill_kproc2)
  p_ustart_sec: [456, 4],
  p_ustart_usec: [460, 4],
  p_realstat: [632, 8], // uint64_t: the process's own p_stat, where p_stat may carry an LWP's state
  p_svuid: [640, 4], // kauth_cred_getsvuid
  p_vm_vsize: [664, 8], // atop(vm_map.size): pages
});

/** sys/sys/proc.h: process states SIDL 1, SACTIVE 2, SDYING 3, SSTOP 4, SZOMB 5, SDEAD 6; P_ZOMBIE(p) is true for SZOMB or SDEAD. */
export const SZOMB = 5;
export const SDEAD = 6;

/** struct kinfo_file: one per descriptor of KERN_FILE_BYPID. */
export const NETBSD_KINFO_FILE = struct('struct kinfo_file', 'netbsd sys/sys/sysctl.h', 120, {
  ki_pid: [104, 4],
  ki_fd: [108, 4],
});
