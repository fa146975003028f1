// Pure parser for /proc/PID/stat (proc(5)). The command name (field 2) is in
// parentheses and may itself contain spaces and ')', so fields are counted from
// the last ')'.
import { malformed } from './malformed.js';

export interface StatFields {
  state: string;
  pgid: number;
  sid: number;
  flags: number;
  /**
   * Field 20. The kernel fills it, like pgid and sid, only while it can lock
   * the task's signal handlers: 0 (with pgid and sid -1) means the task is
   * being reaped (do_task_stat() in fs/proc/array.c).
   */
  threads: number;
  /** Field 22, in clock ticks since boot. */
  startTicks: number;
}

const RPAREN = 0x29;
const SPACE = 32;

export function parseStat(buf: Buffer): StatFields {
  const close = buf.lastIndexOf(RPAREN);
  if (close < 0 || buf[close + 1] !== SPACE) throw malformed('stat', 'comm');
  const state = buf[close + 2];
  if (state === undefined) throw malformed('stat', 'state');
  // Field 3 (state) starts at close + 2; fields 4.. are integers.
  let field = 3;
  let i = close + 3;
  let pgid = -1;
  let sid = -1;
  let flags = -1;
  let threads = -1;
  let startTicks = -1;
  while (i < buf.length && field < 22) {
    if (buf[i] !== SPACE) throw malformed('stat', `field ${field + 1}`);
    i++;
    field++;
    let value = 0;
    let negative = false;
    const begin = i;
    if (buf[i] === 45) {
      negative = true;
      i++;
    }
    for (; i < buf.length && buf[i]! >= 48 && buf[i]! <= 57; i++) value = value * 10 + (buf[i]! - 48);
    if (i === begin) throw malformed('stat', `field ${field}`);
    if (negative) value = -value;
    if (field === 5) pgid = value;
    else if (field === 6) sid = value;
    else if (field === 9) flags = value;
    else if (field === 20) threads = value;
    else if (field === 22) startTicks = value;
  }
  if (field < 22) throw malformed('stat', 'field 22');
  return { state: String.fromCharCode(state), pgid, sid, flags, threads, startTicks };
}
