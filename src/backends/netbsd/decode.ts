// Pure decoder for NetBSD's struct kinfo_proc2 (sysctl KERN_PROC2; sys/kern/
// kern_proc.c fill_kproc2) and the rlim_t of a proc.PID.rlimit node.
import { malformedRecord } from '../../failures.js';
import { NETBSD_KINFO_PROC2, SDEAD, SZOMB } from '../../ffi/structs/netbsd.js';
import { SIZEOF_RLIM_T } from '../../ffi/structs/layout.js';
import { type ProcRecord, type WithSession, type WithSignals } from '../bsd/kinfo.js';
import { decodeKinfo2 } from '../bsd/kinfo-proc2.js';

// p_siglist is the union of every LWP's pending set and the process's;
// p_sigmask the union of every LWP's mask (both 128-bit).
export function decodeKinfoProc2(buf: Buffer): ProcRecord & WithSession & WithSignals {
  if (buf.length !== NETBSD_KINFO_PROC2.size)
    throw malformedRecord('sysctl', 'kinfo_proc2', `${buf.length} bytes, expected ${NETBSD_KINFO_PROC2.size}`);
  // P_ZOMBIE(p) is SZOMB or SDEAD (sys/sys/proc.h).
  return decodeKinfo2(buf, NETBSD_KINFO_PROC2, [SZOMB, SDEAD]);
}

/** One proc.PID.rlimit.RES.{soft,hard} value: a CTLTYPE_QUAD rlim_t. */
export function decodeQuad(buf: Buffer): bigint {
  if (buf.length !== SIZEOF_RLIM_T) throw malformedRecord('sysctl', 'rlimit node value', `${buf.length} bytes`);
  return buf.readBigUInt64LE(0);
}
