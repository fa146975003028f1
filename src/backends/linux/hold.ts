// Holding a Linux process: an open /proc/PID directory descriptor. The kernel
// ties it to the process itself (its struct pid), not to the number, so paths
// through the descriptor reach that process or fail once it has been reaped:
// exact even when a new process takes the PID within the same clock tick,
// where start times cannot tell the two apart.
import { accessSync, closeSync, constants as fsConstants, fstatSync, openSync, statSync } from 'node:fs';
import type { ProcessHold } from '../backend.js';
import { errorCode } from '../../failures.js';
import type { ProcfsView } from '../../procfs-path.js';
import { LINUX_RLIM_INFINITY } from './constants.js';
import { parseLimits } from './parse-limits.js';
import { parseStat } from './parse-stat.js';
import { readProcFile } from './procfs.js';
import { treeFacts } from './tree.js';

const RLIMIT_NOFILE = 7;

// O_DIRECTORY: anything but a directory in place of /proc/PID is ENOTDIR
// before any driver's open runs; O_NONBLOCK: nothing waits (open(2)).
const DIR_FLAGS = fsConstants.O_RDONLY | fsConstants.O_DIRECTORY | fsConstants.O_NONBLOCK | fsConstants.O_NOCTTY;

/** Descriptors this thread's holds own right now. */
let heldDescriptors = 0;
let softLimit: number | undefined;

// How many descriptors holds may take. Handles that are dropped without
// close() keep their descriptor until the garbage collector runs the
// FinalizationRegistry, which a synchronous loop never lets happen, so:
// - the holds of one thread use at most a quarter of the soft RLIMIT_NOFILE;
// - no hold keeps a descriptor numbered in the top quarter of the soft
//   limit. The kernel hands out the lowest free number (open(2)), so that
//   quarter stays free for the application whatever every thread and worker
//   holds: the one rule that holds for the whole process without shared state.
// The soft limit is read from /proc/self/limits, and read again when a rule is reached.
function soft(refresh: boolean): number {
  if (softLimit === undefined || refresh) {
    let value = 1024;
    try {
      const limits = parseLimits(
        readProcFile('/proc/self/limits', 'limits', false),
        RLIMIT_NOFILE,
        LINUX_RLIM_INFINITY,
      );
      if (limits !== undefined)
        value = limits[0] >= BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(limits[0]);
    } catch {
      // Keep the conservative default.
    }
    softLimit = value;
  }
  return softLimit;
}

// A rule that fails against the soft limit as last read is asked again with it read anew.
function allowed(rule: (soft: number) => boolean): boolean {
  return rule(soft(false)) || rule(soft(true));
}

function underThreadBudget(): boolean {
  return allowed((s) => heldDescriptors < Math.floor(s / 4));
}

function belowTopQuarter(fd: number): boolean {
  return allowed((s) => fd < s - Math.floor(s / 4));
}

/** Holds `pid` as `view` shows it: by descriptor, or by start time past the budget. */
export function holdProcess(view: ProcfsView, pid: number): ProcessHold {
  const kernel = treeFacts(view).kernel;
  if (!underThreadBudget()) return startTimeHold(view, pid, kernel);
  let fd: number;
  try {
    fd = openSync(`${view.root}/${pid}`, DIR_FLAGS);
  } catch (err) {
    const code = errorCode(err);
    // Out of descriptors: the same fallback (which throws EMFILE in turn when
    // it cannot open stat either).
    if (code === 'EMFILE' || code === 'ENFILE') return startTimeHold(view, pid, kernel);
    throw err;
  }
  let dir: string | undefined;
  try {
    dir = belowTopQuarter(fd) ? pinnedPath(view.root, fd) : undefined;
  } catch (err) {
    closeSync(fd);
    throw err;
  }
  if (dir === undefined) {
    closeSync(fd);
    return startTimeHold(view, pid, kernel);
  }
  heldDescriptors++;
  const pinned = dir;
  let open = true;
  return {
    dir: pinned,
    alive() {
      if (!open) return false;
      // Once the process is reaped, lookups in its directory fail with
      // ENOENT (proc_pident_lookup() finds no task). Any other failure is
      // about the file, not the process (a tree whose stat is a symlink loop).
      try {
        accessSync(`${pinned}/stat`);
        return true;
      } catch (err) {
        const code = errorCode(err);
        return code !== 'ENOENT' && code !== 'ESRCH';
      }
    },
    release() {
      if (!open) return;
      open = false;
      heldDescriptors--;
      closeSync(fd);
    },
  };
}

// A path that reaches the open directory: the caller's own /proc/self/fd/N
// (valid wherever this process's procfs is mounted, including for a
// container's tree seen from the host, whose own "self" names nobody), or
// the tree's self/fd/N (inside a PID namespace whose /proc shows another
// one). Each is taken only if it leads to the very directory the descriptor
// holds; undefined when none does.
function pinnedPath(root: string, fd: number): string | undefined {
  const held = fstatSync(fd);
  for (const base of new Set(['/proc/self/fd', `${root}/self/fd`])) {
    const path = `${base}/${fd}`;
    try {
      const seen = statSync(path);
      if (seen.dev === held.dev && seen.ino === held.ino) return path;
    } catch {
      // Not reachable this way.
    }
  }
  return undefined;
}

// psutil's way: the same PID with the same start time is taken to be the same
// process. It cannot tell two processes started within one clock tick apart.
function startTimeHold(view: ProcfsView, pid: number, kernel: boolean): ProcessHold {
  const path = `${view.root}/${pid}/stat`;
  const start = parseStat(readProcFile(path, 'stat', kernel)).startTicks;
  return {
    dir: undefined,
    alive() {
      try {
        return parseStat(readProcFile(path, 'stat', kernel)).startTicks === start;
      } catch {
        return false;
      }
    },
    release() {},
  };
}
