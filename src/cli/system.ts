// The command's own reads of the system: usage figures from /proc that the
// library does not report (open descriptors, memory, CPU time, file locks), the
// command line, and names from /etc/passwd and /etc/group. Every function
// answers undefined for what cannot be read (a process that is gone, a file
// the kernel hides) instead of throwing: an unreadable figure prints empty.
import { readFileSync, readdirSync } from 'node:fs';
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

/** /proc/locks: every lock the kernel holds, system-wide. */
export function readLocks(): string | undefined {
  return readText(`${PROC}/locks`);
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
