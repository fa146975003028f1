// Pure parsers for /proc/PID/status (proc(5); fs/proc/array.c). Each finds its
// one line by its exact "\nName:\t" prefix and reads the bytes in place: no
// string is built for fields nobody asked for. Every value must be in the
// form and range the kernel prints, or the parse is EBADMSG; nothing is kept
// between calls, so the answer for a file depends on that file alone.
//
// `kernelText` says the bytes came from a procfs mount. The kernel prints each
// line once, and the one free-text value (Name:) has its newlines escaped
// (proc_task_name()), so a "\nKey:\t" occurs at most once and lines come in
// task_state()/task_sig() order. Bytes from anywhere else are searched in
// full and a key found twice is EBADMSG.
import type { Sigmasks } from '../backend.js';
import { SignalSet } from '../../signal-set.js';
import { LINUX_PID_MAX_LIMIT } from './constants.js';
import { malformed } from '../../failures.js';

/**
 * A line key and where it was last found in kernel text, as an offset from
 * the start of the file or, for the lines after the Vm* block, from its end.
 * The offset only says where to look first: the kernel prints each key once,
 * so wherever the key is found it is the line, and the answer cannot depend
 * on it. Successive reads of one process's file put a key at the same
 * offset, and other processes' within a few bytes of it: names, IDs and
 * counters differ in length. Kernel threads have no Vm* lines, so the signal
 * lines keep their distance from the end of the file better than from its
 * start. A look there costs a few nanoseconds, Buffer#indexOf about 200.
 * Other text is always searched from the start.
 */
interface Key {
  readonly bytes: Buffer;
  readonly fromEnd: boolean;
  last: number;
}

const key = (text: string, fromEnd = false): Key => ({ bytes: Buffer.from(text, 'latin1'), fromEnd, last: -1 });

const UMASK = key('\nUmask:\t');
const GROUPS = key('\nGroups:\t');
const STATE = key('\nState:\t');
const TGID = key('\nTgid:\t');
const NSPID = key('\nNSpid:\t');
const THREADS = key('\nThreads:\t', true);
const SIG_PND = key('\nSigPnd:\t', true);
const SHD_PND = key('\nShdPnd:\t', true);
const SIG_BLK = key('\nSigBlk:\t', true);
const SIG_IGN = key('\nSigIgn:\t', true);
const SIG_CGT = key('\nSigCgt:\t', true);
const UID = key('\nUid:\t');
const NAME = Buffer.from('Name:\t', 'latin1');
const SIG_Q = key('\nSigQ:\t', true);
const MEMORY_KEYS = {
  VmSize: key('\nVmSize:\t'),
  VmLck: key('\nVmLck:\t'),
  VmRSS: key('\nVmRSS:\t'),
  VmData: key('\nVmData:\t'),
  VmStk: key('\nVmStk:\t'),
} as const;

const NL = 10;
const TAB = 9;
const SPACE = 32;
const ZERO = 48;

/** NGROUPS_MAX (include/uapi/linux/limits.h): no task has more supplementary groups. */
const NGROUPS_MAX = 65536;
/** The largest gid_t: from_kgid_munged() prints a u32. */
const MAX_GID = 0xffffffff;
/** The largest kB figure whose byte count is still exact in a double. */
const MAX_KB = Math.floor(Number.MAX_SAFE_INTEGER / 1024);

/**
 * Hex digits of a signal-set line: _NSIG / 4 (render_sigset_t()). _NSIG is 64
 * on every architecture Node runs on but MIPS, where it is 128.
 */
export const SIGSET_DIGITS = process.arch.startsWith('mips') ? 32 : 16;

// Each byte's value as a hex digit, or -1: hex_asc[] prints lowercase only.
const HEX_VALUES = new Int8Array(256).fill(-1);
for (let c = 0; c < 16; c++) HEX_VALUES['0123456789abcdef'.charCodeAt(c)] = c;

/** The task states proc prints (task_state_array[] in fs/proc/array.c; x, K and W in older kernels). */
const STATES = 'RSDTtXxZPIKW';

