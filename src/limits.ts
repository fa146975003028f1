// Resource names and limit values: the pure conversions between what callers
// write and the kernel's unsigned 64-bit rlim_t (getrlimit(2), prlimit(2)).
import { invalidArgType, outOfRange, unreadable } from './errors.js';
import { isArray } from './validate.js';

/** A resource's limits as callers see them: numbers with Infinity for unlimited. */
export type Limits = [soft: number, hard: number];
/** Exact limits: the kernel's own rlim_t values, RLIM_INFINITY included. */
export type BigLimits = [soft: bigint, hard: bigint];
/** What a setter accepts per value: a number, a bigint, Infinity or any negative for unlimited. */
export type LimitValue = number | bigint;

/**
 * Every resource some supported platform has, as its header names it without
 * `RLIMIT_`. A platform has only some of them (`constants` lists this one's);
 * another is `RangeError: invalid resource specified` at run time.
 */
export type ResourceBaseName =
  | 'AS'
  | 'CORE'
  | 'CPU'
  | 'DATA'
  | 'FSIZE'
  | 'KQUEUES'
  | 'LOCKS'
  | 'MEMLOCK'
  | 'MSGQUEUE'
  | 'NICE'
  | 'NOFILE'
  | 'NPROC'
  | 'NPTS'
  | 'NTHR'
  | 'PIPEBUF'
  | 'POSIXLOCKS'
  | 'RSS'
  | 'RTPRIO'
  | 'RTTIME'
  | 'SBSIZE'
  | 'SIGPENDING'
  | 'STACK'
  | 'SWAP'
  | 'UMTXP'
  | 'VMEM';

/** A resource name in any spelling the functions accept: 'nofile', 'NOFILE', 'RLIMIT_NOFILE', 'rlimit_nofile'. */
export type ResourceName =
  | Lowercase<ResourceBaseName>
  | ResourceBaseName
  | `RLIMIT_${ResourceBaseName}`
  | `rlimit_${Lowercase<ResourceBaseName>}`;

/**
 * What the limit functions take as `resource`: a number, a known name, or a
 * value typed only as `string` (a name read at run time, checked then).
 */
export type ResourceInput = Resource | (string & {});

/**
 * The check applied to a `resource` argument: a string literal must be a known
 * spelling ('nofiel' is a type error, with the names offered as completions);
 * a number, or a value typed only as `string`, passes and is checked at run time.
 */
export type CheckedResource<R> = R extends number
  ? R
  : string extends R
    ? R
    : R extends ResourceName
      ? R
      : ResourceName;

/** A resource: this platform's RLIMIT_* number (`constants.RLIMIT_NOFILE`), or a name such as 'nofile' or 'RLIMIT_NOFILE'. */
export type Resource = number | ResourceName;

const MAX_RLIM = (1n << 64n) - 1n;

/**
 * What a setter is handed once the facade has validated a pair: safe
 * integers with Infinity for unlimited when a double holds both exactly (no
 * BigInt needs building), else exact rlim_t values. Both are in order.
 */
export type NewLimits = Limits | BigLimits;

/**
 * Resolves a resource given as this platform's RLIMIT_* number or as a name
 * ('nofile', 'NOFILE', 'RLIMIT_NOFILE') to its number.
 */
export function resolveResource(resource: unknown, table: Readonly<Record<string, number>>): number {
  // The last name or number resolved, for the same table: a program asks
  // about one or two resources over and over, and a Map lookup of a string
  // costs more than the rest of a limit call's own work.
  if (resource === lastResource && table === lastTable) return lastNumber;
  const number = lookUp(resource, table);
  lastResource = resource;
  lastTable = table;
  lastNumber = number;
  return number;
}

let lastResource: unknown;
let lastTable: object | undefined;
let lastNumber = -1;

