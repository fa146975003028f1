// Pure decoder for OpenBSD's struct kinfo_proc (sysctl KERN_PROC; sys/kern/
// kern_sysctl.c fill_kproc). Reads only the prefix up to p_ustart_usec.
import { OPENBSD_KINFO_PREFIX, OPENBSD_KINFO_PROC as K, OPENBSD_SDEAD } from '../../ffi/structs/openbsd.js';
import { badRecord, micros, type ProcRecord } from '../bsd/kinfo.js';
import { decodeGids, decodeSigmasks } from '../bsd/sigset.js';

export function decodeKinfoProc(buf: Buffer): ProcRecord {
  if (buf.length < OPENBSD_KINFO_PREFIX) throw badRecord('kinfo_proc', `${buf.length} bytes`);
  const f = K.fields;
  // p_uvalid is 0 for zombies, whose start time the kernel leaves 0: unknown.
  const valid = buf.readBigInt64LE(f.p_uvalid.offset) !== 0n;
  return {
    pid: buf.readInt32LE(f.p_pid.offset),
    pgid: buf.readInt32LE(f.p__pgid.offset),
    sid: buf.readInt32LE(f.p_sid.offset),
    // Supplementary groups only (the egid is p_gid); NGROUPS_MAX is 16, so never truncated.
    groups: decodeGids(buf, f.p_groups, buf.readInt16LE(f.p_ngroups.offset)),
    groupsTruncated: false,
    sigmasks: decodeSigmasks(buf, {
      pending: f.p_siglist,
      blocked: f.p_sigmask,
      ignored: f.p_sigignore,
      caught: f.p_sigcatch,
    }),
    startMicros: valid
      ? micros(buf.readBigUInt64LE(f.p_ustart_sec.offset), buf.readUInt32LE(f.p_ustart_usec.offset))
      : undefined,
    zombie: buf.readInt8(f.p_stat.offset) === OPENBSD_SDEAD,
  };
}
