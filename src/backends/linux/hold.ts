// Holding a Linux process: an open /proc/PID directory descriptor. The kernel
// ties it to the process itself (its struct pid), not to the number, so paths
// under /proc/self/fd/N reach that process or fail once it has been reaped:
// exact even when a new process takes the PID within the same clock tick,
// where start times cannot tell the two apart.
import { accessSync, closeSync, openSync } from 'node:fs';
import type { ProcessHold } from '../backend.js';
import { errorCode } from '../../os-error.js';
import { parseStat } from './parse-stat.js';
import { readProcFile } from './procfs.js';

export function holdProcess(root: string, pid: number): ProcessHold {
  let fd: number;
  try {
    fd = openSync(`${root}/${pid}`, 'r');
  } catch (err) {
    const code = errorCode(err);
    // Out of descriptors: identity falls back to the start time, psutil's way.
    if (code === 'EMFILE' || code === 'ENFILE') return startTimeHold(root, pid);
    throw err;
  }
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
