// illumos / Solaris /proc structures, from illumos-gate usr/src/uts/common/sys/
// procfs.h. A /proc file follows the reader's data model (proc(5)), so a 64-bit
// Node always reads the LP64 layouts below, whatever the target's model. See
// docs/platform-facts.md, "illumos / Solaris".
import { struct } from './layout.js';

/** /proc/PID/psinfo: world-readable, and still there for zombies. */
export const SUNOS_PSINFO = struct('psinfo_t', 'illumos usr/src/uts/common/sys/procfs.h', 416, {
  pr_nlwp: [4, 4], // 0 for a zombie
  pr_pid: [8, 4],
  pr_pgid: [16, 4],
  pr_sid: [20, 4],
  pr_egid: [36, 4],
  pr_start_sec: [88, 8], // timestruc_t pr_start
  pr_start_nsec: [96, 8],
  pr_time_sec: [104, 8], // timestruc_t pr_time: user + system time, microstate-accounted (prgetpsinfo)
  pr_time_nsec: [112, 8],
  pr_fname: [136, 16], // char[PRFNSZ]: u_comm, NUL-terminated
  pr_lwp_sname: [288 + 26, 1], // pr_lwp (lwpsinfo_t at 288).pr_sname: 'Z' for a zombie (prgetpsinfo)
});

/**
 * /proc/PID/status: 1680 bytes on amd64, the embedded lwpstatus_t (at 384)
 * being 1296. The pending and blocked sets are declared and checked for a
 * signal-mask reader; the backend offers no signal masks on illumos: ignored
 * and caught would need /proc/PID/sigact as well.
 */
export const SUNOS_PSTATUS = struct('pstatus_t', 'illumos usr/src/uts/common/sys/procfs.h', 1680, {
  pr_nlwp: [4, 4],
  pr_pid: [8, 4],
  pr_pgid: [16, 4],
  pr_sid: [20, 4],
  pr_sigpend: [32, 16], // process pending
  pr_brksize: [56, 8], // size_t: p_brksize, the heap size brk() compares with RLIMIT_DATA
  pr_stksize: [72, 8], // size_t: p_stksize, the stack size grow() compares with RLIMIT_STACK
  pr_lwppend: [384 + 272, 16], // pr_lwp (lwpstatus_t at 384): representative LWP's pending
  pr_lwphold: [384 + 288, 16], // and its blocked set
});

/** The bytes of pstatus_t the decoder reads: through pr_lwp.pr_lwphold, the last field declared. */
export const SUNOS_PSTATUS_PREFIX = 688;

/** /proc/PID/cred: prcred_t, then pr_ngroups - 1 more gid_t. */
export const SUNOS_PRCRED = struct('prcred_t', 'illumos usr/src/uts/common/sys/procfs.h', 32, {
  pr_euid: [0, 4],
  pr_ruid: [4, 4],
  pr_suid: [8, 4],
  pr_egid: [12, 4],
  pr_ngroups: [24, 4],
  pr_groups: [28, 4], // the first of pr_ngroups entries: supplementary groups only
});
