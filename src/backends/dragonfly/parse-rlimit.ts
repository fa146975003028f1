// Pure parser for DragonFly's /proc/PID/rlimit (sys/vfs/procfs/procfs_rlimit.c):
// RLIM_NLIMITS lines in resource-number order, "ident cur max", RLIM_INFINITY
// printed as -1 and other values as unsigned decimals.
import { malformed } from '../../failures.js';
import type { BigLimits } from '../../limits.js';
import { parseKernelDecimal } from '../bsd/procfs-text.js';

export function parseDragonflyRlimit(text: string, resource: number, rlimInfinity: bigint, file = 'rlimit'): BigLimits {
  const line = text.split('\n')[resource];
  const m = line === undefined ? null : /^\S+ (-1|\d+) (-1|\d+)$/.exec(line);
  if (m === null) throw malformed(file, `resource ${resource}`, 'no line for it');
  const value = (s: string): bigint => (s === '-1' ? rlimInfinity : parseKernelDecimal(s, file));
  return [value(m[1]!), value(m[2]!)];
}
