// Pure parser for NetBSD's /proc/PID/limit (sys/miscfs/procfs/procfs_limit.c,
// NetBSD 9+): one line per resource in resource-number order, a label in 20
// columns, then soft and hard each as "%20jd", or "%#20jx" for RLIM_INFINITY.
import { malformed } from '../../failures.js';
import type { BigLimits } from '../../limits.js';
import { parseKernelDecimal } from '../bsd/procfs-text.js';

/** The label column: procfs_dolimit prints each resource's name with "%20.20s ". */
const LABEL_WIDTH = 20;
const LINE = new RegExp(String.raw`^.{${LABEL_WIDTH}} +(0x[0-9a-f]+|\d+) +(0x[0-9a-f]+|\d+)$`);

export function parseNetbsdLimit(text: string, resource: number, file = 'limit'): BigLimits {
  const line = text.split('\n')[resource];
  const m = line === undefined ? null : LINE.exec(line);
  if (m === null) throw malformed(file, `resource ${resource}`, 'no line for it');
  const value = (s: string): bigint => (s.startsWith('0x') ? BigInt(s) : parseKernelDecimal(s, file));
  return [value(m[1]!), value(m[2]!)];
}
