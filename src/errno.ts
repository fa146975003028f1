// The one place raw OS failures become public errors (psutil's wrap_exceptions):
//   ESRCH            → ZombieProcess if the PID is a zombie, else NoSuchProcess
//   ENOENT on procfs → NoSuchProcess only if the process is really gone;
//                      AccessDenied if it exists but procfs hides it (hidepid=2);
//                      a system error naming the root if the procfs root is missing;
//                      a system error if the process lives and the file is missing
//   EPERM, EACCES    → AccessDenied
//   anything else    → a Node-shaped system error (code, negative errno, syscall)
// The original error is always kept as `cause`.
import type { Backend } from './backends/backend.js';
import { AccessDenied, NoSuchProcess, PsutilError, ZombieProcess, systemError } from './errors.js';
import { FfiUnavailable } from './ffi/koffi.js';
import { errorCode } from './os-error.js';
import type { ProcfsView } from './procfs-path.js';

interface RawFailure {
  code?: unknown;
  syscall?: unknown;
  path?: unknown;
  detail?: unknown;
  state?: unknown;
}

export function translate(err: unknown, pid: number, backend: Backend, fn: string, view: ProcfsView): Error {
  if (err instanceof PsutilError) return err;
  if (err instanceof FfiUnavailable) {
    // Out of descriptors while loading koffi: that errno, not "unsupported".
    return systemError(err.transientCode ?? 'ENOTSUP', fn, { detail: err.message, cause: err });
  }
  const code = errorCode(err);
  if (code === undefined) return err instanceof Error ? err : new Error(String(err));
  const raw = err as RawFailure;
  const syscall = typeof raw.syscall === 'string' ? raw.syscall : fn;
  const path = typeof raw.path === 'string' ? raw.path : undefined;
  const options = { cause: err, syscall };
  switch (code) {
    case 'ESRCH': {
      const state = raw.state ?? backend.diagnose(pid, err, view);
      return state === 'zombie' ? new ZombieProcess(pid, options) : new NoSuchProcess(pid, undefined, options);
    }
    case 'ENOENT': {
      const state = raw.state ?? backend.diagnose(pid, err, view);
      if (state === 'gone') return new NoSuchProcess(pid, undefined, options);
      if (state === 'zombie') return new ZombieProcess(pid, options);
      if (state === 'hidden') {
        return new AccessDenied(pid, 'EPERM', { ...options, reason: 'the process exists but procfs hides it' });
      }
      if (state === 'no-procfs') {
        // Not a verdict on the process: the tree given to setProcfsPath() is missing.
        return systemError(code, syscall, {
          ...(path === undefined ? {} : { path }),
          detail: `the procfs root ${view.root} does not exist; check setProcfsPath()`,
          cause: err,
        });
      }
      break;
    }
    case 'EPERM':
    case 'EACCES':
      return new AccessDenied(pid, code, options);
  }
  return systemError(code, syscall, {
    ...(path === undefined ? {} : { path }),
    ...(typeof raw.detail === 'string' ? { detail: raw.detail } : {}),
    cause: err,
  });
}
