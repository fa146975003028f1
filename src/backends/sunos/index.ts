// The illumos / Solaris backend: no FFI. /proc/PID/psinfo (world-readable,
// kept for zombies) gives pgid, sid and start time; /proc/PID/cred the
// supplementary groups (same credentials or privilege, else EACCES; absent for
// zombies). umask, rlimits and signal masks of another process are reachable
// only by injecting calls through libproc's agent LWP, which this library does
// not do.
import { existsSync, readFileSync } from 'node:fs';
import { cached } from '../../oneshot.js';
import { errorCode, malformed, unsupported } from '../../failures.js';
import { getProcfsPath } from '../../procfs-path.js';
import type { Backend, ProcessState, Target } from '../backend.js';
import { confirmHeld, startTimeHold } from '../process-state.js';
import { MAX_PID_T, SUNOS_RLIMITS, SUNOS_RLIM_INFINITY } from './constants.js';
import { type Psinfo, decodePrcred, decodePsinfo } from './decode.js';

const PLATFORM = 'Solaris/illumos';

// A /proc of another kind (Linux's, in a simulation) has no psinfo files:
// say so rather than reading its files as Solaris structures.
function procFile(pid: number, name: 'psinfo' | 'cred', fn: string): Buffer {
  const root = getProcfsPath();
  if (!existsSync(`${root}/self/psinfo`)) {
    throw unsupported(fn, `${root} is not a Solaris/illumos procfs (no ${root}/self/psinfo)`);
  }
  return readFileSync(`${root}/${pid}/${name}`);
}

export function readPsinfo(pid: number, fn = 'read'): Psinfo {
  const file = `${getProcfsPath()}/${pid}/psinfo`;
  const info = decodePsinfo(procFile(pid, 'psinfo', fn), file);
  if (info.pid !== pid) throw malformed(file, 'psinfo_t', `pr_pid ${info.pid}, asked for ${pid}`);
  return info;
}

function psinfo(t: Target, fn: string): Psinfo {
  const info = cached(t.pid, 'psinfo', () => readPsinfo(t.pid, fn));
  confirmHeld(t, 'read');
  return info;
}

export const sunosBackend: Backend = {
  platform: PLATFORM,
  rlimits: SUNOS_RLIMITS,
  rlimInfinity: SUNOS_RLIM_INFINITY,
  maxPid: MAX_PID_T,

  getGroups(t: Target): number[] {
    const groups = decodePrcred(procFile(t.pid, 'cred', 'procGetgroups'), `${getProcfsPath()}/${t.pid}/cred`);
    confirmHeld(t, 'read');
    return groups;
  },
  getPgid: (t) => psinfo(t, 'procGetpgid').pgid,
  getSid: (t) => psinfo(t, 'procGetsid').sid,
  hold: (pid) => startTimeHold(() => readPsinfo(pid, 'Process').startMicros),

  // psinfo outlives the other files: a zombie still has it, with no LWPs.
  diagnose(pid: number, cause: unknown): ProcessState {
    try {
      const info = readPsinfo(pid);
      if (info.zombie) return 'zombie';
      return errorCode(cause) === 'ESRCH' ? 'gone' : 'alive';
    } catch (err) {
      const code = errorCode(err);
      if (code === 'ENOENT') return 'gone';
      if (code === 'EACCES' || code === 'EPERM') return 'hidden';
      return 'unknown';
    }
  },
};
