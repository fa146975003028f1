// OpenBSD's struct kinfo_proc descends from NetBSD's kinfo_proc2: the fields
// read here share their names and meaning (OpenBSD's FILL_KPROC macro in
// sys/sys/sysctl.h, NetBSD's fill_kproc2 in sys/kern/kern_proc.c) and differ
// only in offsets and widths, which each OS's layout gives. One decoder serves
// both.
import { type StructLayout, type FieldSpec } from '../../ffi/structs/layout.js';
import { type ProcRecord, type WithSession, type WithSignals, timevalMicros } from './kinfo.js';
import { decodeGids, decodeSigmasks } from './sigset.js';

export type Kinfo2Field =
  | 'p_pid'
  | 'p_sid'
  | 'p__pgid'
  | 'p_gid'
  | 'p_groups'
  | 'p_ngroups'
  | 'p_siglist'
  | 'p_sigmask'
  | 'p_sigignore'
  | 'p_sigcatch'
  | 'p_stat'
  | 'p_uvalid'
  | 'p_ustart_sec'
  | 'p_ustart_usec';

function readUnsigned(buf: Buffer, field: FieldSpec): number | bigint {
  return field.size === BigUint64Array.BYTES_PER_ELEMENT
    ? buf.readBigUInt64LE(field.offset)
    : buf.readUInt32LE(field.offset);
}

/** The record in buf (already size-checked by the caller); `zombieStats` are the p_stat values of a zombie. */
export function decodeKinfo2(
  buf: Buffer,
  layout: StructLayout<Kinfo2Field>,
  zombieStats: readonly number[],
): ProcRecord & WithSession & WithSignals {
  const f = layout.fields;
  // Both kernels set p_uvalid and the start time only for a process that is not a zombie.
  const valid = buf.readBigInt64LE(f.p_uvalid.offset) !== 0n;
  return {
    pid: buf.readInt32LE(f.p_pid.offset),
    pgid: buf.readInt32LE(f.p__pgid.offset),
    sid: buf.readInt32LE(f.p_sid.offset),
    // Supplementary groups only (the egid is p_gid). A credential holds at most
    // NGROUPS_MAX (16) of them, which is KI_NGROUPS: never truncated.
    groups: decodeGids(buf, f.p_groups, buf.readInt16LE(f.p_ngroups.offset)),
    groupsTruncated: false,
    sigmasks: decodeSigmasks(buf, {
      pending: f.p_siglist,
      blocked: f.p_sigmask,
      ignored: f.p_sigignore,
      caught: f.p_sigcatch,
    }),
    startMicros: valid
      ? timevalMicros(readUnsigned(buf, f.p_ustart_sec), readUnsigned(buf, f.p_ustart_usec))
      : undefined,
    zombie: zombieStats.includes(buf.readInt8(f.p_stat.offset)),
  };
}
