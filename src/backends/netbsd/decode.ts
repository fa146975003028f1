// Pure decoders for what NetBSD's sysctls answer: struct kinfo_proc2 (sysctl
// KERN_PROC2; sys/kern/kern_proc.c fill_kproc2), the rlim_t of a
// proc.PID.rlimit node, and the kinfo_file records of kern.file2
// (sysctl_kern_file2).
import { malformedRecord } from '../../failures.js';
import { NETBSD_KINFO_FILE, NETBSD_KINFO_PROC2, SDEAD, SZOMB } from '../../ffi/structs/netbsd.js';
import { SIZEOF_RLIM_T } from '../../ffi/structs/layout.js';
import { type FullRecord, timevalMicros } from '../bsd/kinfo.js';
import { decodeKinfo2 } from '../bsd/kinfo-proc2.js';
import { type RecordUsage, decodeName, safeNumber, splitRecords } from '../bsd/usage.js';

export type NetbsdRecord = FullRecord;

// p_siglist is the union of every LWP's pending set and the process's;
// p_sigmask the union of every LWP's mask (both 128-bit).
export function decodeKinfoProc2(buf: Buffer): NetbsdRecord {
  if (buf.length !== NETBSD_KINFO_PROC2.size)
    throw malformedRecord('sysctl', 'kinfo_proc2', `${buf.length} bytes, expected ${NETBSD_KINFO_PROC2.size}`);
  const f = NETBSD_KINFO_PROC2.fields;
  // fill_kproc2 (sys/kern/kern_proc.c) sets p_stat and p_realstat to the
  // process's p_stat, then, for a live process, overwrites p_stat with its
  // chosen LWP's l_stat: LSZOMB (5) there is one exited LWP, and 3 means
  // SDYING for a process but LSSLEEP for an LWP. The process state is
  // p_realstat; P_ZOMBIE(p) is SZOMB or SDEAD (sys/sys/proc.h).
  const realstat = buf.readBigUInt64LE(f.p_realstat.offset);
  const zombie = realstat === BigInt(SZOMB) || realstat === BigInt(SDEAD);
  const base = { ...decodeKinfo2(buf, NETBSD_KINFO_PROC2, []), zombie };
  return {
    ...base,
    name: decodeName(buf, f.p_comm),
    uids: {
      real: buf.readUInt32LE(f.p_ruid.offset),
      effective: buf.readUInt32LE(f.p_uid.offset),
      saved: buf.readUInt32LE(f.p_svuid.offset),
    },
    usage: base.zombie ? {} : decodeUsage(buf),
  };
}

/**
 * fill_kproc2 fills the vm sizes only for a process that is neither
 * embryonic nor a zombie, and p_rtime (calcru's total) only for one that is
 * not a zombie: a zombie has no figures.
 */
function decodeUsage(buf: Buffer): RecordUsage {
  const f = NETBSD_KINFO_PROC2.fields;
  return {
    cpuMicros: timevalMicros(buf.readUInt32LE(f.p_rtime_sec.offset), buf.readUInt32LE(f.p_rtime_usec.offset)),
    residentPages: buf.readInt32LE(f.p_vm_rssize.offset),
    dataPages: buf.readInt32LE(f.p_vm_dsize.offset),
    stackPages: buf.readInt32LE(f.p_vm_ssize.offset),
    virtualPages: safeNumber(buf.readBigInt64LE(f.p_vm_vsize.offset), 'kinfo_proc2', 'p_vm_vsize'),
  };
}

/** KERN_PROC2 KERN_PROC_ALL: one kinfo_proc2 per process the caller may see. */
export function decodeKinfoProc2List(buf: Buffer): NetbsdRecord[] {
  return splitRecords(buf, NETBSD_KINFO_PROC2.size, 'kinfo_proc2 list').map(decodeKinfoProc2);
}

/**
 * kern.file2 KERN_FILE_BYPID: one kinfo_file per open descriptor of the
 * process (sysctl_kern_file2 lists only the descriptor table, each record
 * with ki_pid and ki_fd set). Records of another process are refused.
 */
export function countFile2Records(buf: Buffer, pid: number): number {
  const f = NETBSD_KINFO_FILE.fields;
  const records = splitRecords(buf, NETBSD_KINFO_FILE.size, 'kinfo_file list');
  for (const record of records) {
    const owner = record.readInt32LE(f.ki_pid.offset);
    if (owner !== pid) throw malformedRecord('sysctl', 'kinfo_file', `for pid ${owner}, asked for ${pid}`);
  }
  return records.length;
}

/** One proc.PID.rlimit.RES.{soft,hard} value: a CTLTYPE_QUAD rlim_t. */
export function decodeQuad(buf: Buffer): bigint {
  if (buf.length !== SIZEOF_RLIM_T) throw malformedRecord('sysctl', 'rlimit node value', `${buf.length} bytes`);
  return buf.readBigUInt64LE(0);
}
