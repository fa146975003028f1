// Pure decoders for what OpenBSD's sysctls answer: struct kinfo_proc (kern.proc,
// filled by the FILL_KPROC macro of sys/sys/sysctl.h and fill_kproc in
// sys/kern/kern_sysctl.c), read only up to OPENBSD_KINFO_PREFIX; the argument
// vector of kern.proc_args (sysctl_proc_args); and the kinfo_file heads of
// kern.file (sysctl_file). p_siglist is the thread's pending set OR the
// process's; p_sigmask the thread's mask; all four sets are 32-bit.
import { malformedRecord } from '../../failures.js';
import {
  OPENBSD_KINFO_FILE,
  OPENBSD_KINFO_FILE_PREFIX,
  OPENBSD_KINFO_PREFIX,
  OPENBSD_KINFO_PROC,
  SDEAD,
} from '../../ffi/structs/openbsd.js';
import { type FullRecord, timevalMicros } from '../bsd/kinfo.js';
import { decodeKinfo2 } from '../bsd/kinfo-proc2.js';
import { type RecordUsage, decodeName, splitRecords } from '../bsd/usage.js';

export type OpenbsdRecord = FullRecord;

export function decodeKinfoProc(buf: Buffer): OpenbsdRecord {
  if (buf.length < OPENBSD_KINFO_PREFIX) throw malformedRecord('sysctl', 'kinfo_proc', `${buf.length} bytes`);
  const f = OPENBSD_KINFO_PROC.fields;
  return {
    // exit1 (sys/kern/kern_exit.c) leaves an exited thread in SDEAD; older
    // sys/sys/proc.h revisions spell this test P_ZOMBIE(p).
    ...decodeKinfo2(buf, OPENBSD_KINFO_PROC, [SDEAD]),
    name: decodeName(buf, f.p_comm),
    uids: {
      real: buf.readUInt32LE(f.p_ruid.offset),
      effective: buf.readUInt32LE(f.p_uid.offset),
      saved: buf.readUInt32LE(f.p_svuid.offset),
    },
    usage: decodeUsage(buf),
  };
}

/**
 * p_rtime is the process's tu_runtime, filled for every record; FILL_KPROC
 * fills the vm sizes only for a process that is neither embryonic nor a
 * zombie (PS_EMBRYO, PS_ZOMBIE), so a zombie has no memory figures.
 */
function decodeUsage(buf: Buffer): RecordUsage {
  const f = OPENBSD_KINFO_PROC.fields;
  const cpuMicros = timevalMicros(buf.readUInt32LE(f.p_rtime_sec.offset), buf.readUInt32LE(f.p_rtime_usec.offset));
  if (buf.readInt8(f.p_stat.offset) === SDEAD) return { cpuMicros };
  return {
    cpuMicros,
    residentPages: buf.readInt32LE(f.p_vm_rssize.offset),
    dataPages: buf.readInt32LE(f.p_vm_dsize.offset),
    stackPages: buf.readInt32LE(f.p_vm_ssize.offset),
  };
}

/** kern.proc.kthread: one OPENBSD_KINFO_PREFIX-byte record per process. */
export function decodeKinfoProcList(buf: Buffer): OpenbsdRecord[] {
  return splitRecords(buf, OPENBSD_KINFO_PREFIX, 'kinfo_proc list').map(decodeKinfoProc);
}

/**
 * kern.file.bypid: the open descriptors among the records. sysctl_file writes
 * the text, cwd, root and ktrace vnodes first, with fd_fd KERN_FILE_TEXT,
 * _CDIR, _RDIR and _TRACE (all negative), then one record per descriptor.
 */
export function countFileRecords(buf: Buffer): number {
  let count = 0;
  for (const record of splitRecords(buf, OPENBSD_KINFO_FILE_PREFIX, 'kinfo_file list')) {
    if (record.readInt32LE(OPENBSD_KINFO_FILE.fields.fd_fd.offset) >= 0) count++;
  }
  return count;
}

/** Bytes of one pointer in the answer: OpenBSD runs Node on 64-bit platforms only. */
const POINTER_SIZE = 8;

/**
 * kern.proc_args.PID.argv (sysctl_proc_args, sys/kern/kern_sysctl.c): room
 * for ps_nargvstr + 1 pointers, then the strings, each NUL-terminated, packed
 * one after the other up to the answer's end. The pointers hold the strings'
 * addresses in the caller's buffer: the leading non-NULL ones, one per string
 * copied, end at a NULL (the kernel stops early at a NULL argv entry and
 * writes that NULL over the slot). Which address the buffer had is not known
 * here, so the strings are taken from the end of the answer, and the
 * distances between the pointers must be the strings' lengths.
 */
export function decodeArgv(buf: Buffer): string[] {
  const bad = (why: string) => malformedRecord('sysctl', 'kern.proc_args argv', why);
  const pointers: bigint[] = [];
  for (let at = 0; ; at += POINTER_SIZE) {
    if (at + POINTER_SIZE > buf.length) throw bad('no NULL pointer ends the vector');
    const p = buf.readBigUInt64LE(at);
    if (p === 0n) break;
    pointers.push(p);
  }
  const vectorEnd = (pointers.length + 1) * POINTER_SIZE;
  // The strings, last first, each ending at a NUL.
  const args: string[] = [];
  let end = buf.length;
  for (let i = pointers.length - 1; i >= 0; i--) {
    if (end <= vectorEnd || buf[end - 1] !== 0) throw bad(`argument ${i} does not end in a NUL`);
    let start = end - 1;
    while (start > vectorEnd && buf[start - 1] !== 0) start--;
    const next = pointers[i + 1];
    if (next !== undefined && next - pointers[i]! !== BigInt(end - start)) {
      throw bad(`argument ${i} is ${end - start} bytes, its pointers say ${next - pointers[i]!}`);
    }
    args.push(buf.subarray(start, end - 1).toString('utf8'));
    end = start;
  }
  if (end < vectorEnd) throw bad('the strings overlap the pointers');
  return args.reverse();
}
