// Pure parsers for /proc/PID/status (proc(5); fs/proc/array.c). Each finds its
// one line by its exact "\nName:\t" prefix and reads the bytes in place: no
// string is built for fields nobody asked for.
import type { Sigmasks } from '../backend.js';
import { type Key, findLine, key, keyAt } from './find-key.js';
import { malformed } from './malformed.js';

const UMASK = key('\nUmask:\t');
const GROUPS = key('\nGroups:\t');
const STATE = key('\nState:\t');
const TGID = key('\nTgid:\t');
const THREADS = key('\nThreads:\t');
const SIG_PND = key('\nSigPnd:\t');
const SHD_PND = key('\nShdPnd:\t');
const SIG_BLK = key('\nSigBlk:\t');
const SIG_IGN = key('\nSigIgn:\t');
const SIG_CGT = key('\nSigCgt:\t');

const NL = 10;
const ZERO = 48;
const SPACE = 32;

// Just past the key, looking first at `hint`: where the kernel's fixed line
// order puts it, right after the line before. A check at the hint costs a few
// nanoseconds, a search more; the search remains for any other layout.
function valueStart(buf: Buffer, k: Key, hint = -1): number {
  if (hint >= 0 && keyAt(buf, k, hint)) return hint + k.bytes.length;
  const at = findLine(buf, k);
  return at < 0 ? -1 : at + k.bytes.length;
}

/** `Umask:` (Linux 4.7+) as a number; undefined when the line is absent. */
export function parseUmask(buf: Buffer): number | undefined {
  let i = valueStart(buf, UMASK);
  if (i < 0) return undefined;
  let value = 0;
  const start = i;
  for (; i < buf.length; i++) {
    const c = buf[i]!;
    if (c < 48 || c > 55) break;
    value = value * 8 + (c - 48);
  }
  if (i === start || i - start > 6 || buf[i] !== NL) throw malformed('status', 'Umask');
  return value;
}

/** `Groups:` in the kernel's order; [] when the process has none. */
export function parseGroups(buf: Buffer): number[] | undefined {
  let i = valueStart(buf, GROUPS);
  if (i < 0) return undefined;
  const groups: number[] = [];
  let value = 0;
  let digits = 0;
  for (; i < buf.length; i++) {
    const c = buf[i]!;
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      if (++digits > 10) throw malformed('status', 'Groups');
    } else if (c === SPACE || c === NL) {
      if (digits > 0) groups.push(value);
      value = 0;
      digits = 0;
      if (c === NL) return groups;
    } else {
      throw malformed('status', 'Groups');
    }
  }
  throw malformed('status', 'Groups');
}

/** The one-letter state of `State:` ('R', 'S', 'Z', ...). */
export function parseState(buf: Buffer): string | undefined {
  const i = valueStart(buf, STATE);
  if (i < 0 || i >= buf.length) return undefined;
  return String.fromCharCode(buf[i]!);
}

/** `Tgid:`, the thread group (process) a task belongs to. */
export function parseTgid(buf: Buffer): number | undefined {
  return parseDecimal(buf, TGID, 'Tgid');
}

/**
 * `Threads:`. The kernel prints 0 (and all-zero signal masks) when it could
 * not lock the task's signal handlers: the task is being reaped and its
 * signal state is already gone (task_sig() in fs/proc/array.c).
 */
export function parseThreads(buf: Buffer): number | undefined {
  return parseDecimal(buf, THREADS, 'Threads');
}

function parseDecimal(buf: Buffer, k: Key, name: string, hint = -1): number | undefined {
  let i = valueStart(buf, k, hint);
  if (i < 0) return undefined;
  let value = 0;
  const start = i;
  for (; i < buf.length && buf[i]! >= 48 && buf[i]! <= 57; i++) value = value * 10 + (buf[i]! - 48);
  if (i === start || buf[i] !== NL) throw malformed('status', name);
  return value;
}

/**
 * A signal-set line as a set of signal numbers. The kernel prints the mask as
 * hex, most significant digit first, one digit per four signals (render_sigset_t);
 * it is read digit by digit so that no bit past 2**53 is lost.
 */
export function parseSigset(buf: Buffer, line: Buffer): Set<number> | undefined {
  return sigsetAt(buf, key(line.toString('latin1')), -1);
}

// Where the last sigsetAt() line ended: the next line's "\n".
let lineEnd = -1;
// Where the last sigsetAt() line began (its "\n").
let lineStart = -1;
// Where the last parseSigmasks() found SigPnd:'s "\n".
let sigPndAt = -1;

function sigsetAt(buf: Buffer, k: Key, hint: number): Set<number> | undefined {
  const start = valueStart(buf, k, hint);
  if (start < 0) return undefined;
  lineStart = start - k.bytes.length;
  // One pass to the line's end, noting whether any digit is not '0': most
  // lines are all zeros and need no second pass.
  let end = start;
  let nonzero = 0;
  for (; end < buf.length; end++) {
    const c = buf[end]!;
    if (c === NL) break;
    nonzero |= c ^ ZERO;
  }
  if (end === start || end === buf.length) throw malformed('status', k.bytes.toString('latin1').trim());
  const set = new Set<number>();
  // Digit d counted from the right holds signals 4d+1 .. 4d+4.
  if (nonzero !== 0) {
    for (let i = end - 1, first = 1; i >= start; i--, first += 4) {
      const c = buf[i]!;
      if (c === ZERO) continue;
      const nibble = hexValue(c);
      if (nibble < 0) throw malformed('status', k.bytes.toString('latin1').trim());
      if (nibble & 1) set.add(first);
      if (nibble & 2) set.add(first + 1);
      if (nibble & 4) set.add(first + 2);
      if (nibble & 8) set.add(first + 3);
    }
  }
  lineEnd = end;
  return set;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** All five masks: SigPnd (thread), SigBlk, SigIgn, SigCgt, ShdPnd (process-wide pending). */
export function parseSigmasks(buf: Buffer): Sigmasks | undefined {
  // task_sig() in fs/proc/array.c prints the five lines in this order, one
  // after the other: only the first is searched for.
  const pending = sigsetAt(buf, SIG_PND, -1);
  if (!pending) return undefined;
  sigPndAt = lineStart;
  const processPending = sigsetAt(buf, SHD_PND, lineEnd);
  if (!processPending) return undefined;
  const blocked = sigsetAt(buf, SIG_BLK, lineEnd);
  if (!blocked) return undefined;
  const ignored = sigsetAt(buf, SIG_IGN, lineEnd);
  if (!ignored) return undefined;
  const caught = sigsetAt(buf, SIG_CGT, lineEnd);
  if (!caught) return undefined;
  return { pending, blocked, ignored, caught, processPending };
}

/**
 * parseSigmasks() and parseThreads() of one status text. task_sig() prints
 * Threads: and SigQ: just above SigPnd:, so Threads: is looked for there
 * first: its offset varies between processes (a kernel thread has no Vm*
 * lines), and a search from the start costs more than the rest of the parse.
 */
export function parseSignalLines(buf: Buffer): [masks: Sigmasks, threads: number | undefined] | undefined {
  const masks = parseSigmasks(buf);
  if (masks === undefined) return undefined;
  // Two line starts above SigPnd:'s "\n".
  let hint = sigPndAt - 1;
  while (hint >= 0 && buf[hint] !== NL) hint--;
  hint--;
  while (hint >= 0 && buf[hint] !== NL) hint--;
  return [masks, parseDecimal(buf, THREADS, 'Threads', hint)];
}
