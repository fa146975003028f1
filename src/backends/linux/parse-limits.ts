// Pure parser for /proc/PID/limits (fs/proc/base.c, proc_pid_limits). The kernel
// prints "%-25s %-20s %-20s %-10s\n" per resource: the name in 25 columns,
// soft at column 26 and hard at column 47, each a "%-20lu" number or
// "unlimited" padded to 20 and followed by one space, then the unit padded to
// 10, or nothing for a resource without one. Lines are found by their exact
// padded name and values read by column, never by splitting on runs of spaces
// (a 20-digit value leaves one), and the whole line must have that shape.
import type { BigLimits } from '../../limits.js';
import { malformed } from '../../failures.js';

/** The kernel's line name and unit for each Linux RLIMIT_* number (lnames[] in fs/proc/base.c). */
export const LIMIT_LINES: readonly { readonly name: string; readonly unit: string }[] = [
  { name: 'Max cpu time', unit: 'seconds' },
  { name: 'Max file size', unit: 'bytes' },
  { name: 'Max data size', unit: 'bytes' },
  { name: 'Max stack size', unit: 'bytes' },
  { name: 'Max core file size', unit: 'bytes' },
  { name: 'Max resident set', unit: 'bytes' },
  { name: 'Max processes', unit: 'processes' },
  { name: 'Max open files', unit: 'files' },
  { name: 'Max locked memory', unit: 'bytes' },
  { name: 'Max address space', unit: 'bytes' },
  { name: 'Max file locks', unit: 'locks' },
  { name: 'Max pending signals', unit: 'signals' },
  { name: 'Max msgqueue size', unit: 'bytes' },
  { name: 'Max nice priority', unit: '' },
  { name: 'Max realtime priority', unit: '' },
  { name: 'Max realtime timeout', unit: 'us' },
];

/** The kernel's line name for each Linux RLIMIT_* number. */
export const LIMIT_NAMES: readonly string[] = LIMIT_LINES.map((l) => l.name);

const KEYS = LIMIT_LINES.map(({ name }) => Buffer.from(`\n${name.padEnd(25)} `, 'latin1'));
const TAILS = LIMIT_LINES.map(({ unit }) => Buffer.from(`${unit === '' ? '' : unit.padEnd(10)}\n`, 'latin1'));
const UNLIMITED = Buffer.from('unlimited', 'latin1');
const SOFT_COLUMN = 26;
const HARD_COLUMN = 47;
const TAIL_COLUMN = 68;
const WIDTH = 20;
const SPACE = 32;
const ZERO = 48;
/** The largest value "%lu" of an unsigned 64-bit rlim_t can print. */
const MAX_RLIM = (1n << 64n) - 1n;

/**
 * The limits of one resource; undefined when its line is absent (a task
 * being reaped prints an empty file). A line out of the kernel's shape, a
 * value it cannot print (RLIM_INFINITY or more as a number, a leading zero),
 * or the line twice is EBADMSG.
 */
export function parseLimits(buf: Buffer, resource: number, rlimInfinity: bigint): BigLimits | undefined {
  const key = KEYS[resource];
  const tail = TAILS[resource];
  if (key === undefined || tail === undefined) return undefined;
  const at = buf.indexOf(key);
  if (at < 0) return undefined;
  const name = LIMIT_NAMES[resource]!;
  if (buf.indexOf(key, at + 1) >= 0) throw malformed('limits', `${name} (found twice)`);
  const line = at + 1;
  const soft = readValue(buf, line + SOFT_COLUMN, rlimInfinity, name);
  const hard = readValue(buf, line + HARD_COLUMN, rlimInfinity, name);
  const end = line + TAIL_COLUMN;
  if (end + tail.length > buf.length || !buf.subarray(end, end + tail.length).equals(tail)) {
    throw malformed('limits', `${name} (unit)`);
  }
  return [soft, hard];
}

// A 20-column field and the space after it: "unlimited" or the digits of a
// value below RLIM_INFINITY, padded with spaces.
function readValue(buf: Buffer, at: number, rlimInfinity: bigint, name: string): bigint {
  const fieldEnd = at + WIDTH;
  if (fieldEnd >= buf.length || buf[fieldEnd] !== SPACE) throw malformed('limits', name);
  let end = at;
  let value: bigint;
  if (buf.subarray(at, at + UNLIMITED.length).equals(UNLIMITED)) {
    end = at + UNLIMITED.length;
    value = rlimInfinity;
  } else {
    while (end < fieldEnd && buf[end]! >= ZERO && buf[end]! <= ZERO + 9) end++;
    const digits = end - at;
    if (digits === 0 || (digits > 1 && buf[at] === ZERO)) throw malformed('limits', name);
    // Up to 15 digits fit a double exactly; longer values go through BigInt.
    value = digits <= 15 ? BigInt(Number(buf.toString('latin1', at, end))) : BigInt(buf.toString('latin1', at, end));
    // The kernel prints RLIM_INFINITY as "unlimited", never as its number.
    if (value >= rlimInfinity || value >= MAX_RLIM) throw malformed('limits', `${name} (out of range)`);
  }
  for (; end < fieldEnd; end++) if (buf[end] !== SPACE) throw malformed('limits', name);
  return value;
}
