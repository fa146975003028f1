// What a procfs view is, decided once per view and kept with it (a Process
// keeps its view, so these facts are bound when the handle is made):
// - kernel: the root is a procfs mount (statfs(2) f_type PROC_SUPER_MAGIC,
//   include/uapi/linux/magic.h), so its files are the kernel's own;
// - ownNamespace: it shows the caller's own PID namespace, so a PID read from
//   it is the PID system calls take. Proven from NSpid: of the tree's
//   self/status (Linux 4.1+, fs/proc/array.c): it lists our PID in every
//   namespace from the tree's own down to ours, so exactly one entry means the
//   two are the same namespace. Comparing the number self points to with our
//   PID is not proof: a process can have the same number in a parent
//   namespace (ns_last_pid arranges it). A tree that cannot be proven ours
//   (no NSpid: line, self unreadable, not a procfs mount) is read-only.
import { statfsSync } from 'node:fs';
import type { ProcfsView } from '../../procfs-path.js';
import { parseNsPids, parseUmask } from './parse-status.js';
import { readProcFile } from './procfs.js';

const PROC_SUPER_MAGIC = 0x9fa0;

export interface TreeFacts {
  readonly kernel: boolean;
  readonly ownNamespace: boolean;
  /** Whether the tree's kernel prints Umask: (Linux 4.7+); asked on first need. */
  umask: boolean | undefined;
}

const known = new WeakMap<ProcfsView, TreeFacts>();

/** The facts of a view, examined on first use and then kept. */
export function treeFacts(view: ProcfsView): TreeFacts {
  let facts = known.get(view);
  if (facts === undefined) {
    facts = examine(view.root);
    known.set(view, facts);
  }
  return facts;
}

function examine(root: string): TreeFacts {
  let kernel = false;
  try {
    kernel = statfsSync(root).type === PROC_SUPER_MAGIC;
  } catch {
    kernel = false;
  }
  let ownNamespace = false;
  if (kernel) {
    try {
      const pids = parseNsPids(readProcFile(`${root}/self/status`, 'status', true));
      ownNamespace = pids !== undefined && pids.length === 1 && pids[0] === process.pid;
    } catch {
      ownNamespace = false;
    }
  }
  return { kernel, ownNamespace, umask: undefined };
}

/** Whether the view's kernel prints Umask: in status (Linux 4.7 added it). */
export function kernelPrintsUmask(view: ProcfsView): boolean {
  const facts = treeFacts(view);
  if (facts.umask === undefined) {
    // The tree's own "self" tells for its kernel; a tree without one (a copy)
    // is taken to come from the kernel this process runs on.
    let buf: Buffer;
    try {
      buf = readProcFile(`${view.root}/self/status`, 'status', facts.kernel);
    } catch {
      buf = readProcFile('/proc/self/status', 'status', false);
    }
    facts.umask = parseUmask(buf, facts.kernel) !== undefined;
  }
  return facts.umask;
}
