// Pure decoder for OpenBSD's struct kinfo_proc (sysctl KERN_PROC, filled by
// the FILL_KPROC macro of sys/sys/sysctl.h). Reads only the prefix up to
// p_ustart_usec. p_siglist is the thread's pending set OR the process's;
// p_sigmask the thread's mask; all four sets are 32-bit.
import { malformedRecord } from '../../failures.js';
import { OPENBSD_KINFO_PREFIX, OPENBSD_KINFO_PROC, SDEAD } from '../../ffi/structs/openbsd.js';
import { type ProcRecord, type WithSession, type WithSignals } from '../bsd/kinfo.js';
import { decodeKinfo2 } from '../bsd/kinfo-proc2.js';

export function decodeKinfoProc(buf: Buffer): ProcRecord & WithSession & WithSignals {
  if (buf.length < OPENBSD_KINFO_PREFIX) throw malformedRecord('sysctl', 'kinfo_proc', `${buf.length} bytes`);
  // exit1 (sys/kern/kern_exit.c) leaves an exited thread in SDEAD; older
  // sys/sys/proc.h revisions spell this test P_ZOMBIE(p).
  return decodeKinfo2(buf, OPENBSD_KINFO_PROC, [SDEAD]);
}
