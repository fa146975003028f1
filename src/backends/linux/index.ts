// The Linux backend: /proc text for what the kernel prints (umask, groups,
// signal masks, and limits or pgid/sid where a system call cannot serve), and
// prlimit(2), getpgid(2), getsid(2) through koffi where it can.
import { existsSync, readlinkSync, statfsSync } from 'node:fs';
import { AVAILABILITY } from '../../availability.js';
import { cached } from '../../oneshot.js';
import { OsError, errorCode } from '../../os-error.js';
import { getProcfsPath } from '../../procfs-path.js';
import type { BigLimits } from '../../limits.js';
import { FfiUnavailable } from '../../ffi/koffi.js';
import type { Backend, ProcessState, Sigmasks, Target } from '../backend.js';
import { LINUX_PID_MAX_LIMIT, LINUX_RLIMITS, LINUX_RLIM_INFINITY, PF_EXITING } from './constants.js';
import { holdProcess } from './hold.js';
import { linuxLibc } from './libc.js';
import { malformed } from './malformed.js';
import { parseLimits } from './parse-limits.js';
import { parseStat } from './parse-stat.js';
import { parseGroups, parseSigmasks, parseState, parseThreads, parseUmask } from './parse-status.js';
import { readProcFile } from './procfs.js';

const EPERM = 1;
const OUT = Buffer.alloc(16);
const IN = Buffer.alloc(16);

function dirOf(t: Target): string {
  return t.dir ?? `${getProcfsPath()}/${t.pid}`;
}

// A file's bytes: the shared read buffer normally, a private copy inside a
// oneshot. The cache key is the file's path, not the PID: a Process pinned to a
// process whose PID was reused must not be served what a read by number cached.
// A process held by start time only reads by number too, so it never shares
// that cache: each of its reads is confirmed against the hold.
function source(t: Target, name: 'status' | 'stat' | 'limits'): Buffer {
  const path = `${dirOf(t)}/${name}`;
  if (heldByStartTime(t)) return readPinned(t, path);
  return cached(
    t.pid,
    path,
    () => readPinned(t, path),
    (view) => Buffer.from(view),
  );
}

function heldByStartTime(t: Target): boolean {
  return t.dir === undefined && t.alive !== undefined;
}

// A held process that is gone is gone, whatever holds its PID now: a failed
// read asks the hold, not /proc/PID (which may be another process's).
// A target held by start time only (no pinned directory) reads by number, so
// the read counts only if the same process still holds the PID afterwards. The
// bytes are copied first: the check reads stat into the shared buffer.
function readPinned(t: Target, path: string): Buffer {
  let view: Buffer;
  try {
    view = readProcFile(path);
  } catch (err) {
    confirmAlive(t, 'read');
    throw err;
  }
  if (!heldByStartTime(t)) return view;
  const bytes = Buffer.from(view);
  confirmAlive(t, 'read');
  return bytes;
}

// Answers from a system call that took the PID number are only the held
// process's if it still exists afterwards (its PID cannot be reused before).
function confirmAlive(t: Target, syscall: string): void {
  if (t.alive !== undefined && !t.alive()) throw new OsError('ESRCH', syscall, { state: 'gone' });
}

// The libc binding, or undefined when reads must come from procfs: a procfs
// tree of another PID namespace, or no koffi on this machine.
function syscalls(): ReturnType<typeof linuxLibc> | undefined {
  if (!samePidNamespace()) return undefined;
  try {
    return linuxLibc();
  } catch (err) {
    if (err instanceof FfiUnavailable) return undefined;
    throw err;
  }
}

const kernelPrintsUmask = new Map<string, boolean>();

// Linux 4.7 added "Umask:"; the tree's own "self" tells whether its kernel has it.
function umaskSupported(): boolean {
  const root = getProcfsPath();
  let known = kernelPrintsUmask.get(root);
  if (known === undefined) {
    try {
      known = parseUmask(readProcFile(`${root}/self/status`)) !== undefined;
    } catch {
      known = parseUmask(readProcFile('/proc/self/status')) !== undefined;
    }
    kernelPrintsUmask.set(root, known);
  }
  return known;
}

function pidSyscall(t: Target, name: 'getpgid' | 'getsid', field: 'pgid' | 'sid'): number {
  const ask = (): number => {
    const libc = syscalls();
    if (libc !== undefined) {
      const value = libc[name](t.pid);
      if (value < 0) throw OsError.fromErrno(libc.errno(), name);
      confirmAlive(t, name);
      return value;
    }
    const stat = parseStat(source(t, 'stat'));
    // Printed for a task being reaped: pgid and sid -1, not the process's.
    if (stat.threads === 0) throw new OsError('ESRCH', 'read', { path: `${dirOf(t)}/stat`, state: 'gone' });
    return stat[field];
  };
  // As in source(): a process held by start time never shares the oneshot cache.
  return heldByStartTime(t) ? ask() : cached(t.pid, `${dirOf(t)}#${field}`, ask);
}

