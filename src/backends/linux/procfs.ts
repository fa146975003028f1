// The procfs I/O seam: the one place the Linux backend reads files.
//
// Reads land in one reused buffer, owned here, and are parsed in place, so a
// call allocates almost nothing; a caller must finish with a view before the
// next read, or borrow it (borrowLastRead). The buffer is shared by design:
// that is what makes a read cost about what the C calls cost.
//
// Every read is bounded and never blocks, whatever the tree holds:
// - files are opened O_NONBLOCK | O_NOCTTY | O_NOFOLLOW, so a FIFO cannot stall
//   the open and a terminal cannot become our controlling terminal (open(2));
// - a tree that is not a procfs mount (a copy, a fixture, an attacker's
//   directory) has each file checked before and after the open: a regular
//   file, the same one both times, never a FIFO, socket, device, directory or
//   symlink;
// - no file is read past the most bytes its kind can hold on any kernel
//   (MAX_BYTES); a larger one is EBADMSG after reading one byte more than that;
// - after an unusually large read the buffer goes back to its usual size, so
//   one big file does not keep its memory for the life of the process.
//
// open(2)/read(2)/close(2) go through the koffi-bound libc once koffi is
// loaded: that costs about what the C calls cost, while fs.openSync/readSync/
// closeSync add about a microsecond per file. Reading a file never loads koffi
// itself (importing the package and reading procfs must not touch native
// code), so until some system call has needed it, node:fs does the same work.
import { closeSync, constants as fsConstants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { koffiLoaded } from '../../ffi/koffi.js';
import { fromErrno, malformed } from '../../failures.js';
import { type LinuxLibc, type NativeBytes, O_CLOEXEC, PATH_MAX, linuxLibcIfAvailable } from './libc.js';
import { pidsFromDirents } from './parse-dirents.js';

/** The procfs files the backend reads, by what they hold. */
export type ProcFileKind = 'status' | 'stat' | 'limits' | 'cmdline';

/**
 * The most bytes each kind of file can hold on any kernel, with room to spare
 * (fs/proc/array.c, fs/proc/base.c):
 * - status: Groups: lists up to NGROUPS_MAX (65,536) gids of up to 10 digits
 *   and a space each, 720,896 bytes, beside about 2 KiB of other lines and
 *   CPU and node masks of a few KiB on the largest machines;
 * - stat: 52 numbers of up to 20 digits and the command name, under 1.2 KiB;
 * - limits: 17 lines of 80 columns;
 * - cmdline: the argument area, NUL-separated. Its size has no fixed bound
 *   (execve(2): a quarter of the stack limit, 2 MiB by default); 16 MiB
 *   takes the largest stack limit distributions set, and more is refused.
 */
export const MAX_BYTES: Readonly<Record<ProcFileKind, number>> = Object.freeze({
  status: 1024 * 1024,
  stat: 8 * 1024,
  limits: 8 * 1024,
  cmdline: 16 * 1024 * 1024,
});

// O_NONBLOCK: a FIFO opens at once (and reads nothing) instead of waiting for
// a writer. O_NOCTTY: opening a terminal never makes it ours. O_NOFOLLOW: a
// symlink in place of the file is ELOOP. Node's own values for this
// architecture (32-bit ARM numbers O_NOFOLLOW differently from x86).
const OPEN_FLAGS = fsConstants.O_RDONLY | fsConstants.O_NONBLOCK | fsConstants.O_NOCTTY | fsConstants.O_NOFOLLOW;

/** The buffer's usual size: every status, stat and limits file of a usual process fits. */
const USUAL_BYTES = 16 * 1024;
const PROBE_BYTES = 4096;
let usual: Buffer = Buffer.allocUnsafe(USUAL_BYTES);
let buffer = usual;
// The end-of-file probe: a read after the first normally returns 0 bytes.
let probe: Buffer = Buffer.allocUnsafe(PROBE_BYTES);
// Once koffi reads, the usual buffer and the probe are koffi's memory, read
// into by address (LinuxLibc.readAt); 0 until then, or where that memory
// cannot be had.
let usualAddress = 0;
let probeAddress = 0;
// Where readPidFile() writes the path it opens (writePidPath).
let pathSlot: NativeBytes | undefined;
let nativeTried = false;

// The libc binding for a read, or undefined while node:fs must do it (koffi
// not loaded: reading never loads it). Every reader asks here before it picks
// a buffer: the first ask after koffi loaded moves the buffers, so no read is
// ever split across the move.
function readerLibc(): LinuxLibc | undefined {
  const c = koffiLoaded() ? linuxLibcIfAvailable() : undefined;
  if (c !== undefined && !nativeTried) adoptNativeBuffers(c);
  return c;
}

// Moves the usual buffer and the probe into koffi's memory, once, and takes
// memory for the paths readPidFile() opens; a view of the old buffer still
// lent out is handed back first.
function adoptNativeBuffers(c: LinuxLibc): void {
  nativeTried = true;
  pathSlot = c.alloc(PATH_MAX);
  const memory = c.alloc(USUAL_BYTES + PROBE_BYTES);
  if (memory === undefined) return;
  reclaim();
  usual = memory.bytes.subarray(0, USUAL_BYTES);
  probe = memory.bytes.subarray(USUAL_BYTES);
  buffer = usual;
  usualAddress = memory.address;
  probeAddress = memory.address + USUAL_BYTES;
}

/**
 * Who keeps a view of the last read past the call (a oneshot's cached file),
 * and must be told before the next read overwrites it. An object rather than
 * a callback: the oneshot's own record is the keeper, so lending a view
 * allocates no closure on every procAsDict.
 */
export interface LastReadKeeper {
  /** Runs before the next read reuses the buffer: copy what is still needed. */
  beforeOverwrite(): void;
}

let keeper: LastReadKeeper | undefined;

/**
 * Keeps the view the last read returned valid: `k.beforeOverwrite()` runs
 * before the next read reuses the buffer. A oneshot that reads one file and
 * nothing after it then never copies at all.
 */
export function borrowLastRead(k: LastReadKeeper): void {
  reclaim();
  keeper = k;
}

function reclaim(): void {
  const k = keeper;
  if (k === undefined) return;
  keeper = undefined;
  k.beforeOverwrite();
}

/** Counts file opens, so tests can prove each source is read once per call; and the buffer's size now. */
export const procfsCounters = { opens: 0, bufferBytes: USUAL_BYTES };

const EINTR = 4;

/**
 * Reads a whole procfs file of the given kind. The kernel builds status,
 * stat and limits in one pass (seq_file), so one read that does not fill the
 * buffer is a consistent snapshot; a file that fills it is read again into a
 * buffer as large as its kind allows rather than stitched from two
 * generations. `kernelTree` is true only for a path inside a procfs mount,
 * whose files the kernel makes: any other tree has each file checked first.
 */
export function readProcFile(path: string, kind: ProcFileKind, kernelTree: boolean): Buffer {
  const c = readerLibc();
  // A NUL would cut the C string short; node:fs rejects such a path itself.
  return readWith(c === undefined || path.includes('\0') ? fsIo : libcIo(c), path, kind, kernelTree);
}

/**
 * readProcFile() of ROOT/PID/KIND in a procfs mount. Through koffi, the path
 * is written as bytes straight into the memory open(2) reads it from; its
 * string is built only for an error message.
 */
export function readPidFile(root: string, pid: number, kind: ProcFileKind): Buffer {
  const c = readerLibc();
  const slot = pathSlot;
  if (c === undefined || slot === undefined || !writePidPath(slot.bytes, root, pid, kind)) {
    return readProcFile(`${root}/${pid}/${kind}`, kind, true);
  }
  pidPath.root = root;
  pidPath.pid = pid;
  pidPath.kind = kind;
  return readWith(slotIo(c, slot), pidPath, kind, true);
}

function readWith(io: Io, path: FilePath, kind: ProcFileKind, kernelTree: boolean): Buffer {
  reclaim();
  if (buffer !== usual) {
    buffer = usual;
    procfsCounters.bufferBytes = USUAL_BYTES;
  }
  const limit = MAX_BYTES[kind] + 1;
  for (;;) {
    const size = Math.min(buffer.length, limit);
    const len = readOnce(io, path, size, kernelTree);
    if (len < size) return buffer.subarray(0, len);
    if (size === limit) {
      throw malformed(String(path), `the ${kind} file`, `longer than this library reads (${MAX_BYTES[kind]} bytes)`);
    }
    buffer = Buffer.allocUnsafe(limit);
    procfsCounters.bufferBytes = limit;
  }
}

// The file a read by PID names, in one reused record: its path string is
// made only when an error message needs it.
class PidPath {
  root = '';
  pid = 0;
  kind: ProcFileKind = 'status';
  toString(): string {
    return `${this.root}/${this.pid}/${this.kind}`;
  }
}

const pidPath = new PidPath();
type FilePath = string | PidPath;

const SLASH = 0x2f;
const KIND_BYTES: Readonly<Record<ProcFileKind, Buffer>> = {
  status: Buffer.from('status'),
  stat: Buffer.from('stat'),
  limits: Buffer.from('limits'),
  cmdline: Buffer.from('cmdline'),
};
// The longest tail after the root: "/" PID "/" name NUL, a PID of up to 16 digits.
const TAIL_BYTES = 1 + 16 + 1 + 7 + 1;

// The root whose bytes the slot starts with: written once per root, since this
// module is the slot's only writer; each read writes only what follows it.
let slotRoot: string | undefined;
let slotRootBytes = 0;
let slotPid = -1;
let slotKind: ProcFileKind | undefined;

// ROOT/PID/KIND and a NUL into the slot; false when it does not fit or the
// root holds a NUL (the string route then reports it as node:fs does). The
// slot keeps the last path: the same file again (a process polled) writes
// nothing.
function writePidPath(bytes: Buffer, root: string, pid: number, kind: ProcFileKind): boolean {
  if (root !== slotRoot) {
    const length = Buffer.byteLength(root);
    if (root.includes('\0') || length + TAIL_BYTES > bytes.length) return false;
    bytes.write(root, 0, length, 'utf8');
    slotRoot = root;
    slotRootBytes = length;
    slotPid = -1;
  } else if (pid === slotPid && kind === slotKind) {
    return true;
  }
  if (!Number.isSafeInteger(pid) || pid < 0 || pid >= 1e16) return false;
  let at = slotRootBytes;
  bytes[at++] = SLASH;
  at = writeDecimal(bytes, at, pid);
  bytes[at++] = SLASH;
  const name = KIND_BYTES[kind];
  for (let i = 0; i < name.length; i++) bytes[at++] = name[i]!;
  bytes[at] = 0;
  slotPid = pid;
  slotKind = kind;
  return true;
}

/**
 * The digits of a non-negative safe integer written at `at`; the offset after
 * them. PIDs fit in 31 bits, where integer division is a multiply and a shift.
 */
export function writeDecimal(bytes: Buffer, at: number, value: number): number {
  if (value > 0x7fffffff) {
    const text = String(value);
    bytes.write(text, at, 'latin1');
    return at + text.length;
  }
  let end = at + 1;
  for (let rest = value; rest >= 10; rest = (rest / 10) | 0) end++;
  for (let i = end - 1, rest = value; i >= at; i--, rest = (rest / 10) | 0) bytes[i] = 48 + (rest % 10);
  return end;
}

// open(2), read(2) and close(2) through one of two routes.
interface Io {
  open(path: FilePath): number;
  read(fd: number, into: Buffer, count: number, path: FilePath): number;
  close(fd: number): void;
}

const fsIo: Io = {
  open: (path) => openSync(String(path), OPEN_FLAGS),
  read: (fd, into, count) => readSync(fd, into, 0, count, null),
  close: (fd) => closeSync(fd),
};

// The libc route; `openPath` makes the open(2) call, with the path as a
// string or already written into the slot.
function libcRoute(c: LinuxLibc, openPath: (path: FilePath) => number): Io {
  return {
    open(path) {
      const fd = openPath(path);
      if (fd < 0) throw fromErrno(c.errno(), 'open', { path: String(path) });
      return fd;
    },
    read: (fd, into, count, path) => readRetrying(c, fd, into, count, path),
    close(fd) {
      c.close(fd);
    },
  };
}

let libcIoOf: { c: LinuxLibc; io: Io } | undefined;

function libcIo(c: LinuxLibc): Io {
  if (libcIoOf?.c !== c) libcIoOf = { c, io: libcRoute(c, (path) => c.open(String(path), OPEN_FLAGS | O_CLOEXEC)) };
  return libcIoOf.io;
}

let slotIoOf: { c: LinuxLibc; io: Io } | undefined;

// The libc route with the path already written into the slot.
function slotIo(c: LinuxLibc, slot: NativeBytes): Io {
  if (slotIoOf?.c !== c) slotIoOf = { c, io: libcRoute(c, () => c.openAt(slot.address, OPEN_FLAGS | O_CLOEXEC)) };
  return slotIoOf.io;
}

function readRetrying(c: LinuxLibc, fd: number, into: Buffer, count: number, path: FilePath): number {
  for (;;) {
    const n =
      into === usual && usualAddress !== 0
        ? c.readAt(fd, usualAddress, count)
        : into === probe && probeAddress !== 0
          ? c.readAt(fd, probeAddress, count)
          : c.read(fd, into, count);
    if (n >= 0) return n;
    const errno = c.errno();
    if (errno !== EINTR) throw fromErrno(errno, 'read', { path: String(path) });
  }
}

// O_DIRECTORY: anything else in place of the root is ENOTDIR.
const DIR_FLAGS = fsConstants.O_RDONLY | fsConstants.O_DIRECTORY | fsConstants.O_NONBLOCK | O_CLOEXEC;

/**
 * The PIDs a procfs mount lists at `root`, in the kernel's order (ascending:
 * proc_pid_readdir() walks the PID numbers upwards), read with getdents64(2)
 * into the shared buffer and parsed in place. Undefined when node:fs must do
 * it: koffi not loaded (listing never loads it), or no getdents64 in this
 * libc. fs.readdirSync() makes a string of every name and has libuv sort
 * them, several times what the kernel's own listing costs.
 */
export function listPidDir(root: string): number[] | undefined {
  const c = readerLibc();
  const getdents = c?.getdents64;
  if (c === undefined || getdents === undefined || root.includes('\0')) return undefined;
  reclaim();
  const fd = c.open(root, DIR_FLAGS);
  if (fd < 0) throw fromErrno(c.errno(), 'open', { path: root });
  const pids: number[] = [];
  try {
    for (;;) {
      const n = getdents(fd, buffer, buffer.length);
      if (n === 0) return pids;
      if (n < 0) {
        const errno = c.errno();
        if (errno !== EINTR) throw fromErrno(errno, 'getdents64', { path: root });
        continue;
      }
      pidsFromDirents(buffer, n, pids);
    }
  } finally {
    c.close(fd);
  }
}

// One open, read to end of file (or `size` bytes), close; the length read.
function readOnce(io: Io, path: FilePath, size: number, kernelTree: boolean): number {
  const before = kernelTree ? undefined : regularFile(lstatSync(String(path)), String(path));
  procfsCounters.opens++;
  const fd = io.open(path);
  try {
    if (before !== undefined) sameFile(before, regularFile(fstatSync(fd), String(path)), String(path));
    let len = io.read(fd, buffer, size, path);
    while (len > 0 && len < size) {
      // The first read has it all for seq_file files; the probe sees end of
      // file without slicing the buffer. Anything more (a regular file in a
      // fixture tree read in pieces) is appended.
      const n = io.read(fd, probe, Math.min(probe.length, size - len), path);
      if (n === 0) break;
      probe.copy(buffer, len, 0, n);
      len += n;
    }
    return len;
  } finally {
    io.close(fd);
  }
}

function regularFile(stats: Stats, path: string): Stats {
  if (stats.isFile()) return stats;
  throw malformed(path, 'the file', `not a regular file (${fileKind(stats)})`);
}

// The file opened must be the one checked: a tree's owner could swap it between the two.
function sameFile(before: Stats, after: Stats, path: string): void {
  if (before.dev !== after.dev || before.ino !== after.ino) {
    throw malformed(path, 'the file', 'it changed while it was opened');
  }
}

function fileKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a file';
}
