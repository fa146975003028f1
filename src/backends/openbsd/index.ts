// The OpenBSD backend: one kinfo_proc per query (sysctl KERN_PROC with the
// six-element kinfoMib) answers groups, pgid, sid, signal masks, start time,
// name, uids and the usage figures it carries; kern.proc.kthread lists every
// process; kern.proc_args gives the arguments and kern.file the descriptors.
// getpgid(2)/getsid(2) are not used: they refuse processes of other sessions
// (EPERM, sys_getpgid and sys_getsid in sys/kern/kern_prot.c). umask and
// rlimits are not exposed: no sysctl carries them and OpenBSD has no procfs.
import { readdirSync } from 'node:fs';
import { errorCode, hidden } from '../../failures.js';
import { OPENBSD_KINFO_FILE_PREFIX, OPENBSD_KINFO_PREFIX } from '../../ffi/structs/openbsd.js';
import type { Backend, ProcessHold, Sigmasks, Target, Uids } from '../backend.js';
import { type LibcSpec, bsdLibc } from '../bsd/libc.js';
import { heldRecord, diagnoseByRecord, recordFrom } from '../bsd/record.js';
import { pageSize, sysctlRead, sysctlReadElements, sysctlSize } from '../bsd/sysctl.js';
import { sortedPids, usageFrom } from '../bsd/usage.js';
import { checkPid, confirmHeld, startTimeHold } from '../process-state.js';
import {
  MIB_HW_PAGESIZE,
  OPENBSD_RLIMITS,
  OPENBSD_RLIM_INFINITY,
  OPENBSD_USAGE,
  PID_MAX,
  START_TOLERANCE_MICROS,
  argvMib,
  fileMib,
  kinfoListMib,
  kinfoMib,
} from './constants.js';
import { type OpenbsdRecord, countFileRecords, decodeArgv, decodeKinfoProc, decodeKinfoProcList } from './decode.js';

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

const libc = () => bsdLibc(OPENBSD_LIBC);

/** kinfo_proc of pid (its first OPENBSD_KINFO_PREFIX bytes); a dead PID is an empty answer. */
export function readRecord(pid: number): OpenbsdRecord {
  const buf = sysctlRead(libc(), kinfoMib(checkPid(pid, 'sysctl')), OPENBSD_KINFO_PREFIX);
  return recordFrom(pid, buf, decodeKinfoProc);
}

const record = (t: Target): OpenbsdRecord => heldRecord(t, readRecord);

/**
 * A hold on the start time `read` gives. fill_kproc (sys/kern/kern_sysctl.c)
 * rebuilds p_ustart from the boot time on each query, so readings are compared
 * with START_TOLERANCE_MICROS of slack; a zombie's (p_uvalid 0) is unknown,
 * which the hold does not take for reuse.
 */
export function openbsdHold(read: () => number | undefined): ProcessHold {
  return startTimeHold(read, START_TOLERANCE_MICROS);
}

/** Every process, system ones and zombies included (sysctl_doproc with KERN_PROC_KTHREAD). */
function processList(): OpenbsdRecord[] {
  return decodeKinfoProcList(sysctlReadElements(libc(), kinfoListMib, OPENBSD_KINFO_PREFIX));
}

/** Sizes tried for the argument vector, from the probe's ARG_MAX up, before ENOMEM is reported. */
const ARGV_TRIES = 4;

/**
 * The argument vector. sysctl_proc_args answers a size probe with ARG_MAX and
 * ENOMEM when the vector and strings do not fit, so the buffer doubles then.
 * It answers EINVAL for a system process or one that is exiting, and ESRCH
 * for a PID it does not find: a process the record shows as such has no
 * arguments to give, as zombies and kernel threads have none on Linux.
 */
function cmdline(t: Target): string[] {
  const pid = checkPid(t.pid, 'sysctl');
  const mib = argvMib(pid);
  let args: string[] | undefined;
  try {
    let size = sysctlSize(libc(), mib);
    for (let attempt = 0; args === undefined; attempt++) {
      try {
        args = decodeArgv(sysctlRead(libc(), mib, size));
      } catch (err) {
        if (errorCode(err) !== 'ENOMEM' || attempt + 1 >= ARGV_TRIES) throw err;
        size *= 2;
      }
    }
  } catch (err) {
    const code = errorCode(err);
    if (code !== 'EINVAL' && code !== 'ESRCH') throw err;
    const r = readRecord(pid);
    if (code === 'ESRCH' && !r.zombie) throw err;
    args = [];
  }
  confirmHeld(t, 'sysctl');
  return args;
}

/**
 * The open descriptors. sysctl_file skips system, embryonic and exiting
 * processes, and answers ESRCH when it matched none (older kernels answer
 * nothing instead; a listed process always has its cwd record). The record
 * then says which: a zombie has closed every descriptor (exit1 frees the
 * table), anything else is not shown.
 */
function descriptors(t: Target): number {
  const pid = checkPid(t.pid, 'sysctl');
  let buf: Buffer | undefined;
  try {
    buf = sysctlReadElements(libc(), (count) => fileMib(pid, count), OPENBSD_KINFO_FILE_PREFIX);
  } catch (err) {
    if (errorCode(err) !== 'ESRCH') throw err;
  }
  let count: number;
  if (buf !== undefined && buf.length > 0) {
    count = countFileRecords(buf);
  } else if (readRecord(pid).zombie) {
    count = 0;
  } else {
    throw hidden('sysctl', 'kern.file lists no descriptors of system, embryonic or exiting processes');
  }
  confirmHeld(t, 'sysctl');
  return count;
}

export const openbsdBackend: Backend = {
  platform: PLATFORM,
  rlimits: OPENBSD_RLIMITS,
  rlimInfinity: OPENBSD_RLIM_INFINITY,
  maxPid: PID_MAX,
  getGroups: (t) => record(t).groups,
  getPgid: (t) => record(t).pgid,
  getSid: (t) => record(t).sid,
  getSigmasks: (t): Sigmasks => record(t).sigmasks,
  getName: (t) => record(t).name,
  getUids: (t): Uids => record(t).uids,
  getCmdline: cmdline,
  getNumFds: descriptors,

  getRlimitUsage(t: Target, resource: number): number | undefined {
    return usageFrom(t, OPENBSD_USAGE.get(resource), {
      usage: () => record(t).usage,
      uids: () => record(t).uids,
      pageSize: () => pageSize(libc(), MIB_HW_PAGESIZE),
      fds: () => descriptors(t),
      // chgproccnt() counts a process from fork1 until process_zap reaps it.
      processes: processList,
    });
  },

  listPids: () => sortedPids(processList().map((p) => p.pid)),
  hold: (pid) => openbsdHold(() => readRecord(pid).startMicros),
  diagnose: (pid, cause) => diagnoseByRecord(pid, cause, readRecord),
};
