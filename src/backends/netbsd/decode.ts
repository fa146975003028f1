// Pure decoder for NetBSD's struct kinfo_proc2 (sysctl KERN_PROC2; sys/kern/
// kern_proc.c fill_kproc2) and the rlim_t of a proc.PID.rlimit node.
import { NETBSD_KINFO_PROC2 as K, NETBSD_SZOMB } from '../../ffi/structs/netbsd.js';
import { badRecord, micros, type ProcRecord } from '../bsd/kinfo.js';
import { decodeGids, decodeSigmasks } from '../bsd/sigset.js';

/** SDEAD in sys/sys/proc.h: P_ZOMBIE() is SZOMB or SDEAD. */
const NETBSD_SDEAD = 6;

export function decodeKinfoProc2(buf: Buffer): ProcRecord {
  if (buf.length !== K.size) throw badRecord('kinfo_proc2', `${buf.length} bytes, expected ${K.size}`);
  const f = K.fields;
  const stat = buf.readInt8(f.p_stat.offset);
  const valid = buf.readBigInt64LE(f.p_uvalid.offset) !== 0n;
  return {
    pid: buf.readInt32LE(f.p_pid.offset),
    pgid: buf.readInt32LE(f.p__pgid.offset),
    sid: buf.readInt32LE(f.p_sid.offset),
    // Supplementary groups only (the egid is p_gid); NGROUPS_MAX is 16.
    groups: decodeGids(buf, f.p_groups, buf.readInt16LE(f.p_ngroups.offset)),
    groupsTruncated: false,
    // p_siglist is the union of every LWP's pending set and the process's;
    // p_sigmask the union of every LWP's mask.
    sigmasks: decodeSigmasks(buf, {
      pending: f.p_siglist,
      blocked: f.p_sigmask,
      ignored: f.p_sigignore,
      caught: f.p_sigcatch,
    }),
    startMicros: valid
      ? micros(buf.readUInt32LE(f.p_ustart_sec.offset), buf.readUInt32LE(f.p_ustart_usec.offset))
      : undefined,
    zombie: stat === NETBSD_SZOMB || stat === NETBSD_SDEAD,
  };
}

/** One proc.PID.rlimit.RES.{soft,hard} value: a CTLTYPE_QUAD rlim_t. */
export function decodeQuad(buf: Buffer): bigint {
  if (buf.length !== 8) throw badRecord('rlimit node value', `${buf.length} bytes`);
  return buf.readBigUInt64LE(0);
}
