// Shared by the NetBSD and DragonFly procfs fallbacks: where their procfs is
// (/proc, as mount_procfs(8) mounts it, or the tree setProcfsPath() names),
// whether it is mounted, and the one error for text that is not the kernel's.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { malformed } from '../../failures.js';
import { getProcfsPath } from '../../procfs-path.js';

/** The columns of a /proc/PID/status line the backends use (both kernels print them). */
export interface StatusLineFields {
  pid: number;
  pgid: number;
  sid: number;
  groups: number[];
  /** Undefined when the kernel printed -1,-1 for the start time (the process is swapped out). */
  startMicros: number | undefined;
}

/** A file under PID's procfs directory. */
export function procPath(pid: number | 'curproc', name?: string): string {
  return `${getProcfsPath()}/${pid}${name === undefined ? '' : `/${name}`}`;
}

/**
 * Is a BSD procfs mounted? Both name the caller's own directory `curproc`
 * (NetBSD and DragonFly procfs_vnops.c), which Linux's /proc does not have.
 */
export function bsdProcfsMounted(root = getProcfsPath()): boolean {
  return existsSync(`${root}/curproc/status`);
}

/**
 * The PIDs a procfs root lists, ascending: its directories named by a decimal
 * (NetBSD's, DragonFly's and illumos's procfs name each process's directory
 * by its PID; curproc, self and the rest are skipped).
 */
export function procfsPids(root: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!/^(0|[1-9][0-9]{0,9})$/.test(entry.name) || !entry.isDirectory()) continue;
    const pid = Number(entry.name);
    if (pid <= 0x7fffffff) pids.push(pid);
  }
  return pids.sort((a, b) => a - b);
}

/** A procfs file of PID as bytes. */
export function readProcBytes(pid: number, name: string): Buffer {
  return readFileSync(procPath(pid, name));
}

/** A procfs file of PID as text. */
export function readProcText(pid: number, name: string): string {
  return readFileSync(procPath(pid, name), 'latin1');
}

/** A decimal the kernel printed, exactly. */
export function parseKernelDecimal(text: string, file: string): bigint {
  if (!/^\d{1,20}$/.test(text)) throw malformed(file, 'a number', `'${text}'`);
  return BigInt(text);
}