function lookUp(resource: unknown, table: Readonly<Record<string, number>>): number {
  const index = indexOf(table);
  if (typeof resource === 'number') {
    if (!Number.isInteger(resource)) throw invalidArgType('resource', 'an integer or a resource name', resource);
    if (index.numbers.has(resource)) return resource;
    throw outOfRange('invalid resource specified');
  }
  if (typeof resource === 'string') {
    const known = index.spellings.get(resource);
    if (known !== undefined) return known;
    let key = resource.toUpperCase();
    if (!key.startsWith('RLIMIT_')) key = `RLIMIT_${key}`;
    const value = Object.hasOwn(table, key) ? table[key] : undefined;
    if (value === undefined) throw outOfRange('invalid resource specified');
    return value;
  }
  throw invalidArgType('resource', 'of type number or string', resource);
}

/** [short lowercase name ('nofile'), number] of each resource of a platform's table, in its order. */
export function resourceEntries(table: Readonly<Record<string, number>>): readonly (readonly [string, number])[] {
  return indexOf(table).entries;
}

interface TableIndex {
  readonly numbers: ReadonlySet<number>;
  /** [short lowercase name ('nofile'), number] of each resource, in the table's order. */
  readonly entries: readonly (readonly [string, number])[];
  /** 'RLIMIT_NOFILE', 'NOFILE', 'rlimit_nofile', 'nofile': what callers write, found without case folding. */
  readonly spellings: ReadonlyMap<string, number>;
}

// Built once per table: a resource is resolved on every limit call.
const indexes = new WeakMap<object, TableIndex>();

function indexOf(table: Readonly<Record<string, number>>): TableIndex {
  let index = indexes.get(table);
  if (index === undefined) {
    const spellings = new Map<string, number>();
    const entries: (readonly [string, number])[] = [];
    for (const [key, value] of Object.entries(table)) {
      const bare = key.startsWith('RLIMIT_') ? key.slice(7) : key;
      for (const name of [key, bare, key.toLowerCase(), bare.toLowerCase()]) spellings.set(name, value);
      entries.push([bare.toLowerCase(), value]);
    }
    index = { numbers: new Set(Object.values(table)), entries, spellings };
    indexes.set(table, index);
  }
  return index;
}

/**
 * A copy of the `[soft, hard]` argument: its length and each element read
 * once, by index (a Proxy or getter cannot answer twice). TypeError unless it
 * is an array of two, or when reading it throws.
 */
export function readLimitPair(newLimits: unknown): readonly unknown[] {
  if (isArray(newLimits)) {
    let pair: unknown[] | undefined;
    try {
      if (newLimits.length === 2) pair = [newLimits[0], newLimits[1]];
    } catch (cause) {
      throw unreadable('newLimits', cause);
    }
    if (pair !== undefined) return pair;
  }
  throw invalidArgType('newLimits', 'an array of two limits [soft, hard]', newLimits);
}

/**
 * Turns a pair readLimitPair() has read into exact rlim_t values. Unlimited
 * (Infinity, any negative number or bigint, or the platform's RLIM_INFINITY)
 * is normalised first, so `[1024, Infinity]` compares correctly. Nothing wraps:
 * fractions, NaN and values past the platform's range are RangeErrors.
 */
export function normalizePair(pair: readonly unknown[], rlimInfinity: bigint): BigLimits {
  const soft = toRlim(pair[0], 'newLimits[0]', rlimInfinity);
  const hard = toRlim(pair[1], 'newLimits[1]', rlimInfinity);
  if (rank(soft, rlimInfinity) > rank(hard, rlimInfinity)) throw outOfRange('current limit exceeds maximum limit');
  return [soft, hard];
}

/**
 * The pair as numbers when a double holds both exactly and they are in order:
 * safe integers, and unlimited (Infinity or negative) as Infinity. Undefined
 * for anything else (bigints, values past 2**53, fractions, NaN, soft above
 * hard), which normalizePair() then takes, errors included. Every platform's
 * RLIM_INFINITY lies above 2**53, so a safe integer is always a finite limit.
 * A pair that needs no change is returned itself: pass readLimitPair()'s copy,
 * never the caller's array.
 */
