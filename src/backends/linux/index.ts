// The Linux backend: /proc text for what the kernel prints (umask, groups,
// signal masks, and limits or pgid/sid where a system call cannot serve), and
// prlimit(2), getpgid(2), getsid(2) through koffi where it can.
import { existsSync, readFileSync } from 'node:fs';
import { type OneshotCache, getEntry, oneshotCache, setEntry } from '../../oneshot.js';
import { errorCode, fromErrno, gone, malformed, unsupported, zombie } from '../../failures.js';
import type { ProcfsView } from '../../procfs-path.js';
import { type BigLimits, type Limits, type NewLimits, limitsAs } from '../../limits.js';
import type { Backend, ProcessState, Sigmasks, Target, Uids } from '../backend.js';
import { confirmHeld, pidExists } from '../process-state.js';
import { LINUX_PID_MAX_LIMIT, LINUX_RLIMITS, LINUX_RLIM_INFINITY, PF_EXITING } from './constants.js';
import { holdProcess } from './hold.js';
import { type LinuxLibc, linuxLibc, linuxLibcIfAvailable } from './libc.js';
import { parseLimits } from './parse-limits.js';
import { parseStat } from './parse-stat.js';
import { bigintToWords, numberToWords, wordsToBigint, wordsToNumber } from './rlim-words.js';
import {
  parseGroups,
  parseMemoryBytes,
  parseName,
  parseUids,
  parseQueuedSignals,
  parseRealUid,
  parseSignalLines,
  parseState,
  parseUmask,
} from './parse-status.js';
import { type LastReadKeeper, type ProcFileKind, borrowLastRead, readPidFile, readProcFile } from './procfs.js';
import { type TreeFacts, kernelPrintsUmask, treeFacts } from './tree.js';
import { USAGE_SOURCES, countFds, countLocks, cpuSeconds, listPids, tasksOfUid } from './usage.js';

const EPERM = 1;
// Where RlimitCall.words holds the new limit's two values and the old limit's.
const NEW_SOFT = 0;
const NEW_HARD = 2;
const OLD_SOFT = 4;

function dirOf(t: Target): string {
  return t.dir ?? `${t.view.root}/${t.pid}`;
}

// The last view asked about and its facts: calls come for one view at a time.
let lastView: ProcfsView | undefined;
let lastFacts: TreeFacts | undefined;

function factsOf(view: ProcfsView): TreeFacts {
  if (view !== lastView || lastFacts === undefined) {
    lastFacts = treeFacts(view);
    lastView = view;
  }
  return lastFacts;
}

// What one oneshot has read for one process: each file's bytes (a view of the
// read buffer until another read needs it, then a private copy) and the
// answers of getpgid(2) and getsid(2). It keeps the view it was lent itself
// (LastReadKeeper), so lending one allocates nothing.
class OneshotReads implements LastReadKeeper {
  status: Buffer | undefined = undefined;
  stat: Buffer | undefined = undefined;
  limits: Buffer | undefined = undefined;
  cmdline: Buffer | undefined = undefined;
  pgid: number | undefined = undefined;
  sid: number | undefined = undefined;
  /** The file whose slot still holds a view of the shared read buffer. */
  lent: FileName | undefined = undefined;

  /** `cache`: the oneshot cache the reads belong to. */
  constructor(readonly cache: OneshotCache) {}

  // Before the next read overwrites the buffer: a private copy while the
  // oneshot runs, nothing once it has ended.
  beforeOverwrite(): void {
    const name = this.lent;
    if (name === undefined) return;
    this.lent = undefined;
    const view = fileSlot(this, name);
    setFileSlot(this, name, this.cache.open && view !== undefined ? copyOf(view) : undefined);
  }
}

// The current oneshot's reads for t, or undefined outside one. They are filed
// under t.cacheKey: a handle's hold (so a Process pinned to a process whose
// PID was reused is never served what a read by number cached, and a new
// handle that got a closed one's descriptor number starts empty), or the
// procfs view for a plain PID (so a setProcfsPath() inside the oneshot is
// never served the other tree's bytes). A process held by start time only
// reads by number, so it never shares that cache: each of its reads is
// confirmed against the hold.
function oneshotReads(t: Target): OneshotReads | undefined {
  if (heldByStartTime(t)) return undefined;
  const cache = oneshotCache(t.pid);
  if (cache === undefined) return undefined;
  let slots = getEntry(cache, t.cacheKey) as OneshotReads | undefined;
  if (slots === undefined) {
    slots = new OneshotReads(cache);
    setEntry(cache, t.cacheKey, slots);
  }
  return slots;
}

