// macOS: the numbers src/ffi/structs/darwin.ts and src/backends/darwin/
// constants.ts use, against Apple's SDK headers as zig ships them
// (lib/libc/include/any-macos*-any and ARCH-macos.N-none), for aarch64 and
// x86_64 and every SDK version zig carries.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { keysOf, named, renamed } from './constants.mjs';

const STRUCTS = 'ffi/structs/darwin';
const CONSTANTS = 'backends/darwin/constants';
const ARCHES = ['aarch64', 'x86_64'];

function includeDir(zig) {
  return join(dirname(zig), 'lib', 'libc', 'include');
}

// The macOS SDK versions zig carries headers for (any-macos.N-any), ascending.
function sdkVersions(zig) {
  return readdirSync(includeDir(zig))
    .map((d) => d.match(/^any-macos\.(\d+)-any$/)?.[1])
    .filter((v) => v !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

export default {
  os: 'darwin',
  source: (zig) => ({ release: `macOS ${sdkVersions(zig).join(', ')} SDK headers`, headers: 'zig lib/libc/include' }),
  targetsFor(zig) {
    const prefix = dirname(zig) + '/';
    return sdkVersions(zig).flatMap((version) =>
      ARCHES.map((arch) => ({
        name: `${arch}-macos.${version}`,
        arch,
        // zig 0.11 wants a full version (macos.13.0) in the target.
        triple: `${arch}-macos.${version}.0`,
        shorten: (f) => (f.startsWith(prefix) ? f.slice(prefix.length) : f),
      })),
    );
  },
  headers: [
    'sys/types.h',
    'sys/sysctl.h',
    'sys/proc.h',
    'sys/ucred.h',
    'sys/proc_info.h',
    'sys/resource.h',
    'mach/mach_time.h',
  ],
  structs: [
    {
      layout: 'DARWIN_KINFO_PROC',
      module: STRUCTS,
      members: {
        p_starttime_sec: 'kp_proc.p_un.__p_starttime.tv_sec',
        p_starttime_usec: 'kp_proc.p_un.__p_starttime.tv_usec',
        p_flag: 'kp_proc.p_flag',
        p_stat: 'kp_proc.p_stat',
        p_pid: 'kp_proc.p_pid',
        p_siglist: 'kp_proc.p_siglist',
        p_sigmask: 'kp_proc.p_sigmask',
        p_sigignore: 'kp_proc.p_sigignore',
        p_sigcatch: 'kp_proc.p_sigcatch',
        p_comm: 'kp_proc.p_comm',
        p_ruid: 'kp_eproc.e_pcred.p_ruid',
        p_svuid: 'kp_eproc.e_pcred.p_svuid',
        cr_uid: 'kp_eproc.e_ucred.cr_uid',
        cr_ngroups: 'kp_eproc.e_ucred.cr_ngroups',
        cr_groups: 'kp_eproc.e_ucred.cr_groups',
        e_pgid: 'kp_eproc.e_pgid',
      },
    },
    {
      layout: 'DARWIN_PROC_TASKINFO',
      module: STRUCTS,
    },
    {
      layout: 'DARWIN_PROC_FDINFO',
      module: STRUCTS,
    },
    {
      layout: 'DARWIN_MACH_TIMEBASE_INFO',
      module: STRUCTS,
    },
  ],
  // PID_MAX is xnu's bsd/sys/proc_internal.h, which the SDK does not ship:
  // docs/platform-facts.md gives the kernel source it was read from.
  constants: [
    ...named(STRUCTS, 'SZOMB', 'P_TRANSLATED'),
    ...named(CONSTANTS, 'CTL_KERN', 'KERN_ARGMAX', 'KERN_PROC', 'KERN_PROCARGS2', 'KERN_PROC_ALL', 'KERN_PROC_PID'),
    ...named(CONSTANTS, 'PROC_PIDLISTFDS', 'PROC_PIDTASKINFO'),
    ...keysOf(CONSTANTS, 'DARWIN_RLIMITS'),
    ...renamed(CONSTANTS, 'DARWIN_RLIM_INFINITY', 'RLIM_INFINITY'),
  ],
};
