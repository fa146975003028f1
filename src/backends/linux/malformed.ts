// Procfs text that does not have the kernel's documented shape is never
// guessed at: it becomes an EBADMSG system error naming the file and field.
import { OsError } from '../../os-error.js';

export function malformed(file: string, field: string): OsError {
  return new OsError('EBADMSG', 'read', { path: file, detail: `unexpected format of ${field}` });
}
