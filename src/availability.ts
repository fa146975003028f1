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
  },
  freebsd: {
    procGetgroups: 'the full list (kern.proc.groups), not the 16-entry kinfo_proc copy',
    processIdentity: 'start time is rebuilt from boot time: compared with 1 s tolerance',
  },
  openbsd: { processIdentity: "a zombie's start time is 0: unknown, not taken for reuse" },
  netbsd: {
    procRlimit: 'soft and hard are two sysctl writes: not atomic; a failed second write undoes the first',
    procGetSigmasks: 'needs koffi built for NetBSD; groups, pgid, sid and limits also work from a mounted procfs',
    processIdentity: "a zombie's start time is 0: unknown, not taken for reuse",
  },
  dragonfly: { procGetrlimit: 'reads /proc/PID/rlimit: procfs must be mounted' },
};
