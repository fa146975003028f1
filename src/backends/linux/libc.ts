// The libc calls the Linux backend needs, bound once through koffi on first use:
// getpgid(2), getsid(2), prlimit(2), and open(2)/read(2)/close(2)/getdents64(2)
// for procfs.
// The koffi function handles are handed out as they are, without wrapper
// closures: every call costs a few hundred nanoseconds and a wrapper is
// measurable at that scale.
import { FfiUnavailable, type KoffiLibrary, type KoffiModule, koffi } from '../../ffi/koffi.js';

/**
 * prlimit(2) on one fixed pair of struct rlimit64 { rlim64_t rlim_cur, rlim_max; }
 * (getrlimit(2)): 64-bit values in native byte order on every architecture, so limits above 2**53
 * stay exact. `words` views both structs as 32-bit halves: words 0-3 are the
 * new limit a set passes in, words 4-7 the old limit the kernel writes back.
 */
export interface RlimitCall {
  /** The libc function bound: prlimit64 wherever libc has it. */
  readonly symbol: string;
  readonly words: Uint32Array;
  /** prlimit(pid, resource, NULL, &old): 0 or -1. */
  get(pid: number, resource: number): number;
  /** prlimit(pid, resource, &new, &old): 0 or -1. */
  set(pid: number, resource: number): number;
}

/** Memory koffi allocated once and never frees: a Buffer over it and its address. */
export interface NativeBytes {
  readonly bytes: Buffer;
  readonly address: number;
}

/** PATH_MAX (include/uapi/linux/limits.h), the NUL included. */
export const PATH_MAX = 4096;

export interface LinuxLibc {
  getpgid(pid: number): number;
  getsid(pid: number): number;
  readonly rlimit: RlimitCall;
  /** open(2) of a NUL-free path; a descriptor or -1. */
  open(path: string, flags: number): number;
  /** read(2) into the start of buf; bytes read or -1. */
  read(fd: number, buf: Buffer, count: number): number;
  close(fd: number): number;
  /**
   * getdents64(2) into the start of buf: bytes of struct linux_dirent64
   * records, 0 at the end of the directory, or -1. Undefined where libc has
   * no wrapper (glibc added it in 2.30).
   */
  readonly getdents64: ((fd: number, buf: Buffer, count: number) => number) | undefined;
  /**
   * `size` bytes of memory koffi allocated, never freed, for openAt() and
   * readAt(); undefined where it cannot be viewed or addressed exactly.
   * Arguments by address cost koffi a few dozen instructions, where a Buffer
   * costs about 250 to find its memory and a string about 700 to build,
   * flatten and convert to UTF-8.
   */
  alloc(size: number): NativeBytes | undefined;
  /** open(2) of the NUL-terminated path at an address in memory from alloc(): a descriptor or -1. */
  openAt(path: number, flags: number): number;
  /** read(2) into memory from alloc(), by address: bytes read or -1. */
  readAt(fd: number, address: number, count: number): number;
  errno(): number;
}

/** O_CLOEXEC (include/uapi/asm-generic/fcntl.h; x86, arm and arm64 agree), which Node adds to every open. */
export const O_CLOEXEC = 0o2000000;

/** Two struct rlimit, 16 bytes each. */
const RLIMIT_PAIR_BYTES = 32;

let bound: LinuxLibc | undefined;
// Set once koffi is known not to load here (a transient failure leaves it unset).
let unavailable = false;

/**
 * The binding, or undefined when koffi cannot be loaded here. A failure that
 * passes (no descriptor free while loading) is tried again on the next call;
 * any other is remembered.
 */
export function linuxLibcIfAvailable(): LinuxLibc | undefined {
  if (bound !== undefined || unavailable) return bound;
  try {
    return linuxLibc();
  } catch (err) {
    if (!(err instanceof FfiUnavailable)) throw err;
    if (err.transientCode === undefined) unavailable = true;
    return undefined;
  }
}

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
    rlimit: rlimitCall(ffi, lib),
    open: fn('int open(const char *path, int flags)'),
    read: fn('long read(int fd, void *buf, unsigned long count)'),
    close: fn('int close(int fd)'),
    getdents64: optionalFn(lib, 'long getdents64(int fd, void *buf, unsigned long count)'),
    alloc: (size) => nativeBytes(ffi, size),
    openAt: fn('int open(intptr_t path, int flags)'),
    readAt: fn('long read(int fd, intptr_t buf, unsigned long count)'),
    errno: () => ffi.errno(),
  };
  return bound;
}

