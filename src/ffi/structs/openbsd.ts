// OpenBSD struct kinfo_proc (kern.proc, KERN_PROC 66), from sys/sys/sysctl.h
// (v1.246). It is built from fixed-width types only, so the layout is the same
// on every architecture: 648 bytes in current releases. Older ones lack
// trailing members, so the backend asks the kernel for the prefix it reads
// (sysctl_doproc copies elem_size bytes per record). See
// docs/platform-facts.md, "OpenBSD".
import { struct } from './layout.js';

export const OPENBSD_KINFO_PROC = struct('struct kinfo_proc', 'openbsd sys/sys/sysctl.h', 648, {
  p_pid: [108, 4],
  p_sid: [116, 4], // session leader's pid, 0 once the leader has exited
  p__pgid: [120, 4],
  p_gid: [136, 4], // egid
  p_groups: [144, 64], // u_int32_t[KI_NGROUPS = 16]: supplementary only
  p_ngroups: [208, 2],
  p_siglist: [288, 4],
  p_sigmask: [292, 4],
  p_sigignore: [296, 4],
  p_sigcatch: [300, 4],
  p_stat: [304, 1], // SDEAD for a zombie
  p_uvalid: [400, 8], // 0 for zombies: start time not filled (FILL_KPROC)
  p_ustart_sec: [408, 8],
  p_ustart_usec: [416, 4],
});

/** Bytes requested per record: every field read lies below p_uutime_sec (420), old kernels included. */
export const OPENBSD_KINFO_PREFIX = 424;
/** sys/sys/proc.h: the thread state exit1 (sys/kern/kern_exit.c) leaves on an exited, unreaped process. */
export const SDEAD = 6;
