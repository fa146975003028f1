// Pure parser for NetBSD's /proc/PID/status (sys/miscfs/procfs/procfs_status.c):
// one line, "comm pid ppid pgid sid maj,min flags start ut st wmesg euid
// egid,g1,g2,...". comm may hold spaces, so the line is matched from its
// fixed-shape fields, not split on spaces.
import { malformed } from '../../failures.js';
import type { StatusLineFields } from '../bsd/procfs-text.js';
import { timevalMicros } from '../bsd/kinfo.js';

const LINE =
  /^(.*) (\d+) (\d+) (\d+) (\d+) (-?\d+,-?\d+) (\S+) (-?\d+),(-?\d+) (-?\d+,-?\d+) (-?\d+,-?\d+) (.+) (\d+) (\d+(?:,\d+)*)\n?$/s;

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
  return {
    comm: Buffer.from(m[1]!, 'latin1').toString('utf8'),
    pid: Number(m[2]),
    pgid: Number(m[4]),
    sid: Number(m[5]),
    // procfs_dostatus prints the egid, then each kauth_cred_group() entry.
    groups: m[14]!.split(',').slice(1).map(Number),
    // -1,-1 when the LWP is not in memory.
    startMicros: sec < 0 ? undefined : timevalMicros(sec, usec),
  };
}
