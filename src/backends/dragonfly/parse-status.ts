// Pure parser for DragonFly's /proc/PID/status (sys/vfs/procfs/procfs_status.c):
// one line, "comm pid ppid pgid sid maj,min flags start ut st wmesg euid ruid
// rgid,g0,g1,... jail". comm may hold spaces, so the line is matched from its
// fixed-shape fields, not split on spaces.
import { malformed } from '../../failures.js';
import type { StatusLineFields } from '../bsd/procfs-text.js';
import { timevalMicros } from '../bsd/kinfo.js';

const LINE =
  /^(.*) (\d+) (\d+) (\d+) (\d+) (-?\d+,-?\d+) (\S+) (-?\d+),(-?\d+) (-?\d+,-?\d+) (-?\d+,-?\d+) (.+) (\d+) (\d+) (\d+(?:,\d+)*) (\S+)\n?$/s;

/** The status line's columns, with the command name. */
export interface DragonflyStatus extends StatusLineFields {
  /** p_comm as procfs_dostatus prints it, decoded as UTF-8 from the bytes the latin1 text stands for. */
  comm: string;
}

export function parseDragonflyStatus(text: string, file = 'status'): DragonflyStatus {
  const m = LINE.exec(text);
  if (m === null) throw malformed(file, 'the status line');
  const [sec, usec] = [Number(m[8]), Number(m[9])];
  // The last list is rgid then cr_groups[0..ngroups), cr_groups[0] being the egid.
  const groups = m[15]!.split(',').slice(1).map(Number);
  return {
    comm: Buffer.from(m[1]!, 'latin1').toString('utf8'),
    pid: Number(m[2]),
    pgid: Number(m[4]),
    // procfs_dostatus prints the session leader's PID here, which is the
    // session ID while the leader lives, and 0 once it has exited; the
    // backend's getSid refuses the 0 (kinfo_proc's kp_sid is the session ID).
    sid: Number(m[5]),
    groups,
    startMicros: sec < 0 ? undefined : timevalMicros(sec, usec),
  };
}
