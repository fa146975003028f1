// Pure parsers for /proc/PID/status (proc(5); fs/proc/array.c). Each finds its
// one line by its exact "\nName:\t" prefix and reads the bytes in place: no
// string is built for fields nobody asked for.
import type { Sigmasks } from '../backend.js';
import { malformed } from './malformed.js';

const UMASK = Buffer.from('\nUmask:\t');
const GROUPS = Buffer.from('\nGroups:\t');
const STATE = Buffer.from('\nState:\t');
const TGID = Buffer.from('\nTgid:\t');
const THREADS = Buffer.from('\nThreads:\t');
const SIG_PND = Buffer.from('\nSigPnd:\t');
const SHD_PND = Buffer.from('\nShdPnd:\t');
const SIG_BLK = Buffer.from('\nSigBlk:\t');
const SIG_IGN = Buffer.from('\nSigIgn:\t');
const SIG_CGT = Buffer.from('\nSigCgt:\t');

const NL = 10;
const SPACE = 32;

function valueStart(buf: Buffer, key: Buffer): number {
  const at = buf.indexOf(key);
  return at < 0 ? -1 : at + key.length;
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

function parseDecimal(buf: Buffer, key: Buffer, name: string): number | undefined {
  let i = valueStart(buf, key);
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
export function parseSigset(buf: Buffer, key: Buffer): Set<number> | undefined {
  const start = valueStart(buf, key);
  if (start < 0) return undefined;
  let end = start;
  while (end < buf.length && buf[end] !== NL) end++;
  if (end === start || end === buf.length) throw malformed('status', key.toString('latin1').trim());
  const set = new Set<number>();
  // Digit k counted from the right holds signals 4k+1 .. 4k+4.
  for (let i = end - 1, k = 0; i >= start; i--, k++) {
    const nibble = hexValue(buf[i]!);
    if (nibble < 0) throw malformed('status', key.toString('latin1').trim());
    if (nibble === 0) continue;
    for (let bit = 0; bit < 4; bit++) if (nibble & (1 << bit)) set.add(4 * k + bit + 1);
  }
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
  const pending = parseSigset(buf, SIG_PND);
  const blocked = parseSigset(buf, SIG_BLK);
  const ignored = parseSigset(buf, SIG_IGN);
  const caught = parseSigset(buf, SIG_CGT);
  const processPending = parseSigset(buf, SHD_PND);
  if (!pending || !blocked || !ignored || !caught || !processPending) return undefined;
  return { pending, blocked, ignored, caught, processPending };
}
