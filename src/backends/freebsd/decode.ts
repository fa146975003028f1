// Pure decoders for what FreeBSD's kern.proc sysctls answer (sys/kern/kern_proc.c):
// struct kinfo_proc (KERN_PROC_PID), the gid_t list of KERN_PROC_GROUPS, the
// struct rlimit of KERN_PROC_RLIMIT and the u_short of KERN_PROC_UMASK.
import { malformedRecord } from '../../failures.js';
import type { BigLimits } from '../../limits.js';
import {
  FREEBSD_KINFO_PROC,
  FREEBSD_RLIMIT,
  SZOMB,
  KINFO_PROC_SIZE,
  KI_CRF_GRP_OVERFLOW,
} from '../../ffi/structs/freebsd.js';
import { SIZEOF_GID_T, SIZEOF_U_SHORT } from '../../ffi/structs/layout.js';
import { type ProcRecord, type WithSession, type WithSignals, timevalMicros } from '../bsd/kinfo.js';
import { decodeGids, decodeSigmasks } from '../bsd/sigset.js';

export function decodeKinfoProc(buf: Buffer): ProcRecord & WithSession & WithSignals {
  const f = FREEBSD_KINFO_PROC.fields;
  if (buf.length !== KINFO_PROC_SIZE || buf.readInt32LE(f.ki_structsize.offset) !== KINFO_PROC_SIZE) {
    const structsize = buf.length >= f.ki_structsize.size ? buf.readInt32LE(f.ki_structsize.offset) : '-';
    throw malformedRecord('sysctl', 'kinfo_proc', `${buf.length} bytes, ki_structsize ${structsize}`);
  }
  return {
    pid: buf.readInt32LE(f.ki_pid.offset),
    pgid: buf.readInt32LE(f.ki_pgid.offset),
    sid: buf.readInt32LE(f.ki_sid.offset),
    groups: decodeGids(buf, f.ki_groups, buf.readInt16LE(f.ki_ngroups.offset)),
    groupsTruncated: (buf.readUInt32LE(f.ki_cr_flags.offset) & KI_CRF_GRP_OVERFLOW) !== 0,
    // ki_siglist is the process's pending set; ki_sigmask the first thread's mask.
    sigmasks: decodeSigmasks(buf, {
      pending: f.ki_siglist,
      blocked: f.ki_sigmask,
      ignored: f.ki_sigignore,
      caught: f.ki_sigcatch,
    }),
    startMicros: timevalMicros(buf.readBigInt64LE(f.ki_start_sec.offset), buf.readBigInt64LE(f.ki_start_usec.offset)),
    zombie: buf.readInt8(f.ki_stat.offset) === SZOMB,
  };
}

/** KERN_PROC_GROUPS: cr_ngroups gid_t values, the whole list. */
export function decodeGroupList(buf: Buffer): number[] {
  if (buf.length % SIZEOF_GID_T !== 0)
    throw malformedRecord('sysctl', 'KERN_PROC_GROUPS answer', `${buf.length} bytes`);
  return decodeGids(buf, { offset: 0, size: buf.length }, buf.length / SIZEOF_GID_T);
}

/** KERN_PROC_RLIMIT: struct rlimit; rlim_t is signed, but the kernel stores no negative value. */
export function decodeRlimit(buf: Buffer): BigLimits {
  if (buf.length !== FREEBSD_RLIMIT.size) throw malformedRecord('sysctl', 'struct rlimit', `${buf.length} bytes`);
  return [
    buf.readBigUInt64LE(FREEBSD_RLIMIT.fields.rlim_cur.offset),
    buf.readBigUInt64LE(FREEBSD_RLIMIT.fields.rlim_max.offset),
  ];
}

/** The 16-byte struct rlimit KERN_PROC_RLIMIT takes as its new value. */
export function encodeRlimit(limits: BigLimits): Buffer {
  const buf = Buffer.alloc(FREEBSD_RLIMIT.size);
  buf.writeBigUInt64LE(limits[0], FREEBSD_RLIMIT.fields.rlim_cur.offset);
  buf.writeBigUInt64LE(limits[1], FREEBSD_RLIMIT.fields.rlim_max.offset);
  return buf;
}

/** KERN_PROC_UMASK: a u_short. */
export function decodeUmask(buf: Buffer): number {
  if (buf.length !== SIZEOF_U_SHORT) throw malformedRecord('sysctl', 'KERN_PROC_UMASK answer', `${buf.length} bytes`);
  return buf.readUInt16LE(0);
}
