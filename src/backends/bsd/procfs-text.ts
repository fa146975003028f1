// Shared by the NetBSD and DragonFly procfs fallbacks: where their procfs is
// (/proc, as mount_procfs(8) mounts it, or the tree setProcfsPath() names),
// whether it is mounted, and the one error for text that is not the kernel's.
import { existsSync, readFileSync } from 'node:fs';
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
export function bsdProcfsMounted(): boolean {
  return existsSync(procPath('curproc', 'status'));
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
