// The two libSystem calls the macOS backend needs beside sysctl(3), bound
// through koffi on first use: proc_pidinfo(3) (libsyscall/wrappers/libproc/
// libproc.h: int proc_pidinfo(int pid, int flavor, uint64_t arg, void *buffer,
// int buffersize)) and mach_timebase_info (osfmk/mach/mach_time.h). Every
// pointer is a Buffer, so the layouts stay in src/ffi/structs.
import { FfiUnavailable, type KoffiFunction, koffi, loadLibrary } from '../../ffi/koffi.js';
import { fromErrno } from '../../failures.js';

export interface DarwinLibproc {
  /**
   * proc_pidinfo: the bytes written, or an OsError. libproc answers 0 both for
   * a failure (errno set) and for an empty answer, so errno is cleared first
   * and read after a 0.
   */
  pidinfo(pid: number, flavor: number, buffer: Buffer | null): number;
  /** mach_timebase_info into an 8-byte buffer; the kern_return_t (0 is KERN_SUCCESS). */
  timebase(info: Buffer): number;
}

const LIBSYSTEM = '/usr/lib/libSystem.B.dylib';

let bound: DarwinLibproc | undefined;
let failure: FfiUnavailable | undefined;

/** Binds the calls on first use; throws FfiUnavailable when libSystem is not here. */
export function darwinLibproc(): DarwinLibproc {
  if (bound !== undefined) return bound;
  if (failure !== undefined) throw failure;
  try {
    bound = bind();
    return bound;
  } catch (err) {
    if (err instanceof FfiUnavailable && err.transientCode === undefined) failure = err;
    throw err;
  }
}

function bind(): DarwinLibproc {
  const ffi = koffi();
  const lib = loadLibrary([LIBSYSTEM], 'macOS');
  let errnoPtr: KoffiFunction;
  let pidinfo: KoffiFunction;
  let timebase: KoffiFunction;
  try {
    errnoPtr = lib.func('int *__error(void)');
    pidinfo = lib.func('int proc_pidinfo(int pid, int flavor, uint64_t arg, void *buffer, int buffersize)');
    timebase = lib.func('int mach_timebase_info(void *info)');
  } catch (cause) {
    throw new FfiUnavailable(
      `the macOS C library lacks a needed symbol (${cause instanceof Error ? cause.message : String(cause)})`,
      { cause },
    );
  }
  return {
    pidinfo(pid, flavor, buffer) {
      const errno: unknown = errnoPtr();
      ffi.encode(errno, 'int', 0);
      const n = pidinfo(pid, flavor, 0n, buffer, buffer === null ? 0 : buffer.length) as number;
      if (n > 0) return n;
      const code = ffi.decode(errno, 'int') as number;
      if (code !== 0) throw fromErrno(code, 'proc_pidinfo');
      return 0;
    },
    timebase: (info) => timebase(info) as number,
  };
}
