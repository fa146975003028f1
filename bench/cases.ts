// What is measured: every public function, called on another process, next to
// the name of the C routine in bench/c/baseline.c that does the same work.
import { FUNCTIONS, type FunctionName } from '../src/availability.js';
import { LINUX_RLIMITS } from '../src/backends/linux/constants.js';
import { linuxLibc } from '../src/backends/linux/libc.js';
import { numberToWords } from '../src/backends/linux/rlim-words.js';
import {
  NoSuchProcess,
  procAsDict,
  procGetSigmasks,
  procGetUmask,
  procGetgroups,
  procGetpgid,
  procGetrlimit,
  procGetsid,
  pids,
  procRlimit,
} from '../src/index.js';
import { inlineSnapshot, readWithFs } from './reference.js';

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

/** procAsDict of every process pids() lists; those that exit meanwhile are skipped. */
export function snapshot(): number {
  let seen = 0;
  for (const pid of pids()) {
    try {
      procAsDict(pid);
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
 * The reference rows: the floor under each kind of call, with nothing of the
 * library around it, next to the same C routine. The node:fs read is what
 * status reads cost before koffi is loaded; the koffi calls are the floor under
 * the system-call functions; the inline snapshot is the floor under any code
 * that returns procAsDict's answer through koffi (bench/reference.ts).
 */
export function floorCases(pid: number): Case[] {
  const libc = linuxLibc();
  // The set writes back the limits the process already has, as the library's
  // case does: words 0-3 hold the new limit (libc.ts).
  const [soft, hard] = procGetrlimit(pid, 'nofile');
  const nofile = LINUX_RLIMITS.RLIMIT_NOFILE!;
  const statusPath = `/proc/${pid}/status`;
  return [
    { name: 'umask', label: 'status read, node:fs alone', fn: () => readWithFs(statusPath), library: false },
    { name: 'pgid', label: 'getpgid, koffi call alone', fn: () => libc.getpgid(pid), library: false },
    {
      name: 'getrlimit',
      label: 'prlimit get, koffi call alone',
      fn: () => libc.rlimit.get(pid, nofile),
      library: false,
    },
    {
      name: 'setrlimit',
      label: 'prlimit set, koffi call alone',
      // The words are written before each call: the library's own set may run
      // in between, and writing them is part of any set.
      fn: () => {
        numberToWords(libc.rlimit.words, 0, soft);
        numberToWords(libc.rlimit.words, 2, hard);
        return libc.rlimit.set(pid, nofile);
      },
      library: false,
    },
    { name: 'snapshot', label: 'snapshot, same calls and Sets inline', fn: inlineSnapshot, library: false },
  ];
}

/**
 * The library's functions that no row times: those without a C routine of
 * the same work in bench/c/baseline.c. Built from the one list of functions
 * (FUNCTIONS), so a new function shows here until it gets a row.
 */
export function untimedFunctions(pid: number): FunctionName[] {
  const timed = new Set<string>(perCallCases(pid).map((c) => c.label.replace(/\(.*$/, '')));
  return FUNCTIONS.filter((fn) => !timed.has(fn));
}
