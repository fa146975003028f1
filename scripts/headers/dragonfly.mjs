// DragonFly BSD: the numbers src/ffi/structs/dragonfly.ts and
// src/backends/dragonfly/constants.ts use, against a tree of
// DragonFlyBSD/DragonFlyBSD. /usr/include is include/ with sys/sys as sys/,
// sys/vm as vm/, sys/cpu/x86_64/include as cpu/, and as machine/ the cpu
// headers with sys/platform/pc64/include's over them (include/Makefile). DragonFly runs on x86_64 only.
// _KERNEL_STRUCTURES, as ps(1) and libkvm define it, makes the kernel's
// process structures (enum procstat, P_SYSTEM) visible to user space.
import { enumerators, keysOf, named, renamed } from './constants.mjs';

const STRUCTS = 'ffi/structs/dragonfly';
const CONSTANTS = 'backends/dragonfly/constants';

export default {
  os: 'dragonfly',
  repository: 'DragonFlyBSD/DragonFlyBSD',
  tree: ['include', 'sys/sys', 'sys/vm', 'sys/platform/pc64/include', 'sys/cpu/x86_64/include'],
  // sys/sys/param.h: `#define __DragonFly_version 500901`, major * 100000 + minor * 100 + patch.
  release(read) {
    const m = read('sys/sys/param.h').match(/#define\s+__DragonFly_version\s+(\d+)/);
    if (!m) return 'DragonFly (release not found)';
    const v = Number(m[1]);
    return `DragonFly ${Math.floor(v / 100000)}.${Math.floor(v / 100) % 1000} (__DragonFly_version ${v})`;
  },
  targets: [
    {
      arch: 'x86_64',
      triple: 'x86_64-dragonfly',
      flags: ['-D_KERNEL_STRUCTURES'],
      dirs: ['include', 'sys'],
      links: {
        machine: ['sys/cpu/x86_64/include', 'sys/platform/pc64/include'],
        cpu: 'sys/cpu/x86_64/include',
      },
    },
  ],
  headers: ['sys/param.h', 'sys/types.h', 'sys/sysctl.h', 'sys/resource.h', 'sys/kinfo.h', 'sys/proc.h'],
  structs: [
    {
      layout: 'DRAGONFLY_KINFO_PROC',
      module: STRUCTS,
      members: {
        kp_start_sec: 'kp_start.tv_sec',
        kp_start_usec: 'kp_start.tv_usec',
        kl_uticks: 'kp_lwp.kl_uticks',
        kl_sticks: 'kp_lwp.kl_sticks',
        kl_siglist: 'kp_lwp.kl_siglist',
        kl_sigmask: 'kp_lwp.kl_sigmask',
      },
    },
    {
      layout: 'DRAGONFLY_KINFO_FILE',
      module: STRUCTS,
    },
  ],
  constants: [
    ...enumerators(STRUCTS, 'SZOMB'),
    ...named(STRUCTS, 'P_SYSTEM'),
    ...named(CONSTANTS, 'CTL_KERN', 'KERN_PROC', 'KERN_PROC_ALL', 'KERN_PROC_PID', 'KERN_PROC_ARGS'),
    ...named(CONSTANTS, 'KERN_PROC_FLAG_LWP', 'KERN_FILE', 'CTL_HW', 'HW_PAGESIZE'),
    ...keysOf(CONSTANTS, 'DRAGONFLY_RLIMITS'),
    ...renamed(CONSTANTS, 'DRAGONFLY_RLIM_INFINITY', 'RLIM_INFINITY'),
  ],
};
