// The only place koffi is loaded, and only on first use: importing the package
// never touches native code, and a platform without a koffi binary still gets
// every feature that needs no system call.
import type * as Koffi from 'koffi' with { 'resolution-mode': 'require' };

export type KoffiModule = typeof Koffi;
export type KoffiLibrary = ReturnType<KoffiModule['load']>;
export type KoffiFunction = ReturnType<KoffiLibrary['func']>;

let loaded: KoffiModule | undefined;
let failure: Error | undefined;

/** Thrown when a feature needs a system call and koffi cannot be loaded here. */
export class FfiUnavailable extends Error {
  override name = 'FfiUnavailable';
  readonly code = 'ENOTSUP';
}

/** koffi itself, loaded once; throws FfiUnavailable with the loader's reason. */
export function koffi(): KoffiModule {
  if (loaded !== undefined) return loaded;
  if (failure === undefined) {
    try {
      loaded = require('koffi') as KoffiModule;
      return loaded;
    } catch (cause) {
      failure = new FfiUnavailable(
        `the FFI library koffi could not be loaded (${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)})`,
        { cause },
      );
    }
  }
  throw failure;
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
  for (const path of paths) {
    try {
      return ffi.load(path);
    } catch (cause) {
      reasons.push(`${path}: ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}`);
    }
  }
  throw new FfiUnavailable(
    `the ${platform} C library could not be loaded (${reasons.length > 0 ? reasons.join('; ') : 'no candidate found'})`,
  );
}
