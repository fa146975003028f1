// Pure decoder for DragonFly's struct kinfo_proc (sysctl KERN_PROC_PID; sys/kern/
// kern_kinfo.c fill_kinfo_proc). The kernel answers 976 or 992 bytes depending
// on whether its kinfo_lwp has kl_comm; every field read lies before kp_lwp.
import { malformedRecord } from '../../failures.js';
import { DRAGONFLY_KINFO_PROC, DRAGONFLY_KINFO_SIZES, SZOMB } from '../../ffi/structs/dragonfly.js';
import { SIZEOF_GID_T } from '../../ffi/structs/layout.js';
import { type ProcRecord, type WithSession, timevalMicros } from '../bsd/kinfo.js';
import { decodeGids } from '../bsd/sigset.js';

export function decodeKinfoProc(buf: Buffer): ProcRecord & WithSession {
  if (!DRAGONFLY_KINFO_SIZES.includes(buf.length)) throw malformedRecord('sysctl', 'kinfo_proc', `${buf.length} bytes`);
  const f = DRAGONFLY_KINFO_PROC.fields;
  return {
    pid: buf.readInt32LE(f.kp_pid.offset),
    pgid: buf.readInt32LE(f.kp_pgid.offset),
    sid: buf.readInt32LE(f.kp_sid.offset),
    // kp_groups[0] is the egid (sys/vfs/procfs/procfs_status.c), as getgroups(2) returns it.
    groups: decodeGids(buf, f.kp_groups, buf.readInt16LE(f.kp_ngroups.offset)),
    groupsTruncated: buf.readInt16LE(f.kp_ngroups.offset) > f.kp_groups.size / SIZEOF_GID_T,
    startMicros: timevalMicros(buf.readBigInt64LE(f.kp_start_sec.offset), buf.readBigInt64LE(f.kp_start_usec.offset)),
    zombie: buf.readInt32LE(f.kp_stat.offset) === SZOMB,
  };
}
