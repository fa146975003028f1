// Pure decoder for macOS's struct kinfo_proc (sysctl KERN_PROC_PID; xnu
// bsd/kern/kern_sysctl.c fill_user64_externproc / fill_user64_eproc).
import { malformedRecord } from '../../failures.js';
import { DARWIN_KINFO_PROC, SZOMB } from '../../ffi/structs/darwin.js';
import { type ProcRecord, type WithSignals, timevalMicros } from '../bsd/kinfo.js';
import { decodeGids, decodeSigmasks } from '../bsd/sigset.js';

export function decodeKinfoProc(buf: Buffer): ProcRecord & WithSignals {
  if (buf.length !== DARWIN_KINFO_PROC.size)
    throw malformedRecord('sysctl', 'kinfo_proc', `${buf.length} bytes, expected ${DARWIN_KINFO_PROC.size}`);
  const f = DARWIN_KINFO_PROC.fields;
  return {
    pid: buf.readInt32LE(f.p_pid.offset),
    // e_pgid is 0 once a zombie has lost its process group; getpgid(2) is asked instead.
    pgid: buf.readInt32LE(f.e_pgid.offset),
    // cr_groups[0] is the egid (bsd/sys/ucred.h: cr_gid is cr_groups[0]), as getgroups(2) returns it.
    groups: decodeGids(buf, f.cr_groups, buf.readInt16LE(f.cr_ngroups.offset)),
    groupsTruncated: false,
    // p_siglist and p_sigmask are marked DEPRECATED and fill_user64_externproc
    // never fills them: they decode as the kernel leaves them, empty.
    sigmasks: decodeSigmasks(buf, {
      pending: f.p_siglist,
      blocked: f.p_sigmask,
      ignored: f.p_sigignore,
      caught: f.p_sigcatch,
    }),
    startMicros: timevalMicros(
      buf.readBigInt64LE(f.p_starttime_sec.offset),
      buf.readInt32LE(f.p_starttime_usec.offset),
    ),
    zombie: buf.readInt8(f.p_stat.offset) === SZOMB,
  };
}
