// What the limits table prints for each resource: prlimit(1)'s descriptions
// and units (util-linux sys-utils/prlimit.c), keyed by the lowercase name that
// follows RLIMIT_. A resource this table does not know prints without them.

export interface ResourceInfo {
  readonly description: string;
  readonly units: string;
}

export const RESOURCE_INFO: Readonly<Record<string, ResourceInfo>> = {
  as: { description: 'address space limit', units: 'bytes' },
  core: { description: 'max core file size', units: 'bytes' },
  cpu: { description: 'CPU time', units: 'seconds' },
  data: { description: 'max data size', units: 'bytes' },
  fsize: { description: 'max file size', units: 'bytes' },
  locks: { description: 'max number of file locks held', units: 'locks' },
  memlock: { description: 'max locked-in-memory address space', units: 'bytes' },
  msgqueue: { description: 'max bytes in POSIX mqueues', units: 'bytes' },
  nice: { description: 'max nice prio allowed to raise', units: '' },
  nofile: { description: 'max number of open files', units: 'files' },
  nproc: { description: 'max number of processes', units: 'processes' },
  rss: { description: 'max resident set size', units: 'bytes' },
  rtprio: { description: 'max real-time priority', units: '' },
  rttime: { description: 'timeout for real-time tasks', units: 'microsecs' },
  sigpending: { description: 'max number of pending signals', units: 'signals' },
  stack: { description: 'max stack size', units: 'bytes' },
};

/** The platform's resources as lowercase names, sorted (prlimit's order), from `constants`' RLIMIT_* keys. */
export function resourceNames(constantNames: Iterable<string>): string[] {
  const out: string[] = [];
  for (const key of constantNames) {
    if (key.startsWith('RLIMIT_')) out.push(key.slice('RLIMIT_'.length).toLowerCase());
  }
  return out.sort();
}
