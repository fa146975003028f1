// FreeBSD: the numbers src/ffi/structs/freebsd.ts and
// src/backends/freebsd/constants.ts use, against a tree of freebsd/freebsd-src.
// /usr/include is include/ with sys/sys as sys/, sys/vm as vm/, sys/bsm as
// bsm/ (sys/ucred.h includes bsm/audit.h), the architecture's sys/ARCH/include
// as machine/ and, on amd64, sys/x86/include as x86/. None of the headers
// included needs one generated at build time (osreldate.h and the like).
import { kernelOnly, keysOf, named, renamed } from './constants.mjs';

const STRUCTS = 'ffi/structs/freebsd';
const CONSTANTS = 'backends/freebsd/constants';

export default {
  os: 'freebsd',
  repository: 'freebsd/freebsd-src',
  tree: ['include', 'sys/sys', 'sys/vm', 'sys/bsm', 'sys/amd64/include', 'sys/x86/include', 'sys/arm64/include'],
  // sys/sys/param.h: `#define __FreeBSD_version 1201000`, major * 100000 + minor * 1000 + patch.
  release(read) {
    const m = read('sys/sys/param.h').match(/#define\s+__FreeBSD_version\s+(\d+)/);
    if (!m) return 'FreeBSD (release not found)';
    const v = Number(m[1]);
    return `FreeBSD ${Math.floor(v / 100000)}.${Math.floor(v / 1000) % 100} (__FreeBSD_version ${v})`;
  },
  targets: [
    {
      arch: 'x86_64',
      triple: 'x86_64-freebsd',
      dirs: ['include', 'sys'],
      links: { machine: 'sys/amd64/include', x86: 'sys/x86/include' },
    },
    {
      arch: 'aarch64',
      triple: 'aarch64-freebsd',
      dirs: ['include', 'sys'],
      links: { machine: 'sys/arm64/include' },
    },
  ],
  headers: ['sys/param.h', 'sys/types.h', 'sys/sysctl.h', 'sys/resource.h', 'sys/user.h'],
  structs: [
    {
      layout: 'FREEBSD_KINFO_PROC',
      module: STRUCTS,
      members: {
        ki_start_sec: 'ki_start.tv_sec',
        ki_start_usec: 'ki_start.tv_usec',
      },
    },
    {
      layout: 'FREEBSD_RLIMIT',
      module: STRUCTS,
    },
    {
      layout: 'FREEBSD_KINFO_FILE',
      module: STRUCTS,
    },
  ],
  constants: [
    ...named(STRUCTS, 'KINFO_PROC_SIZE', 'KI_CRF_GRP_OVERFLOW', 'KI_NGROUPS', 'SZOMB'),
    ...named(CONSTANTS, 'CTL_KERN', 'KERN_PROC', 'KERN_PROC_PID', 'KERN_PROC_ARGS', 'KERN_PROC_PROC'),
    ...named(CONSTANTS, 'KERN_PROC_FILEDESC', 'KERN_PROC_GROUPS', 'KERN_PROC_RLIMIT', 'KERN_PROC_UMASK'),
    ...named(CONSTANTS, 'CTL_HW', 'HW_PAGESIZE'),
    ...kernelOnly(CONSTANTS, 'PID_MAX', 'sys/sys/proc.h'),
    ...keysOf(CONSTANTS, 'FREEBSD_RLIMITS', {
      optional: { RLIMIT_PIPEBUF: 'came in FreeBSD 14 (RLIM_NLIMITS 16)' },
    }),
    ...renamed(CONSTANTS, 'FREEBSD_RLIM_INFINITY', 'RLIM_INFINITY'),
  ],
};
