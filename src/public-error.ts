// The one place raw OS failures become public errors (psutil's wrap_exceptions):
//   ESRCH            → ZombieProcess if the PID is a zombie, else NoSuchProcess
//   ENOENT on procfs → NoSuchProcess only if the process is really gone;
//                      AccessDenied if it exists but procfs hides it (hidepid=2);
//                      a system error naming the root if the procfs root is missing;
//                      a system error if the process lives and the file is missing
//   EPERM, EACCES    → AccessDenied (and a runtime's own refusal, Deno's NotCapable)
//   anything else    → a Node-shaped system error (code, negative errno, syscall)
// The original error is always kept as `cause`.
import type { Backend } from './backends/backend.js';
import { AccessDenied, NoSuchProcess, PsutilError, ZombieProcess, notSupported, systemError } from './errors.js';
import { FfiUnavailable } from './ffi/koffi.js';
import { errorCode } from './failures.js';
import type { ProcfsView } from './procfs-path.js';

interface RawFailure {
  code?: unknown;
  syscall?: unknown;
  path?: unknown;
  detail?: unknown;
  state?: unknown;
}

export function toPublicError(err: unknown, pid: number, backend: Backend, fn: string, view: ProcfsView): Error {
  if (err instanceof PsutilError) return err;
  if (err instanceof FfiUnavailable) {
    // Out of descriptors while loading koffi: that errno, not "unsupported".
    if (err.transientCode !== undefined) return systemError(err.transientCode, fn, { detail: err.message, cause: err });
    return notSupported(fn, backend.platform, err.message, err);
  }
  if (runtimeDenied(err)) {
    return new AccessDenied(pid, 'EACCES', { cause: err, syscall: fn, reason: runtimeDeniedReason(err as Error) });
  }
  const code = errorCode(err);
  if (code === undefined) return err instanceof Error ? err : new Error(String(err));
  const raw = err as RawFailure;
  const syscall = typeof raw.syscall === 'string' ? raw.syscall : fn;
  const path = typeof raw.path === 'string' ? fullPath(raw.path, pid, view) : undefined;
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
  if (code === 'ENOTSUP') {
    return notSupported(syscall, backend.platform, typeof raw.detail === 'string' ? raw.detail : undefined, err);
  }
  return systemError(code, syscall, {
    ...(path === undefined ? {} : { path }),
    ...(typeof raw.detail === 'string' ? { detail: raw.detail } : {}),
    cause: err,
  });
}

// A failure names a file of the process's procfs directory by its name alone
// (parsers do not know the PID or the root): the full path is the one the
// call was for.
function fullPath(path: string, pid: number, view: ProcfsView): string {
  return path.startsWith('/') ? path : `${view.root}/${pid}/${path}`;
}

// Deno without --allow-read (or --allow-ffi) refuses a file or library
// before the kernel is asked: Deno.errors.NotCapable (PermissionDenied before
// Deno 2), without an errno code. The process may well be readable; this
// caller may not read it.
// Deno's refusals end in "run again with the --allow-read flag" and name what
// was asked ('Requires read access to "/proc/1/status"'). Deno treats /proc,
// /dev and /sys as privileged: only --allow-all (-A) opens them, while its
// message asks for --allow-read when no read permission covers the path.
function runtimeDeniedReason(err: Error): string {
  const flag = /run again with the (--[a-z-]+) flag/.exec(err.message)?.[1];
  if (flag === undefined) return 'the runtime does not allow it';
  const what = /access to "([^"]*)"/.exec(err.message)?.[1];
  if (what !== undefined && /^\/(proc|dev|sys)(\/|$)/.test(what)) {
    return `Deno needs --allow-all (-A) to read ${what}: --allow-read does not open /proc, /dev or /sys`;
  }
  return `Deno needs ${flag}${what === undefined ? '' : ` to read ${what}`}`;
}

function runtimeDenied(err: unknown): boolean {
  if (!(err instanceof Error) || errorCode(err) !== undefined) return false;
  return err.name === 'NotCapable' || err.name === 'PermissionDenied';
}
