// Pure decoders for illumos / Solaris /proc files (proc(5), sys/procfs.h):
// psinfo_t (pgid, sid, start time, name, CPU time; world-readable, zombies
// included), pstatus_t (heap and stack sizes) and prcred_t (user IDs and
// supplementary groups).
import type { Uids } from '../backend.js';
import { SUNOS_PRCRED, SUNOS_PSINFO, SUNOS_PSTATUS, SUNOS_PSTATUS_PREFIX } from '../../ffi/structs/sunos.js';
import { malformed } from '../../failures.js';
import { SIZEOF_GID_T } from '../../ffi/structs/layout.js';
import { decodeName } from '../bsd/usage.js';

export interface Psinfo {
  pid: number;
  pgid: number;
  sid: number;
  /**
   * Start time in microseconds since the epoch (pr_start is a timestruc_t, in
   * ns); undefined when pr_start is 0. prgetpsinfo (usr/src/uts/common/fs/
   * proc/prsubr.c) zeroes the whole record when prchoose finds no thread (a
   * zombie) and fills pr_start only for a live process, so 0 means "not said".
   */
  startMicros: number | undefined;
  /** No LWPs left: exited, not yet reaped. */
  zombie: boolean;
  /** pr_fname: the name of the executed file (u_comm), decoded as UTF-8. */
  name: string;
  /** pr_time: user + system CPU time, in seconds. */
  cpuSeconds: number;
}

export function decodePsinfo(buf: Buffer, file = 'psinfo'): Psinfo {
  if (buf.length < SUNOS_PSINFO.size)
    throw malformed(file, 'psinfo_t', `${buf.length} bytes, expected ${SUNOS_PSINFO.size}`);
  const f = SUNOS_PSINFO.fields;
  const sec = buf.readBigInt64LE(f.pr_start_sec.offset);
  const nsec = buf.readBigInt64LE(f.pr_start_nsec.offset);
  return {
    pid: buf.readInt32LE(f.pr_pid.offset),
    pgid: buf.readInt32LE(f.pr_pgid.offset),
    sid: buf.readInt32LE(f.pr_sid.offset),
    startMicros: sec === 0n && nsec === 0n ? undefined : Number(sec) * 1e6 + Number(nsec / 1000n),
    zombie: buf.readInt32LE(f.pr_nlwp.offset) === 0,
    name: decodeName(buf, f.pr_fname),
    cpuSeconds:
      Number(buf.readBigInt64LE(f.pr_time_sec.offset)) + Number(buf.readBigInt64LE(f.pr_time_nsec.offset)) / 1e9,
  };
}

/** The sizes pstatus_t carries, in bytes. */
export interface PstatusSizes {
  pid: number;
  /** pr_brksize: the heap size brk() compares with RLIMIT_DATA. */
  brkBytes: number;
  /** pr_stksize: the stack size the stack growth compares with RLIMIT_STACK. */
  stackBytes: number;
}

export function decodePstatusSizes(buf: Buffer, file = 'status'): PstatusSizes {
  if (buf.length < SUNOS_PSTATUS_PREFIX) {
    throw malformed(file, 'pstatus_t', `${buf.length} bytes, expected at least ${SUNOS_PSTATUS_PREFIX}`);
  }
  const f = SUNOS_PSTATUS.fields;
  const size = (field: 'pr_brksize' | 'pr_stksize'): number => {
    const value = buf.readBigUInt64LE(f[field].offset);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw malformed(file, field, `${value}`);
    return Number(value);
  };
  return { pid: buf.readInt32LE(f.pr_pid.offset), brkBytes: size('pr_brksize'), stackBytes: size('pr_stksize') };
}

/** prcred_t's real, effective and saved uids. */
export function decodePrcredUids(buf: Buffer, file = 'cred'): Uids {
  const f = SUNOS_PRCRED.fields;
  if (buf.length < f.pr_groups.offset) throw malformed(file, 'prcred_t', `${buf.length} bytes`);
  return {
    real: buf.readUInt32LE(f.pr_ruid.offset),
    effective: buf.readUInt32LE(f.pr_euid.offset),
    saved: buf.readUInt32LE(f.pr_suid.offset),
  };
}

/** prcred_t followed by its extra gid_t entries: the supplementary groups (the egid is pr_egid). */
export function decodePrcred(buf: Buffer, file = 'cred'): number[] {
  const f = SUNOS_PRCRED.fields;
  if (buf.length < f.pr_groups.offset) throw malformed(file, 'prcred_t', `${buf.length} bytes`);
  const n = buf.readInt32LE(f.pr_ngroups.offset);
  if (n < 0 || buf.length < f.pr_groups.offset + SIZEOF_GID_T * n) {
    throw malformed(file, 'prcred_t', `${n} groups in ${buf.length} bytes`);
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(buf.readUInt32LE(f.pr_groups.offset + SIZEOF_GID_T * i));
  return out;
}
