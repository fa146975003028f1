// Capabilities, derived from the backends: a platform serves a function
// exactly when its backend has the operations the function needs (see
// Backend in backends/backend.ts). The facade (ENOTSUP), the public
// `availability`, the README table and the platform tests all read it here.
import { type Backend, NEEDS } from './backends/backend.js';

/** The functions whose support depends on the platform, in the README table's order. */
export type FunctionName = keyof typeof NEEDS;
export const FUNCTIONS: readonly FunctionName[] = Object.freeze(Object.keys(NEEDS) as FunctionName[]);
export type Availability = Readonly<Record<FunctionName, boolean>>;

export const PLATFORMS = Object.freeze([
  'linux',
  'darwin',
  'freebsd',
  'openbsd',
  'netbsd',
  'dragonfly',
  'sunos',
  'other',
] as const);
export type PlatformId = (typeof PLATFORMS)[number];

/** Display names, for messages and the README. */
export const PLATFORM_NAMES: Readonly<Record<PlatformId, string>> = {
  linux: 'Linux',
  darwin: 'macOS',
  freebsd: 'FreeBSD',
  openbsd: 'OpenBSD',
  netbsd: 'NetBSD',
  dragonfly: 'DragonFly BSD',
  sunos: 'Solaris/illumos',
  other: 'Windows and other platforms',
};

// Rows are frozen: `availability` hands the row itself to callers, and a
// write to it must not change what the library does for everyone.
const rows = new WeakMap<Backend, Availability>();

/** Which functions `backend` serves: those whose operations it has. */
export function availabilityOf(backend: Backend): Availability {
  let row = rows.get(backend);
  if (row === undefined) {
    const out = {} as Record<FunctionName, boolean>;
    for (const fn of FUNCTIONS) out[fn] = NEEDS[fn].every((op) => backend[op] !== undefined);
    row = Object.freeze(out);
    rows.set(backend, row);
  }
  return row;
}

/** Footnotes the README prints under the table. */
export const NOTES: Readonly<Partial<Record<PlatformId, Partial<Record<FunctionName, string>>>>> = {
  linux: { procGetUmask: 'kernel 4.7+' },
  darwin: {
    procGetSigmasks: 'ignored and caught only; the kernel never fills pending or blocked (they come back empty)',
    procGetCmdline: "KERN_PROCARGS2 shows another user's process only to root",
    procGetrlimitUsage:
      'CPU, DATA and AS (both the map size; none for a translated Rosetta process), NPROC and NOFILE; proc_pidinfo answers for the same user or root',
    procNumFds: 'proc_pidinfo (PROC_PIDLISTFDS) answers for the same user or root',
  },
  freebsd: {
    procGetgroups:
      'the full list (kern.proc.groups), not the 16-entry kinfo_proc copy; the egid first on every release, FreeBSD 15 included, where getgroups(2) leaves it out',
    procGetrlimitUsage:
      "CPU, DATA, STACK, RSS (the kernel's ki_rssize, kernel stacks included), VMEM/AS, NPROC and NOFILE; NPROC counts the processes the caller can see (jails, security.bsd.see_other_uids)",
    procNumFds: 'kern.proc.filedesc needs debug rights over the process',
    processIdentity: 'start time is rebuilt from boot time: compared with 1 s tolerance',
  },
  openbsd: {
    procGetrlimitUsage: 'CPU, DATA, STACK, RSS, NPROC and NOFILE (OpenBSD has no RLIMIT_AS)',
    procNumFds: 'kern.file lists no descriptors of system or exiting processes: AccessDenied for those',
    processIdentity:
      "start time is rebuilt from boot time on each query: compared with 1 s tolerance; a zombie's is 0: unknown, not taken for reuse",
  },
  netbsd: {
    procRlimit: 'soft and hard are two sysctl writes: not atomic; a failed second write undoes the first',
    procGetSigmasks: 'needs koffi built for NetBSD; groups, pgid, sid and limits also work from a mounted procfs',
    procGetUids: 'needs koffi built for NetBSD (procfs shows the effective uid only)',
    procGetCmdline: 'without koffi from /proc/PID/cmdline, except for a system process',
    procGetrlimitUsage:
      'CPU, DATA, STACK, RSS, AS, NPROC and NOFILE; all but NOFILE need koffi; NPROC counts the processes the caller can see',
    procNumFds: "without koffi from /proc/PID/fd; kauth may hide another user's descriptors (security.curtain)",
    processIdentity: "a zombie's start time is 0: unknown, not taken for reuse",
  },
  dragonfly: {
    procGetrlimit: 'reads /proc/PID/rlimit: procfs must be mounted',
    procGetsid:
      "without koffi from /proc/PID/status, which names the session by its leader's PID: refused (ENOTSUP) once the leader has exited",
    procGetUids: 'needs koffi built for DragonFly (procfs shows no saved uid)',
    procGetCmdline:
      'needs koffi; the kernel keeps arguments only up to kern.ps_arg_cache_limit, and shows them to other users only with kern.ps_argsopen',
    procGetrlimitUsage:
      'CPU (live LWPs, as the limit counts), DATA, STACK, RSS, VMEM/AS, NPROC and NOFILE; needs koffi; NPROC counts the processes the caller can see',
    procNumFds: 'needs koffi built for DragonFly',
  },
  sunos: {
    procGetUids: 'reads /proc/PID/cred: same user or privilege',
    procGetrlimitUsage:
      'CPU, DATA, STACK and NOFILE; no figure for VMEM/AS (psinfo pr_size is the reserved size, not the mapped size the limit counts)',
    procNumFds: 'reads /proc/PID/fd: same user or privilege',
  },
};
