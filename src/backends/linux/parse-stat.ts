// Pure parser for /proc/PID/stat (proc(5); do_task_stat() in fs/proc/array.c).
// One line: the PID, the command name in parentheses (it may itself contain
// spaces and ')', so fields are counted from the last ')'), the state letter,
// then numbers separated by single spaces, and a newline. Every number up to
// field 22 must be in the kernel's form, and the fields read must be in the
// range the kernel can print, or the parse is EBADMSG.
import { LINUX_PID_MAX_LIMIT } from './constants.js';
import { malformed } from '../../failures.js';

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
  /** Fields 14 and 15, utime + stime: CPU time in clock ticks, what RLIMIT_CPU limits. */
  cpuTicks: number;
}

const RPAREN = 0x29;
const SPACE = 32;
const NL = 10;
const MINUS = 45;
const ZERO = 48;
/** The task states proc prints (task_state_array[]; x, K and W in older kernels). */
const STATES = 'RSDTtXxZPIKW';
/** The most digits a field prints: 20 for an unsigned 64-bit value. */
const MAX_DIGITS = 20;
const MAX_U32 = 0xffffffff;
/** The longest command name proc_task_name() prints: its 64-byte buffer for workqueue workers (TASK_COMM_LEN is 16). */
const MAX_COMM = 64;

export function parseStat(buf: Buffer): StatFields {
  const close = buf.lastIndexOf(RPAREN);
  const open = startOfComm(buf);
  if (open < 0 || close < open || close - open > MAX_COMM || buf[close + 1] !== SPACE) throw malformed('stat', 'comm');
  const state = buf[close + 2];
  if (state === undefined || !STATES.includes(String.fromCharCode(state))) throw malformed('stat', 'state');
  // The line ends in its newline, and there is only one line.
  if (buf[buf.length - 1] !== NL || buf.indexOf(NL, close) !== buf.length - 1) throw malformed('stat', 'line');
  // Field 3 (state) starts at close + 2; fields 4.. are integers.
  let field = 3;
  let i = close + 3;
  let pgid = -1;
  let sid = -1;
  let flags = -1;
  let threads = -1;
  let startTicks = -1;
  let cpuTicks = 0;
  while (field < 22) {
    if (buf[i] !== SPACE) throw malformed('stat', `field ${field + 1}`);
    i++;
    field++;
    const negative = buf[i] === MINUS;
    const begin = negative ? i + 1 : i;
    let end = begin;
    let value = 0;
    while (end < buf.length && buf[end]! >= ZERO && buf[end]! <= ZERO + 9) value = value * 10 + (buf[end++]! - ZERO);
    const digits = end - begin;
    // "%d"-style output: at least one digit, no leading zero, no "-0".
    if (digits === 0 || digits > MAX_DIGITS || (buf[begin] === ZERO && (digits > 1 || negative))) {
      throw malformed('stat', `field ${field}`);
    }
    i = end;
    if (negative) value = -value;
    if (field === 5) pgid = pidField(value, 'pgid');
    else if (field === 6) sid = pidField(value, 'sid');
    else if (field === 14 || field === 15) cpuTicks += inRange(value, 0, Number.MAX_SAFE_INTEGER / 2, 'utime/stime');
    else if (field === 9) flags = inRange(value, 0, MAX_U32, 'flags');
    else if (field === 20) threads = inRange(value, 0, LINUX_PID_MAX_LIMIT, 'num_threads');
    else if (field === 22) startTicks = inRange(value, 0, Number.MAX_SAFE_INTEGER, 'starttime');
  }
  if (buf[i] !== SPACE && buf[i] !== NL) throw malformed('stat', 'field 22');
  return { state: String.fromCharCode(state), pgid, sid, flags, threads, startTicks, cpuTicks };
}

// Where the command name starts: the line starts with the task's PID and " (".
function startOfComm(buf: Buffer): number {
  let i = 0;
  while (i < buf.length && buf[i]! >= ZERO && buf[i]! <= ZERO + 9) i++;
  return i > 0 && i <= 7 && buf[0] !== ZERO && buf[i] === SPACE && buf[i + 1] === 0x28 ? i + 2 : -1;
}

// pgid and sid: a PID, 0 for one outside the tree's namespace, or -1 while
// the task's signal handlers cannot be locked (do_task_stat()).
function pidField(value: number, name: string): number {
  return inRange(value, -1, LINUX_PID_MAX_LIMIT, name);
}

function inRange(value: number, min: number, max: number, name: string): number {
  if (value < min || value > max) throw malformed('stat', name);
  return value;
}
