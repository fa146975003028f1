// A handle on one process that survives PID reuse. On Linux it holds an open
// /proc/PID descriptor (see backends/linux/hold.ts); elsewhere it remembers the
// start time. Release it with close() or `using`; a FinalizationRegistry
// closes what a dropped handle still holds.
import type { ProcessHold, Target } from './backends/backend.js';
import { toPublicError } from './public-error.js';
import { NoSuchProcess, invalidState, notSupported } from './errors.js';
import { registerTarget } from './hold-target.js';
import type { BigLimits, LimitValue, Limits } from './limits.js';
import { getBackend } from './platform.js';
import { type ProcfsView, currentProcfsView } from './procfs-path.js';
import { type ProcLike, resolveProc } from './validate.js';
import {
  type AsDictAttr,
  type AsDictOptions,
  type DefaultAsDictAttr,
  type ProcInfo,
  PROCESS_GETTERS,
  type CheckedResource,
  type Resource,
  type ResourceInput,
  type RlimitOptions,
  oneshotProc,
  procAsDict,
  type RlimitUsage,
  procGetAllRlimits,
  procGetrlimit,
  procGetrlimitUsage,
  procRlimit,
} from './api.js';

const registry = new FinalizationRegistry<ProcessHold>((hold) => hold.release());

/** The one-value getters of PROCESS_GETTERS, as methods without arguments. */
type Getters = { readonly [K in keyof typeof PROCESS_GETTERS]: () => ReturnType<(typeof PROCESS_GETTERS)[K]> };