// Just past the key's line start, or -1. In kernel text a key occurs once; in
// any other text the first occurrence is the line, and a second is EBADMSG.
function valueStart(buf: Buffer, k: Key, kernelText: boolean, name: string): number {
  const bytes = k.bytes;
  if (kernelText) {
    const hint = k.fromEnd ? buf.length - k.last : k.last;
    if (keyAt(buf, bytes, hint)) return hint + bytes.length;
    let at = keyNear(buf, bytes, hint);
    if (at < 0) at = buf.indexOf(bytes);
    if (at < 0) return -1;
    k.last = k.fromEnd ? buf.length - at : at;
    return at + bytes.length;
  }
  const at = buf.indexOf(bytes);
  if (at < 0) return -1;
  if (buf.indexOf(bytes, at + 1) >= 0) throw malformed('status', `${name} (found twice)`);
  return at + bytes.length;
}

/** How far from its last offset a key is looked for before the whole text is searched. */
const NEAR = 32;

// The key's offset within NEAR bytes of `hint`, or -1: a scan for its first
// byte (the newline) with a comparison at each, about a tenth of an indexOf.
function keyNear(buf: Buffer, bytes: Buffer, hint: number): number {
  const first = bytes[0];
  const end = Math.min(hint + NEAR, buf.length - bytes.length);
  for (let i = Math.max(hint - NEAR, 0); i <= end; i++) {
    if (buf[i] === first && keyAt(buf, bytes, i)) return i;
  }
  return -1;
}

/** `Umask:` (Linux 4.7+) as a number; undefined when the line is absent. */
export function parseUmask(buf: Buffer, kernelText = false): number | undefined {
  const i = valueStart(buf, UMASK, kernelText, 'Umask');
  if (i < 0) return undefined;
  // "%#04o" of a mode masked to 0777: "0" and three octal digits, "0000" for none.
  if (i + 4 >= buf.length || buf[i] !== ZERO || buf[i + 4] !== NL) throw malformed('status', 'Umask');
  let value = 0;
  for (let j = i + 1; j < i + 4; j++) {
    const d = buf[j]! - ZERO;
    if (d < 0 || d > 7) throw malformed('status', 'Umask');
    value = value * 8 + d;
  }
  return value;
}

/** `Groups:` in the kernel's order; [] when the process has none. */
export function parseGroups(buf: Buffer, kernelText = false): number[] | undefined {
  let i = valueStart(buf, GROUPS, kernelText, 'Groups');
  if (i < 0) return undefined;
  // Each gid is followed by one space ("%u " in older kernels; a separator
  // and a trailing space since 4.x); none at all for no groups.
  const groups: number[] = [];
  while (i < buf.length && buf[i] !== NL) {
    if (buf[i] === SPACE) {
      // The lone space of an empty list.
      if (groups.length === 0 && buf[i + 1] === NL) return groups;
      throw malformed('status', 'Groups');
    }
    // One pass per gid: digits in the kernel's form (no leading zero, at most 2**32 - 1).
    const start = i;
    let value = 0;
    for (let c = buf[i]!; c >= ZERO && c <= ZERO + 9 && i - start < 11; c = buf[++i]!) value = value * 10 + (c - ZERO);
    if (i === start || (buf[start] === ZERO && i > start + 1) || value > MAX_GID) throw malformed('status', 'Groups');
    if (groups.length === NGROUPS_MAX) throw malformed('status', 'Groups (more than NGROUPS_MAX)');
    groups.push(value);
    if (buf[i] === SPACE) i++;
    else if (buf[i] !== NL) throw malformed('status', 'Groups');
  }
  if (i >= buf.length) throw malformed('status', 'Groups');
  return groups;
}

/** The one-letter state of `State:` ('R', 'S', 'Z', ...). */
export function parseState(buf: Buffer, kernelText = false): string | undefined {
  const i = valueStart(buf, STATE, kernelText, 'State');
  if (i < 0) return undefined;
  const c = buf[i];
  if (c === undefined || !STATES.includes(String.fromCharCode(c)) || buf[i + 1] !== SPACE) {
    throw malformed('status', 'State');
  }
  return String.fromCharCode(c);
}