// A file's bytes: a view of the shared read buffer. Inside a oneshot the view
// is kept with the oneshot's reads and copied only if another read comes
// while the oneshot still runs (procAsDict reads one file: no copy). Written
// out rather than through cached(): no closure per call outside a oneshot.
// The first read is out of line, so the lookup that serves every later one
// stays small enough to inline into each operation.
function fileBytes(t: Target, name: FileName): Buffer {
  const slots = oneshotReads(t);
  if (slots === undefined) return readPinned(t, name);
  return fileSlot(slots, name) ?? readIntoSlot(t, slots, name);
}

function readIntoSlot(t: Target, slots: OneshotReads, name: FileName): Buffer {
  const buf = readPinned(t, name);
  setFileSlot(slots, name, buf);
  slots.lent = name;
  borrowLastRead(slots);
  return buf;
}

type FileName = ProcFileKind;

function fileSlot(slots: OneshotReads, name: FileName): Buffer | undefined {
  return name === 'status'
    ? slots.status
    : name === 'stat'
      ? slots.stat
      : name === 'limits'
        ? slots.limits
        : slots.cmdline;
}

function setFileSlot(slots: OneshotReads, name: FileName, buf: Buffer | undefined): void {
  if (name === 'status') slots.status = buf;
  else if (name === 'stat') slots.stat = buf;
  else if (name === 'limits') slots.limits = buf;
  else slots.cmdline = buf;
}

// A private copy of a view of the shared read buffer. Buffer.from() takes the
// generic array-like path; this is a pool slice and one memcpy.
function copyOf(view: Buffer): Buffer {
  const copy = Buffer.allocUnsafe(view.length);
  copy.set(view);
  return copy;
}

function heldByStartTime(t: Target): boolean {
  return t.dir === undefined && t.alive !== undefined;
}

// A held process that is gone is gone, whatever holds its PID now: a failed
// read asks the hold, not /proc/PID (which may be another process's).
// A target held by start time only (no pinned directory) reads by number, so
// the read counts only if the same process still holds the PID afterwards. The
// bytes are copied first: the check reads stat into the shared buffer.
function readPinned(t: Target, name: FileName): Buffer {
  let view: Buffer;
  try {
    const kernel = factsOf(t.view).kernel;
    view =
      t.dir === undefined && kernel
        ? readPidFile(t.view.root, t.pid, name)
        : readProcFile(`${dirOf(t)}/${name}`, name, kernel);
  } catch (err) {
    confirmHeld(t, 'read');
    throw err;
  }
  if (!heldByStartTime(t)) return view;
  const bytes = copyOf(view);
  confirmHeld(t, 'read');
  return bytes;
}

// The libc binding, or undefined when reads must come from procfs: a tree
// that is not proven to show our own PID namespace (the target's view, fixed
// when its handle was made), or no koffi on this machine. Small enough to
// inline; binding (with its try) is out of line.
function syscalls(t: Target): LinuxLibc | undefined {
  return factsOf(t.view).ownNamespace ? linuxLibcIfAvailable() : undefined;
}

// getpgid(2) or getsid(2), without a closure per call; /proc/PID/stat answers
// when no system call can. The common path (outside a oneshot, a system call
// that succeeds) is kept small enough for the optimiser to inline into the
// facade; everything else is out of line.
function pidSyscall(t: Target, field: 'pgid' | 'sid'): number {
  const slots = oneshotReads(t);
  return slots === undefined ? askPid(t, field) : cachedPid(t, slots, field);
}

function cachedPid(t: Target, slots: OneshotReads, field: 'pgid' | 'sid'): number {
  let value = field === 'pgid' ? slots.pgid : slots.sid;
  if (value === undefined) {
    value = askPid(t, field);
    if (field === 'pgid') slots.pgid = value;
    else slots.sid = value;
  }
  return value;
}

function askPid(t: Target, field: 'pgid' | 'sid'): number {
  const c = syscalls(t);
  if (c === undefined) return pidFromStat(t, field);
  const value = field === 'pgid' ? c.getpgid(t.pid) : c.getsid(t.pid);
  if (value < 0 || t.alive !== undefined) return checkedPid(c, t, field, value);
  return value;
}

// A failed call, or an answer that counts only if the held process still exists.
function checkedPid(c: LinuxLibc, t: Target, field: 'pgid' | 'sid', value: number): number {
  const syscall = field === 'pgid' ? 'getpgid' : 'getsid';
  if (value < 0) throw fromErrno(c.errno(), syscall);
  confirmHeld(t, syscall);
  return value;
}

function pidFromStat(t: Target, field: 'pgid' | 'sid'): number {
  const stat = parseStat(fileBytes(t, 'stat'));
  // Printed for a task being reaped: pgid and sid -1, not the process's.
  if (stat.threads === 0) throw gone('read', 'stat');
  return stat[field];
}