// A function libc may lack: koffi throws when the symbol is not there.
function optionalFn<T>(lib: KoffiLibrary, definition: string): T | undefined {
  try {
    return lib.func(definition) as unknown as T;
  } catch {
    return undefined;
  }
}

// Memory of `size` bytes koffi allocated, as a Buffer and its address; undefined
// where external memory cannot be viewed (runtimes that forbid external
// ArrayBuffers) or its address is not exact as a double.
function nativeBytes(ffi: KoffiModule, size: number): NativeBytes | undefined {
  try {
    const block = ffi.alloc('uint8_t', size) as unknown;
    const bytes = Buffer.from(ffi.view(block, size));
    const address = Number(ffi.address(block));
    return Number.isSafeInteger(address) && address > 0 && bytes.length === size ? { bytes, address } : undefined;
  } catch {
    return undefined;
  }
}

type PrlimitAt = (pid: number, resource: number, newLimit: number, oldLimit: number) => number;
type PrlimitBuffers = (pid: number, resource: number, newLimit: Buffer | null, oldLimit: Buffer) => number;

// The libc symbol whose struct rlimit holds 64-bit values. On 32-bit glibc
// (armv7, i386) prlimit() takes the old struct with 32-bit rlim_t, and only
// prlimit64() takes 64-bit values (<sys/resource.h>, __USE_LARGEFILE64);
// passing 16-byte structs to prlimit() there reads hard * 2**32 + soft and
// writes garbage. 64-bit glibc exports both names for one function. musl's
// rlim_t is 64-bit everywhere, and it keeps prlimit64 as an alias where it
// has it at all, so prlimit() is right when prlimit64 is missing.
function prlimitSymbol(lib: KoffiLibrary): string {
  try {
    lib.func('int prlimit64(int pid, int resource, void *new_limit, void *old_limit)');
    return 'prlimit64';
  } catch {
    return 'prlimit';
  }
}

// The structs live in memory koffi allocated once and never frees, passed by
// address as plain integers: koffi converts an integer argument faster than it
// finds a Buffer's memory (about 50-100 ns a call here). Where external memory
// cannot be viewed (runtimes that forbid external ArrayBuffers) or an address
// is not exact as a double, a Buffer is passed instead.
function rlimitCall(ffi: KoffiModule, lib: KoffiLibrary): RlimitCall {
  const symbol = prlimitSymbol(lib);
  const memory = nativeBytes(ffi, RLIMIT_PAIR_BYTES);
  if (memory !== undefined) {
    const raw = lib.func(`int ${symbol}(int pid, int resource, intptr_t new_limit, intptr_t old_limit)`) as unknown;
    const prlimit = raw as PrlimitAt;
    const newAt = memory.address;
    const oldAt = memory.address + 16;
    const bytes = memory.bytes;
    return {
      symbol,
      words: new Uint32Array(bytes.buffer, bytes.byteOffset, RLIMIT_PAIR_BYTES / 4),
      get: (pid, resource) => prlimit(pid, resource, 0, oldAt),
      set: (pid, resource) => prlimit(pid, resource, newAt, oldAt),
    };
  }
  const pair = Buffer.alloc(RLIMIT_PAIR_BYTES);
  const newLimit = pair.subarray(0, 16);
  const oldLimit = pair.subarray(16);
  const prlimit = lib.func(`int ${symbol}(int pid, int resource, void *new_limit, void *old_limit)`) as unknown;
  const call = prlimit as PrlimitBuffers;
  return {
    symbol,
    words: new Uint32Array(pair.buffer, pair.byteOffset, RLIMIT_PAIR_BYTES / 4),
    get: (pid, resource) => call(pid, resource, null, oldLimit),
    set: (pid, resource) => call(pid, resource, newLimit, oldLimit),
  };
}