/** `Tgid:`, the thread group (process) a task belongs to. */
export function parseTgid(buf: Buffer, kernelText = false): number | undefined {
  const i = valueStart(buf, TGID, kernelText, 'Tgid');
  return i < 0 ? undefined : lineDecimal(buf, i, LINUX_PID_MAX_LIMIT, 'Tgid');
}

/**
 * `Threads:`. The kernel prints 0 (and all-zero signal masks) when it could
 * not lock the task's signal handlers: the task is being reaped and its
 * signal state is already gone (task_sig() in fs/proc/array.c).
 */
export function parseThreads(buf: Buffer, kernelText = false): number | undefined {
  const i = valueStart(buf, THREADS, kernelText, 'Threads');
  return i < 0 ? undefined : lineDecimal(buf, i, LINUX_PID_MAX_LIMIT, 'Threads');
}

/**
 * `NSpid:` (Linux 4.1+): the task's PID in each PID namespace from the one the
 * procfs mount belongs to down to the task's own, tab-separated.
 */
export function parseNsPids(buf: Buffer, kernelText = false): number[] | undefined {
  let i = valueStart(buf, NSPID, kernelText, 'NSpid');
  if (i < 0) return undefined;
  const pids: number[] = [];
  for (;;) {
    const end = decimalEnd(buf, i, LINUX_PID_MAX_LIMIT, 'NSpid');
    pids.push(decimalValue(buf, i, end));
    if (buf[end] === NL) return pids;
    if (buf[end] !== TAB) throw malformed('status', 'NSpid');
    i = end + 1;
  }
}

/** The real uid, the first of `Uid:`'s four ("%u\t%u\t%u\t%u", task_state()). */
export function parseRealUid(buf: Buffer, kernelText = false): number | undefined {
  return parseUids(buf, kernelText)?.[0];
}

/** `Uid:`: real, effective, saved and filesystem uids, in that order. */
export function parseUids(buf: Buffer, kernelText = false): [number, number, number, number] | undefined {
  let i = valueStart(buf, UID, kernelText, 'Uid');
  if (i < 0) return undefined;
  const ids: number[] = [];
  for (let n = 0; n < 4; n++) {
    const end = decimalEnd(buf, i, MAX_GID, 'Uid');
    ids.push(decimalValue(buf, i, end));
    if (buf[end] !== (n === 3 ? NL : TAB)) throw malformed('status', 'Uid');
    i = end + 1;
  }
  return ids as [number, number, number, number];
}

/**
 * `Name:`, the first line, as the process set it: the kernel escapes only
 * newline and backslash (proc_task_name(): seq_escape_str() with "\n\\"),
 * which are undone here; the bytes are decoded as UTF-8, an invalid sequence
 * (a name cut inside a character at TASK_COMM_LEN) as U+FFFD.
 */
export function parseName(buf: Buffer): string {
  if (!buf.subarray(0, NAME.length).equals(NAME)) throw malformed('status', 'Name');
  const end = buf.indexOf(NL, NAME.length);
  if (end < 0) throw malformed('status', 'Name');
  const raw = buf.subarray(NAME.length, end);
  if (!raw.includes(0x5c)) return raw.toString('utf8');
  const out: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === 0x5c && raw[i + 1] === 0x6e) {
      out.push(NL);
      i++;
    } else if (c === 0x5c && raw[i + 1] === 0x5c) {
      out.push(0x5c);
      i++;
    } else {
      out.push(c);
    }
  }
  return Buffer.from(out).toString('utf8');
}

/** A memory line the kernel may print (task_mem()). */
export type MemoryLine = keyof typeof MEMORY_KEYS;

/**
 * A `Vm*:` line in bytes; undefined when absent (a kernel thread has no mm,
 * and so no Vm* lines). task_mem() prints kB right-aligned in 8 columns:
 * "VmSize:\t   12345 kB".
 */
export function parseMemoryBytes(buf: Buffer, line: MemoryLine, kernelText = false): number | undefined {
  let i = valueStart(buf, MEMORY_KEYS[line], kernelText, line);
  if (i < 0) return undefined;
  while (buf[i] === SPACE) i++;
  const start = i;
  let kb = 0;
  while (i < buf.length && buf[i]! >= ZERO && buf[i]! <= ZERO + 9 && i - start < 17) kb = kb * 10 + (buf[i++]! - ZERO);
  if (i === start || (buf[start] === ZERO && i > start + 1) || kb > MAX_KB) throw malformed('status', line);
  if (buf[i] !== SPACE || buf[i + 1] !== 0x6b || buf[i + 2] !== 0x42 || buf[i + 3] !== NL)
    throw malformed('status', line);
  return kb * 1024;
}

