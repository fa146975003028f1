// The one internal shape of a raw OS failure, before translation. Backends throw
// it (or let Node's own fs errors through); only errno.ts turns it into a public
// error, so the mapping lives in one place.
import { constants as osConstants } from 'node:os';

const NAMES = new Map<number, string>();
for (const [name, value] of Object.entries(osConstants.errno)) {
  // Aliases (EWOULDBLOCK = EAGAIN, ENOTSUP = EOPNOTSUPP) keep the first name seen.
  if (!NAMES.has(value)) NAMES.set(value, name);
}
// Linux defines ENOTSUP and EOPNOTSUPP as the same number; ENOTSUP is the documented code.
if (osConstants.errno.ENOTSUP !== undefined) NAMES.set(osConstants.errno.ENOTSUP, 'ENOTSUP');

export interface OsErrorDetails {
  /** The file the failing operation was on. */
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

  /** From a positive errno value as a C function leaves it. */
  static fromErrno(errno: number, syscall: string, details?: OsErrorDetails): OsError {
    return new OsError(errnoName(errno), syscall, details);
  }
}

// The symbolic code ('ESRCH') of a positive errno value.
function errnoName(errno: number): string {
  return NAMES.get(errno) ?? `Unknown system error ${errno}`;
}

/** The errno code of anything a backend may throw: our OsError or Node's fs errors. */
export function errorCode(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const code = err.code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}
