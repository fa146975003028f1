// The NetBSD backend. With koffi (built from source: no prebuilt binary exists
// for NetBSD) it reads kinfo_proc2 (sysctl KERN_PROC2, six-element kinfo2Mib),
// the proc.PID.rlimit nodes, which also set limits, kern.proc_args for the
// arguments, kern.file2 for the descriptors and kern.proc2's full list for
// the PIDs. Without koffi it reads procfs (/proc/PID/status, limit, cmdline
// and the fd directory) when mounted; signal masks, setting limits, uids and
// every usage figure but NOFILE need koffi.
import { readdirSync } from 'node:fs';
import { errorCode, hidden, unsupported } from '../../failures.js';
import { NETBSD_KINFO_FILE, NETBSD_KINFO_PROC2 } from '../../ffi/structs/netbsd.js';
import { SIZEOF_RLIM_T } from '../../ffi/structs/layout.js';
import { type BigLimits, type Limits, type NewLimits, exactLimits, limitsAs } from '../../limits.js';
import { cached } from '../../oneshot.js';
import type { Backend, Sigmasks, Target, Uids } from '../backend.js';
import { chooseRoute, requireLibc } from '../bsd/access.js';
import { type FactSources, diagnoseFromEitherSource, factsOfHeld, startMicrosOf } from '../bsd/record-or-procfs.js';
import type { BsdLibc, LibcSpec } from '../bsd/libc.js';
import { procPath, procfsPids, readProcBytes, readProcText } from '../bsd/procfs-text.js';
import { heldRecord, recordFrom } from '../bsd/record.js';
import { pageSize, sysctlRead, sysctlReadElements, sysctlSize, sysctlWrite } from '../bsd/sysctl.js';
import { nulSeparated, sortedPids, usageFrom } from '../bsd/usage.js';
import { checkPid, confirmHeld, startTimeHold } from '../process-state.js';
import {
  type LimitType,
  MAX_PID_T,
  MIB_HW_PAGESIZE,
  NETBSD_RLIMITS,
  NETBSD_RLIM_INFINITY,
  NETBSD_USAGE,
  PROC_PID_LIMIT_TYPE_HARD,
  PROC_PID_LIMIT_TYPE_SOFT,
  argvMib,
  file2Mib,
  kinfo2ListMib,
  kinfo2Mib,
  rlimitMib,
} from './constants.js';
import { type NetbsdRecord, countFile2Records, decodeKinfoProc2, decodeKinfoProc2List, decodeQuad } from './decode.js';
import { parseNetbsdLimit } from './parse-limit.js';
import { type NetbsdStatus, parseNetbsdStatus } from './parse-status.js';
import { setBothLimits } from './set-limits.js';
import { retryWhileBusy } from './busy-retry.js';

const PLATFORM = 'NetBSD';

export const NETBSD_LIBC: LibcSpec = { platform: PLATFORM, paths: () => ['libc.so.12'], errnoSymbol: '__errno' };

const NETBSD_FACT_SOURCES: FactSources<NetbsdRecord> = {
  spec: NETBSD_LIBC,
  // Zombies are listed (sysctl_doeproc scans the zombie list first); an empty
  // answer is a dead PID or one kauth's CANSEE check hides from us.
  readRecord: (libc, pid) =>
    recordFrom(pid, sysctlRead(libc, kinfo2Mib(checkPid(pid, 'sysctl')), NETBSD_KINFO_PROC2.size), decodeKinfoProc2),
  parseStatus: parseNetbsdStatus,
};

// Both go through sysctl_proc_findproc, whose EBUSY (exec or exit under way)
// is retried (busy-retry.ts).
function readQuad(libc: BsdLibc, pid: number, resource: number, type: LimitType): bigint {
  const mib = rlimitMib(checkPid(pid, 'sysctl'), resource, type);
  return decodeQuad(retryWhileBusy(() => sysctlRead(libc, mib, SIZEOF_RLIM_T)));
}

function writeQuad(libc: BsdLibc, pid: number, resource: number, type: LimitType, v: bigint): void {
  const value = Buffer.alloc(SIZEOF_RLIM_T);
  value.writeBigUInt64LE(v);
  const mib = rlimitMib(checkPid(pid, 'sysctl'), resource, type);
  retryWhileBusy(() => sysctlWrite(libc, mib, value));
}

const record = (libc: BsdLibc, t: Target): NetbsdRecord =>
  heldRecord(t, (pid) => NETBSD_FACT_SOURCES.readRecord(libc, pid));

