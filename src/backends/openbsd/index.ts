// The OpenBSD backend: one kinfo_proc per query (sysctl KERN_PROC with the
// six-element KERN_PROC_MIBS) answers groups, pgid, sid, signal masks and start time.
// getpgid(2)/getsid(2) are not used: they refuse processes of other sessions
// (EPERM, sys_getpgid and sys_getsid in sys/kern/kern_prot.c). umask and
// rlimits are not exposed: no sysctl carries them and OpenBSD has no procfs.
import { readdirSync } from 'node:fs';
import { OPENBSD_KINFO_PREFIX } from '../../ffi/structs/openbsd.js';
import type { Backend, Sigmasks, Target } from '../backend.js';
import type { ProcRecord, WithSession, WithSignals } from '../bsd/kinfo.js';
import { type LibcSpec, bsdLibc } from '../bsd/libc.js';
import { heldRecord, diagnoseByRecord, recordFrom } from '../bsd/record.js';
import { sysctlRead } from '../bsd/sysctl.js';
import { checkPid, startTimeHold } from '../process-state.js';
import { PID_MAX, OPENBSD_RLIMITS, OPENBSD_RLIM_INFINITY, kinfoMib } from './constants.js';
import { decodeKinfoProc } from './decode.js';

const PLATFORM = 'OpenBSD';

/** libc's major.minor changes with releases: the newest /usr/lib/libc.so.X.Y installed. */
export function openbsdLibcPaths(names: readonly string[]): string[] {
  const version = (name: string): number[] => name.slice('libc.so.'.length).split('.').map(Number);
  return names
    .filter((name) => /^libc\.so\.\d+\.\d+$/.test(name))
    .sort((a, b) => {
      const [x, y] = [version(a), version(b)];
      return y[0]! - x[0]! || y[1]! - x[1]!;
    })
    .map((name) => `/usr/lib/${name}`);
}

export const OPENBSD_LIBC: LibcSpec = {
  platform: PLATFORM,
  paths: () => {
    try {
      return openbsdLibcPaths(readdirSync('/usr/lib'));
    } catch {
      return [];
    }
  },
  errnoSymbol: '__errno',
};

/** kinfo_proc of pid (its first OPENBSD_KINFO_PREFIX bytes); a dead PID is an empty answer. */
export function readRecord(pid: number): ProcRecord & WithSession & WithSignals {
  const buf = sysctlRead(bsdLibc(OPENBSD_LIBC), kinfoMib(checkPid(pid, 'sysctl')), OPENBSD_KINFO_PREFIX);
  return recordFrom(pid, buf, decodeKinfoProc);
}

const record = (t: Target): ProcRecord & WithSession & WithSignals => heldRecord(t, readRecord);

export const openbsdBackend: Backend = {
  platform: PLATFORM,
  rlimits: OPENBSD_RLIMITS,
  rlimInfinity: OPENBSD_RLIM_INFINITY,
  maxPid: PID_MAX,
  getGroups: (t) => record(t).groups,
  getPgid: (t) => record(t).pgid,
  getSid: (t) => record(t).sid,
  getSigmasks: (t): Sigmasks => record(t).sigmasks,
  // A zombie's start time is 0 (p_uvalid = 0): unknown, which the hold does not call reused.
  hold: (pid) => startTimeHold(() => readRecord(pid).startMicros),
  diagnose: (pid, cause) => diagnoseByRecord(pid, cause, readRecord),
};
