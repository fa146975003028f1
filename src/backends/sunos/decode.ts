// Pure decoders for illumos / Solaris /proc files (proc(5), sys/procfs.h):
// psinfo_t (pgid, sid, start time; world-readable, zombies included) and
// prcred_t (supplementary groups).
import { SUNOS_PRCRED, SUNOS_PSINFO } from '../../ffi/structs/sunos.js';
import { malformed } from '../../failures.js';
import { SIZEOF_GID_T } from '../../ffi/structs/layout.js';

export interface Psinfo {
  pid: number;
  pgid: number;
  sid: number;
  /** Start time in microseconds since the epoch (pr_start is a timestruc_t, in ns). */
  startMicros: number;
  /** No LWPs left: exited, not yet reaped. */
  zombie: boolean;
}

export function decodePsinfo(buf: Buffer, file = 'psinfo'): Psinfo {
  if (buf.length < SUNOS_PSINFO.size)
    throw malformed(file, 'psinfo_t', `${buf.length} bytes, expected ${SUNOS_PSINFO.size}`);
  const f = SUNOS_PSINFO.fields;
  const nsec = buf.readBigInt64LE(f.pr_start_nsec.offset);
  return {
    pid: buf.readInt32LE(f.pr_pid.offset),
    pgid: buf.readInt32LE(f.pr_pgid.offset),
    sid: buf.readInt32LE(f.pr_sid.offset),
    startMicros: Number(buf.readBigInt64LE(f.pr_start_sec.offset)) * 1e6 + Number(nsec / 1000n),
    zombie: buf.readInt32LE(f.pr_nlwp.offset) === 0,
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
