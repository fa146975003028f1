// The resource numbers every BSD and macOS kept from 4.4BSD's sys/resource.h
// (CPU 0 through NOFILE 8), and their common RLIM_INFINITY, 2**63 - 1
// ((rlim_t)((1ULL << 63) - 1) in each OS's sys/resource.h). Each OS's
// constants.ts adds what it has beyond these; docs/platform-facts.md lists the
// header revision read for each.
export const BSD44_RLIMITS: Readonly<Record<string, number>> = {
  RLIMIT_CPU: 0,
  RLIMIT_FSIZE: 1,
  RLIMIT_DATA: 2,
  RLIMIT_STACK: 3,
  RLIMIT_CORE: 4,
  RLIMIT_RSS: 5,
  RLIMIT_MEMLOCK: 6,
  RLIMIT_NPROC: 7,
  RLIMIT_NOFILE: 8,
};

export const BSD_RLIM_INFINITY = (1n << 63n) - 1n;
