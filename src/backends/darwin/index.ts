// The macOS backend: sysctl KERN_PROC_PID's kinfo_proc for groups, signal masks
// and start time; getpgid(2) and getsid(2) for pgid and sid (kinfo_proc has no
// session ID, and e_pgid is 0 for a zombie). umask and rlimits of another
// process are not exposed by XNU.
import { cached } from '../../oneshot.js';
import { fromErrno } from '../../failures.js';
import { DARWIN_KINFO_PROC } from '../../ffi/structs/darwin.js';
import type { Backend, Sigmasks, Target } from '../backend.js';
import { type LibcSpec, bsdLibc } from '../bsd/libc.js';
import type { ProcRecord, WithSignals } from '../bsd/kinfo.js';
import { heldRecord, diagnoseByRecord, recordFrom } from '../bsd/record.js';
import { sysctlRead } from '../bsd/sysctl.js';
import { checkPid, confirmHeld, startTimeHold } from '../process-state.js';
import { PID_MAX, DARWIN_RLIMITS, DARWIN_RLIM_INFINITY, MIB_KERN_PROC_PID } from './constants.js';
import { decodeKinfoProc } from './decode.js';

const PLATFORM = 'macOS';

export const DARWIN_LIBC: LibcSpec = {
  platform: PLATFORM,
  paths: () => ['/usr/lib/libSystem.B.dylib'],
  errnoSymbol: '__error',
};

/** kinfo_proc of pid; a PID that matches nothing is a successful empty answer (sysctl_prochandle, bsd/kern/kern_sysctl.c). */
export function readRecord(pid: number): ProcRecord & WithSignals {
  const buf = sysctlRead(bsdLibc(DARWIN_LIBC), [...MIB_KERN_PROC_PID, checkPid(pid, 'sysctl')], DARWIN_KINFO_PROC.size);
  return recordFrom(pid, buf, decodeKinfoProc);
}

const record = (t: Target): ProcRecord & WithSignals => heldRecord(t, readRecord);

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
  hold: (pid) => startTimeHold(() => readRecord(pid).startMicros),
  diagnose: (pid, cause) => diagnoseByRecord(pid, cause, readRecord),
};
