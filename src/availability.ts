// Capabilities as data: which function each platform's kernel can serve. The
// runtime (ENOTSUP), the README table and a contract test all read this table.

export const FUNCTIONS = Object.freeze([
  'procGetUmask',
  'procGetgroups',
  'procRlimit',
  'procGetrlimit',
  'procGetpgid',
  'procGetsid',
  'procGetSigmasks',
  'processIdentity',
] as const);

export type FunctionName = (typeof FUNCTIONS)[number];
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
function row(on: readonly FunctionName[]): Availability {
  const out = {} as Record<FunctionName, boolean>;
  for (const fn of FUNCTIONS) out[fn] = on.includes(fn);
  return Object.freeze(out);
}

// What each kernel exposes for another process (see docs/platforms.md for the
// mechanism behind each tick).
export const AVAILABILITY: Readonly<Record<PlatformId, Availability>> = Object.freeze({
  linux: row(FUNCTIONS),
  darwin: row(['procGetgroups', 'procGetpgid', 'procGetsid', 'procGetSigmasks', 'processIdentity']),
  freebsd: row(FUNCTIONS),
  openbsd: row(['procGetgroups', 'procGetpgid', 'procGetsid', 'procGetSigmasks', 'processIdentity']),
  netbsd: row([
    'procGetgroups',
    'procRlimit',
    'procGetrlimit',
    'procGetpgid',
    'procGetsid',
    'procGetSigmasks',
    'processIdentity',
  ]),
  dragonfly: row(['procGetgroups', 'procGetrlimit', 'procGetpgid', 'procGetsid', 'processIdentity']),
  sunos: row(['procGetgroups', 'procGetpgid', 'procGetsid', 'processIdentity']),
  other: row([]),
});

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