export const linuxBackend: Backend = {
  platform: 'Linux',
  rlimits: LINUX_RLIMITS,
  rlimInfinity: LINUX_RLIM_INFINITY,
  maxPid: LINUX_PID_MAX_LIMIT,

  getUmask(t: Target): number {
    const buf = fileBytes(t, 'status');
    const kernel = factsOf(t.view).kernel;
    const umask = parseUmask(buf, kernel);
    if (umask !== undefined) return umask;
    // Read before kernelPrintsUmask(), whose first call reads into the same buffer.
    const state = parseState(buf, kernel);
    if (!kernelPrintsUmask(t.view)) {
      throw unsupported(
        'procGetUmask',
        'the kernel does not report umasks (Linux 4.7+ prints Umask: in /proc/PID/status)',
      );
    }
    // The kernel omits the line only for a task without an fs_struct: one that
    // has exited (a zombie) or is past exit_fs() on its way there.
    if (state === 'Z' || state === 'X') throw zombie('read', 'status');
    const stat = parseStat(fileBytes(t, 'stat'));
    if (stat.flags & PF_EXITING || stat.state === 'Z' || stat.state === 'X') throw zombie('read', 'status');
    throw malformed('status', 'Umask');
  },

  getGroups(t: Target): number[] {
    const groups = parseGroups(fileBytes(t, 'status'), factsOf(t.view).kernel);
    if (groups === undefined) throw malformed('status', 'Groups');
    return groups;
  },

  getSigmasks(t: Target): Sigmasks {
    const signals = parseSignalLines(fileBytes(t, 'status'), factsOf(t.view).kernel);
    if (signals === undefined) throw malformed('status', 'SigPnd/SigBlk/SigIgn/SigCgt/ShdPnd');
    // Threads: 0 means the masks were printed as zeros for a task being reaped,
    // not read: the process is gone, whatever its State line said a moment before.
    if (signals.threads === 0) throw gone('read', 'status');
    return signals.masks;
  },

  getPgid(t: Target): number {
    return pidSyscall(t, 'pgid');
  },

  getSid(t: Target): number {
    return pidSyscall(t, 'sid');
  },

  getRlimit(t: Target, resource: number, bigint: boolean): Limits | BigLimits {
    const words = getLimits(t, resource);
    if (words === undefined) return limitsAs(limitsFromProcfs(t, resource), LINUX_RLIM_INFINITY, bigint);
    return bigint ? bigLimitsAt(words, OLD_SOFT) : numberLimitsAt(words, OLD_SOFT);
  },

  // Numbers go into the words and come back out without a BigInt being built.
  setRlimit(t: Target, resource: number, limits: NewLimits, bigint: boolean): Limits | BigLimits {
    const c = setterLibc(t);
    const soft = limits[0];
    const hard = limits[1];
    if (typeof soft === 'number' && typeof hard === 'number') {
      numberToWords(c.rlimit.words, NEW_SOFT, soft);
      numberToWords(c.rlimit.words, NEW_HARD, hard);
    } else {
      bigintToWords(c.rlimit.words, NEW_SOFT, BigInt(soft));
      bigintToWords(c.rlimit.words, NEW_HARD, BigInt(hard));
    }
    const words = setLimits(c, t, resource);
    return bigint ? bigLimitsAt(words, OLD_SOFT) : numberLimitsAt(words, OLD_SOFT);
  },

  getName(t: Target): string {
    return parseName(fileBytes(t, 'status'));
  },

  getUids(t: Target): Uids {
    const ids = parseUids(fileBytes(t, 'status'), factsOf(t.view).kernel);
    if (ids === undefined) throw malformed('status', 'Uid');
    return { real: ids[0], effective: ids[1], saved: ids[2] };
  },

  // The argument area as the kernel hands it out (proc_pid_cmdline_read()):
  // NUL-terminated strings, or, once a process has written over them
  // (setproctitle), one string without the final NUL. Empty for kernel
  // threads and zombies, which have no memory.
  getCmdline(t: Target): string[] {
    const buf = fileBytes(t, 'cmdline');
    if (buf.length === 0) return [];
    const args = buf.toString('utf8').split('\0');
    if (buf[buf.length - 1] === 0) args.pop();
    return args;
  },

  getRlimitUsage(t: Target, resource: number): number | undefined {
    const source = USAGE_SOURCES.get(resource);
    if (source === undefined) return undefined;
    const kernel = factsOf(t.view).kernel;
    switch (source.kind) {
      case 'fds':
        return countFds(dirOf(t));
      case 'memory':
        return parseMemoryBytes(fileBytes(t, 'status'), source.line, kernel);
      case 'sigqueue':
        return parseQueuedSignals(fileBytes(t, 'status'), kernel);
      case 'cpu':
        return cpuSeconds(parseStat(fileBytes(t, 'stat')).cpuTicks);
      case 'tasks': {
        const uid = parseRealUid(fileBytes(t, 'status'), kernel);
        if (uid === undefined) throw malformed('status', 'Uid');
        const tasks = tasksOfUid(t.pid, t.view, kernel, uid);
        confirmHeld(t, 'read');
        return tasks;
      }
      case 'locks': {
        // /proc/locks prints PIDs as the procfs mount's namespace sees them
        // (locks_translate_pid()); a kernel built without file locking has no
        // such file, and so no figure.
        const text = readLocks(t.view);
        const locks = text === undefined ? undefined : countLocks(text, t.pid);
        confirmHeld(t, 'read');
        return locks;
      }
    }
  },

  getNumFds(t: Target): number {
    return countFds(dirOf(t));
  },

  listPids,

  hold(pid: number, view: ProcfsView) {
    return holdProcess(view, pid);
  },

  diagnose(pid: number, cause: unknown, view: ProcfsView): ProcessState {
    const root = view.root;
    if (!existsSync(root)) return 'no-procfs';
    let state: string | undefined;
    try {
      state = parseStat(readProcFile(`${root}/${pid}/stat`, 'stat', factsOf(view).kernel)).state;
    } catch (err) {
      const code = errorCode(err);
      if (code === 'EACCES' || code === 'EPERM') return 'hidden';
      if (code !== 'ENOENT' && code !== 'ESRCH') return 'unknown';
      return existsInOurNamespace(pid, view) ? 'hidden' : 'gone';
    }
    if (state === 'Z' || state === 'X') return 'zombie';
    return errorCode(cause) === 'ESRCH' ? 'gone' : 'alive';
  },
};

