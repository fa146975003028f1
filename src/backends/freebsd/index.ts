// The FreeBSD backend: every answer comes from kern.proc sysctls (sys/kern/
// kern_proc.c): kinfo_proc for pgid, sid, signal masks, start time, name, uids
// and the usage figures it carries; the per-PID nodes for the full group list,
// the umask, rlimits (read and write), the arguments and the descriptors; the
// process list (kern.proc.proc) for PIDs and the per-user process count.
// kern.proc.nfds (KERN_PROC_NFDS) is not used: sysctl_kern_proc_nfds
// (sys/kern/kern_descrip.c) answers only for the caller (its argument must be 0).
import { FREEBSD_KINFO_PROC, FREEBSD_RLIMIT } from '../../ffi/structs/freebsd.js';
import { SIZEOF_U_SHORT } from '../../ffi/structs/layout.js';
import { type BigLimits, type Limits, type NewLimits, exactLimits, limitsAs } from '../../limits.js';
import type { Backend, Sigmasks, Target, Uids } from '../backend.js';
import { type LibcSpec, bsdLibc } from '../bsd/libc.js';
import { heldRecord, diagnoseByRecord, recordFrom } from '../bsd/record.js';
import { pageSize, sysctlRead, sysctlWrite } from '../bsd/sysctl.js';
import { nulSeparated, sortedPids, usageFrom } from '../bsd/usage.js';
import { checkPid, confirmHeld, startTimeHold } from '../process-state.js';
import {
  PID_MAX,
  FREEBSD_RLIMITS,
  FREEBSD_RLIM_INFINITY,
  FREEBSD_USAGE,
  KERN_PROC_MIBS,
  MIB_HW_PAGESIZE,
  START_TOLERANCE_MICROS,
} from './constants.js';
import {
  type FreebsdRecord,
  countDescriptors,
  decodeGroupList,
  decodeKinfoProc,
  decodeKinfoProcList,
  decodeRlimit,
  decodeUmask,
  encodeRlimit,
} from './decode.js';

const PLATFORM = 'FreeBSD';

export const FREEBSD_LIBC: LibcSpec = {
  platform: PLATFORM,
  paths: () => ['libc.so.7'],
  errnoSymbol: '__error',
};

const libc = () => bsdLibc(FREEBSD_LIBC);

/** kinfo_proc of pid: ESRCH when there is no such process (pget, sys/kern/kern_proc.c); zombies are answered. */
export function readRecord(pid: number): FreebsdRecord {
  return recordFrom(
    pid,
    sysctlRead(libc(), KERN_PROC_MIBS.pid(checkPid(pid, 'sysctl')), FREEBSD_KINFO_PROC.size),
    decodeKinfoProc,
  );
}

// Reads one answer for a process, then checks a held process is still the one.
function answerForHeld<T>(t: Target, answer: () => T): T {
  const value = answer();
  confirmHeld(t, 'sysctl');
  return value;
}

const record = (t: Target): FreebsdRecord => heldRecord(t, readRecord);

/** Every process the caller may see (sysctl_kern_proc_iterate skips what p_cansee refuses), zombies included. */
function processList(): FreebsdRecord[] {
  return decodeKinfoProcList(sysctlRead(libc(), KERN_PROC_MIBS.proc()));
}

// kern.proc.filedesc wants debug rights over the target (pget with
// PGET_CANDEBUG | PGET_NOTWEXIT, sysctl_kern_proc_filedesc): EPERM or ESRCH
// otherwise, and ESRCH for a zombie.
function descriptors(t: Target): number {
  return answerForHeld(t, () =>
    countDescriptors(sysctlRead(libc(), KERN_PROC_MIBS.filedesc(checkPid(t.pid, 'sysctl')))),
  );
}

export const freebsdBackend: Backend = {
  platform: PLATFORM,
  rlimits: FREEBSD_RLIMITS,
  rlimInfinity: FREEBSD_RLIM_INFINITY,
  maxPid: PID_MAX,

  // KERN_PROC_UMASK asks pget for PGET_WANTREAD, which includes PGET_CANDEBUG:
  // debug rights over the target, or p_candebug's error (sys/kern/kern_proc.c).
  getUmask: (t) =>
    answerForHeld(t, () =>
      decodeUmask(sysctlRead(libc(), KERN_PROC_MIBS.umask(checkPid(t.pid, 'sysctl')), SIZEOF_U_SHORT)),
    ),

  // The whole list: kinfo_proc's ki_groups stops at 16 (KI_CRF_GRP_OVERFLOW).
  getGroups: (t) =>
    answerForHeld(t, () => decodeGroupList(sysctlRead(libc(), KERN_PROC_MIBS.groups(checkPid(t.pid, 'sysctl'))))),

  getRlimit: (t, resource, bigint) =>
    limitsAs(
      answerForHeld(t, () =>
        decodeRlimit(
          sysctlRead(libc(), KERN_PROC_MIBS.rlimit(checkPid(t.pid, 'sysctl'), resource), FREEBSD_RLIMIT.size),
        ),
      ),
      FREEBSD_RLIM_INFINITY,
      bigint,
    ),

  // One call reads the old value and writes the new one (sysctl_kern_proc_rlimit,
  // then kern_proc_setrlimit in sys/kern/kern_resource.c, which lowers cur to
  // max); the facade has refused cur > max already.
  setRlimit(t: Target, resource: number, limits: NewLimits, bigint: boolean): Limits | BigLimits {
    confirmHeld(t, 'sysctl');
    const old = Buffer.alloc(FREEBSD_RLIMIT.size);
    const value = encodeRlimit(exactLimits(limits, FREEBSD_RLIM_INFINITY));
    sysctlWrite(libc(), KERN_PROC_MIBS.rlimit(checkPid(t.pid, 'sysctl'), resource), value, old);
    return limitsAs(decodeRlimit(old), FREEBSD_RLIM_INFINITY, bigint);
  },

  getPgid: (t) => record(t).pgid,
  getSid: (t) => record(t).sid,
  getSigmasks: (t): Sigmasks => record(t).sigmasks,
  getName: (t) => record(t).name,
  getUids: (t): Uids => record(t).uids,

  // The cached p_args (the arguments, or the title setproctitle stored), else
  // the strings read from the process's memory; nothing for a system process
  // or one that is exiting (sysctl_kern_proc_args; pget with PGET_CANSEE).
  getCmdline: (t) =>
    answerForHeld(t, () => nulSeparated(sysctlRead(libc(), KERN_PROC_MIBS.args(checkPid(t.pid, 'sysctl'))))),

  getNumFds: descriptors,

  getRlimitUsage(t: Target, resource: number): number | undefined {
    return usageFrom(t, FREEBSD_USAGE.get(resource), {
      usage: () => record(t).usage,
      uids: () => record(t).uids,
      pageSize: () => pageSize(libc(), MIB_HW_PAGESIZE),
      fds: () => descriptors(t),
      // chgproccnt() counts a user's processes by real uid until each is reaped (proc_reap).
      processes: processList,
    });
  },

  listPids: () => sortedPids(processList().map((p) => p.pid)),
  hold: (pid) => startTimeHold(() => readRecord(pid).startMicros, START_TOLERANCE_MICROS),
  diagnose: (pid, cause) => diagnoseByRecord(pid, cause, readRecord),
};
