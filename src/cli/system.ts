// The command's own reads of the system, all in this one module: usage figures
// from /proc that the library does not report (open descriptors, memory, CPU
// time, file locks, the tasks of each uid), command lines, /etc/passwd and
// /etc/group, and the package's version. A read of one process or file answers
// undefined for what cannot be read (a process that is gone, a file the kernel
// hides) instead of throwing: an unreadable figure prints empty.
import { closeSync, openSync, readFile, readFileSync, readSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PROC = '/proc';

/** A file as text, or undefined when it cannot be read. */
export function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'latin1');
  } catch {
    return undefined;
  }
}

/** /proc/PID/<name> as text. */
export function readProcText(pid: number, name: 'status' | 'stat' | 'cmdline'): string | undefined {
  return readText(`${PROC}/${pid}/${name}`);
}

/**
 * /proc/locks: every lock the kernel holds. It is read on libuv's thread pool:
 * the kernel makes the reader wait for an RCU grace period (fs/locks.c takes
 * file_rwsem for writing), milliseconds the caller can spend on other work.
 */
export function readLocks(): Promise<string | undefined> {
  // fs.readFile with a callback: fs/promises would be one more module to load.
  return new Promise((resolve) => {
    readFile(`${PROC}/locks`, 'latin1', (err, text) => resolve(err ? undefined : text));
  });
}

const statusBuffer = Buffer.allocUnsafe(8192);

/**
 * Calls visit with the start of every process's /proc/PID/status (the first
 * 8 KiB, which hold Uid and Threads), read into one reused buffer: the NPROC
 * figure needs all of them, so each costs three system calls and no copy.
 */
export function scanStatuses(visit: (status: Buffer) => void): void {
  for (const name of readdirSync(PROC)) {
    if (!/^[1-9][0-9]*$/.test(name)) continue;
    let fd: number | undefined;
    let len = 0;
    try {
      fd = openSync(`${PROC}/${name}/status`, 'r');
      len = readSync(fd, statusBuffer, 0, statusBuffer.length, null);
    } catch {
      continue;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    visit(statusBuffer.subarray(0, len));
  }
}

/** Open file descriptors: the entries of /proc/PID/fd (ptrace-protected, so maybe unreadable). */
export function countFds(pid: number): number | undefined {
  try {
    return readdirSync(`${PROC}/${pid}/fd`).length;
  } catch {
    return undefined;
  }
}

/** Every PID in /proc, ascending. */
export function listPids(): number[] {
  const pids: number[] = [];
  for (const name of readdirSync(PROC)) if (/^[1-9][0-9]*$/.test(name)) pids.push(Number(name));
  return pids.sort((a, b) => a - b);
}

/**
 * The package's version, from the nearest package.json above this file named
 * psutil-extra (two levels up from dist/cli/, three from the test build's src/cli/).
 */
export function packageVersion(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const text = readText(join(dir, 'package.json'));
    const pkg = text === undefined ? undefined : (JSON.parse(text) as { name?: unknown; version?: unknown });
    if (pkg?.name === 'psutil-extra' && typeof pkg.version === 'string') return pkg.version;
    if (dirname(dir) === dir) return 'unknown';
  }
}