// The getters are installed on the prototype below, from the one table in
// api.ts; this interface gives them their types.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface Process extends Getters {}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class Process {
  // Private so that assigning `pid` cannot make reads through the pinned
  // directory and system calls by number name two different processes.
  readonly #pid: number;
  // The procfs tree the handle was made in: it reads there, and decides there
  // whether its PID may be passed to a system call, for its whole life.
  readonly #view: ProcfsView;
  #hold: ProcessHold | undefined;

  /**
   * A handle on `proc`: a PID, or anything with an integer `pid` (a
   * ChildProcess, `process`, another Process), as every function takes.
   * Without an argument, this process.
   *
   * @param proc A PID, or anything with an integer `pid`; this process when omitted.
   * @throws {TypeError} `ERR_INVALID_ARG_TYPE`: `proc` is not an integer PID or an object with an integer `pid`
   * @throws {NoSuchProcess} `ESRCH`: the process does not exist
   * @throws {AccessDenied} `EPERM` / `EACCES`: the kernel refused to show the process
   * @throws {Error} a system error: `EMFILE` when no descriptor is free to hold the process (its start time cannot be read either), `ENOTSUP` where the platform has no process identity, or another OS failure
   */
  constructor(proc: ProcLike = process.pid) {
    // The pid is read once; an object's isRunning is not kept: the handle has its own.
    const pid = resolveProc(proc).pid;
    this.#pid = pid;
    this.#view = currentProcfsView();
    const backend = getBackend();
    if (backend.hold === undefined) throw notSupported('Process', backend.platform);
    if (pid <= 0 || pid > backend.maxPid) throw new NoSuchProcess(pid);
    let hold: ProcessHold;
    try {
      hold = backend.hold(pid, this.#view);
    } catch (err) {
      throw toPublicError(err, pid, backend, 'Process', this.#view);
    }
    this.#hold = hold;
    registry.register(this, hold, this);
    registerTarget(this, () => this.#target());
  }

  /** The process ID this handle was made for. */
  get pid(): number {
    return this.#pid;
  }

  /**
   * False once the process has exited and been reaped, or its PID names another process.
   *
   * @throws {Error} `ERR_INVALID_STATE` after close()
   */
  isRunning(): boolean {
    return this.#held().alive();
  }

  /** Releases the descriptor the handle holds; later calls throw ERR_INVALID_STATE. */
  close(): void {
    if (this.#hold === undefined) return;
    registry.unregister(this);
    this.#hold.release();
    this.#hold = undefined;
  }

  [Symbol.dispose](): void {
    this.close();
  }

  // The pinned target the facade reads through (see hold-target.ts).
  #target(): Target {
    const hold = this.#held();
    return { pid: this.#pid, dir: hold.dir, alive: () => hold.alive(), view: this.#view, cacheKey: hold };
  }

  /**
   * The `[soft, hard]` limits of a resource; see procGetrlimit().
   *
   * @param resource An `RLIMIT_*` number or a name (`'nofile'`).
   * @param options `bigint: true` returns exact rlim_t values.
   */
  getrlimit<R extends ResourceInput>(
    resource: CheckedResource<R>,
    options?: RlimitOptions & { bigint?: false },
  ): Limits;
  getrlimit<R extends ResourceInput>(resource: CheckedResource<R>, options: { bigint: true }): BigLimits;
  getrlimit(resource: Resource, options?: RlimitOptions): Limits | BigLimits {
    return procGetrlimit(this, resource, options);
  }

  /**
   * Gets a resource's limits or, with `limits = [soft, hard]`, sets both and
   * returns the previous ones; see procRlimit(). Identity is checked before
   * and after the write.
   *
   * @param resource An `RLIMIT_*` number or a name (`'nofile'`).
   * @param limits `[soft, hard]` to set; omitted or null only reads.
   * @param options `bigint: true` returns exact rlim_t values.
   */
  rlimit<R extends ResourceInput>(
    resource: CheckedResource<R>,
    limits?: readonly [LimitValue, LimitValue] | null,
    options?: RlimitOptions & { bigint?: false },
  ): Limits;
  rlimit<R extends ResourceInput>(
    resource: CheckedResource<R>,
    limits: readonly [LimitValue, LimitValue] | null | undefined,
    options: { bigint: true },
  ): BigLimits;
  rlimit(
    resource: Resource,
    limits?: readonly [LimitValue, LimitValue] | null,
    options?: RlimitOptions,
  ): Limits | BigLimits {
    return procRlimit(this, resource, limits, options);
  }

  /** How much of a resource the process uses now; see procGetrlimitUsage(). */
  getrlimitUsage<R extends ResourceInput>(resource: CheckedResource<R>): number | undefined;
  getrlimitUsage(resource: Resource): number | undefined {
    return procGetrlimitUsage(this, resource);
  }

  /** Every resource's limits and usage; see procGetAllRlimits(). */
  getAllRlimits(options?: RlimitOptions & { bigint?: false }): Record<string, RlimitUsage>;
  getAllRlimits(options: { bigint: true }): Record<string, RlimitUsage<bigint>>;
  getAllRlimits(options?: RlimitOptions): Record<string, RlimitUsage> | Record<string, RlimitUsage<bigint>> {
    return procGetAllRlimits(this, options);
  }

  /**
   * Several attributes at once, each source read once; see procAsDict().
   *
   * @param options `attrs` to read and the `adValue` standing for what may not be read.
   */
  asDict<K extends AsDictAttr = DefaultAsDictAttr, A = null>(
    options?: AsDictOptions<K, A>,
  ): { [P in K]: ProcInfo[P] | A } {
    return procAsDict(this, options);
  }

  /**
   * Runs fn with this process's reads cached; see oneshotProc().
   *
   * @param fn The function to run; sync or async.
   * @returns What fn returns.
   */
  oneshot<T>(fn: () => T): T {
    return oneshotProc(this.#pid, fn);
  }

  #held(): ProcessHold {
    if (this.#hold === undefined) throw invalidState(`the Process handle for pid ${this.#pid} is closed`);
    return this.#hold;
  }
}

// Each getter is a named method of the prototype, like a class method:
// non-enumerable, writable, configurable.
for (const [name, fn] of Object.entries(PROCESS_GETTERS)) {
  const method = {
    [name](this: Process): unknown {
      return fn(this);
    },
  }[name];
  Object.defineProperty(Process.prototype, name, { value: method, writable: true, configurable: true });
}
