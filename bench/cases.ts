// What is measured: every public function, called on another process, next to
// the name of the C routine in bench/c/baseline.c that does the same work.
import { readdirSync } from 'node:fs';
import { LINUX_RLIMITS } from '../src/backends/linux/constants.js';
import { linuxLibc } from '../src/backends/linux/libc.js';
import {
  NoSuchProcess,
  procAsDict,
  procGetSigmasks,
  procGetUmask,
  procGetgroups,
  procGetpgid,
  procGetrlimit,
  procGetsid,
  procRlimit,
} from '../src/index.js';

export interface Case {
  /** The C routine's name, and the row label. */
  readonly name: string;
  /** What the row measures, in the library's terms. */
  readonly label: string;
  /** One call; returns its result so the work cannot be optimised away. */
  readonly fn: () => unknown;
  /** False for reference rows that call the binding directly instead of the library. */
  readonly library: boolean;
}

/** The functions that read /proc/PID/status and make no system call of their own. */
export function statusCases(pid: number): Case[] {
  return [
    { name: 'umask', label: 'procGetUmask', fn: () => procGetUmask(pid), library: true },
    { name: 'groups', label: 'procGetgroups', fn: () => procGetgroups(pid), library: true },
    { name: 'sigmasks', label: 'procGetSigmasks', fn: () => procGetSigmasks(pid), library: true },
  ];
}

/** One case per public function, all on `pid`. */
export function perCallCases(pid: number): Case[] {
  // Setting the limits the process already has: prlimit(2) does the whole
  // write and returns the old values, and the child is left as it was.
  const current = procGetrlimit(pid, 'nofile');
  return [
    ...statusCases(pid),
    { name: 'pgid', label: 'procGetpgid', fn: () => procGetpgid(pid), library: true },
    { name: 'sid', label: 'procGetsid', fn: () => procGetsid(pid), library: true },
    { name: 'getrlimit', label: "procGetrlimit(pid, 'nofile')", fn: () => procGetrlimit(pid, 'nofile'), library: true },
    {
      name: 'setrlimit',
      label: "procRlimit(pid, 'nofile', limits)",
      fn: () => procRlimit(pid, 'nofile', current),
      library: true,
    },
    { name: 'asdict', label: 'procAsDict', fn: () => procAsDict(pid), library: true },
  ];
}

/** procAsDict of every process on the machine; those that exit meanwhile are skipped. */
export function snapshot(): number {
  let seen = 0;
  for (const entry of readdirSync('/proc')) {
    const first = entry.charCodeAt(0);
    if (first < 49 || first > 57) continue;
    try {
      procAsDict(Number(entry));
      seen++;
    } catch (err) {
      if (!(err instanceof NoSuchProcess)) throw err;
    }
  }
  return seen;
}

export const snapshotCase: Case = {
  name: 'snapshot',
  label: 'procAsDict of every process',
  fn: snapshot,
  library: true,
};

/**
 * The floor under the system-call functions: the koffi-bound libc call alone,
 * with nothing of the library around it, next to the same C call.
 */
export function floorCases(pid: number): Case[] {
  const libc = linuxLibc();
  return [
    { name: 'pgid', label: 'getpgid, koffi call alone', fn: () => libc.getpgid(pid), library: false },
    {
      name: 'getrlimit',
      label: 'prlimit get, koffi call alone',
      fn: () => libc.rlimit.get(pid, LINUX_RLIMITS.RLIMIT_NOFILE!),
      library: false,
    },
  ];
}
