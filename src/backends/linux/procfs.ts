// The procfs I/O seam: the one place the Linux backend reads files. Reads land
// in one reused buffer and are parsed in place, so a call allocates almost
// nothing; callers must finish with a view before the next read.
//
// open(2)/read(2)/close(2) go through the koffi-bound libc once koffi is loaded:
// that costs about what the C calls cost, while fs.openSync/readSync/closeSync
// add about a microsecond per file (issue 4). Reading a file never loads koffi
// itself (importing the package and reading procfs must not touch native
// code), so until some system call has needed it, node:fs does the same work.
import { closeSync, openSync, readSync } from 'node:fs';
import { FfiUnavailable, koffiLoaded } from '../../ffi/koffi.js';
import { OsError } from '../../os-error.js';
import { type LinuxLibc, O_RDONLY_CLOEXEC, linuxLibc } from './libc.js';

let buffer = Buffer.allocUnsafe(16 * 1024);
// The end-of-file probe: a read after the first normally returns 0 bytes.
const probe = Buffer.allocUnsafe(4096);

// Who keeps a view of the last read past the call (a oneshot's cached file),
// and must be told before the next read overwrites it.
let borrower: (() => void) | undefined;

/**
 * Keeps the view the last read returned valid: `beforeOverwrite` runs before
 * the next read reuses the buffer (to copy what it still needs). A oneshot
 * that reads one file and nothing after it then never copies at all.
 */
export function borrowLastRead(beforeOverwrite: () => void): void {
  reclaim();
  borrower = beforeOverwrite;
}

function reclaim(): void {
  const b = borrower;
  if (b === undefined) return;
  borrower = undefined;
  b();
}

/** Counts file opens, so tests can prove each source is read once per call. */
export const procfsCounters = { opens: 0 };

const EINTR = 4;

let libc: LinuxLibc | null | undefined;

function boundLibc(): LinuxLibc | null {
  if (libc === undefined) {
    if (!koffiLoaded()) return null;
    try {
      libc = linuxLibc();
    } catch (err) {
      if (!(err instanceof FfiUnavailable)) throw err;
      libc = null;
    }
  }
  return libc;
}

/**
 * Reads a whole procfs file. The kernel builds status, stat and limits in one
 * pass (seq_file), so one read that does not fill the buffer is a consistent
 * snapshot; a file that fills it is read again into a larger buffer rather
 * than stitched from two generations.
 */
export function readProcFile(path: string): Buffer {
  reclaim();
  const c = boundLibc();
  // A NUL would cut the C string short; node:fs rejects such a path itself.
  if (c === null || path.includes('\0')) return readWithFs(path);
  for (;;) {
    procfsCounters.opens++;
    const fd = c.open(path, O_RDONLY_CLOEXEC);
    if (fd < 0) throw OsError.fromErrno(c.errno(), 'open', { path });
    let len: number;
    try {
      len = readAll(c, fd, path);
    } finally {
      c.close(fd);
    }
    if (len < buffer.length) return buffer.subarray(0, len);
    buffer = Buffer.allocUnsafe(buffer.length * 2);
  }
}

// Reads until end of file or a full buffer; returns the length.
function readAll(c: LinuxLibc, fd: number, path: string): number {
  let len = readOnce(c, fd, buffer, buffer.length, path);
  while (len > 0 && len < buffer.length) {
    // The first read has it all for seq_file files; the probe sees end of file
    // without slicing the buffer. Anything more (a regular file in a fixture
    // tree read in pieces) is appended.
    const n = readOnce(c, fd, probe, Math.min(probe.length, buffer.length - len), path);
    if (n === 0) break;
    probe.copy(buffer, len, 0, n);
    len += n;
  }
  return len;
}

function readOnce(c: LinuxLibc, fd: number, into: Buffer, count: number, path: string): number {
  for (;;) {
    const n = c.read(fd, into, count);
    if (n >= 0) return n;
    const errno = c.errno();
    if (errno !== EINTR) throw OsError.fromErrno(errno, 'read', { path });
  }
}

function readWithFs(path: string): Buffer {
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
