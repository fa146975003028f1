// The illumos / Solaris backend: no FFI. /proc/PID/psinfo (world-readable,
// kept for zombies) gives pgid, sid, start time, name and CPU time;
// /proc/PID/cred the user IDs and supplementary groups (same credentials or
// privilege, else EACCES; absent for zombies); /proc/PID/status the heap and
// stack sizes; /proc/PID/fd the open descriptors; the procfs root the PIDs.
// umask, rlimits and signal masks of another process are reachable only by
// injecting calls through libproc's agent LWP, which this library does not
// do. The arguments are left out: illumos's /proc has no cmdline file
// (prvnops.c), and psinfo's pr_psargs keeps only the first 80 bytes.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { cached } from '../../oneshot.js';
import { errorCode, malformed, unsupported, zombie } from '../../failures.js';
import { getProcfsPath } from '../../procfs-path.js';
import type { Backend, ProcessState, Target, Uids } from '../backend.js';
import { procfsPids } from '../bsd/procfs-text.js';
import { confirmHeld, startTimeHold } from '../process-state.js';
import { MAX_PID_T, SUNOS_RLIMITS, SUNOS_RLIM_INFINITY, SUNOS_USAGE } from './constants.js';
import { type Psinfo, decodePrcred, decodePrcredUids, decodePsinfo, decodePstatusSizes } from './decode.js';

const PLATFORM = 'Solaris/illumos';

// A /proc of another kind (Linux's, in a simulation) has no psinfo files:
// say so rather than reading its files as Solaris structures.
function checkRoot(root: string, fn: string): void {
  if (!existsSync(`${root}/self/psinfo`)) {
    throw unsupported(fn, `${root} is not a Solaris/illumos procfs (no ${root}/self/psinfo)`);
  }
}

function procFile(pid: number, name: 'psinfo' | 'cred' | 'status', fn: string): Buffer {
  const root = getProcfsPath();
  checkRoot(root, fn);
  return readFileSync(`${root}/${pid}/${name}`);
}

export function readPsinfo(pid: number, fn = 'read'): Psinfo {
  const file = `${getProcfsPath()}/${pid}/psinfo`;
  const info = decodePsinfo(procFile(pid, 'psinfo', fn), file);
  if (info.pid !== pid) throw malformed(file, 'psinfo_t', `pr_pid ${info.pid}, asked for ${pid}`);
  return info;
}

function pstatus(t: Target): ReturnType<typeof decodePstatusSizes> {
  const file = `${getProcfsPath()}/${t.pid}/status`;
  const sizes = cached(t.pid, 'pstatus', () =>
    decodePstatusSizes(procFile(t.pid, 'status', 'procGetrlimitUsage'), file),
  );
  if (sizes.pid !== t.pid) throw malformed(file, 'pstatus_t', `pr_pid ${sizes.pid}, asked for ${t.pid}`);
  confirmHeld(t, 'read');
  return sizes;
}

function psinfo(t: Target, fn: string): Psinfo {
  const info = cached(t.pid, 'psinfo', () => readPsinfo(t.pid, fn));
  confirmHeld(t, 'read');
  return info;
}

/**
 * The entries of /proc/PID/fd, one per open descriptor (readable with the
 * owner's credentials or privilege, else EACCES). A zombie has closed them
 * all and has no fd directory left.
 */
function descriptors(t: Target): number {
  const root = getProcfsPath();
  checkRoot(root, 'procNumFds');
  let names: string[];
  try {
    names = readdirSync(`${root}/${t.pid}/fd`);
  } catch (err) {
    if (errorCode(err) !== 'ENOENT' || !psinfo(t, 'procNumFds').zombie) throw err;
    names = [];
  }
  confirmHeld(t, 'read');
  return names.filter((name) => /^\d+$/.test(name)).length;
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

  // prgetpsinfo leaves pr_fname empty for a zombie (it copies u_comm only
  // while an LWP remains).
  getName(t: Target): string {
    const info = psinfo(t, 'procGetName');
    if (info.zombie) throw zombie('read', `${getProcfsPath()}/${t.pid}/psinfo`);
    return info.name;
  },

  // psinfo has the real and effective uids only; cred has all three.
  getUids(t: Target): Uids {
    const uids = decodePrcredUids(procFile(t.pid, 'cred', 'procGetUids'), `${getProcfsPath()}/${t.pid}/cred`);
    confirmHeld(t, 'read');
    return uids;
  },

  getNumFds: descriptors,

  getRlimitUsage(t: Target, resource: number): number | undefined {
    switch (SUNOS_USAGE.get(resource)) {
      case undefined:
        return undefined;
      case 'cpu':
        return psinfo(t, 'procGetrlimitUsage').cpuSeconds;
      case 'fds':
        return descriptors(t);
      case 'heap':
        return pstatus(t).brkBytes;
      case 'stack':
        return pstatus(t).stackBytes;
    }
  },

  listPids(view) {
    checkRoot(view.root, 'pids');
    return procfsPids(view.root);
  },

  // A zombie's psinfo has pr_start 0 (prgetpsinfo zeroes it): startMicros is
  // undefined, which the hold does not take for reuse, so the next call on a
  // held process that has just exited finds the zombie.
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
