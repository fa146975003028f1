// The reference rows' own code (bench/cases.ts floorCases): the work of the
// library's calls written out directly, with nothing of the library around it.
import { closeSync, constants, openSync, readSync } from 'node:fs';
import type { Sigmasks } from '../src/backends/backend.js';
import { O_CLOEXEC, linuxLibc } from '../src/backends/linux/libc.js';
import { pidsFromDirents } from '../src/backends/linux/parse-dirents.js';
import { parseGroups, parseSigmasks, parseUmask } from '../src/backends/linux/parse-status.js';

const USUAL_BYTES = 16 * 1024;
let buffer = Buffer.allocUnsafe(USUAL_BYTES);
/** The largest status any kernel prints (65,536 groups fit), as the library bounds it. */
const MAX_STATUS_BYTES = 1024 * 1024;
// The end-of-file probe, as the library and the C baseline read it.
const probe = Buffer.allocUnsafe(4096);

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

/**
 * procAsDict's work for one process: the same libc calls through koffi (open,
 * read to end of file, close, getpgid, getsid), the library's own byte parsers
 * and the same SignalSets for the masks, without validation, oneshot scope, error
 * translation or retries. Undefined when the status file cannot be read.
 */
export function inlineAsDict(pid: number): InlineInfo | undefined {
  const libc = linuxLibc();
  const path = `/proc/${pid}/status`;
  let len = readStatus(libc, path);
  // A status larger than the usual buffer (tens of thousands of groups) is
  // read again whole, as the library does.
  if (len === buffer.length && buffer.length < MAX_STATUS_BYTES + 1) {
    buffer = Buffer.allocUnsafe(MAX_STATUS_BYTES + 1);
    len = readStatus(libc, path);
  }
  if (len <= 0 || len > MAX_STATUS_BYTES) return undefined;
  const status = buffer.subarray(0, len);
  return {
    umask: parseUmask(status, true),
    groups: parseGroups(status, true),
    sigmasks: parseSigmasks(status, true),
    pgid: libc.getpgid(pid),
    sid: libc.getsid(pid),
  };
}

// One open, read and end-of-file probe, close; the length read, or -1.
function readStatus(libc: ReturnType<typeof linuxLibc>, path: string): number {
  const fd = libc.open(path, O_CLOEXEC);
  if (fd < 0) return -1;
  const len = libc.read(fd, buffer, buffer.length);
  libc.read(fd, probe, probe.length);
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
