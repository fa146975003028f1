// illumos / Solaris ("sunos", as process.platform has it): the numbers
// src/ffi/structs/sunos.ts and src/backends/sunos/constants.ts use, against a
// tree of illumos/illumos-gate. /usr/include is usr/src/head (libc's headers,
// e.g. procfs.h) with usr/src/uts/common/sys and, for x86, usr/src/uts/intel/sys
// as sys/, and usr/src/uts/common/vm as vm/. x86_64 only: the gate has no arm64
// port (aarch64 illumos lives outside it).
import { keysOf, renamed } from './constants.mjs';

const STRUCTS = 'ffi/structs/sunos';
const CONSTANTS = 'backends/sunos/constants';

export default {
  os: 'sunos',
  repository: 'illumos/illumos-gate',
  tree: [
    'usr/src/head',
    'usr/src/uts/common/sys',
    // Firmware images no header here includes, which a partial clone may lack.
    ':(exclude)usr/src/uts/common/sys/fibre-channel',
    'usr/src/uts/common/vm',
    'usr/src/uts/intel/sys',
  ],
  // illumos has no release macro: the tree is named by its commit's date.
  release(read, { date }) {
    return `illumos-gate of ${date}`;
  },
  targets: [
    {
      arch: 'x86_64',
      triple: 'x86_64-solaris',
      dirs: ['usr/src/head', 'usr/src/uts/common', 'usr/src/uts/intel'],
      // sys/priv.h (included by sys/procfs.h) includes sys/priv_names.h, which
      // the build generates from usr/src/uts/common/os/priv_defs. It holds only
      // the PRIV_* name strings and numbers, none of which the layouts or
      // constants probed here use, so an empty stand-in takes its place.
      stubs: { 'sys/priv_names.h': '/* stand-in for the generated sys/priv_names.h: the PRIV_* names */\n' },
    },
  ],
  headers: ['sys/types.h', 'sys/resource.h', 'procfs.h'],
  structs: [
    {
      layout: 'SUNOS_PSINFO',
      module: STRUCTS,
      members: {
        pr_start_sec: 'pr_start.tv_sec',
        pr_start_nsec: 'pr_start.tv_nsec',
        pr_time_sec: 'pr_time.tv_sec',
        pr_time_nsec: 'pr_time.tv_nsec',
        pr_lwp_sname: 'pr_lwp.pr_sname',
      },
    },
    {
      layout: 'SUNOS_PSTATUS',
      module: STRUCTS,
      members: {
        pr_lwppend: 'pr_lwp.pr_lwppend',
        pr_lwphold: 'pr_lwp.pr_lwphold',
      },
    },
    {
      layout: 'SUNOS_PRCRED',
      module: STRUCTS,
    },
  ],
  // MAX_PID_T is the range of pid_t, not a header macro (the kernel's maxpid
  // is a tunable), so it is not probed.
  constants: [...keysOf(CONSTANTS, 'SUNOS_RLIMITS'), ...renamed(CONSTANTS, 'SUNOS_RLIM_INFINITY', 'RLIM_INFINITY')],
};
