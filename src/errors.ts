// The public error classes. Shapes follow Node core: `code` never changes once
// published, `errno` is negative like libuv's, `syscall` names the failing call,
// and the underlying OS error is kept as `cause`.
import { constants as osConstants } from 'node:os';
import { getSystemErrorMap } from 'node:util';

/** Base class of every error this library defines itself. */
export class PsutilError extends Error {
  override name = 'PsutilError';
}

/** The process does not exist (or no longer exists). `code` is `'ESRCH'`. */
export class NoSuchProcess extends PsutilError {
  override name = 'NoSuchProcess';
  readonly code: string = 'ESRCH';
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

/** The ENOTSUP error every unsupported function throws, naming the function and platform. */
export function notSupported(fn: string, platform: string, reason?: string): SystemError {
  return systemError('ENOTSUP', fn, {
    detail: reason ?? `${fn}() is not available on ${platform}`,
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
