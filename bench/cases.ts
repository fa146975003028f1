// What is measured: every public function, called on another process, next to
// the name of the C routine in bench/c/baseline.c that does the same work.
import { readdirSync } from 'node:fs';
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
}

/** The functions that read /proc/PID/status and make no system call of their own. */
export function statusCases(pid: number): Case[] {
  return [
    { name: 'umask', label: 'procGetUmask', fn: () => procGetUmask(pid) },
    { name: 'groups', label: 'procGetgroups', fn: () => procGetgroups(pid) },
    { name: 'sigmasks', label: 'procGetSigmasks', fn: () => procGetSigmasks(pid) },
  ];
}

/** One case per public function, all on `pid`. */
export function perCallCases(pid: number): Case[] {
  // Setting the limits the process already has: prlimit(2) does the whole
  // write and returns the old values, and the child is left as it was.
  const current = procGetrlimit(pid, 'nofile');
  return [
    ...statusCases(pid),
    { name: 'pgid', label: 'procGetpgid', fn: () => procGetpgid(pid) },
    { name: 'sid', label: 'procGetsid', fn: () => procGetsid(pid) },
    { name: 'getrlimit', label: "procGetrlimit(pid, 'nofile')", fn: () => procGetrlimit(pid, 'nofile') },
    { name: 'setrlimit', label: "procRlimit(pid, 'nofile', limits)", fn: () => procRlimit(pid, 'nofile', current) },
    { name: 'asdict', label: 'procAsDict', fn: () => procAsDict(pid) },
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

export const snapshotCase: Case = { name: 'snapshot', label: 'procAsDict of every process', fn: snapshot };
