// The one interface every OS backend implements. The facade validates and
// delegates; a backend only talks to its kernel and throws raw OS failures
// (OsError or Node fs errors), which errno.ts translates.
import type { BigLimits, Limits, NewLimits } from '../limits.js';
import type { ProcfsView } from '../procfs-path.js';
import type { SignalSet } from '../signal-set.js';

/** A process's user IDs (credentials(7)). */
export interface Uids {
  real: number;
  effective: number;
  saved: number;
}

/** Signal masks, each a set of signal numbers (bit N-1 of the kernel's mask is signal N). */
export interface Sigmasks {
  pending: SignalSet;
  blocked: SignalSet;
  ignored: SignalSet;
  caught: SignalSet;
  processPending: SignalSet;
}

/**
 * Which process an operation is for. `dir`, when set, is a procfs directory that
 * is pinned to the process (Linux: /proc/self/fd/N of an open /proc/PID), and
 * `alive` tells whether the pinned process still exists, for answers that came
 * from a system call taking the PID.
 */
export interface Target {
  readonly pid: number;
  readonly dir: string | undefined;
  readonly alive: (() => boolean) | undefined;
  /** The procfs tree the process is read in: the current one, or the one its handle was made in. */
  readonly view: ProcfsView;
  /**
   * What a oneshot's cached reads for this target are filed under: the
   * handle's hold (one process for its whole life), or the view for a plain
   * PID. Never a path or descriptor number, which the kernel hands out again.
   */
  readonly cacheKey: object;
}

/**
 * What a backend knows about a PID when an operation failed, for errno
 * translation; 'no-procfs' when the procfs root itself does not exist.
 */
export type ProcessState = 'alive' | 'zombie' | 'gone' | 'hidden' | 'no-procfs' | 'unknown';

/** A held process: the backend's way to tell the same process from a reused PID. */
export interface ProcessHold {
  /** A procfs directory pinned to the process, when the OS offers one. */
  readonly dir: string | undefined;
  /** False once the process is gone or its PID names another process. */
  alive(): boolean;
  /** Releases what the hold owns (a descriptor); idempotent. */
  release(): void;
}

/**
 * What each platform-dependent public function needs from a backend: the
 * one table that ties the public API to the operations below. A function is
 * available on a platform exactly when its backend has all of them
 * (availabilityOf() in availability.ts); the README table follows this order.
 */
export const NEEDS = Object.freeze({
  procGetUmask: ['getUmask'],
  procGetgroups: ['getGroups'],
  procRlimit: ['getRlimit', 'setRlimit'],
  procGetrlimit: ['getRlimit'],
  procGetpgid: ['getPgid'],
  procGetsid: ['getSid'],
  procGetSigmasks: ['getSigmasks'],
  procGetName: ['getName'],
  procGetUids: ['getUids'],
  procGetCmdline: ['getCmdline'],
  procGetrlimitUsage: ['getRlimitUsage'],
  procGetAllRlimits: ['getRlimit'],
  procNumFds: ['getNumFds'],
  pids: ['listPids'],
  processIdentity: ['hold'],
} as const satisfies Record<string, readonly (keyof Backend)[]>);

/**
 * A backend has the operations its kernel can serve for another process, and
 * only those: a function whose operation is missing is unavailable on the
 * platform (availabilityOf() in availability.ts derives the table from this,
 * and the facade answers ENOTSUP without calling anything). An operation that
 * exists may still fail with ENOTSUP when this machine cannot serve it at
 * the moment, with the reason (failures.ts, unsupported()).
 */
export interface Backend {
  /** A human name for messages: 'Linux', 'FreeBSD', ... */
  readonly platform: string;
  /** This platform's RLIMIT_* numbers. */
  readonly rlimits: Readonly<Record<string, number>>;
  /** This platform's RLIM_INFINITY as an unsigned 64-bit value. */
  readonly rlimInfinity: bigint;
  /** Largest PID this OS can hand out; larger ones are answered NoSuchProcess without asking. */
  readonly maxPid: number;

  readonly getUmask?: (t: Target) => number;
  readonly getGroups?: (t: Target) => number[];
  /** The limits as Limits, or as exact BigLimits when `bigint`. */
  readonly getRlimit?: (t: Target, resource: number, bigint: boolean) => Limits | BigLimits;
  /**
   * Sets both limits and returns the previous ones, in the form `bigint` asks
   * for. `limits` is what the facade validated: a pair of safe integers (or
   * Infinity for unlimited), or exact rlim_t values (see NewLimits).
   */
  readonly setRlimit?: (t: Target, resource: number, limits: NewLimits, bigint: boolean) => Limits | BigLimits;
  readonly getPgid?: (t: Target) => number;
  readonly getSid?: (t: Target) => number;
  readonly getSigmasks?: (t: Target) => Sigmasks;
  /** The process name as the process set it (comm), decoded as UTF-8. */
  readonly getName?: (t: Target) => string;
  readonly getUids?: (t: Target) => Uids;
  /** The arguments the process was started with, or has since written over them. */
  readonly getCmdline?: (t: Target) => string[];
  /**
   * How much of a resource the process uses now, in the limit's own unit
   * (bytes, a count, CPU seconds); undefined when the kernel shows no
   * figure for it.
   */
  readonly getRlimitUsage?: (t: Target, resource: number) => number | undefined;
  /** How many file descriptors the process has open. */
  readonly getNumFds?: (t: Target) => number;
  /** The PIDs of the processes `view` shows, ascending. */
  readonly listPids?: (view: ProcfsView) => number[];
  /** Pins a process, as `view` shows it, for identity checks; throws like any operation if it does not exist. */
  readonly hold?: (pid: number, view: ProcfsView) => ProcessHold;

  /** After a failure: is the PID, as `view` shows it, alive, a zombie, gone, or hidden from us? */
  diagnose(pid: number, cause: unknown, view: ProcfsView): ProcessState;
}