/** `SigQ:` "queued/limit": the signals queued for the real uid (task_sig()). */
export function parseQueuedSignals(buf: Buffer, kernelText = false): number | undefined {
  const i = valueStart(buf, SIG_Q, kernelText, 'SigQ');
  if (i < 0) return undefined;
  const end = decimalEnd(buf, i, MAX_GID, 'SigQ');
  if (buf[end] !== 0x2f) throw malformed('status', 'SigQ');
  return decimalValue(buf, i, end);
}

// The end of a decimal number at i in the kernel's form (no sign, no leading
// zero, at most `max`), or EBADMSG.
function decimalEnd(buf: Buffer, i: number, max: number, name: string): number {
  let end = i;
  let value = 0;
  while (end < buf.length && buf[end]! >= ZERO && buf[end]! <= ZERO + 9 && end - i <= 10) {
    value = value * 10 + (buf[end]! - ZERO);
    end++;
  }
  if (end === i || (buf[i] === ZERO && end > i + 1) || value > max) throw malformed('status', name);
  return end;
}

function decimalValue(buf: Buffer, from: number, to: number): number {
  let value = 0;
  for (let j = from; j < to; j++) value = value * 10 + (buf[j]! - ZERO);
  return value;
}

// A line holding one decimal number and its newline.
function lineDecimal(buf: Buffer, i: number, max: number, name: string): number {
  const end = decimalEnd(buf, i, max, name);
  if (buf[end] !== NL) throw malformed('status', name);
  return decimalValue(buf, i, end);
}

/**
 * A signal-set line as a set of signal numbers. The kernel prints the mask as
 * `digits` lowercase hex digits, most significant first, one per four
 * signals (render_sigset_t()); each run of eight digits is one 32-bit word,
 * so no bit past 2**53 is lost.
 */
export function parseSigset(
  buf: Buffer,
  line: Buffer,
  digits = SIGSET_DIGITS,
  kernelText = false,
): SignalSet | undefined {
  const start = valueStart(buf, { bytes: line, fromEnd: false, last: -1 }, kernelText, line.toString('latin1').trim());
  return start < 0 ? undefined : sigsetAt(buf, start, digits, line);
}

// The set whose digits start at `start`; the line must end right after them.
function sigsetAt(buf: Buffer, start: number, digits: number, line: Buffer): SignalSet {
  const end = start + digits;
  if (end >= buf.length || buf[end] !== NL || digits % 8 !== 0) {
    throw malformed('status', line.toString('latin1').trim());
  }
  if (digits === 16) return SignalSet.fromWords64(hexWord(buf, start + 8, line), hexWord(buf, start, line));
  const words: number[] = [];
  for (let at = end - 8; at >= start; at -= 8) words.push(hexWord(buf, at, line));
  return SignalSet.fromWords(words);
}

// The 32-bit word of the eight digits at `at` (the caller has checked they
// are in the buffer). Each digit goes through a table, written out eight
// times rather than looped: the loop's counter, its overflow check and the
// buffer's bounds reloaded on every digit were half of the masks' parse.
// One test at the end rejects any non-digit (the table's -1 sets the sign).
function hexWord(buf: Buffer, at: number, line: Buffer): number {
  const h = HEX_VALUES;
  const d0 = h[buf[at]!]!;
  const d1 = h[buf[at + 1]!]!;
  const d2 = h[buf[at + 2]!]!;
  const d3 = h[buf[at + 3]!]!;
  const d4 = h[buf[at + 4]!]!;
  const d5 = h[buf[at + 5]!]!;
  const d6 = h[buf[at + 6]!]!;
  const d7 = h[buf[at + 7]!]!;
  if ((d0 | d1 | d2 | d3 | d4 | d5 | d6 | d7) < 0) throw malformed('status', line.toString('latin1').trim());
  return ((d0 << 28) | (d1 << 24) | (d2 << 20) | (d3 << 16) | (d4 << 12) | (d5 << 8) | (d6 << 4) | d7) >>> 0;
}

