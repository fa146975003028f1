// The DragonFly backend. With koffi (built from source: no prebuilt binary
// exists for DragonFly) groups, pgid, sid and start time come from kinfo_proc
// (sysctl KERN_PROC_PID); without it from /proc/PID/status when procfs is
// mounted. Limits are only ever in /proc/PID/rlimit (read-only).
import { unsupported } from '../../failures.js';
import { type BigLimits, type Limits, limitsAs } from '../../limits.js';
import type { Backend, Target } from '../backend.js';
import { type FactSources, diagnoseFromEitherSource, factsOfHeld, startMicrosOf } from '../bsd/record-or-procfs.js';
import type { LibcSpec } from '../bsd/libc.js';
import { bsdProcfsMounted, procPath, readProcText } from '../bsd/procfs-text.js';
import { getProcfsPath } from '../../procfs-path.js';
import { recordFrom } from '../bsd/record.js';
import { sysctlRead } from '../bsd/sysctl.js';
import { checkPid, confirmHeld, startTimeHold } from '../process-state.js';
import {
  DRAGONFLY_RLIMITS,
  DRAGONFLY_RLIM_INFINITY,
  KINFO_PROC_BUFFER_SIZE,
  MAX_PID_T,
  kinfoMib,
} from './constants.js';
import { decodeKinfoProc } from './decode.js';
import { parseDragonflyRlimit } from './parse-rlimit.js';
import { parseDragonflyStatus } from './parse-status.js';

const PLATFORM = 'DragonFly BSD';

export const DRAGONFLY_LIBC: LibcSpec = {
  platform: PLATFORM,
  paths: () => ['libc.so.8'],
  errnoSymbol: '__errno_location',
};

const DRAGONFLY_FACT_SOURCES: FactSources = {
  spec: DRAGONFLY_LIBC,
  // pfind() skips zombies (sys/kern/kern_proc.c): an empty answer for a PID that
  // still exists is a zombie.
  readRecord: (libc, pid) =>
    recordFrom(pid, sysctlRead(libc, kinfoMib(checkPid(pid, 'sysctl')), KINFO_PROC_BUFFER_SIZE), decodeKinfoProc, true),
  parseStatus: parseDragonflyStatus,
};

export const dragonflyBackend: Backend = {
  platform: PLATFORM,
  rlimits: DRAGONFLY_RLIMITS,
  rlimInfinity: DRAGONFLY_RLIM_INFINITY,
  maxPid: MAX_PID_T,
  getGroups: (t) => factsOfHeld(DRAGONFLY_FACT_SOURCES, t, 'procGetgroups').groups,
  getPgid: (t) => factsOfHeld(DRAGONFLY_FACT_SOURCES, t, 'procGetpgid').pgid,
  getSid: (t) => factsOfHeld(DRAGONFLY_FACT_SOURCES, t, 'procGetsid').sid,

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

  hold: (pid) => startTimeHold(() => startMicrosOf(DRAGONFLY_FACT_SOURCES, pid)),
  diagnose: (pid, cause) => diagnoseFromEitherSource(DRAGONFLY_FACT_SOURCES, pid, cause),
};
