// The DragonFly backend. With koffi (built from source: no prebuilt binary
// exists for DragonFly) groups, pgid, sid, start time, name, uids and the
// usage figures come from kinfo_proc (sysctl KERN_PROC_PID, and one record per
// LWP for the CPU time), the arguments from kern.proc.args, the descriptors
// from kern.file and the PIDs from kern.proc.all; without koffi groups, pgid,
// sid, start time and name come from /proc/PID/status and the PIDs from the
// procfs root when procfs is mounted. Limits are only ever in /proc/PID/rlimit
// (read-only).
import { errorCode, hidden, unsupported } from '../../failures.js';
import { type BigLimits, type Limits, limitsAs } from '../../limits.js';
import { cached } from '../../oneshot.js';
import type { Backend, Target, Uids } from '../backend.js';
import { chooseRoute, requireLibc } from '../bsd/access.js';
import { type FactSources, diagnoseFromEitherSource, factsOfHeld, startMicrosOf } from '../bsd/record-or-procfs.js';
import type { BsdLibc, LibcSpec } from '../bsd/libc.js';
import { bsdProcfsMounted, procPath, procfsPids, readProcText } from '../bsd/procfs-text.js';
import { getProcfsPath } from '../../procfs-path.js';
import { heldRecord, recordFrom } from '../bsd/record.js';
import { pageSize, sysctlRead } from '../bsd/sysctl.js';
import { nulSeparated, sortedPids, splitRecords, usageFrom } from '../bsd/usage.js';
import { checkPid, confirmHeld, startTimeHold } from '../process-state.js';
import {
  ARGS_FIRST_BUFFER,
  DRAGONFLY_RLIMITS,
  DRAGONFLY_RLIM_INFINITY,
  DRAGONFLY_USAGE,
  KINFO_PROC_BUFFER_SIZE,
  MAX_PID_T,
  MIB_HW_PAGESIZE,
  MIB_KERN_FILE,
  MIB_KERN_PROC_ALL,
  argsMib,
  kinfoMib,
  lwpMib,
} from './constants.js';
import {
  type DragonflyRecord,
  countFileRecords,
  cpuMicrosOfLwps,
  decodeKinfoProc,
  decodeKinfoProcList,
} from './decode.js';
import { parseDragonflyRlimit } from './parse-rlimit.js';
import { DRAGONFLY_KINFO_PROC } from '../../ffi/structs/dragonfly.js';
import { type DragonflyStatus, parseDragonflyStatus } from './parse-status.js';

const PLATFORM = 'DragonFly BSD';

export const DRAGONFLY_LIBC: LibcSpec = {
  platform: PLATFORM,
  paths: () => ['libc.so.8'],
  errnoSymbol: '__errno_location',
};

const DRAGONFLY_FACT_SOURCES: FactSources<DragonflyRecord> = {
  spec: DRAGONFLY_LIBC,
  // pfind() skips zombies (sys/kern/kern_proc.c): an empty answer for a PID that
  // still exists is a zombie.
  readRecord: (libc, pid) =>
    recordFrom(pid, sysctlRead(libc, kinfoMib(checkPid(pid, 'sysctl')), KINFO_PROC_BUFFER_SIZE), decodeKinfoProc, true),
  parseStatus: parseDragonflyStatus,
};

const record = (libc: BsdLibc, t: Target): DragonflyRecord =>
  heldRecord(t, (pid) => DRAGONFLY_FACT_SOURCES.readRecord(libc, pid));

/** The status line of the held target, read once per oneshot. */
function statusOf(t: Target): DragonflyStatus {
  const status = cached(t.pid, 'status-line', () =>
    parseDragonflyStatus(readProcText(t.pid, 'status'), procPath(t.pid, 'status')),
  );
  confirmHeld(t, 'read');
  return status;
}

/**
 * Every process kern.proc.all shows (all of them unless kern.ps_showallprocs
 * is 0; only the caller's jail in a jail), zombies included, then one record
 * per kernel thread with kp_pid -1, which are left out.
 */
