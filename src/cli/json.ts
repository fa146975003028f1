// --json: the reports as a JSON array. Limits are rlim_t values up to 2**64-2,
// beyond a double's exact range, so bigints are written as their exact digits
// (JSON numbers have no size limit; JSON.parse in JavaScript rounds them, a
// bigint-aware parser keeps them). Strings are written as the process or the
// system set them: only JSON's own escapes, and \uXXXX for the control and
// bidirectional characters JSON.stringify would leave raw (text.ts), so a
// parser gets the exact string back and a terminal gets nothing to act on.
import type { ProcessFacts } from './collect.js';
import type { Names } from './names.js';
import { escapeJsonText } from './text.js';
import { formatUmask } from './values.js';

export type Json =
  null | boolean | number | bigint | string | undefined | readonly Json[] | { readonly [key: string]: Json };

/**
 * The JSON object of one report. A fact this platform does not offer is left
 * out; null is a fact the kernel keeps none of for this process (a zombie's
 * umask), or a usage figure that is not known.
 */
export function reportToJson(facts: ProcessFacts, names: Names): Json {
  const masks = facts.sigmasks;
  const sorted = (set: ReadonlySet<number>): number[] => [...set].sort((a, b) => a - b);
  const uids = facts.uids;
  let rlimits: Record<string, Json> | null | undefined = facts.rlimits === null ? null : undefined;
  if (facts.rlimits) {
    rlimits = {};
    for (const row of facts.rlimits)
      rlimits[row.resource] = { soft: row.soft, hard: row.hard, usage: row.usage ?? null };
  }
  return {
    pid: facts.pid,
    name: facts.name,
    uid: uids === undefined ? undefined : (uids?.real ?? null),
    euid: uids === undefined ? undefined : (uids?.effective ?? null),
    user: uids === undefined ? undefined : uids === null ? null : (names.user(uids.real) ?? null),
    pgid: facts.pgid,
    sid: facts.sid,
    umask: facts.umask === undefined || facts.umask === null ? facts.umask : formatUmask(facts.umask),
    groups: facts.groups,
    sigmasks:
      masks === undefined || masks === null
        ? masks
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
 * JSON text with bigints as exact integers, ending in a newline. Pretty (the
 * default): two-space indented, arrays of numbers (groups, signal masks) on
 * one line. Compact: the whole value on one line, for --watch's one document
 * per line.
 */
export function stringify(value: Json, compact = false): string {
  const text = JSON.stringify(
    value,
    (_key, v: unknown) => (typeof v === 'bigint' ? { [BIGINT]: v.toString() } : v),
    compact ? undefined : 2,
  );
  // Each bigint was stood in for by a one-key object; put its digits back.
  const exact = escapeJsonText(text.replace(BIGINT_PATTERN, '$1'));
  if (compact) return `${exact}\n`;
  // Raw newlines occur only between tokens (strings escape theirs), so a match
  // that spans them is always an indented array of numbers.
  return `${exact.replace(NUMBER_ARRAY, (_m, items: string) => `[${items.split(/,\n */).join(', ')}]`)}\n`;
}

const NUMBER_ARRAY = /\[\n *(-?[0-9]+(?:,\n *-?[0-9]+)*)\n *\]/g;

const BIGINT = '\u0000bigint';
const BIGINT_PATTERN = /\{\s*"\\u0000bigint":\s*"([0-9]+)"\s*\}/g;
