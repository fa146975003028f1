// The macOS backend: sysctl KERN_PROC_PID's kinfo_proc for groups, signal masks,
// start time, name and uids; getpgid(2) and getsid(2) for pgid and sid
// (kinfo_proc has no session ID, and e_pgid is 0 for a zombie); KERN_PROCARGS2
// for the arguments; KERN_PROC_ALL for the PIDs and the per-user process
// count; proc_pidinfo(3) for the descriptors (PROC_PIDLISTFDS) and the map size
// and CPU time (PROC_PIDTASKINFO). umask and rlimits of another process are
// not exposed by XNU.
import { cached } from '../../oneshot.js';
import { errorCode, failed, fromErrno, hidden, malformedRecord } from '../../failures.js';
import {
  DARWIN_KINFO_PROC,
  DARWIN_MACH_TIMEBASE_INFO,
  DARWIN_PROC_FDINFO,
  DARWIN_PROC_TASKINFO,
} from '../../ffi/structs/darwin.js';
import { SIZEOF_INT } from '../../ffi/structs/layout.js';
import type { Backend, Sigmasks, Target, Uids } from '../backend.js';
import { type LibcSpec, bsdLibc } from '../bsd/libc.js';
import { heldRecord, diagnoseByRecord, recordFrom } from '../bsd/record.js';
import { sysctlRead } from '../bsd/sysctl.js';
import { type RecordUsage, decodeInt, sortedPids, usageFrom } from '../bsd/usage.js';
import { checkPid, confirmHeld, startTimeHold } from '../process-state.js';
import {
  DARWIN_USAGE,
  MIB_KERN_ARGMAX,
  MIB_KERN_PROCARGS2,
  MIB_KERN_PROC_ALL,
  PID_MAX,
  DARWIN_RLIMITS,
  DARWIN_RLIM_INFINITY,
  MIB_KERN_PROC_PID,
  PROC_PIDLISTFDS,
  PROC_PIDTASKINFO,
} from './constants.js';
import {
  type DarwinRecord,
  countFdinfo,
  decodeKinfoProc,
  decodeKinfoProcList,
  decodeProcargs2,
  decodeTaskinfo,
  decodeTimebase,
} from './decode.js';
import { darwinLibproc } from './libproc.js';

const PLATFORM = 'macOS';

export const DARWIN_LIBC: LibcSpec = {
  platform: PLATFORM,
  paths: () => ['/usr/lib/libSystem.B.dylib'],
  errnoSymbol: '__error',
};

/** kinfo_proc of pid; a PID that matches nothing is a successful empty answer (sysctl_prochandle, bsd/kern/kern_sysctl.c). */
export function readRecord(pid: number): DarwinRecord {
  const buf = sysctlRead(bsdLibc(DARWIN_LIBC), [...MIB_KERN_PROC_PID, checkPid(pid, 'sysctl')], DARWIN_KINFO_PROC.size);
  return recordFrom(pid, buf, decodeKinfoProc);
}

const record = (t: Target): DarwinRecord => heldRecord(t, readRecord);

/** Every process, zombies included: sysctl_prochandle walks both lists for KERN_PROC_ALL. */
function processList(): DarwinRecord[] {
  return decodeKinfoProcList(sysctlRead(bsdLibc(DARWIN_LIBC), MIB_KERN_PROC_ALL));
}

let argmax: number | undefined;
let timebase: { numer: number; denom: number } | undefined;

/**
 * The arguments from KERN_PROCARGS2. sysctl_procargsx refuses a buffer larger
 * than ARG_MAX (kern.argmax) once argc's word is set aside, and answers EINVAL
 * for several reasons: a PID proc_find does not find (gone, or a zombie), a
 * process without a user stack (the kernel task), a task no longer IPC-active,
 * or a process of another user when the caller is not root. The record tells
 * them apart; zombies and the kernel task have no arguments, as on Linux.
 */
function cmdline(t: Target): string[] {
  const libc = bsdLibc(DARWIN_LIBC);
  const pid = checkPid(t.pid, 'sysctl');
  argmax ??= decodeInt(sysctlRead(libc, MIB_KERN_ARGMAX, SIZEOF_INT), 'kern.argmax');
  let args: string[];
  try {
    args = decodeProcargs2(sysctlRead(libc, [...MIB_KERN_PROCARGS2, pid], argmax + SIZEOF_INT));
  } catch (err) {
    if (errorCode(err) !== 'EINVAL') throw err;
    const r = readRecord(pid);
    if (r.zombie || pid === 0) return [];
    const euid = process.geteuid?.();
    if (euid !== undefined && euid !== 0 && r.uids.effective !== euid) {
      throw hidden('sysctl', "KERN_PROCARGS2 shows another user's processes only to root (sysctl_procargsx)");
    }
    throw err;
  }
  confirmHeld(t, 'sysctl');
  return args;
}

