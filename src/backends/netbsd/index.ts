// The NetBSD backend. With koffi (built from source: no prebuilt binary exists
// for NetBSD) it reads kinfo_proc2 (sysctl KERN_PROC2, six-element KERN_PROC_MIBS) and the
// proc.PID.rlimit nodes, which also set limits. Without koffi it reads procfs
// (/proc/PID/status and /proc/PID/limit) when mounted; signal masks and setting
// limits need koffi.
import { NETBSD_KINFO_PROC2 } from '../../ffi/structs/netbsd.js';
import { SIZEOF_RLIM_T } from '../../ffi/structs/layout.js';
import { type BigLimits, type Limits, type NewLimits, exactLimits, limitsAs } from '../../limits.js';
import type { Backend, Sigmasks, Target } from '../backend.js';
import { chooseRoute, requireLibc } from '../bsd/access.js';
import { type FactSources, diagnoseFromEitherSource, factsOfHeld, startMicrosOf } from '../bsd/record-or-procfs.js';
import type { ProcRecord, WithSession, WithSignals } from '../bsd/kinfo.js';
import type { BsdLibc, LibcSpec } from '../bsd/libc.js';
import { procPath, readProcText } from '../bsd/procfs-text.js';
import { heldRecord, recordFrom } from '../bsd/record.js';
import { sysctlRead, sysctlWrite } from '../bsd/sysctl.js';
import { checkPid, confirmHeld, startTimeHold } from '../process-state.js';
import {
  type LimitType,
  MAX_PID_T,
  NETBSD_RLIMITS,
  NETBSD_RLIM_INFINITY,
  PROC_PID_LIMIT_TYPE_HARD,
  PROC_PID_LIMIT_TYPE_SOFT,
  kinfo2Mib,
  rlimitMib,
} from './constants.js';
import { decodeKinfoProc2, decodeQuad } from './decode.js';
import { parseNetbsdLimit } from './parse-limit.js';
import { parseNetbsdStatus } from './parse-status.js';
import { setBothLimits } from './set-limits.js';

const PLATFORM = 'NetBSD';

export const NETBSD_LIBC: LibcSpec = { platform: PLATFORM, paths: () => ['libc.so.12'], errnoSymbol: '__errno' };

const NETBSD_FACT_SOURCES: FactSources<ProcRecord & WithSession & WithSignals> = {
  spec: NETBSD_LIBC,
  // Zombies are listed (sysctl_doeproc scans the zombie list first); an empty
  // answer is a dead PID or one kauth's CANSEE check hides from us.
  readRecord: (libc, pid) =>
    recordFrom(pid, sysctlRead(libc, kinfo2Mib(checkPid(pid, 'sysctl')), NETBSD_KINFO_PROC2.size), decodeKinfoProc2),
  parseStatus: parseNetbsdStatus,
};

function readQuad(libc: BsdLibc, pid: number, resource: number, type: LimitType): bigint {
  return decodeQuad(sysctlRead(libc, rlimitMib(checkPid(pid, 'sysctl'), resource, type), SIZEOF_RLIM_T));
}

function writeQuad(libc: BsdLibc, pid: number, resource: number, type: LimitType, v: bigint): void {
  const value = Buffer.alloc(SIZEOF_RLIM_T);
  value.writeBigUInt64LE(v);
  sysctlWrite(libc, rlimitMib(checkPid(pid, 'sysctl'), resource, type), value);
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

  hold: (pid) => startTimeHold(() => startMicrosOf(NETBSD_FACT_SOURCES, pid)),
  diagnose: (pid, cause) => diagnoseFromEitherSource(NETBSD_FACT_SOURCES, pid, cause),
};
