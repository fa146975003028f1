// The documented argument contract, written out independently of src/validate.ts
// and src/limits.ts: what each argument value must give (a TypeError, a
// RangeError, NoSuchProcess, or a usable value). The property tests compare the
// library against it for generated values.

/** What the contract says a call must do. */
export type Verdict =
  { kind: 'TypeError' } | { kind: 'RangeError' } | { kind: 'NoSuchProcess' } | { kind: 'callerThrew' } | { kind: 'ok' };

export const TYPE: Verdict = { kind: 'TypeError' };
export const RANGE: Verdict = { kind: 'RangeError' };
export const GONE: Verdict = { kind: 'NoSuchProcess' };
export const OK: Verdict = { kind: 'ok' };

/** The largest PID the Linux backend accepts (PID_MAX_LIMIT on 64-bit kernels). */
export const MAX_PID = 4 * 1024 * 1024;
/** RLIM_INFINITY as the kernel's unsigned 64-bit value. */
export const INF = (1n << 64n) - 1n;

const RESOURCE_NAMES = [
  'CPU',
  'FSIZE',
  'DATA',
  'STACK',
  'CORE',
  'RSS',
  'NPROC',
  'NOFILE',
  'MEMLOCK',
  'AS',
  'LOCKS',
  'SIGPENDING',
  'MSGQUEUE',
  'NICE',
  'RTPRIO',
  'RTTIME',
];

/** A target the model resolved: its PID and, for plain objects, their isRunning. */
export interface ModelProc {
  pid: number;
  isRunning: (() => unknown) | undefined;
}

/**
 * `proc` per the contract: a primitive integer, or an object (not a function)
 * whose readable `pid` is a primitive integer and whose `isRunning`, if any, is
 * a function. `handles` are real Process objects, resolved by their own PID.
 */
export function modelProc(proc: unknown, handles: ReadonlyMap<object, number>): ModelProc | Verdict {
  if (typeof proc === 'number') return Number.isInteger(proc) ? { pid: proc, isRunning: undefined } : TYPE;
  if (typeof proc !== 'object' || proc === null) return TYPE;
  const handlePid = handles.get(proc);
  if (handlePid !== undefined) return { pid: handlePid, isRunning: undefined };
  let pid: unknown;
  let isRunning: unknown;
  try {
    pid = (proc as { pid?: unknown }).pid;
    isRunning = (proc as { isRunning?: unknown }).isRunning;
  } catch {
    return TYPE;
  }
  if (typeof pid !== 'number' || !Number.isInteger(pid)) return TYPE;
  if (isRunning !== undefined && typeof isRunning !== 'function') return TYPE;
  return { pid, isRunning: isRunning as (() => unknown) | undefined };
}

/** A resource per the contract: its RLIMIT_* number, or the error. */
export function modelResource(resource: unknown): number | Verdict {
  if (typeof resource === 'number') {
    if (!Number.isInteger(resource)) return TYPE;
    return resource >= 0 && resource < RESOURCE_NAMES.length ? resource + 0 : RANGE;
  }
  if (typeof resource !== 'string') return TYPE;
  const upper = resource.toUpperCase();
  const bare = upper.startsWith('RLIMIT_') ? upper.slice(7) : upper;
  const index = RESOURCE_NAMES.indexOf(bare);
  return index < 0 ? RANGE : index;
}

/** An options argument: undefined or a non-array object whose fields can be read. */
export function modelOptions(options: unknown, field: string): { value: unknown } | Verdict {
  if (options === undefined) return { value: undefined };
  let array: boolean;
  try {
    array = Array.isArray(options);
  } catch {
    array = false;
  }
  if (typeof options !== 'object' || options === null || array) return TYPE;
  try {
    return { value: (options as Record<string, unknown>)[field] };
  } catch {
    return TYPE;
  }
}

/** options.bigint: undefined or a boolean. */
export function modelBigint(options: unknown): boolean | Verdict {
  const opt = modelOptions(options, 'bigint');
  if ('kind' in opt) return opt;
  if (opt.value === undefined) return false;
  return typeof opt.value === 'boolean' ? opt.value : TYPE;
}

function modelLimit(value: unknown): bigint | Verdict {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return RANGE;
    if (value === Infinity || value < 0) return INF;
    if (!Number.isInteger(value)) return RANGE;
    const big = BigInt(value);
    return big > INF - 1n ? RANGE : big;
  }
  if (typeof value === 'bigint') {
    if (value < 0n || value === INF) return INF;
    return value > INF - 1n ? RANGE : value;
  }
  return TYPE;
}

/** newLimits for a set: a readable two-element array of valid limits, soft <= hard. */
export function modelLimits(newLimits: unknown): [bigint, bigint] | Verdict {
  let items: unknown[];
  try {
    if (!Array.isArray(newLimits)) return TYPE;
    items = Array.from(newLimits as unknown[]);
  } catch {
    return TYPE;
  }
  if (items.length !== 2) return TYPE;
  const soft = modelLimit(items[0]);
  if (typeof soft !== 'bigint') return soft;
  const hard = modelLimit(items[1]);
  if (typeof hard !== 'bigint') return hard;
  return soft > hard ? RANGE : [soft, hard];
}

/** options.attrs and options.adValue of procAsDict: the attributes asked for. */
export function modelAsDictOptions(options: unknown): string[] | Verdict {
  const opt = modelOptions(options, 'attrs');
  if ('kind' in opt) return opt;
  let attrs: string[];
  if (opt.value === undefined) {
    attrs = ['umask', 'groups', 'sigmasks', 'pgid', 'sid'];
  } else {
    let items: unknown[];
    try {
      if (!Array.isArray(opt.value)) return TYPE;
      items = Array.from(opt.value as unknown[]);
    } catch {
      return TYPE;
    }
    attrs = [];
    for (const item of items) {
      if (typeof item !== 'string') return TYPE;
      if (!['umask', 'groups', 'sigmasks', 'pgid', 'sid'].includes(item)) return RANGE;
      if (!attrs.includes(item)) attrs.push(item);
    }
  }
  try {
    if (options !== undefined && Object.hasOwn(options as object, 'adValue')) {
      void (options as { adValue?: unknown }).adValue;
    }
  } catch {
    return TYPE;
  }
  return attrs;
}

/** Whether a value is a verdict rather than a resolved argument. */
export function isVerdict(value: unknown): value is Verdict {
  return typeof value === 'object' && value !== null && 'kind' in value;
}
