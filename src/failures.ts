// Every failure a backend raises is built here, in one internal shape
// (OsError: an errno code, the call that failed, and what is known about the
// file and the process). Nothing below the facade builds a public error: the
// facade hands each OsError to public-error.ts, the one place that turns it
// into NoSuchProcess, ZombieProcess, AccessDenied or a Node-shaped system
// error. The builders mirror the questions that translation asks:
//   gone         the PID names no process (ESRCH, state known)
//   zombie       the process has exited and waits to be reaped
//   hidden       the process exists but the kernel does not show it to us
//   malformed    kernel text or a record does not have its documented shape
//                (malformedRecord for what a system call filled in)
//   unsupported  the kernel here cannot serve the function, and why
//   fromErrno    any other failed call, by the errno it left
//   failed       any other failure, by its errno code, with why
import { constants as osConstants } from 'node:os';

const NAMES = new Map<number, string>();
for (const [name, value] of Object.entries(osConstants.errno)) {
  // Aliases (EWOULDBLOCK = EAGAIN, ENOTSUP = EOPNOTSUPP) keep the first name seen.
  if (!NAMES.has(value)) NAMES.set(value, name);
}
// Linux defines ENOTSUP and EOPNOTSUPP as the same number; ENOTSUP is the documented code.
if (osConstants.errno.ENOTSUP !== undefined) NAMES.set(osConstants.errno.ENOTSUP, 'ENOTSUP');

export interface OsErrorDetails {
  /**
   * The file the failing operation was on: an absolute path, or a name
   * relative to the process's procfs directory ('status'), which
   * translation completes with the root and PID the call was for.
   */
  path?: string;
  /** Why, in words, when the code alone does not say it. */
  detail?: string;
  /** What the backend already knows of the process, so translation need not ask. */
  state?: 'zombie' | 'gone';
}

/** A failed system call or file operation with its errno code. */
export class OsError extends Error {
  readonly code: string;
  readonly syscall: string;
  readonly path: string | undefined;
  readonly detail: string | undefined;
  readonly state: 'zombie' | 'gone' | undefined;

  constructor(code: string, syscall: string, details: OsErrorDetails = {}) {
    super(`${code}, ${syscall}${details.path === undefined ? '' : ` '${details.path}'`}`);
    this.code = code;
    this.syscall = syscall;
    this.path = details.path;
    this.detail = details.detail;
    this.state = details.state;
  }
}

/** A call that failed with a positive errno value, as a C function leaves it. */
export function fromErrno(errno: number, syscall: string, details?: OsErrorDetails): OsError {
  return new OsError(NAMES.get(errno) ?? `Unknown system error ${errno}`, syscall, details);
}

/** Any other failure: an errno code that says what kind, and why in words. */
export function failed(code: string, syscall: string, why: string): OsError {
  return new OsError(code, syscall, { detail: why });
}

/** The PID names no process, or no longer the held one. */
export function gone(syscall: string, path?: string): OsError {
  return new OsError('ESRCH', syscall, path === undefined ? { state: 'gone' } : { state: 'gone', path });
}

/** The process has exited and not been reaped: what was asked no longer exists. */
export function zombie(syscall: string, path?: string): OsError {
  return new OsError('ESRCH', syscall, path === undefined ? { state: 'zombie' } : { state: 'zombie', path });
}

/** The process exists but the kernel does not show it to the caller (a jail, kauth, hidepid). */
export function hidden(syscall: string, reason: string): OsError {
  return new OsError('EPERM', syscall, { detail: reason });
}

/**
 * Text that does not have the documented shape is never guessed at: EBADMSG
 * naming the file (see OsErrorDetails.path) and the field that was wrong.
 */
export function malformed(file: string, field: string, why?: string): OsError {
  return new OsError('EBADMSG', 'read', { path: file, detail: unexpected(field, why) });
}

/** The same for a record a system call filled in (a sysctl's kinfo_proc): the call and the record's name. */
export function malformedRecord(syscall: string, record: string, why: string): OsError {
  return new OsError('EBADMSG', syscall, { detail: unexpected(record, why) });
}

function unexpected(what: string, why: string | undefined): string {
  return `unexpected format of ${what}${why === undefined ? '' : `: ${why}`}`;
}

/**
 * The kernel here cannot serve `fn` for this process at the moment, for a
 * reason the caller can act on (procfs not mounted, koffi not built for this
 * OS, a procfs tree of another PID namespace). Functions a platform never
 * serves are not built here: its backend simply lacks them.
 */
export function unsupported(fn: string, reason: string): OsError {
  return new OsError('ENOTSUP', fn, { detail: reason });
}

/**
 * The errno code of anything a backend may throw: an OsError or the runtime's
 * fs errors. Deno's node:fs gives an error no `code` for an errno it has no
 * name for (ESRCH among them: "No such process (os error 3)"), so the number
 * in its message is named here, from the same table Node's codes come from.
 */
export function errorCode(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const code = err.code;
    if (typeof code === 'string') return code;
  }
  if (err instanceof Error) {
    const raw = /\(os error (\d+)\)/.exec(err.message);
    if (raw !== null) return errnoName(Number(raw[1]));
  }
  return undefined;
}

let errnoNames: Map<number, string> | undefined;

function errnoName(errno: number): string | undefined {
  if (errnoNames === undefined) {
    errnoNames = new Map();
    // The first name of a number (EAGAIN before EWOULDBLOCK), as strerror's.
    for (const [name, value] of Object.entries(osConstants.errno))
      if (!errnoNames.has(value)) errnoNames.set(value, name);
  }
  return errnoNames.get(errno);
}