export const linuxBackend: Backend = {
  platform: 'Linux',
  availability: AVAILABILITY.linux,
  rlimits: LINUX_RLIMITS,
  rlimInfinity: LINUX_RLIM_INFINITY,
  maxPid: LINUX_PID_MAX_LIMIT,

  getUmask(t: Target): number {
    const buf = source(t, 'status');
    const umask = parseUmask(buf);
    if (umask !== undefined) return umask;
    if (!umaskSupported()) {
      throw new OsError('ENOTSUP', 'procGetUmask', {
        detail: 'the kernel does not report umasks (Linux 4.7+ prints Umask: in /proc/PID/status)',
      });
    }
    // The kernel omits the line only for a task without an fs_struct: one that
    // has exited (a zombie) or is past exit_fs() on its way there.
    const state = parseState(buf);
    if (state === 'Z' || state === 'X') throw zombie(t);
    const stat = parseStat(source(t, 'stat'));
    if (stat.flags & PF_EXITING || stat.state === 'Z' || stat.state === 'X') throw zombie(t);
    throw malformed('status', 'Umask');
  },

  getGroups(t: Target): number[] {
    const groups = parseGroups(source(t, 'status'));
    if (groups === undefined) throw malformed('status', 'Groups');
    return groups;
  },

  getSigmasks(t: Target): Sigmasks {
    const buf = source(t, 'status');
    const masks = parseSigmasks(buf);
    if (masks === undefined) throw malformed('status', 'SigPnd/SigBlk/SigIgn/SigCgt/ShdPnd');
    // Threads: 0 means the masks were printed as zeros for a task being reaped,
    // not read: the process is gone, whatever its State line said a moment before.
    if (parseThreads(buf) === 0) throw new OsError('ESRCH', 'read', { path: `${dirOf(t)}/status`, state: 'gone' });
    return masks;
  },

  getPgid(t: Target): number {
    return pidSyscall(t, 'getpgid', 'pgid');
  },

  getSid(t: Target): number {
    return pidSyscall(t, 'getsid', 'sid');
  },

  getRlimit(t: Target, resource: number): BigLimits {
    const libc = syscalls();
    if (libc !== undefined) {
      if (libc.prlimit(t.pid, resource, null, OUT) === 0) {
        confirmAlive(t, 'prlimit');
        return [OUT.readBigUInt64LE(0), OUT.readBigUInt64LE(8)];
      }
      const errno = libc.errno();
      // prlimit(2) needs the target's credentials (or CAP_SYS_RESOURCE) even to
      // read; /proc/PID/limits is world-readable, so it answers instead.
      if (errno !== EPERM) throw OsError.fromErrno(errno, 'prlimit');
    }
    const buf = source(t, 'limits');
    const limits = parseLimits(buf, resource, LINUX_RLIM_INFINITY);
    if (limits !== undefined) return limits;
    // proc_pid_limits prints nothing once the task has lost its signal struct.
    if (buf.length === 0) throw new OsError('ESRCH', 'read', { path: `${dirOf(t)}/limits` });
    throw malformed('limits', `resource ${resource}`);
  },

  setRlimit(t: Target, resource: number, limits: BigLimits): BigLimits {
    if (!samePidNamespace()) {
      throw new OsError('ENOTSUP', 'prlimit', {
        detail: `limits cannot be set while the procfs path ${getProcfsPath()} shows another PID namespace than this process's: prlimit(2) takes PIDs of the caller's own`,
      });
    }
    const libc = linuxLibc();
    confirmAlive(t, 'prlimit');
    IN.writeBigUInt64LE(limits[0], 0);
    IN.writeBigUInt64LE(limits[1], 8);
    if (libc.prlimit(t.pid, resource, IN, OUT) !== 0) throw OsError.fromErrno(libc.errno(), 'prlimit');
    // prlimit(2) takes a number, not the pinned process: if the held process
    // vanished between the check above and the call, the write may have reached
    // a process that took its PID in that window. Never report that as success.
    confirmAlive(t, 'prlimit');
    return [OUT.readBigUInt64LE(0), OUT.readBigUInt64LE(8)];
  },

  hold(pid: number) {
    return holdProcess(getProcfsPath(), pid);
  },

  diagnose(pid: number, cause: unknown): ProcessState {
    const root = getProcfsPath();
    if (!existsSync(root)) return 'no-procfs';
    let state: string | undefined;
    try {
      state = parseStat(readProcFile(`${root}/${pid}/stat`)).state;
    } catch (err) {
      const code = errorCode(err);
      if (code === 'EACCES' || code === 'EPERM') return 'hidden';
      if (code !== 'ENOENT' && code !== 'ESRCH') return 'unknown';
      return existsInOurNamespace(pid) ? 'hidden' : 'gone';
    }
    if (state === 'Z' || state === 'X') return 'zombie';
    return errorCode(cause) === 'ESRCH' ? 'gone' : 'alive';
  },
};

function zombie(t: Target): OsError {
  return new OsError('ESRCH', 'read', { path: `${dirOf(t)}/status`, state: 'zombie' });
}

// hidepid=2 makes another user's /proc/PID vanish (ENOENT), like a dead process.
// kill(pid, 0) still tells them apart: EPERM means the process exists. It is only
// asked when the procfs tree is our own PID namespace's, where PIDs agree.
function existsInOurNamespace(pid: number): boolean {
  if (!samePidNamespace()) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errorCode(err) === 'EPERM';
  }
}

let namespaceCheck: { root: string; same: boolean } | undefined;

const PROC_SUPER_MAGIC = 0x9fa0; // statfs(2), include/uapi/linux/magic.h

// System calls take PIDs of the caller's PID namespace; a procfs mount shows
// those of the namespace it was mounted for, and its "self" link names us by
// our PID there. Only a real procfs whose "self" is our own PID is taken to be
// our namespace's: not a host's /proc given to setProcfsPath, not a copied
// tree, and not a /proc left from a parent namespace (unshare --pid without
// --mount-proc, some containers), even though its path is /proc.
function samePidNamespace(): boolean {
  const root = getProcfsPath();
  if (namespaceCheck?.root !== root) {
    let same = false;
    try {
      same = statfsSync(root).type === PROC_SUPER_MAGIC && readlinkSync(`${root}/self`) === String(process.pid);
    } catch {
      same = false;
    }
    namespaceCheck = { root, same };
  }
  return namespaceCheck.same;
}
