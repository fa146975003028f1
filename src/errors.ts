// The public error classes. Shapes follow Node core: `code` never changes once
// published, `errno` is negative like libuv's, `syscall` names the failing call,
// and the underlying OS error is kept as `cause`.
import { constants as osConstants } from 'node:os';
import { getSystemErrorMap, inspect } from 'node:util';

/** Base class of every error this library defines itself. */
export class PsutilError extends Error {
  override name = 'PsutilError';
}

/** The process does not exist (or no longer exists). `code` is `'ESRCH'`. */
export class NoSuchProcess extends PsutilError {
  override name = 'NoSuchProcess';
  readonly code = 'ESRCH' as const;
  readonly errno: number = -(osConstants.errno.ESRCH ?? 3);
  readonly syscall: string | undefined;
  readonly pid: number;

  constructor(pid: number, message?: string, options?: { cause?: unknown; syscall?: string }) {
    super(message ?? `process no longer exists (pid=${pid})`, optionsFor(options));
    this.pid = pid;
    this.syscall = options?.syscall;
  }
}

/** The process exists but has exited and not been reaped: most of its state is gone. */
export class ZombieProcess extends NoSuchProcess {
  override name = 'ZombieProcess';

  constructor(pid: number, options?: { cause?: unknown; syscall?: string }) {
    super(pid, `process still exists but it's a zombie (pid=${pid})`, options);
  }
}

/** The kernel refused the operation. `code` is `'EPERM'` or `'EACCES'`. */
export class AccessDenied extends PsutilError {
  override name = 'AccessDenied';
  readonly code: 'EPERM' | 'EACCES';
  readonly errno: number;
  readonly syscall: string | undefined;
  readonly pid: number;

  constructor(
    pid: number,
    code: 'EPERM' | 'EACCES' = 'EPERM',
    options?: { cause?: unknown; syscall?: string; reason?: string },
  ) {
    super(`access denied (pid=${pid})${options?.reason ? `: ${options.reason}` : ''}`, optionsFor(options));
    this.pid = pid;
    this.code = code;
    this.errno = -(osConstants.errno[code] ?? (code === 'EPERM' ? 1 : 13));
    this.syscall = options?.syscall;
  }
}

/** An OS failure that is neither "gone" nor "refused", shaped like Node's fs errors. */
export interface SystemError extends Error {
  code: string;
  errno: number;
  syscall: string;
  path?: string;
}

/** Builds a Node-shaped system error from an errno code such as `'EINVAL'`. */
export function systemError(
  code: string,
  syscall: string,
  options?: { path?: string; detail?: string; cause?: unknown },
): SystemError {
  const errno = errnoNumber(code);
  const description =
    OWN_DESCRIPTIONS[code] ?? (errno === undefined ? undefined : getSystemErrorMap().get(-errno)?.[1]);
  let message = `${code}: ${description ?? 'system error'}, ${syscall}`;
  if (options?.path !== undefined) message += ` '${options.path}'`;
  if (options?.detail !== undefined) message += ` (${options.detail})`;
  const err = new Error(message, optionsFor(options)) as SystemError;
  err.code = code;
  err.errno = errno === undefined ? 0 : -errno;
  err.syscall = syscall;
  if (options?.path !== undefined) err.path = options.path;
  return err;
}

// Descriptions this library gives itself: codes libuv's table lacks, and
// ENOTSUP, which libuv describes as "operation not supported on socket"
// (its EOPNOTSUPP text; Linux gives both codes one number). strerror(3) wording.
const OWN_DESCRIPTIONS: Readonly<Record<string, string>> = {
  EBADMSG: 'bad message',
  ENOTSUP: 'operation not supported',
};

/**
 * The ENOTSUP error of every unsupported function: naming the function and
 * the platform, and why when there is more to say than "not on this OS".
 */
export function notSupported(fn: string, platform: string, reason?: string, cause?: unknown): SystemError {
  return systemError('ENOTSUP', fn, {
    detail: reason ?? `${fn}() is not available on ${platform}`,
    ...(cause === undefined ? {} : { cause }),
  });
}

/** The positive errno number of a code on this platform, if the platform defines it. */
export function errnoNumber(code: string): number | undefined {
  const table = osConstants.errno as Record<string, number | undefined>;
  return table[code];
}

function optionsFor(options?: { cause?: unknown }): ErrorOptions | undefined {
  return options && 'cause' in options && options.cause !== undefined ? { cause: options.cause } : undefined;
}

// ---- Argument and state errors, in Node core's codes and message shapes ----

export interface CodedError extends Error {
  code: string;
}

/** A TypeError with Node's ERR_INVALID_ARG_TYPE code and message shape. */
export function invalidArgType(name: string, expected: string, actual: unknown, cause?: unknown): CodedError {
  const err = new TypeError(
    `The "${name}" argument must be ${expected}. ${describeReceived(actual)}`,
    cause === undefined ? undefined : { cause },
  ) as TypeError & CodedError;
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

/** The TypeError for an argument whose getter or Proxy trap threw; the thrown value is the cause. */
export function unreadable(name: string, cause: unknown): CodedError {
  const err = new TypeError(`The "${name}" argument could not be read: a getter or Proxy trap threw`, {
    cause,
  }) as TypeError & CodedError;
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

/** A RangeError with Node's ERR_OUT_OF_RANGE code, or a custom message. */
export function outOfRange(message: string): CodedError {
  const err = new RangeError(message) as RangeError & CodedError;
  err.code = 'ERR_OUT_OF_RANGE';
  return err;
}

/** Node's "Received ..." suffix, so messages read like core's. */
export function describeReceived(value: unknown): string {
  if (value === null || value === undefined) return `Received ${String(value)}`;
  if (typeof value === 'function') return `Received function ${value.name || '<anonymous>'}`;
  if (typeof value === 'object') {
    const name = constructorName(value);
    if (name !== undefined) return `Received an instance of ${name}`;
    return `Received ${inspect(value, { depth: -1 })}`;
  }
  let shown = inspect(value, { colors: false });
  if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
  return `Received type ${typeof value} (${shown})`;
}

// The constructor's name, or undefined when there is none or reading it throws
// (a hostile Proxy must still get its TypeError, not the trap's exception).
function constructorName(value: object): string | undefined {
  try {
    const ctor = (value as { constructor?: { name?: unknown } }).constructor;
    return ctor !== undefined && typeof ctor.name === 'string' && ctor.name !== '' ? ctor.name : undefined;
  } catch {
    return undefined;
  }
}

/** Node's ERR_INVALID_STATE: an operation on something that can no longer do it (a closed handle). */
export function invalidState(message: string): CodedError {
  const err = new Error(`Invalid state: ${message}`) as Error & CodedError;
  err.code = 'ERR_INVALID_STATE';
  return err;
}
