// A pure parser for the records getdents64(2) returns, as struct
// linux_dirent64 (include/linux/dirent.h):
//   u64 d_ino; s64 d_off; unsigned short d_reclen; unsigned char d_type;
//   char d_name[];   NUL-terminated, the record padded to 8 bytes
// in native byte order, the same layout on every architecture. Only the
// PID entries of a procfs root are kept: directories named by a decimal in
// the kernel's form. Names are read as digits in place; no string is made.
import { malformed } from '../../failures.js';

const RECLEN_AT = 16;
const TYPE_AT = 18;
const NAME_AT = 19;
/** DT_DIR (include/linux/fs_types.h): proc_pid_readdir() gives every PID entry this type. */
const DT_DIR = 4;
/** PID_MAX_LIMIT (include/linux/threads.h) has 7 digits. */
const MAX_PID_DIGITS = 7;
const ZERO = 48;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Appends the PIDs named by the records in buf[0, len) to `into`, in the
 * order the kernel gave them. A record that does not fit, or one shorter
 * than its own fixed part, is EBADMSG: the buffer was not getdents64's.
 */
export function pidsFromDirents(buf: Buffer, len: number, into: number[]): void {
  for (let at = 0; at < len;) {
    if (at + NAME_AT >= len) throw malformed('/proc', 'directory entry');
    const reclen = LITTLE_ENDIAN ? buf.readUInt16LE(at + RECLEN_AT) : buf.readUInt16BE(at + RECLEN_AT);
    if (reclen <= NAME_AT || at + reclen > len) throw malformed('/proc', 'directory entry');
    if (buf[at + TYPE_AT] === DT_DIR) {
      const pid = pidName(buf, at + NAME_AT, at + reclen);
      if (pid > 0) into.push(pid);
    }
    at += reclen;
  }
}

// The decimal name at `from` (NUL-terminated before `to`): its value, or 0
// for any other name (".", "..", "self", "sys", a leading zero, too long).
function pidName(buf: Buffer, from: number, to: number): number {
  if (buf[from] === ZERO) return 0;
  let value = 0;
  let i = from;
  for (; i < to && i - from <= MAX_PID_DIGITS; i++) {
    const c = buf[i]!;
    if (c === 0) break;
    const d = c - ZERO;
    if (d < 0 || d > 9) return 0;
    value = value * 10 + d;
  }
  if (i === to || buf[i] !== 0 || i - from > MAX_PID_DIGITS) return 0;
  return value;
}
