// OpenBSD struct kinfo_proc (kern.proc, KERN_PROC 66), from sys/sys/sysctl.h
// (v1.246), and the head of struct kinfo_file (kern.file, KERN_FILE 73). Both
// are built from fixed-width types only, so the layouts are the same on every
// architecture: 648 bytes for kinfo_proc in current releases. Older ones lack
// trailing members, so the backend asks the kernel for the prefix it reads
// (sysctl_doproc and sysctl_file copy elem_size bytes per record). See
// docs/platform-facts.md, "OpenBSD".
import { struct } from './layout.js';

export const OPENBSD_KINFO_PROC = struct('struct kinfo_proc', 'openbsd sys/sys/sysctl.h', 648, {
  p_pid: [108, 4],
  p_sid: [116, 4], // session leader's pid, 0 once the leader has exited
  p__pgid: [120, 4],
  p_uid: [128, 4], // effective uid (cr_uid)
  p_ruid: [132, 4], // real uid (cr_ruid)
  p_gid: [136, 4], // egid
  p_groups: [144, 64], // u_int32_t[KI_NGROUPS = 16]: supplementary only
  p_ngroups: [208, 2],
  p_rtime_sec: [220, 4], // tu_runtime of the process's tusage: the CPU time rucheck() compares
  p_rtime_usec: [224, 4],
  p_siglist: [288, 4],
  p_sigmask: [292, 4],
  p_sigignore: [296, 4],
  p_sigcatch: [300, 4],
  p_stat: [304, 1], // SDEAD for a zombie
  p_comm: [312, 24], // char[KI_MAXCOMLEN = _MAXCOMLEN]: ps_comm, strlcpy'd
  p_vm_rssize: [384, 4], // vm_resident_count(vm), pages; 0 for a zombie
  p_vm_dsize: [392, 4], // vm_dused, pages
  p_vm_ssize: [396, 4], // vm_ssize, pages
  p_uvalid: [400, 8], // 0 for zombies: start time not filled (FILL_KPROC)
  p_ustart_sec: [408, 8],
  p_ustart_usec: [416, 4],
  p_svuid: [568, 4], // saved uid (cr_svuid)
});

/**
 * Bytes requested per record: every field read lies below p_emul (576). The
 * layout up to there is that of every release since time_t became 64-bit
 * (OpenBSD 5.5, when p_ustart_sec widened); p_svuid sits where v1.106 (2010)
 * already had it.
 */
export const OPENBSD_KINFO_PREFIX = 576;
/** sys/sys/proc.h: the thread state exit1 (sys/kern/kern_exit.c) leaves on an exited, unreaped process. */
export const SDEAD = 6;

/** struct kinfo_file (sys/sys/sysctl.h v1.246): 632 bytes; the backend reads only fd_fd. */
export const OPENBSD_KINFO_FILE = struct('struct kinfo_file', 'openbsd sys/sys/sysctl.h', 632, {
  fd_fd: [380, 4], // the descriptor; KERN_FILE_TEXT, _CDIR, _RDIR, _TRACE (-1 .. -4) for the others
});
/** Bytes requested per kinfo_file: through fd_fd, the same offset in v1.106's kinfo_file2. */
export const OPENBSD_KINFO_FILE_PREFIX = 384;
