// The procfs I/O seam: the one place the Linux backend reads files. Reads land
// in one reused buffer and are parsed in place, so a call allocates almost
// nothing; callers must finish with a view before the next read.
import { closeSync, openSync, readSync } from 'node:fs';

let buffer = Buffer.allocUnsafe(16 * 1024);

/** Counts file opens, so tests can prove each source is read once per call. */
export const procfsCounters = { opens: 0 };

/**
 * Reads a whole procfs file. The kernel builds status, stat and limits in one
 * pass (seq_file), so one read that does not fill the buffer is a consistent
 * snapshot; a file that fills it is read again into a larger buffer rather
 * than stitched from two generations.
 */
export function readProcFile(path: string): Buffer {
  for (;;) {
    procfsCounters.opens++;
    const fd = openSync(path, 'r');
    let len = 0;
    try {
      for (;;) {
        const n = readSync(fd, buffer, len, buffer.length - len, null);
        if (n === 0) break;
        len += n;
        if (len === buffer.length) break;
      }
    } finally {
      closeSync(fd);
    }
    if (len < buffer.length) return buffer.subarray(0, len);
    buffer = Buffer.allocUnsafe(buffer.length * 2);
  }
}
