// The LIMIT of `--set RESOURCE=LIMIT`, in prlimit(1)'s syntax: `soft:hard`,
// `soft:` and `:hard` (the missing half keeps its current value), or a single
// value for both; `unlimited`, `infinity` and `-1` mean RLIM_INFINITY. Pure.

/** One half of a limit: an exact value, unlimited, or "keep what the process has". */
export type LimitPart = bigint | 'unlimited' | 'keep';

export interface LimitSpec {
  readonly soft: LimitPart;
  readonly hard: LimitPart;
}

// rlim_t is 64 bits; RLIM_INFINITY (2**64-1 on Linux) is written as a word.
const MAX_FINITE = (1n << 64n) - 2n;

/** Parses a LIMIT; throws an Error whose message says what is wrong. */
export function parseLimitSpec(text: string): LimitSpec {
  const colon = text.indexOf(':');
  if (colon < 0) {
    const both = parsePart(text, 'limit');
    return { soft: both, hard: both };
  }
  if (text.indexOf(':', colon + 1) >= 0) throw new Error(`'${text}' has more than one ':'`);
  const softText = text.slice(0, colon);
  const hardText = text.slice(colon + 1);
  if (softText === '' && hardText === '') throw new Error(`':' alone sets nothing; give soft:hard, soft: or :hard`);
  const soft = softText === '' ? 'keep' : parsePart(softText, 'soft limit');
  const hard = hardText === '' ? 'keep' : parsePart(hardText, 'hard limit');
  if (isExplicit(soft) && isExplicit(hard) && rank(soft) > rank(hard)) {
    throw new Error(`soft limit ${show(soft)} exceeds hard limit ${show(hard)}`);
  }
  return { soft, hard };
}

/** True when soft does not exceed hard, unlimited ranking above every number. */
export function softWithinHard(soft: bigint | 'unlimited', hard: bigint | 'unlimited'): boolean {
  return rank(soft) <= rank(hard);
}

function parsePart(text: string, what: string): bigint | 'unlimited' {
  const lower = text.toLowerCase();
  if (lower === 'unlimited' || lower === 'infinity' || text === '-1') return 'unlimited';
  if (!/^[0-9]+$/.test(text)) throw new Error(`${what} '${text}' is not a number, 'unlimited' or -1`);
  const value = BigInt(text);
  if (value > MAX_FINITE) throw new Error(`${what} ${text} is larger than the largest limit, ${MAX_FINITE}`);
  return value;
}

function isExplicit(part: LimitPart): part is bigint | 'unlimited' {
  return part !== 'keep';
}

function rank(part: bigint | 'unlimited'): bigint {
  return part === 'unlimited' ? MAX_FINITE + 2n : part;
}

function show(part: bigint | 'unlimited'): string {
  return typeof part === 'bigint' ? part.toString() : part;
}