function processList(libc: BsdLibc): DragonflyRecord[] {
  return decodeKinfoProcList(sysctlRead(libc, MIB_KERN_PROC_ALL)).filter((p) => p.pid >= 0);
}

/** The CPU time the RLIMIT_CPU check counts: every live LWP's user and system microseconds. */
function lwpCpuMicros(libc: BsdLibc, t: Target): number {
  const pid = checkPid(t.pid, 'sysctl');
  const buf = sysctlRead(libc, lwpMib(pid));
  if (buf.length === 0) DRAGONFLY_FACT_SOURCES.readRecord(libc, pid);
  const micros = cpuMicrosOfLwps(splitRecords(buf, DRAGONFLY_KINFO_PROC.size, 'kinfo_proc list'), pid);
  confirmHeld(t, 'sysctl');
  return micros;
}

/** Buffers tried for kern.proc.args, doubling from ARGS_FIRST_BUFFER. */
const ARGS_TRIES = 8;

/**
 * kern.proc.args (sysctl_kern_proc_args): the title the process set through
 * its upmap, else the cached p_args, else nothing. Nothing also answers a
 * PID pfind does not find (gone, or a zombie), a process another user's when
 * kern.ps_argsopen is 0, and one whose arguments exceeded
 * kern.ps_arg_cache_limit at exec; the record tells which it can.
 */
function cmdline(libc: BsdLibc, t: Target): string[] {
  const pid = checkPid(t.pid, 'sysctl');
  let buf: Buffer | undefined;
  for (let size = ARGS_FIRST_BUFFER, attempt = 1; buf === undefined; size *= 2, attempt++) {
    try {
      buf = sysctlRead(libc, argsMib(pid), size);
    } catch (err) {
      if (errorCode(err) !== 'ENOMEM' || attempt >= ARGS_TRIES) throw err;
    }
  }
  let args: string[];
  if (buf.length > 0) {
    args = nulSeparated(buf);
  } else {
    let r: DragonflyRecord;
    try {
      r = DRAGONFLY_FACT_SOURCES.readRecord(libc, pid);
    } catch (err) {
      // A zombie has no arguments left, as on Linux.
      if ((err as { state?: unknown }).state === 'zombie') return [];
      throw err;
    }
    if (!r.system) {
      const euid = process.geteuid?.();
      if (euid !== undefined && euid !== 0 && r.uids.effective !== euid && r.uids.real !== euid) {
        throw hidden('sysctl', "kern.proc.args shows another user's arguments only when kern.ps_argsopen is 1");
      }
      throw unsupported(
        'procGetCmdline',
        'the kernel kept no copy of the arguments of this process (longer than kern.ps_arg_cache_limit at exec)',
      );
    }
    args = [];
  }
  confirmHeld(t, 'sysctl');
  return args;
}

/**
 * kern.file: every open descriptor of every process in the caller's jail
 * (sysctl_kern_file skips only embryonic and zombie processes), each
 * record with f_pid. None for the PID: a zombie (its descriptors are closed),
 * or a live process without open descriptors.
 */
function descriptors(libc: BsdLibc, t: Target): number {
  const pid = checkPid(t.pid, 'sysctl');
  let count = countFileRecords(sysctlRead(libc, MIB_KERN_FILE), pid);
  if (count === 0) {
    try {
      DRAGONFLY_FACT_SOURCES.readRecord(libc, pid);
    } catch (err) {
      if ((err as { state?: unknown }).state !== 'zombie') throw err;
    }
    count = 0;
  }
  confirmHeld(t, 'sysctl');
  return count;
}

/**
 * The session ID, the same by both routes. The record's kp_sid is the
 * session's s_sid. procfs_dostatus (sys/vfs/procfs/procfs_status.c) prints
 * instead the PID of the session's leader, `sess->s_leader ? ... : 0`: while
 * the leader lives that PID is the session ID (POSIX setsid: the session ID
 * is the PID of the process that created it), and once the leader has exited
 * (s_leader cleared) the line says 0, from which the session ID cannot be
 * known. That case is refused rather than answered 0.
 */
