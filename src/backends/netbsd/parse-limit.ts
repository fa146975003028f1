// Pure parser for NetBSD's /proc/PID/limit (sys/miscfs/procfs/procfs_limit.c,
// NetBSD 9+): one line per resource in resource-number order, a label in 20
// columns, then soft and hard each as "%20jd", or "%#20jx" for RLIM_INFINITY.
import { malformed } from '../../failures.js';
import type { BigLimits } from '../../limits.js';
import { decimal } from '../bsd/procfs-text.js';

export function parseNetbsdLimit(text: string, resource: number, file = 'limit'): BigLimits {
  const line = text.split('\n')[resource];
  const m = line === undefined ? null : /^.{20} +(0x[0-9a-f]+|\d+) +(0x[0-9a-f]+|\d+)$/.exec(line);
  if (m === null) throw malformed(file, `resource ${resource}`, 'no line for it');
  const value = (s: string): bigint => (s.startsWith('0x') ? BigInt(s) : decimal(s, file));
  return [value(m[1]!), value(m[2]!)];
}
