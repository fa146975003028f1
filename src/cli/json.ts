// --json: the reports as a JSON array. Limits are rlim_t values up to 2**64-2,
// beyond a double's exact range, so bigints are written as their exact digits
// (JSON numbers have no size limit; JSON.parse in JavaScript rounds them, a
// bigint-aware parser keeps them).
import type { ProcessReport } from './collect.js';
import { formatUmask } from './values.js';

type Json = null | boolean | number | bigint | string | readonly Json[] | { readonly [key: string]: Json };

/** The JSON object of one report, in the issue's shape. */
export function reportToJson(report: ProcessReport): Json {
  const masks = report.sigmasks;
  const sorted = (set: ReadonlySet<number>): number[] => [...set].sort((a, b) => a - b);
  const rlimits: Record<string, Json> = {};
  for (const row of report.rlimits) rlimits[row.resource] = { soft: row.soft, hard: row.hard, usage: row.usage };
  return {
    pid: report.pid,
    name: report.name,
    uid: report.uid,
    euid: report.euid,
    user: report.user,
    pgid: report.pgid,
    sid: report.sid,
    umask: report.umask === null ? null : formatUmask(report.umask),
    groups: report.groups,
    sigmasks:
      masks === null
        ? null
        : {
            pending: sorted(masks.pending),
            blocked: sorted(masks.blocked),
            ignored: sorted(masks.ignored),
            caught: sorted(masks.caught),
            processPending: sorted(masks.processPending),
          },
    rlimits,
  };
}

/**
 * JSON text with bigints as exact integers, two-space indented, ending in a
 * newline; arrays of numbers (groups, signal masks) stay on one line.
 */
export function stringify(value: Json): string {
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? { [BIGINT]: v.toString() } : v), 2);
  // Each bigint was stood in for by a one-key object; put its digits back.
  const exact = text.replace(BIGINT_PATTERN, '$1');
  // Raw newlines occur only between tokens (strings escape theirs), so a match
  // that spans them is always an indented array of numbers.
  return `${exact.replace(NUMBER_ARRAY, (_m, items: string) => `[${items.split(/,\n */).join(', ')}]`)}\n`;
}

const NUMBER_ARRAY = /\[\n *(-?[0-9]+(?:,\n *-?[0-9]+)*)\n *\]/g;

const BIGINT = '\u0000bigint';
const BIGINT_PATTERN = /\{\s*"\\u0000bigint": "([0-9]+)"\s*\}/g;
