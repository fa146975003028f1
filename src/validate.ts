// Argument validation at the public edge, in Node core's order and shapes:
// type → integer → range; TypeError ERR_INVALID_ARG_TYPE, RangeError ERR_OUT_OF_RANGE.
// Nothing here touches the OS, so no path or system call is ever built from an
// unvalidated value.
import { invalidArgType, unreadable } from './errors.js';

/** What every per-process function accepts: a PID or anything that carries one. */
export type ProcLike = number | { readonly pid?: number | undefined; isRunning?(): boolean };

/** A validated target: an integer PID, plus the object's liveness check when it has one. */
export interface ResolvedProc {
  readonly pid: number;
  readonly isRunning: (() => boolean) | undefined;
}

/**
 * Resolves `proc` to an integer PID. Only a primitive number or an object whose
 * `pid` is a primitive integer is accepted: strings ('1', 'self/../1'), bigints,
 * boxed numbers and NaN are type errors, never coerced.
 */
export function resolveProc(proc: unknown, name = 'proc'): ResolvedProc {
  if (typeof proc === 'number') {
    if (!Number.isInteger(proc)) throw invalidArgType(name, 'an integer PID or an object with an integer pid', proc);
    return { pid: proc === 0 ? 0 : proc, isRunning: undefined };
  }
  if (typeof proc !== 'object' || proc === null) {
    throw invalidArgType(name, 'of type number or an object with a pid property', proc);
  }
  let pid: unknown;
  let isRunning: unknown;
  try {
    pid = (proc as { pid?: unknown }).pid;
    isRunning = (proc as { isRunning?: unknown }).isRunning;
  } catch (cause) {
    // A throwing getter is bad input like any other: one documented error, cause kept.
    throw invalidArgType(name, 'an object whose pid can be read', proc, cause);
  }
  if (typeof pid !== 'number' || !Number.isInteger(pid)) {
    throw invalidArgType(`${name}.pid`, 'an integer', pid);
  }
  if (isRunning !== undefined && typeof isRunning !== 'function') {
    throw invalidArgType(`${name}.isRunning`, 'a function', isRunning);
  }
  const check = isRunning === undefined ? undefined : () => Boolean((isRunning as () => unknown).call(proc));
  return { pid: pid === 0 ? 0 : pid, isRunning: check };
}

/** Checks an options argument: undefined or a plain object. */
export function validateOptions<T extends object>(options: unknown, name = 'options'): Partial<T> {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || isArray(options)) {
    throw invalidArgType(name, 'of type object', options);
  }
  return options;
}

/**
 * Reads one option; a throwing getter or Proxy trap is bad input like any
 * other: the option's TypeError, with the thrown value as cause.
 */
export function readOption(options: object, key: string, name: string): unknown {
  try {
    return (options as Record<string, unknown>)[key];
  } catch (cause) {
    throw unreadable(name, cause);
  }
}

/** Whether `options` has its own `key`, with readOption's protection. */
export function hasOwnOption(options: object, key: string, name: string): boolean {
  try {
    return Object.hasOwn(options, key);
  } catch (cause) {
    throw unreadable(name, cause);
  }
}

/** Array.isArray, except that a revoked Proxy (on which it throws) is simply not an array. */
export function isArray(value: unknown): value is readonly unknown[] {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

/** A plain copy of an array argument's elements, read once, with readOption's protection. */
export function readArray(array: readonly unknown[], name: string): unknown[] {
  try {
    return Array.from(array);
  } catch (cause) {
    throw unreadable(name, cause);
  }
}

/** Checks a boolean option, returning its value or the default. */
export function validateBooleanOption(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw invalidArgType(name, 'of type boolean', value);
  return value;
}

/** Checks a function argument. */
export function validateFunction(value: unknown, name: string): asserts value is (...args: never[]) => unknown {
  if (typeof value !== 'function') throw invalidArgType(name, 'of type function', value);
}
