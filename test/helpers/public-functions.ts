// The one list of the library's per-process functions that the tests, the
// hardening model and the bench build their own lists from. It is keyed by
// FunctionName (src/backends/backend.ts, NEEDS): a function added to the
// library without an entry here does not compile, and every list built from
// it then covers the new function.
import type { FunctionName } from '../../src/availability.js';

/** The functions that take a process first. */
export type ProcessFunction = Exclude<FunctionName, 'pids' | 'processIdentity'>;

/**
 * The arguments after `proc` each function is called with when a test has no
 * reason to choose: reads only (procRlimit without new limits is a read).
 */
export const PROCESS_CALLS: Readonly<Record<ProcessFunction, readonly unknown[]>> = Object.freeze({
  procGetUmask: [],
  procGetgroups: [],
  procRlimit: ['nofile'],
  procGetrlimit: ['nofile'],
  procGetpgid: [],
  procGetsid: [],
  procGetSigmasks: [],
  procGetName: [],
  procGetUids: [],
  procGetCmdline: [],
  procGetrlimitUsage: ['nofile'],
  procGetAllRlimits: [],
  procNumFds: [],
});

export const PROCESS_FUNCTIONS = Object.freeze(Object.keys(PROCESS_CALLS) as ProcessFunction[]);

/** The calls of every per-process function on `pid`, as the hardening agents take them. */
export function queriesFor(pid: number | string): { fn: ProcessFunction; args: unknown[] }[] {
  return PROCESS_FUNCTIONS.map((fn) => ({ fn, args: [pid, ...PROCESS_CALLS[fn]] }));
}
