// The only place koffi is loaded, and only on first use: importing the package
// never touches native code, and a platform without a koffi binary still gets
// every feature that needs no system call.
import type * as Koffi from 'koffi' with { 'resolution-mode': 'require' };

export type KoffiModule = typeof Koffi;
export type KoffiLibrary = ReturnType<KoffiModule['load']>;
export type KoffiFunction = ReturnType<KoffiLibrary['func']>;

let loaded: KoffiModule | undefined;
let failure: Error | undefined;

/**
 * Thrown when a feature needs a system call and koffi cannot be loaded here.
 * `transientCode` is the errno code of a cause that will pass (no descriptor
 * or memory free at that moment: 'EMFILE', ...): the load is tried again on
 * the next call, and the call fails with that code rather than ENOTSUP.
 */
export class FfiUnavailable extends Error {
  override name = 'FfiUnavailable';
  readonly code = 'ENOTSUP';
  readonly transientCode: string | undefined;

  constructor(message: string, options: { cause?: unknown; transientCode?: string | undefined } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.transientCode = options.transientCode;
  }
}

/** koffi itself, loaded once; throws FfiUnavailable with the loader's reason. */
export function koffi(): KoffiModule {
  if (loaded !== undefined) return loaded;
  if (failure !== undefined) throw failure;
  try {
    loaded = require('koffi') as KoffiModule;
    return loaded;
  } catch (cause) {
    const err = new FfiUnavailable(`the FFI library koffi could not be loaded (${firstLine(cause)})`, {
      cause,
      transientCode: transientCode(cause),
    });
    // A missing or foreign binary stays missing; a full descriptor table does not.
    if (err.transientCode === undefined) failure = err;
    throw err;
  }
}

// Out of descriptors or memory while loading: require() reports the errno
// code of the file it could not open, dlopen(3) only the strerror(3) text
// (ENFILE's text begins like EMFILE's, so it is looked for first).
const TRANSIENT_CODES = new Set(['EMFILE', 'ENFILE', 'ENOMEM', 'EAGAIN']);
const TRANSIENT_TEXTS: readonly [RegExp, string][] = [
  [/too many open files in system/i, 'ENFILE'],
  [/too many open files/i, 'EMFILE'],
  [/cannot allocate memory/i, 'ENOMEM'],
  [/resource temporarily unavailable/i, 'EAGAIN'],
];

/** The errno code of a load failure that passes (in the error or its cause chain), else undefined. */
export function transientCode(err: unknown): string | undefined {
  for (let e = err, depth = 0; typeof e === 'object' && e !== null && depth < 8; depth++) {
    const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return code;
    if (typeof message === 'string') {
      for (const [text, textCode] of TRANSIENT_TEXTS) if (text.test(message)) return textCode;
    }
    e = cause;
  }
  return undefined;
}

function firstLine(cause: unknown): string {
  return cause instanceof Error ? (cause.message.split('\n')[0] ?? '') : String(cause);
}

/** True once koffi has been loaded (by a feature that needed a system call); loads nothing. */
export function koffiLoaded(): boolean {
  return loaded !== undefined;
}

/** True when koffi loads on this machine. */
export function ffiAvailable(): boolean {
  try {
    koffi();
    return true;
  } catch {
    return false;
  }
}

/** The errno a C function left, read right after the call that failed. */
export function lastErrno(): number {
  return koffi().errno();
}

/**
 * The first of `paths` that loads, or FfiUnavailable naming them all: on a
 * machine without that OS's C library (a simulated platform, a missing file)
 * every call fails with one clear error instead of reaching a foreign libc.
 */
export function loadLibrary(paths: readonly string[], platform: string): KoffiLibrary {
  const ffi = koffi();
  const reasons: string[] = [];
  let transient: string | undefined;
  for (const path of paths) {
    try {
      return ffi.load(path);
    } catch (cause) {
      transient ??= transientCode(cause);
      reasons.push(`${path}: ${firstLine(cause)}`);
    }
  }
  throw new FfiUnavailable(
    `the ${platform} C library could not be loaded (${reasons.length > 0 ? reasons.join('; ') : 'no candidate found'})`,
    { transientCode: transient },
  );
}
