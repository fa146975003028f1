// Pure decoders for what FreeBSD's kern.proc sysctls answer (sys/kern/kern_proc.c):
// struct kinfo_proc (KERN_PROC_PID, and one per process for KERN_PROC_PROC),
// the gid_t list of KERN_PROC_GROUPS, the struct rlimit of KERN_PROC_RLIMIT,
// the u_short of KERN_PROC_UMASK and the packed kinfo_file records of
// KERN_PROC_FILEDESC (sys/kern/kern_descrip.c).
import { malformedRecord } from '../../failures.js';
import type { BigLimits } from '../../limits.js';
import {
  FREEBSD_KINFO_FILE,
  FREEBSD_KINFO_PROC,
  FREEBSD_RLIMIT,
  SZOMB,
  KINFO_PROC_SIZE,
  KI_CRF_GRP_OVERFLOW,
} from '../../ffi/structs/freebsd.js';
import { SIZEOF_GID_T, SIZEOF_U_SHORT } from '../../ffi/structs/layout.js';
import { type FullRecord, timevalMicros } from '../bsd/kinfo.js';
import { decodeGids, decodeSigmasks } from '../bsd/sigset.js';
import { type RecordUsage, decodeName, safeNumber, splitRecords } from '../bsd/usage.js';

export type FreebsdRecord = FullRecord;

export function decodeKinfoProc(buf: Buffer): FreebsdRecord {
  const f = FREEBSD_KINFO_PROC.fields;
  if (buf.length !== KINFO_PROC_SIZE || buf.readInt32LE(f.ki_structsize.offset) !== KINFO_PROC_SIZE) {
    const structsize = buf.length >= f.ki_structsize.size ? buf.readInt32LE(f.ki_structsize.offset) : '-';
    throw malformedRecord('sysctl', 'kinfo_proc', `${buf.length} bytes, ki_structsize ${structsize}`);
  }
  const zombie = buf.readInt8(f.ki_stat.offset) === SZOMB;
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
    zombie,
    name: decodeName(buf, f.ki_comm),
    uids: {
      real: buf.readUInt32LE(f.ki_ruid.offset),
      effective: buf.readUInt32LE(f.ki_uid.offset),
      saved: buf.readUInt32LE(f.ki_svuid.offset),
    },
    usage: decodeUsage(buf, zombie),
  };
}

/**
 * ki_runtime is filled for every process; fill_kinfo_proc_only fills the
 * sizes only for one that is neither new nor a zombie (a zombie has no
 * address space), so a zombie has no memory figures.
 */
function decodeUsage(buf: Buffer, zombie: boolean): RecordUsage {
  const f = FREEBSD_KINFO_PROC.fields;
  const cpuMicros = safeNumber(buf.readBigUInt64LE(f.ki_runtime.offset), 'kinfo_proc', 'ki_runtime');
  if (zombie) return { cpuMicros };
  return {
    cpuMicros,
    virtualBytes: safeNumber(buf.readBigUInt64LE(f.ki_size.offset), 'kinfo_proc', 'ki_size'),
    residentPages: safeNumber(buf.readBigInt64LE(f.ki_rssize.offset), 'kinfo_proc', 'ki_rssize'),
    dataPages: safeNumber(buf.readBigInt64LE(f.ki_dsize.offset), 'kinfo_proc', 'ki_dsize'),
    stackPages: safeNumber(buf.readBigInt64LE(f.ki_ssize.offset), 'kinfo_proc', 'ki_ssize'),
  };
}

/** KERN_PROC_PROC: one kinfo_proc per process the caller may see, each KINFO_PROC_SIZE bytes. */
export function decodeKinfoProcList(buf: Buffer): FreebsdRecord[] {
  return splitRecords(buf, KINFO_PROC_SIZE, 'kinfo_proc list').map(decodeKinfoProc);
}

/**
 * KERN_PROC_FILEDESC: the open descriptors among the packed kinfo_file
 * records. kern_proc_filedesc_out() writes the trace, text, ctty, cwd, root
 * and jail vnodes first with negative kf_fd (KF_FD_TYPE_*), then one record
 * per descriptor with kf_fd its number; pack_kinfo() cuts each record after
 * kf_path's NUL and rounds kf_structsize up to 8.
 */
export function countDescriptors(buf: Buffer): number {
  const f = FREEBSD_KINFO_FILE.fields;
  const head = f.kf_fd.offset + f.kf_fd.size;
  let count = 0;
  for (let at = 0; at < buf.length;) {
    const size = at + head <= buf.length ? buf.readInt32LE(at + f.kf_structsize.offset) : 0;
    if (size < head || size % 8 !== 0 || at + size > buf.length) {
      throw malformedRecord('sysctl', 'kinfo_file', `kf_structsize ${size} at byte ${at} of ${buf.length}`);
    }
    if (buf.readInt32LE(at + f.kf_fd.offset) >= 0) count++;
    at += size;
  }
  return count;
}

/**
 * KERN_PROC_GROUPS: the whole list, the effective group first, on every
 * release. Through FreeBSD 14 sysctl_kern_proc_groups (sys/kern/kern_proc.c)
 * copies cr_groups, whose entry 0 is the egid (cr_gid is cr_groups[0]).
 * FreeBSD 15 keeps the egid apart from the supplementary groups, and the
 * sysctl writes cr_gid and then the cr_ngroups supplementary entries, where
 * 15's own getgroups(2) (sys_getgroups, sys/kern/kern_prot.c) returns the
 * supplementary groups alone. procGetgroups keeps the sysctl's shape, egid
 * first, so that one answer means the same on 13, 14 and 15 (and on macOS and
 * DragonFly, whose records also start with the egid); the list is returned as
 * the kernel gives it, so an egid that is also a supplementary group appears
 * twice on 15.
 */
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