/** The status line of the held target, read once per oneshot. */
function statusOf(t: Target): NetbsdStatus {
  const status = cached(t.pid, 'status-line', () =>
    parseNetbsdStatus(readProcText(t.pid, 'status'), procPath(t.pid, 'status')),
  );
  confirmHeld(t, 'read');
  return status;
}

/** Every process kauth lets the caller see, zombies and the kernel's proc0 included (sysctl_doeproc). */
function processList(libc: BsdLibc): NetbsdRecord[] {
  return decodeKinfoProc2List(sysctlReadElements(libc, kinfo2ListMib, NETBSD_KINFO_PROC2.size));
}

/** Sizes tried for the argument strings, from the probe's ARG_MAX up. */
const ARGS_TRIES = 4;

/**
 * kern.proc_args.PID.argv: the strings, each NUL-terminated, cut at the
 * buffer's end without an error (copy_procargs), so a full buffer is asked
 * again, larger. EINVAL for a PID proc_find does not find, a zombie or a
 * system process (PK_SYSTEM): with a record still there, it has no arguments.
 */
function sysctlCmdline(libc: BsdLibc, t: Target): string[] {
  const pid = checkPid(t.pid, 'sysctl');
  let args: string[] | undefined;
  try {
    let size = sysctlSize(libc, argvMib(pid));
    for (let attempt = 1; args === undefined; attempt++) {
      const buf = sysctlRead(libc, argvMib(pid), size);
      if (buf.length < size || attempt >= ARGS_TRIES) args = nulSeparated(buf);
      else size *= 2;
    }
  } catch (err) {
    if (errorCode(err) !== 'EINVAL') throw err;
    NETBSD_FACT_SOURCES.readRecord(libc, pid);
    args = [];
  }
  confirmHeld(t, 'sysctl');
  return args;
}

/**
 * /proc/PID/cmdline (procfs_docmdline): the same strings. For a system
 * process it prints "(comm)" instead, which a process whose one argument is
 * that text would also show: that answer is not taken for either.
 */
function procfsCmdline(t: Target): string[] {
  const args = nulSeparated(readProcBytes(t.pid, 'cmdline'));
  confirmHeld(t, 'read');
  if (args.length === 1 && args[0] === `(${statusOf(t).comm})`) {
    throw unsupported(
      'procGetCmdline',
      `${procPath(t.pid, 'cmdline')} shows "(comm)", as procfs does for a system process; koffi is needed to tell`,
    );
  }
  return args;
}

/**
 * kern.file2 by PID: one record per open descriptor. The kernel skips,
 * without an error, a process kauth's CANSEE_OPENFILES check refuses
 * (another user's under security.curtain) and one whose p_reflock is held
 * (exec or exit in progress), so no records is told apart by the record: a
 * zombie has no descriptors left, another user's process is not shown.
 */
function sysctlDescriptors(libc: BsdLibc, t: Target): number {
  const pid = checkPid(t.pid, 'sysctl');
  let count = countFile2Records(
    sysctlReadElements(libc, (n) => file2Mib(pid, n), NETBSD_KINFO_FILE.size),
    pid,
  );
  if (count === 0) {
    const r = NETBSD_FACT_SOURCES.readRecord(libc, pid);
    const euid = process.geteuid?.();
    if (!r.zombie && euid !== undefined && euid !== 0 && r.uids.effective !== euid) {
      throw hidden('sysctl', "kern.file2 listed no descriptors: kauth may hide another user's (security.curtain)");
    }
    count = 0;
  }
  confirmHeld(t, 'sysctl');
  return count;
}

/**
 * The entries of /proc/PID/fd, one per open descriptor (procfs_readdir).
 * ESRCH when kauth's CANSEE_OPENFILES check refuses a process that exists.
 */
function procfsDescriptors(t: Target): number {
  let names: string[];
  try {
    names = readdirSync(`${procPath(t.pid)}/fd`);
  } catch (err) {
    if (errorCode(err) === 'ESRCH') {
      throw hidden('readdir', 'procfs does not list the descriptors of this process to the caller (kauth)');
    }
    throw err;
  }
  confirmHeld(t, 'read');
  return names.filter((name) => /^\d+$/.test(name)).length;
}

function descriptors(t: Target): number {
  const route = chooseRoute(NETBSD_LIBC, 'procNumFds');
  return route.kind === 'ffi' ? sysctlDescriptors(route.libc, t) : procfsDescriptors(t);
}