export function exactNumberLimits(pair: readonly unknown[]): Limits | undefined {
  const a = pair[0];
  const b = pair[1];
  if (typeof a !== 'number' || typeof b !== 'number') return undefined;
  const soft = exactLimit(a);
  const hard = exactLimit(b);
  // NaN (not exact) fails the comparison, as does soft above hard.
  if (!(soft <= hard)) return undefined;
  return soft === a && hard === b ? (pair as Limits) : [soft, hard];
}

// A number as an exact limit, or NaN. Numbers in and out only, so that the
// call inlines without boxing.
function exactLimit(value: number): number {
  if (value === Infinity || value < 0) return Infinity;
  return Number.isSafeInteger(value) ? value : NaN;
}

function toRlim(value: unknown, name: string, rlimInfinity: bigint): bigint {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) throw outOfRange(`The value of "${name}" is out of range. Received NaN`);
    if (value === Infinity || value < 0) return rlimInfinity;
    if (!Number.isInteger(value)) {
      throw outOfRange(`The value of "${name}" is out of range. It must be an integer. Received ${value}`);
    }
    return checkFinite(BigInt(value), name, rlimInfinity);
  }
  if (typeof value === 'bigint') {
    if (value < 0n || value === rlimInfinity) return rlimInfinity;
    return checkFinite(value, name, rlimInfinity);
  }
  throw invalidArgType(name, 'of type number or bigint', value);
}

// Finite limits must stay below the platform's RLIM_INFINITY and its special
// values (illumos reserves the top three), and inside 64 bits.
function checkFinite(value: bigint, name: string, rlimInfinity: bigint): bigint {
  if (value < rlimInfinity && value < MAX_RLIM) return value;
  const max = rlimInfinity < MAX_RLIM ? rlimInfinity - 1n : MAX_RLIM - 1n;
  if (value > max) {
    throw outOfRange(`The value of "${name}" is out of range. It must be <= ${max}. Received ${value}`);
  }
  return value;
}

// Unlimited sorts above every finite value even where RLIM_INFINITY is not the
// largest rlim_t.
function rank(value: bigint, rlimInfinity: bigint): bigint {
  return value === rlimInfinity ? MAX_RLIM + 1n : value;
}

/** Converts kernel values to the number form (Infinity for unlimited). */
export function toNumberLimits(limits: BigLimits, rlimInfinity: bigint): Limits {
  return [toNumber(limits[0], rlimInfinity), toNumber(limits[1], rlimInfinity)];
}

/** Kernel values in the form a caller asked for. */
export function limitsAs(limits: BigLimits, rlimInfinity: bigint, bigint: boolean): Limits | BigLimits {
  return bigint ? limits : toNumberLimits(limits, rlimInfinity);
}

/** A validated pair as exact rlim_t values, for a backend that writes bigints. */
export function exactLimits(limits: NewLimits, rlimInfinity: bigint): BigLimits {
  const [soft, hard] = limits;
  if (typeof soft === 'bigint' && typeof hard === 'bigint') return [soft, hard];
  const exact = (v: number | bigint): bigint => (v === Infinity ? rlimInfinity : BigInt(v));
  return [exact(soft), exact(hard)];
}

// Values above 2**53 round to the nearest double, as fs.statSync does for
// sizes; { bigint: true } gives them exactly.
function toNumber(value: bigint, rlimInfinity: bigint): number {
  return value === rlimInfinity ? Infinity : finiteNumber(Number(value));
}

/** The largest double below 2**64: 2**64 - 2048. */
const MAX_NUMBER_LIMIT = 18446744073709549568;

/**
 * A finite limit in number form. The largest finite values (2**64 - 1024 and
 * up) round to 2**64, which is past the range and cannot be written back;
 * they read as the largest double below it instead, so every limit read can
 * be passed to a setter as it is.
 */
export function finiteNumber(rounded: number): number {
  return rounded >= 2 ** 64 ? MAX_NUMBER_LIMIT : rounded;
}