/** proc_taskinfo's figures; proc_pidinfo wants the same effective uid or root (proc_security_policy). */
function taskUsage(t: Target): RecordUsage {
  return cached(t.pid, 'taskinfo', () => {
    const lib = darwinLibproc();
    if (timebase === undefined) {
      const info = Buffer.alloc(DARWIN_MACH_TIMEBASE_INFO.size);
      const kr = lib.timebase(info);
      if (kr !== 0) throw failed('EIO', 'mach_timebase_info', `kern_return_t ${kr}`);
      timebase = decodeTimebase(info);
    }
    const buf = Buffer.alloc(DARWIN_PROC_TASKINFO.size);
    const n = lib.pidinfo(checkPid(t.pid, 'proc_pidinfo'), PROC_PIDTASKINFO, buf);
    if (n !== buf.length) throw malformedRecord('proc_pidinfo', 'proc_taskinfo', `${n} bytes`);
    const usage = decodeTaskinfo(buf, timebase);
    confirmHeld(t, 'proc_pidinfo');
    return usage;
  });
}

/** Sizes of proc_fdinfo lists tried before a descriptor table that keeps growing is reported. */
const FD_LIST_TRIES = 8;

/**
 * PROC_PIDLISTFDS: with no buffer proc_pidfdlist answers room for the table's
 * size plus 20 entries; with one it fills what fits and says how many bytes,
 * so a full buffer may have been cut short and is asked again, larger.
 */
function descriptors(t: Target): number {
  const lib = darwinLibproc();
  const pid = checkPid(t.pid, 'proc_pidinfo');
  // Never less than a few entries, so the doubling below always grows.
  let size = Math.max(lib.pidinfo(pid, PROC_PIDLISTFDS, null), 32 * DARWIN_PROC_FDINFO.size);
  for (let attempt = 0; attempt < FD_LIST_TRIES; attempt++) {
    const buf = Buffer.alloc(size);
    const n = lib.pidinfo(pid, PROC_PIDLISTFDS, buf);
    if (n < buf.length) {
      const count = countFdinfo(n);
      confirmHeld(t, 'proc_pidinfo');
      return count;
    }
    size *= 2;
  }
  throw failed('EAGAIN', 'proc_pidinfo', 'the descriptor table kept growing while it was read');
}

// getpgid(2)/getsid(2) look the PID up with proc_find (bsd/kern/kern_prot.c),
// which skips a process once bsd/kern/kern_exit.c has marked it P_REF_DEAD on
// its way to being a zombie: ESRCH, which diagnose() turns into ZombieProcess
// from the record.
function idCall(t: Target, name: 'getpgid' | 'getsid'): number {
  return cached(t.pid, name, () => {
    const libc = bsdLibc(DARWIN_LIBC);
    const value = libc[name](checkPid(t.pid, name));
    if (value < 0) throw fromErrno(libc.errno(), name);
    confirmHeld(t, name);
    return value;
  });
}

export const darwinBackend: Backend = {
  platform: PLATFORM,
  rlimits: DARWIN_RLIMITS,
  rlimInfinity: DARWIN_RLIM_INFINITY,
  maxPid: PID_MAX,
  getGroups: (t) => record(t).groups,
  getPgid: (t) => idCall(t, 'getpgid'),
  getSid: (t) => idCall(t, 'getsid'),
  getSigmasks: (t): Sigmasks => record(t).sigmasks,
  getName: (t) => record(t).name,
  getUids: (t): Uids => record(t).uids,
  getCmdline: cmdline,
  getNumFds: descriptors,

  getRlimitUsage(t: Target, resource: number): number | undefined {
    const source = DARWIN_USAGE.get(resource);
    // vm_map_adjusted_size() leaves the reserved regions out of a 4K-page
    // (translated) map's size on Apple silicon, which the limits do not.
    if (source?.kind === 'record' && source.figure === 'virtualBytes' && record(t).translated) return undefined;
    return usageFrom(t, source, {
      usage: () => taskUsage(t),
      uids: () => record(t).uids,
      // Sizes come in bytes here: no page size is asked for.
      pageSize: () => {
        throw failed('EINVAL', 'getRlimitUsage', 'no macOS usage figure is counted in pages');
      },
      fds: () => descriptors(t),
      processes: processList,
    });
  },

  listPids: () => sortedPids(processList().map((p) => p.pid)),
  hold: (pid) => startTimeHold(() => readRecord(pid).startMicros),
  diagnose: (pid, cause) => diagnoseByRecord(pid, cause, readRecord),
};