export const netbsdBackend: Backend = {
  platform: PLATFORM,
  rlimits: NETBSD_RLIMITS,
  rlimInfinity: NETBSD_RLIM_INFINITY,
  maxPid: MAX_PID_T,
  getGroups: (t) => factsOfHeld(NETBSD_FACT_SOURCES, t, 'procGetgroups').groups,
  getPgid: (t) => factsOfHeld(NETBSD_FACT_SOURCES, t, 'procGetpgid').pgid,
  getSid: (t) => factsOfHeld(NETBSD_FACT_SOURCES, t, 'procGetsid').sid,

  getSigmasks(t: Target): Sigmasks {
    const libc = requireLibc(NETBSD_LIBC, 'procGetSigmasks', 'Signal masks');
    return heldRecord(t, (pid) => NETBSD_FACT_SOURCES.readRecord(libc, pid)).sigmasks;
  },

  getRlimit(t: Target, resource: number, bigint: boolean): Limits | BigLimits {
    const route = chooseRoute(NETBSD_LIBC, 'procGetrlimit');
    let limits: BigLimits;
    if (route.kind === 'ffi') {
      limits = [
        readQuad(route.libc, t.pid, resource, PROC_PID_LIMIT_TYPE_SOFT),
        readQuad(route.libc, t.pid, resource, PROC_PID_LIMIT_TYPE_HARD),
      ];
    } else {
      limits = parseNetbsdLimit(readProcText(t.pid, 'limit'), resource, procPath(t.pid, 'limit'));
    }
    confirmHeld(t, 'sysctl');
    return limitsAs(limits, NETBSD_RLIM_INFINITY, bigint);
  },

  setRlimit(t: Target, resource: number, limits: NewLimits, bigint: boolean): Limits | BigLimits {
    const libc = requireLibc(NETBSD_LIBC, 'procRlimit', 'Setting limits');
    confirmHeld(t, 'sysctl');
    const old = setBothLimits(
      {
        read: (type) => readQuad(libc, t.pid, resource, type),
        write: (type, value) => writeQuad(libc, t.pid, resource, type, value),
      },
      exactLimits(limits, NETBSD_RLIM_INFINITY),
    );
    return limitsAs(old, NETBSD_RLIM_INFINITY, bigint);
  },

  getName(t: Target): string {
    const route = chooseRoute(NETBSD_LIBC, 'procGetName');
    return route.kind === 'ffi' ? record(route.libc, t).name : statusOf(t).comm;
  },

  // /proc/PID/status prints the effective uid alone.
  getUids: (t): Uids => record(requireLibc(NETBSD_LIBC, 'procGetUids', 'User IDs'), t).uids,

  getCmdline(t: Target): string[] {
    const route = chooseRoute(NETBSD_LIBC, 'procGetCmdline');
    return route.kind === 'ffi' ? sysctlCmdline(route.libc, t) : procfsCmdline(t);
  },

  getNumFds: descriptors,

  getRlimitUsage(t: Target, resource: number): number | undefined {
    const source = NETBSD_USAGE.get(resource);
    if (source === undefined) return undefined;
    if (source.kind === 'fds') return descriptors(t);
    // procfs prints no memory sizes or real uids, and its user and system
    // times (calcru's split) leave out the interrupt share of p_rtime.
    const libc = requireLibc(NETBSD_LIBC, 'procGetrlimitUsage', 'Usage figures other than NOFILE');
    return usageFrom(t, source, {
      usage: () => record(libc, t).usage,
      uids: () => record(libc, t).uids,
      pageSize: () => pageSize(libc, MIB_HW_PAGESIZE),
      fds: () => descriptors(t),
      // chgproccnt() counts a process from fork1 until it is reaped.
      processes: () => processList(libc),
    });
  },

  // Either route lists what kauth's CANSEE check lets the caller see
  // (sysctl_doeproc; procfs_root_readdir_callback).
  listPids(view) {
    const route = chooseRoute(NETBSD_LIBC, 'pids', view.root);
    return route.kind === 'ffi' ? sortedPids(processList(route.libc).map((p) => p.pid)) : procfsPids(view.root);
  },

  hold: (pid) => startTimeHold(() => startMicrosOf(NETBSD_FACT_SOURCES, pid)),
  diagnose: (pid, cause) => diagnoseFromEitherSource(NETBSD_FACT_SOURCES, pid, cause),
};