// Where a line's value starts: right at `next` when the kernel's order puts
// the key there (kernel text only), else wherever the key is.
function nextValue(buf: Buffer, k: Key, next: number, kernelText: boolean, name: string): number {
  if (kernelText && keyAt(buf, k.bytes, next)) return next + k.bytes.length;
  return valueStart(buf, k, kernelText, name);
}

function keyAt(buf: Buffer, k: Buffer, at: number): boolean {
  if (at < 0 || at + k.length > buf.length) return false;
  for (let j = 0; j < k.length; j++) if (buf[at + j] !== k[j]) return false;
  return true;
}

/** All five masks: SigPnd (thread), SigBlk, SigIgn, SigCgt, ShdPnd (process-wide pending). */
export function parseSigmasks(buf: Buffer, kernelText = false): Sigmasks | undefined {
  return parseSignalLines(buf, kernelText)?.masks;
}

/**
 * parseSigmasks() and parseThreads() of one status text. task_sig() prints
 * Threads:, SigQ:, SigPnd:, ShdPnd:, SigBlk:, SigIgn: and SigCgt: in that
 * order, so in kernel text each line is first looked for where the one
 * before it ended.
 */
export function parseSignalLines(
  buf: Buffer,
  kernelText = false,
): { masks: Sigmasks; threads: number | undefined } | undefined {
  const pndAt = valueStart(buf, SIG_PND, kernelText, 'SigPnd');
  if (pndAt < 0) return undefined;
  const shdAt = nextValue(buf, SHD_PND, pndAt + SIGSET_DIGITS, kernelText, 'ShdPnd');
  if (shdAt < 0) return undefined;
  const blkAt = nextValue(buf, SIG_BLK, shdAt + SIGSET_DIGITS, kernelText, 'SigBlk');
  if (blkAt < 0) return undefined;
  const ignAt = nextValue(buf, SIG_IGN, blkAt + SIGSET_DIGITS, kernelText, 'SigIgn');
  if (ignAt < 0) return undefined;
  const cgtAt = nextValue(buf, SIG_CGT, ignAt + SIGSET_DIGITS, kernelText, 'SigCgt');
  if (cgtAt < 0) return undefined;
  const masks: Sigmasks = {
    pending: sigsetAt(buf, pndAt, SIGSET_DIGITS, SIG_PND.bytes),
    processPending: sigsetAt(buf, shdAt, SIGSET_DIGITS, SHD_PND.bytes),
    blocked: sigsetAt(buf, blkAt, SIGSET_DIGITS, SIG_BLK.bytes),
    ignored: sigsetAt(buf, ignAt, SIGSET_DIGITS, SIG_IGN.bytes),
    caught: sigsetAt(buf, cgtAt, SIGSET_DIGITS, SIG_CGT.bytes),
  };
  return { masks, threads: threadsAbove(buf, pndAt - SIG_PND.bytes.length, kernelText) };
}

// Threads: where the last status had it (the same process's file again has
// it there, and a look costs less than walking back over SigQ:), else two
// line starts above SigPnd:'s "\n" (SigQ: lies between), else wherever it
// is: its offset varies between processes (a kernel thread has no Vm*
// lines), and a search from the start costs more than the rest.
function threadsAbove(buf: Buffer, pndLine: number, kernelText: boolean): number | undefined {
  if (kernelText) {
    const last = buf.length - THREADS.last;
    if (last < pndLine && keyAt(buf, THREADS.bytes, last))
      return lineDecimal(buf, last + THREADS.bytes.length, LINUX_PID_MAX_LIMIT, 'Threads');
    let hint = pndLine - 1;
    while (hint >= 0 && buf[hint] !== NL) hint--;
    hint--;
    while (hint >= 0 && buf[hint] !== NL) hint--;
    if (keyAt(buf, THREADS.bytes, hint)) {
      THREADS.last = buf.length - hint;
      return lineDecimal(buf, hint + THREADS.bytes.length, LINUX_PID_MAX_LIMIT, 'Threads');
    }
  }
  return parseThreads(buf, kernelText);
}
