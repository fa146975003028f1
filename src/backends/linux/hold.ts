// Holding a Linux process: an open /proc/PID directory descriptor. The kernel
// ties it to the process itself (its struct pid), not to the number, so paths
// under /proc/self/fd/N reach that process or fail once it has been reaped:
// exact even when a new process takes the PID within the same clock tick,
// where start times cannot tell the two apart.
import { accessSync, closeSync, openSync } from 'node:fs';
import type { ProcessHold } from '../backend.js';
import { errorCode } from '../../os-error.js';
import { LINUX_RLIM_INFINITY } from './constants.js';
import { parseLimits } from './parse-limits.js';
import { parseStat } from './parse-stat.js';
import { readProcFile } from './procfs.js';

const RLIMIT_NOFILE = 7;

/** Descriptors the open holds own right now. */
let heldDescriptors = 0;
let budget: number | undefined;

// Handles that are dropped without close() keep their descriptor until the
// garbage collector runs the FinalizationRegistry, which a synchronous loop
// never lets happen. Holds therefore use at most a quarter of the soft
// RLIMIT_NOFILE (read from /proc/self/limits, refreshed when reached), leaving
// the rest to the application.
function descriptorAvailable(): boolean {
  if (budget === undefined || heldDescriptors >= budget) {
    let soft = 1024n;
    try {
      soft = parseLimits(readProcFile('/proc/self/limits'), RLIMIT_NOFILE, LINUX_RLIM_INFINITY)?.[0] ?? soft;
    } catch {
      // Keep the conservative default.
    }
    budget = soft >= BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Math.floor(Number(soft) / 4);
  }
  return heldDescriptors < budget;
}

export function holdProcess(root: string, pid: number): ProcessHold {
  // Past the descriptor budget, identity falls back to the start time, psutil's way.
  if (!descriptorAvailable()) return startTimeHold(root, pid);
  let fd: number;
  try {
    fd = openSync(`${root}/${pid}`, 'r');
  } catch (err) {
    const code = errorCode(err);
    // Out of descriptors: the same fallback.
    if (code === 'EMFILE' || code === 'ENFILE') return startTimeHold(root, pid);
    throw err;
  }
  heldDescriptors++;
  const dir = `${root}/self/fd/${fd}`;
  let open = true;
  return {
    dir,
    alive() {
      if (!open) return false;
      try {
        accessSync(`${dir}/stat`);
        return true;
      } catch {
        return false;
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

function startTimeHold(root: string, pid: number): ProcessHold {
  const path = `${root}/${pid}/stat`;
  const start = parseStat(readProcFile(path)).startTicks;
  return {
    dir: undefined,
    alive() {
      try {
        return parseStat(readProcFile(path)).startTicks === start;
      } catch {
        return false;
      }
    },
    release() {},
  };
}
