// NetBSD: the numbers src/ffi/structs/netbsd.ts and
// src/backends/netbsd/constants.ts use, against a tree of NetBSD/src.
// /usr/include is include/ with sys/sys as sys/, sys/uvm as uvm/, the
// architecture's sys/arch/ARCH/include as machine/ (and as ARCH/), on amd64
// sys/arch/x86/include as x86/, on aarch64 sys/arch/arm/include as arm/, and
// lib/libpthread's pthread_types.h, which sys/types.h includes.
import { keysOf, named, renamed } from './constants.mjs';

const STRUCTS = 'ffi/structs/netbsd';
const CONSTANTS = 'backends/netbsd/constants';

export default {
  os: 'netbsd',
  repository: 'NetBSD/src',
  tree: [
    'include',
    'lib/libpthread/pthread_types.h',
    'sys/sys',
    'sys/uvm',
    'sys/arch/amd64/include',
    'sys/arch/x86/include',
    'sys/arch/aarch64/include',
    'sys/arch/arm/include',
  ],
  // sys/sys/param.h: `#define __NetBSD_Version__ 799003400`, MMmmrrpp00 (7.99.34;
  // a minor of 99 is -current).
  release(read) {
    const m = read('sys/sys/param.h').match(/#define\s+__NetBSD_Version__\s+(\d+)/);
    if (!m) return 'NetBSD (release not found)';
    const v = Number(m[1]);
    const [major, minor, patch] = [1e8, 1e6, 1e2].map((unit) => Math.floor(v / unit) % 100);
    return `NetBSD ${major}.${minor}${patch ? `.${patch}` : ''} (__NetBSD_Version__ ${v})`;
  },
  targets: [
    {
      arch: 'x86_64',
      triple: 'x86_64-netbsd',
      dirs: ['include', 'lib/libpthread', 'sys'],
      links: { machine: 'sys/arch/amd64/include', x86: 'sys/arch/x86/include' },
    },
    {
      arch: 'aarch64',
      triple: 'aarch64-netbsd',
      dirs: ['include', 'lib/libpthread', 'sys'],
      links: { machine: 'sys/arch/aarch64/include', aarch64: 'sys/arch/aarch64/include', arm: 'sys/arch/arm/include' },
    },
  ],
  headers: ['sys/param.h', 'sys/types.h', 'sys/sysctl.h', 'sys/resource.h', 'sys/proc.h'],
  structs: [
    {
      layout: 'NETBSD_KINFO_PROC2',
      module: STRUCTS,
    },
    {
      layout: 'NETBSD_KINFO_FILE',
      module: STRUCTS,
    },
  ],
  constants: [
    ...named(STRUCTS, 'SZOMB', 'SDEAD'),
    ...named(CONSTANTS, 'CTL_KERN', 'KERN_PROC2', 'KERN_PROC_ALL', 'KERN_PROC_PID', 'KERN_PROC_ARGS'),
    ...named(CONSTANTS, 'KERN_PROC_ARGV', 'KERN_FILE2', 'KERN_FILE_BYPID', 'CTL_HW', 'HW_PAGESIZE'),
    ...named(CONSTANTS, 'CTL_PROC', 'PROC_PID_LIMIT', 'PROC_PID_LIMIT_TYPE_SOFT', 'PROC_PID_LIMIT_TYPE_HARD'),
    ...keysOf(CONSTANTS, 'NETBSD_RLIMITS'),
    ...renamed(CONSTANTS, 'NETBSD_RLIM_INFINITY', 'RLIM_INFINITY'),
  ],
};
