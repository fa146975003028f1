// The procfs root (psutil's PROCFS_PATH): '/proc' unless the caller points it at
// another tree, such as a host's /proc mounted into a container.
//
// Each setProcfsPath() call makes a new view: an object that stands for "this
// tree, as chosen then". What a backend learns about a tree (is it a procfs
// mount, does it show our own PID namespace) is keyed by the view, and a
// Process keeps the view it was made in. A later setProcfsPath() therefore
// changes what calls by PID read, never what an existing handle reads or
// whether its PID may be passed to a system call.
import { isAbsolute, normalize } from 'node:path';
import { invalidArgType } from './errors.js';

/** One procfs tree as chosen by one setProcfsPath() call (or the default). */
export interface ProcfsView {
  readonly root: string;
}

function makeView(root: string): ProcfsView {
  return Object.freeze({ root });
}

let current: ProcfsView = makeView('/proc');

/** The procfs root every Linux read by PID goes through. */
export function getProcfsPath(): string {
  return current.root;
}

/** The view calls by PID read right now; a Process keeps the one it was made in. */
export function currentProcfsView(): ProcfsView {
  return current;
}

/**
 * Points every Linux read by PID at another procfs tree. A tree that cannot
 * be proven to show this process's own PID namespace is read-only: no system
 * call takes a PID from it (the number would name a process of the caller's
 * namespace), so setting limits through it throws ENOTSUP.
 */
export function setProcfsPath(path: string): void {
  if (typeof path !== 'string' || path === '' || path.includes('\0') || !isAbsolute(path)) {
    throw invalidArgType('path', 'an absolute path string', path);
  }
  const clean = normalize(path);
  current = makeView(clean.length > 1 && clean.endsWith('/') ? clean.slice(0, -1) : clean);
}

/**
 * True while the procfs path is the default /proc. The Linux backend asks
 * more: a /proc of another PID namespace can be mounted there.
 */
export function isDefaultProcfs(): boolean {
  return current.root === '/proc';
}