function sessionId(t: Target): number {
  const route = chooseRoute(DRAGONFLY_LIBC, 'procGetsid');
  if (route.kind === 'ffi') return record(route.libc, t).sid;
  const sid = statusOf(t).sid;
  if (sid === 0) {
    throw unsupported(
      'procGetsid',
      `/proc/${t.pid}/status on ${PLATFORM} names the session by its leader's PID, and the leader has exited; the session ID needs koffi (kern.proc.pid)`,
    );
  }
  return sid;
}

export const dragonflyBackend: Backend = {
  platform: PLATFORM,
  rlimits: DRAGONFLY_RLIMITS,
  rlimInfinity: DRAGONFLY_RLIM_INFINITY,
  maxPid: MAX_PID_T,
  getGroups: (t) => factsOfHeld(DRAGONFLY_FACT_SOURCES, t, 'procGetgroups').groups,
  getPgid: (t) => factsOfHeld(DRAGONFLY_FACT_SOURCES, t, 'procGetpgid').pgid,
  getSid: sessionId,

  getRlimit(t: Target, resource: number, bigint: boolean): Limits | BigLimits {
    if (!bsdProcfsMounted()) {
      throw unsupported(
        'procGetrlimit',
        `limits on ${PLATFORM} are read from procfs (PID/rlimit), which is not mounted at ${getProcfsPath()}`,
      );
    }
    const file = procPath(t.pid, 'rlimit');
    const limits = parseDragonflyRlimit(readProcText(t.pid, 'rlimit'), resource, DRAGONFLY_RLIM_INFINITY, file);
    confirmHeld(t, 'read');
    return limitsAs(limits, DRAGONFLY_RLIM_INFINITY, bigint);
  },

  getName(t: Target): string {
    const route = chooseRoute(DRAGONFLY_LIBC, 'procGetName');
    return route.kind === 'ffi' ? record(route.libc, t).name : statusOf(t).comm;
  },

  // /proc/PID/status prints the effective and real uids, not the saved one.
  getUids: (t): Uids => record(requireLibc(DRAGONFLY_LIBC, 'procGetUids', 'User IDs'), t).uids,

  // procfs_docmdline shows another process's p_comm when it has no cached
  // arguments, which cannot be told from arguments.
  getCmdline: (t) => cmdline(requireLibc(DRAGONFLY_LIBC, 'procGetCmdline', 'Arguments'), t),

  getNumFds: (t) => descriptors(requireLibc(DRAGONFLY_LIBC, 'procNumFds', 'Descriptor counts'), t),

  getRlimitUsage(t: Target, resource: number): number | undefined {
    const source = DRAGONFLY_USAGE.get(resource);
    if (source === undefined) return undefined;
    // procfs prints no sizes or saved ids, and its user and system times
    // (calcru_proc) include LWPs that have exited, which the CPU check does not.
    const libc = requireLibc(DRAGONFLY_LIBC, 'procGetrlimitUsage', 'Usage figures');
    const cpu = source.kind === 'record' && source.figure === 'cpuMicros';
    return usageFrom(t, source, {
      usage: () => (cpu ? { cpuMicros: lwpCpuMicros(libc, t) } : record(libc, t).usage),
      uids: () => record(libc, t).uids,
      pageSize: () => pageSize(libc, MIB_HW_PAGESIZE),
      fds: () => descriptors(libc, t),
      // chgproccnt() counts a process from fork1 until it is reaped.
      processes: () => processList(libc),
    });
  },

  listPids(view) {
    const route = chooseRoute(DRAGONFLY_LIBC, 'pids', view.root);
    return route.kind === 'ffi' ? sortedPids(processList(route.libc).map((p) => p.pid)) : procfsPids(view.root);
  },

  hold: (pid) => startTimeHold(() => startMicrosOf(DRAGONFLY_FACT_SOURCES, pid)),
  diagnose: (pid, cause) => diagnoseFromEitherSource(DRAGONFLY_FACT_SOURCES, pid, cause),
};
