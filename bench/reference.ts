// The reference rows' own code (bench/cases.ts floorCases): the work of the
// library's calls written out directly, with nothing of the library around it.
import { closeSync, constants, openSync, readSync } from 'node:fs';
import type { Sigmasks } from '../src/backends/backend.js';
import { type LinuxLibc, O_CLOEXEC, linuxLibc } from '../src/backends/linux/libc.js';
import { pidsFromDirents } from '../src/backends/linux/parse-dirents.js';
import { writeDecimal } from '../src/backends/linux/procfs.js';
import { parseGroups, parseSigmasks, parseUmask } from '../src/backends/linux/parse-status.js';

const USUAL_BYTES = 16 * 1024;
let buffer: Buffer = Buffer.allocUnsafe(USUAL_BYTES);
/** The largest status any kernel prints (65,536 groups fit), as the library bounds it. */
const MAX_STATUS_BYTES = 1024 * 1024;

/** What the library reads before koffi is loaded, without the parse: open, read to end of file, close, through node:fs. */
export function readWithFs(path: string): number {
  const fd = openSync(path, 'r');
  let len = 0;
  try {
    for (;;) {
      const n = readSync(fd, buffer, len, buffer.length - len, null);
      if (n === 0) break;
      len += n;
    }
  } finally {
    closeSync(fd);
  }
  return len;
}

export interface InlineInfo {
  umask: number | undefined;
  groups: number[] | undefined;
  sigmasks: Sigmasks | undefined;
  pgid: number;
  sid: number;
}

// The same memory the library reads into and opens paths from: koffi's,
// passed by address (src/backends/linux/procfs.ts).
let native: { at: number; path: Buffer; pathAt: number; probeAt: number } | undefined;
const PREFIX = Buffer.from('/proc/');
const SUFFIX = Buffer.from('/status\0');

function nativeMemory(libc: LinuxLibc): NonNullable<typeof native> {
  if (native !== undefined) return native;
  const memory = libc.alloc(USUAL_BYTES + 4096 + 64);
  if (memory === undefined) throw new Error('koffi memory cannot be viewed here');
  buffer = memory.bytes.subarray(0, USUAL_BYTES);
  const path = memory.bytes.subarray(USUAL_BYTES + 4096);
  PREFIX.copy(path, 0);
  native = {
    at: memory.address,
    path,
    pathAt: memory.address + USUAL_BYTES + 4096,
    probeAt: memory.address + USUAL_BYTES,
  };
  return native;
}

/**
 * procAsDict's work for one process: the same libc calls through koffi (open,
 * read to end of file, close, getpgid, getsid) with the same arguments (the
 * path written as bytes, the buffers passed by address), the library's own
 * byte parsers and the same SignalSets for the masks, without validation,
 * oneshot scope, error translation or retries. Undefined when the status file
 * cannot be read.
 */
export function inlineAsDict(pid: number): InlineInfo | undefined {
  const libc = linuxLibc();
  const mem = nativeMemory(libc);
  let len = readStatus(libc, mem, pid);
  if (len === USUAL_BYTES) {
    // A status larger than the usual buffer (tens of thousands of groups) is
    // read again whole, as the library does.
    const path = `/proc/${pid}/status`;
    const whole = Buffer.allocUnsafe(MAX_STATUS_BYTES + 1);
    const fd = libc.open(path, O_CLOEXEC);
    if (fd < 0) return undefined;
    len = libc.read(fd, whole, whole.length);
    libc.close(fd);
    return len <= 0 || len > MAX_STATUS_BYTES ? undefined : info(libc, whole.subarray(0, len), pid);
  }
  if (len <= 0) return undefined;
  return info(libc, buffer.subarray(0, len), pid);
}

function info(libc: LinuxLibc, status: Buffer, pid: number): InlineInfo {
  return {
    umask: parseUmask(status, true),
    groups: parseGroups(status, true),
    sigmasks: parseSigmasks(status, true),
    pgid: libc.getpgid(pid),
    sid: libc.getsid(pid),
  };
}

// "/proc/PID/status" written after the prefix, then one open, read and
// end-of-file probe, close; the length read, or -1.
function readStatus(libc: LinuxLibc, mem: NonNullable<typeof native>, pid: number): number {
  SUFFIX.copy(mem.path, writeDecimal(mem.path, PREFIX.length, pid));
  const fd = libc.openAt(mem.pathAt, O_CLOEXEC);
  if (fd < 0) return -1;
  const len = libc.readAt(fd, mem.at, USUAL_BYTES);
  libc.readAt(fd, mem.probeAt, 4096);
  libc.close(fd);
  return len;
}

/**
 * inlineAsDict() of every process on the machine, listed as the library
 * lists them (open, getdents64 to the end, close; the PID names parsed in
 * place); returns how many answered.
 */
export function inlineSnapshot(): number {
  const libc = linuxLibc();
  const fd = libc.open('/proc', constants.O_RDONLY | constants.O_DIRECTORY | O_CLOEXEC);
  const listed: number[] = [];
  for (let n; (n = libc.getdents64!(fd, buffer, buffer.length)) > 0;) pidsFromDirents(buffer, n, listed);
  libc.close(fd);
  let seen = 0;
  for (const pid of listed) if (inlineAsDict(pid) !== undefined) seen++;
  return seen;
}
