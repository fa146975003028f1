// Pure parser for NetBSD's /proc/PID/status (sys/miscfs/procfs/procfs_status.c):
// one line, "comm pid ppid pgid sid maj,min flags start ut st wmesg euid
// egid,g1,g2,...". comm may hold spaces, so the line is matched from its
// fixed-shape fields, not split on spaces.
import { malformed } from '../../failures.js';
import type { StatusLineFields } from '../bsd/procfs-text.js';
import { timevalMicros } from '../bsd/kinfo.js';

// The euid, egid and groups are printed with %d (procfs_dostatus): an ID of
// 2^31 or more comes out negative, so each may carry a minus sign.
const LINE =
  /^(.*) (\d+) (\d+) (\d+) (\d+) (-?\d+,-?\d+) (\S+) (-?\d+),(-?\d+) (-?\d+,-?\d+) (-?\d+,-?\d+) (.+) (-?\d+) (-?\d+(?:,-?\d+)*)\n?$/s;

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/**
 * A uid_t or gid_t (uint32_t) as "%d" prints it: the int32 of the same bits.
 * Negative numbers are IDs of 2^31 and up; anything outside the int32 range
 * is not what the kernel prints.
 */
function idFromInt32(text: string, file: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < INT32_MIN || n > INT32_MAX) {
    throw malformed(file, 'the status line', `ID ${text} is not a 32-bit %d value`);
  }
  return n >>> 0;
}

/** The status line's columns, with the command name. */
export interface NetbsdStatus extends StatusLineFields {
  /**
   * p_comm as procfs_dostatus copies it (at most MAXCOMLEN bytes), decoded
   * as UTF-8 from the bytes the latin1 text stands for.
   */
  comm: string;
}

export function parseNetbsdStatus(text: string, file = 'status'): NetbsdStatus {
  const m = LINE.exec(text);
  if (m === null) throw malformed(file, 'the status line');
  const [sec, usec] = [Number(m[8]), Number(m[9])];
  idFromInt32(m[13]!, file); // the euid: checked, not used
  idFromInt32(m[14]!.split(',')[0]!, file); // the egid
  return {
    comm: Buffer.from(m[1]!, 'latin1').toString('utf8'),
    pid: Number(m[2]),
    pgid: Number(m[4]),
    sid: Number(m[5]),
    // procfs_dostatus prints the egid, then each kauth_cred_group() entry.
    groups: m[14]!
      .split(',')
      .slice(1)
      .map((g) => idFromInt32(g, file)),
    // -1,-1 when the LWP is not in memory.
    startMicros: sec < 0 ? undefined : timevalMicros(sec, usec),
  };
}
