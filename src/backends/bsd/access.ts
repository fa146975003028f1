// How NetBSD and DragonFly reach the kernel: koffi ships no binary for them, so
// the libc route works only with a from-source koffi build. Without it their
// procfs answers what it prints; without both, a clear error says which is
// missing.
import { FfiUnavailable } from '../../ffi/koffi.js';
import { type OsError, unsupported } from '../../failures.js';
import { type BsdLibc, type LibcSpec, bsdLibc } from './libc.js';
import { getProcfsPath } from '../../procfs-path.js';
import { bsdProcfsMounted, procPath } from './procfs-text.js';

/** The procfs root that PIDs of this machine's sysctl(3) name the same processes in. */
const DEFAULT_ROOT = '/proc';

/** The way one call reaches the kernel: sysctl(3) through koffi, or procfs files. */
export type KernelRoute = { readonly kind: 'ffi'; readonly libc: BsdLibc } | { readonly kind: 'procfs' };

/** The libc binding, or the reason it is unavailable (koffi or the library missing). */
export function tryLibc(spec: LibcSpec): BsdLibc | FfiUnavailable {
  try {
    return bsdLibc(spec);
  } catch (err) {
    if (err instanceof FfiUnavailable) return err;
    throw err;
  }
}

/**
 * koffi when it loads, else a mounted procfs, else ENOTSUP naming both. A
 * procfs tree other than /proc (setProcfsPath, or the view a listing is for)
 * is always read as files: its PIDs need not mean the same to sysctl.
 */
export function chooseRoute(spec: LibcSpec, fn: string, root = getProcfsPath()): KernelRoute {
  if (root !== DEFAULT_ROOT) {
    if (bsdProcfsMounted(root)) return { kind: 'procfs' };
    throw unsupported(fn, `${root}/curproc/status not found: not a ${spec.platform} procfs`);
  }
  const libc = tryLibc(spec);
  if (!(libc instanceof FfiUnavailable)) return { kind: 'ffi', libc };
  if (bsdProcfsMounted()) return { kind: 'procfs' };
  throw neither(spec, fn, libc);
}

/** koffi is required (no procfs file has the answer): ENOTSUP saying so. */
export function requireLibc(spec: LibcSpec, fn: string, what: string): BsdLibc {
  const libc = tryLibc(spec);
  if (!(libc instanceof FfiUnavailable)) return libc;
  throw unsupported(
    fn,
    `${what} on ${spec.platform} needs koffi built for this system (${libc.message}); procfs does not provide it`,
  );
}

function neither(spec: LibcSpec, fn: string, libc: FfiUnavailable): OsError {
  return unsupported(
    fn,
    `${spec.platform} needs either koffi (built from source for this system) or procfs mounted at ${getProcfsPath()}: ` +
      `koffi: ${libc.message}; procfs: ${procPath('curproc', 'status')} not found (mount_procfs procfs ${getProcfsPath()})`,
  );
}
