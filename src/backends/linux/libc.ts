// The libc calls the Linux backend needs, bound once through koffi on first use:
// getpgid(2), getsid(2), prlimit(2), and open(2)/read(2)/close(2) for procfs.
// rlimit structs pass as preallocated 16-byte buffers (two native-endian
// rlim_t), so values above 2**53 stay exact. The koffi function handles are
// handed out as they are, without wrapper closures: every call costs a few
// hundred nanoseconds and a wrapper is measurable at that scale (issue 4).
import { koffi } from '../../ffi/koffi.js';

export interface LinuxLibc {
  getpgid(pid: number): number;
  getsid(pid: number): number;
  prlimit(pid: number, resource: number, newLimit: Buffer | null, oldLimit: Buffer | null): number;
  /** open(2) of a NUL-free path; a descriptor or -1. */
  open(path: string, flags: number): number;
  /** read(2) into the start of buf; bytes read or -1. */
  read(fd: number, buf: Buffer, count: number): number;
  close(fd: number): number;
  errno(): number;
}

/** O_RDONLY | O_CLOEXEC (include/uapi/asm-generic/fcntl.h; x86 and arm agree), as Node opens files. */
export const O_RDONLY_CLOEXEC = 0o2000000;

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
  const fn = <T>(definition: string): T => lib.func(definition) as unknown as T;
  bound = {
    getpgid: fn('int getpgid(int pid)'),
    getsid: fn('int getsid(int pid)'),
    prlimit: fn('int prlimit(int pid, int resource, void *new_limit, void *old_limit)'),
    open: fn('int open(const char *path, int flags)'),
    read: fn('long read(int fd, void *buf, unsigned long count)'),
    close: fn('int close(int fd)'),
    errno: () => ffi.errno(),
  };
  return bound;
}
