// The libc calls macOS and the BSDs share, bound through koffi on first use:
// sysctl(3), getpgid(2), getsid(2), and errno read through the OS's own accessor:
// __error on macOS (xnu bsd/sys/errno.h) and FreeBSD, __errno on OpenBSD and
// NetBSD, __errno_location on DragonFly (as rust-lang/libc declares them). Every
// pointer is passed as a Buffer, so no koffi struct type is involved and
// layouts stay in src/ffi/structs.
import { FfiUnavailable, type KoffiFunction, koffi, loadLibrary } from '../../ffi/koffi.js';

export interface BsdLibc {
  /** sysctl(name, namelen, oldp, oldlenp, newp, newlen); `mib` holds C ints, `oldlen` one size_t. */
  sysctl(
    mib: Buffer,
    namelen: number,
    oldp: Buffer | null,
    oldlen: Buffer | null,
    newp: Buffer | null,
    newlen: number,
  ): number;
  getpgid(pid: number): number;
  getsid(pid: number): number;
  /** The errno the last failing call left. */
  errno(): number;
}

export interface LibcSpec {
  /** For messages: 'FreeBSD', ... */
  readonly platform: string;
  /** Candidate paths of the C library, tried in order. */
  readonly paths: () => readonly string[];
  readonly errnoSymbol: '__error' | '__errno' | '__errno_location';
}

const bound = new Map<LibcSpec, BsdLibc>();
// A library that is not here will not appear: the first failure is kept.
const failed = new Map<LibcSpec, FfiUnavailable>();

/** Binds the calls for one OS on first use; throws FfiUnavailable when its libc is not here. */
export function bsdLibc(spec: LibcSpec): BsdLibc {
  const known = bound.get(spec);
  if (known !== undefined) return known;
  const failure = failed.get(spec);
  if (failure !== undefined) throw failure;
  try {
    const libc = bind(spec);
    bound.set(spec, libc);
    return libc;
  } catch (err) {
    // A transient failure (no descriptor free while loading) is tried again next time.
    if (err instanceof FfiUnavailable && err.transientCode === undefined) failed.set(spec, err);
    throw err;
  }
}

function bind(spec: LibcSpec): BsdLibc {
  const ffi = koffi();
  const lib = loadLibrary(spec.paths(), spec.platform);
  let errnoPtr: KoffiFunction;
  let sysctl: KoffiFunction;
  let getpgid: KoffiFunction;
  let getsid: KoffiFunction;
  try {
    // The errno accessor is bound first: a library without it is not this OS's libc.
    errnoPtr = lib.func(`int *${spec.errnoSymbol}(void)`);
    sysctl = lib.func(
      'int sysctl(void *name, unsigned int namelen, void *oldp, void *oldlenp, void *newp, size_t newlen)',
    );
    getpgid = lib.func('int getpgid(int pid)');
    getsid = lib.func('int getsid(int pid)');
  } catch (cause) {
    throw new FfiUnavailable(
      `the ${spec.platform} C library lacks a needed symbol (${cause instanceof Error ? cause.message : String(cause)})`,
      { cause },
    );
  }
  return {
    sysctl: (mib, namelen, oldp, oldlen, newp, newlen) => sysctl(mib, namelen, oldp, oldlen, newp, newlen) as number,
    getpgid: (pid) => getpgid(pid) as number,
    getsid: (pid) => getsid(pid) as number,
    errno: () => ffi.decode(errnoPtr(), 'int') as number,
  };
}
