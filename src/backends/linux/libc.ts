// The libc calls the Linux backend needs, bound once through koffi on first use:
// getpgid(2), getsid(2), prlimit(2). rlimit structs pass as preallocated
// 16-byte buffers (two native-endian rlim_t), so values above 2**53 stay exact.
import { koffi, type KoffiFunction } from '../../ffi/koffi.js';

export interface LinuxLibc {
  getpgid(pid: number): number;
  getsid(pid: number): number;
  prlimit(pid: number, resource: number, newLimit: Buffer | null, oldLimit: Buffer | null): number;
  errno(): number;
}

let bound: LinuxLibc | undefined;

/** Binds the calls on first use; throws FfiUnavailable when koffi cannot load. */
export function linuxLibc(): LinuxLibc {
  if (bound !== undefined) return bound;
  const ffi = koffi();
  let lib;
  try {
    lib = ffi.load('libc.so.6');
  } catch {
    // musl and other libcs: the symbols are already in the running process.
    lib = ffi.load(null);
  }
  const getpgid: KoffiFunction = lib.func('int getpgid(int pid)');
  const getsid: KoffiFunction = lib.func('int getsid(int pid)');
  const prlimit: KoffiFunction = lib.func('int prlimit(int pid, int resource, void *new_limit, void *old_limit)');
  bound = {
    getpgid: (pid) => getpgid(pid) as number,
    getsid: (pid) => getsid(pid) as number,
    prlimit: (pid, resource, newLimit, oldLimit) => prlimit(pid, resource, newLimit, oldLimit) as number,
    errno: () => ffi.errno(),
  };
  return bound;
}
