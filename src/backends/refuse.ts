// The ENOTSUP a backend throws for an operation its kernel does not offer. The
// facade checks availability first, so a backend reaches this only if the table
// and the backend disagree; it still names the function and the platform.
import { OsError } from '../os-error.js';

export function refuse(fn: string, platform: string): never {
  throw new OsError('ENOTSUP', fn, { detail: `${fn}() is not available on ${platform}` });
}
