// Pure parser for /proc/PID/limits (fs/proc/base.c, proc_pid_limits). The kernel
// prints "%-25s %-20s %-20s %-10s": the name in 25 columns, soft at column 26,
// hard at column 47. Lines are found by their exact padded name and values read
// by column, never by splitting on runs of spaces (a 20-digit value leaves one).
import type { BigLimits } from '../../limits.js';
import { malformed } from './malformed.js';

/** The kernel's line name for each Linux RLIMIT_* number (lnames[] in fs/proc/base.c). */
export const LIMIT_NAMES: readonly string[] = [
  'Max cpu time',
  'Max file size',
  'Max data size',
  'Max stack size',
  'Max core file size',
  'Max resident set',
  'Max processes',
  'Max open files',
  'Max locked memory',
  'Max address space',
  'Max file locks',
  'Max pending signals',
  'Max msgqueue size',
  'Max nice priority',
  'Max realtime priority',
  'Max realtime timeout',
];

const KEYS = LIMIT_NAMES.map((name) => Buffer.from(`\n${name.padEnd(25)} `));
const UNLIMITED = Buffer.from('unlimited');
const SOFT_COLUMN = 26;
const HARD_COLUMN = 47;

/** The limits of one resource; undefined when its line is absent (a zombie's file is empty). */
export function parseLimits(buf: Buffer, resource: number, rlimInfinity: bigint): BigLimits | undefined {
  const key = KEYS[resource];
  if (key === undefined) return undefined;
  const at = buf.indexOf(key);
  if (at < 0) return undefined;
  const line = at + 1;
  return [readValue(buf, line + SOFT_COLUMN, rlimInfinity), readValue(buf, line + HARD_COLUMN, rlimInfinity)];
}

function readValue(buf: Buffer, at: number, rlimInfinity: bigint): bigint {
  if (buf.subarray(at, at + UNLIMITED.length).equals(UNLIMITED)) return rlimInfinity;
  let end = at;
  while (end < buf.length && buf[end]! >= 48 && buf[end]! <= 57) end++;
  if (end === at || end - at > 20 || (buf[end] !== 32 && buf[end] !== 10)) throw malformed('limits', 'value');
  // Up to 15 digits fit a double exactly; longer values go through BigInt.
  if (end - at <= 15) return BigInt(Number(buf.toString('latin1', at, end)));
  return BigInt(buf.toString('latin1', at, end));
}
