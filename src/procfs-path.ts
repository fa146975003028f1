// The procfs root (psutil's PROCFS_PATH): '/proc' unless the caller points it at
// another tree, such as a host's /proc mounted into a container.
import { isAbsolute, normalize } from 'node:path';
import { invalidArgType } from './validate.js';

let root = '/proc';

/** The procfs root every Linux read goes through. */
export function getProcfsPath(): string {
  return root;
}

/**
 * Points every Linux read at another procfs tree. While it is not '/proc', no
 * system call takes a PID (it would name a process of the caller's own PID
 * namespace, not the tree's), so setting limits throws ENOTSUP.
 */
export function setProcfsPath(path: string): void {
  if (typeof path !== 'string' || path === '' || path.includes('\0') || !isAbsolute(path)) {
    throw invalidArgType('path', 'an absolute path string', path);
  }
  const clean = normalize(path);
  root = clean.length > 1 && clean.endsWith('/') ? clean.slice(0, -1) : clean;
}

/**
 * True while the procfs path is the default /proc. The Linux backend asks
 * more: a /proc of another PID namespace can be mounted there.
 */
export function isDefaultProcfs(): boolean {
  return root === '/proc';
}
