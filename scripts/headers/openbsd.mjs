// OpenBSD: the numbers src/ffi/structs/openbsd.ts and
// src/backends/openbsd/constants.ts use, against a tree of openbsd/src.
// /usr/include is include/ with sys/sys as sys/, sys/uvm as uvm/ and the
// architecture's sys/arch/ARCH/include as machine/.
import { kernelOnly, keysOf, named, renamed } from './constants.mjs';

const STRUCTS = 'ffi/structs/openbsd';
const CONSTANTS = 'backends/openbsd/constants';

export default {
  os: 'openbsd',
  repository: 'openbsd/src',
  tree: ['include', 'sys/sys', 'sys/uvm', 'sys/arch/amd64/include', 'sys/arch/arm64/include'],
  // sys/sys/param.h: `#define OpenBSD 202304` and `#define OpenBSD7_3 1`.
  release(read) {
    const m = read('sys/sys/param.h').match(/#define\s+OpenBSD(\d+)_(\d+)\s+1/);
    return m ? `OpenBSD ${m[1]}.${m[2]}` : 'OpenBSD (release not found)';
  },
  targets: [
    {
      arch: 'x86_64',
      triple: 'x86_64-openbsd',
      dirs: ['include', 'sys'],
      links: { machine: 'sys/arch/amd64/include' },
    },
    {
      arch: 'aarch64',
      triple: 'aarch64-openbsd',
      dirs: ['include', 'sys'],
      links: { machine: 'sys/arch/arm64/include' },
    },
  ],
  headers: ['sys/param.h', 'sys/types.h', 'sys/sysctl.h', 'sys/resource.h', 'sys/proc.h'],
  structs: [
    {
      layout: 'OPENBSD_KINFO_PROC',
      module: STRUCTS,
    },
    { layout: 'OPENBSD_KINFO_FILE', module: STRUCTS },
  ],
  constants: [
    ...named(STRUCTS, 'SDEAD'),
    ...named(CONSTANTS, 'CTL_KERN', 'KERN_PROC', 'KERN_PROC_PID', 'KERN_PROC_KTHREAD', 'KERN_PROC_ARGS'),
    ...named(CONSTANTS, 'KERN_PROC_ARGV', 'KERN_FILE', 'KERN_FILE_BYPID', 'CTL_HW', 'HW_PAGESIZE'),
    ...kernelOnly(CONSTANTS, 'PID_MAX', 'sys/sys/proc.h'),
    ...keysOf(CONSTANTS, 'OPENBSD_RLIMITS'),
    ...renamed(CONSTANTS, 'OPENBSD_RLIM_INFINITY', 'RLIM_INFINITY'),
  ],
};
