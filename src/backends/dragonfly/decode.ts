// Pure decoders for what DragonFly's sysctls answer: struct kinfo_proc
// (kern.proc; sys/kern/kern_kinfo.c fill_kinfo_proc and fill_kinfo_lwp) and
// the kinfo_file records of kern.file (sysctl_kern_file, sys/kern/
// kern_descrip.c). A kinfo_proc is 992 bytes (kinfo_lwp with kl_comm, every
// release since 4.4); a record of any other size is refused.
import { malformedRecord } from '../../failures.js';
import { DRAGONFLY_KINFO_FILE, DRAGONFLY_KINFO_PROC, P_SYSTEM, SZOMB } from '../../ffi/structs/dragonfly.js';
import { SIZEOF_GID_T } from '../../ffi/structs/layout.js';
import { type ProcRecord, type WithIdentity, type WithSession, type WithUsage, timevalMicros } from '../bsd/kinfo.js';
import { decodeGids } from '../bsd/sigset.js';
import { decodeName, safeNumber, splitRecords } from '../bsd/usage.js';

export interface DragonflyRecord extends ProcRecord, WithSession, WithIdentity, WithUsage {
  /** P_SYSTEM in kp_flags: a system process, which has no arguments. */
  readonly system: boolean;
}

export function decodeKinfoProc(buf: Buffer): DragonflyRecord {
  if (buf.length !== DRAGONFLY_KINFO_PROC.size)
    throw malformedRecord('sysctl', 'kinfo_proc', `${buf.length} bytes, expected ${DRAGONFLY_KINFO_PROC.size}`);
  const f = DRAGONFLY_KINFO_PROC.fields;
  const pid = buf.readInt32LE(f.kp_pid.offset);
  return {
    pid,
    pgid: buf.readInt32LE(f.kp_pgid.offset),
    sid: buf.readInt32LE(f.kp_sid.offset),
    // kp_groups[0] is the egid (sys/vfs/procfs/procfs_status.c), as getgroups(2) returns it.
    groups: decodeGids(buf, f.kp_groups, buf.readInt16LE(f.kp_ngroups.offset)),
    groupsTruncated: buf.readInt16LE(f.kp_ngroups.offset) > f.kp_groups.size / SIZEOF_GID_T,
    startMicros: timevalMicros(buf.readBigInt64LE(f.kp_start_sec.offset), buf.readBigInt64LE(f.kp_start_usec.offset)),
    zombie: buf.readInt32LE(f.kp_stat.offset) === SZOMB,
    system: (buf.readInt32LE(f.kp_flags.offset) & P_SYSTEM) !== 0,
    name: decodeName(buf, f.kp_comm),
    uids: {
      real: buf.readUInt32LE(f.kp_ruid.offset),
      effective: buf.readUInt32LE(f.kp_uid.offset),
      saved: buf.readUInt32LE(f.kp_svuid.offset),
    },
    // fill_kinfo_proc copies the sizes from the vmspace; the CPU time comes
    // from every LWP's record (cpuMicrosOfLwps), not this one.
    usage: {
      virtualBytes: safeNumber(buf.readBigUInt64LE(f.kp_vm_map_size.offset), 'kinfo_proc', 'kp_vm_map_size'),
      residentPages: safeNumber(buf.readBigInt64LE(f.kp_vm_rssize.offset), 'kinfo_proc', 'kp_vm_rssize'),
      dataPages: safeNumber(buf.readBigInt64LE(f.kp_vm_dsize.offset), 'kinfo_proc', 'kp_vm_dsize'),
      stackPages: safeNumber(buf.readBigInt64LE(f.kp_vm_ssize.offset), 'kinfo_proc', 'kp_vm_ssize'),
    },
  };
}

/**
 * A kern.proc answer of several records, each `size` bytes (the size this
 * kernel answers for one process). KERN_PROC_ALL ends with one record per
 * kernel thread, whose kp_pid is -1.
 */
export function decodeKinfoProcList(buf: Buffer): DragonflyRecord[] {
  return splitRecords(buf, DRAGONFLY_KINFO_PROC.size, 'kinfo_proc list').map(decodeKinfoProc);
}

/**
 * The CPU time schedcpu_resource() compares with RLIMIT_CPU: td_uticks +
 * td_sticks (microseconds) summed over the live LWPs, one record each in a
 * KERN_PROC_FLAG_LWP answer (kl_uticks, kl_sticks).
 */
export function cpuMicrosOfLwps(records: readonly Buffer[], pid: number): number {
  const f = DRAGONFLY_KINFO_PROC.fields;
  let total = 0n;
  for (const record of records) {
    const owner = record.readInt32LE(f.kp_pid.offset);
    if (owner !== pid) throw malformedRecord('sysctl', 'kinfo_proc', `LWP record for pid ${owner}, asked for ${pid}`);
    total += record.readBigUInt64LE(f.kl_uticks.offset) + record.readBigUInt64LE(f.kl_sticks.offset);
  }
  return safeNumber(total, 'kinfo_proc', 'kl_uticks + kl_sticks');
}

/** kern.file: the records whose f_pid is `pid`, one per open descriptor; f_size must be the record's size. */
export function countFileRecords(buf: Buffer, pid: number): number {
  const f = DRAGONFLY_KINFO_FILE.fields;
  let count = 0;
  for (const record of splitRecords(buf, DRAGONFLY_KINFO_FILE.size, 'kinfo_file list')) {
    const size = record.readBigUInt64LE(f.f_size.offset);
    if (size !== BigInt(DRAGONFLY_KINFO_FILE.size)) throw malformedRecord('sysctl', 'kinfo_file', `f_size ${size}`);
    if (record.readInt32LE(f.f_pid.offset) === pid) count++;
  }
  return count;
}