// prlimit(2)'s answer for a get: the words holding the old limits, or
// undefined when /proc/PID/limits must answer instead.
function getLimits(t: Target, resource: number): Uint32Array | undefined {
  const c = syscalls(t);
  if (c === undefined) return undefined;
  if (c.rlimit.get(t.pid, resource) === 0) {
    confirmHeld(t, 'prlimit');
    return c.rlimit.words;
  }
  const errno = c.errno();
  // prlimit(2) needs the target's credentials (or CAP_SYS_RESOURCE) even to
  // read; /proc/PID/limits is world-readable, so it answers instead.
  if (errno !== EPERM) throw fromErrno(errno, 'prlimit');
  return undefined;
}

function limitsFromProcfs(t: Target, resource: number): BigLimits {
  const buf = fileBytes(t, 'limits');
  const limits = parseLimits(buf, resource, LINUX_RLIM_INFINITY);
  if (limits !== undefined) return limits;
  // proc_pid_limits prints nothing once the task has lost its signal struct.
  if (buf.length === 0) throw gone('read', 'limits');
  throw malformed('limits', `resource ${resource}`);
}

// Setting limits takes a PID, so it needs a tree proven to show this PID namespace.
function setterLibc(t: Target): LinuxLibc {
  if (!factsOf(t.view).ownNamespace) {
    throw unsupported(
      'prlimit',
      `limits cannot be set through the procfs path ${t.view.root}: it is not proven to show this process's own PID namespace, and prlimit(2) takes PIDs of the caller's own`,
    );
  }
  // In our namespace: the binding, or FfiUnavailable from binding it.
  return linuxLibc();
}

// prlimit(2) with the new limits already in the words; the words holding the old ones.
function setLimits(c: LinuxLibc, t: Target, resource: number): Uint32Array {
  confirmHeld(t, 'prlimit');
  if (c.rlimit.set(t.pid, resource) !== 0) throw fromErrno(c.errno(), 'prlimit');
  // prlimit(2) takes a number, not the pinned process: if the held process
  // vanished between the check above and the call, the write may have reached
  // a process that took its PID in that window. Never report that as success.
  confirmHeld(t, 'prlimit');
  return c.rlimit.words;
}

function numberLimitsAt(words: Uint32Array, at: number): Limits {
  return [wordsToNumber(words, at), wordsToNumber(words, at + 2)];
}

function bigLimitsAt(words: Uint32Array, at: number): BigLimits {
  return [wordsToBigint(words, at), wordsToBigint(words, at + 2)];
}

// hidepid=2 makes another user's /proc/PID vanish (ENOENT), like a dead process.
// kill(pid, 0) still tells them apart: EPERM means the process exists. It is only
// asked when the procfs tree is our own PID namespace's, where PIDs agree.
function existsInOurNamespace(pid: number, view: ProcfsView): boolean {
  return factsOf(view).ownNamespace && pidExists(pid) !== 'no';
}

function readLocks(view: ProcfsView): string | undefined {
  try {
    return readFileSync(`${view.root}/locks`, 'latin1');
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return undefined;
    throw err;
  }
}
