// Every struct layout against the sizes and offsets the OS headers fix, as the
// tables of docs/platform-facts.md (one section per OS) give them: the expectations below are typed in from those
// tables, not computed from the layouts under test. Covers
// src/ffi/structs/layout.ts and each OS's layouts beside it.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { StructLayout } from '../../../../src/ffi/structs/layout.js';
import { struct } from '../../../../src/ffi/structs/layout.js';
import {
  DARWIN_KINFO_PROC,
  DARWIN_MACH_TIMEBASE_INFO,
  DARWIN_PROC_FDINFO,
  DARWIN_PROC_TASKINFO,
} from '../../../../src/ffi/structs/darwin.js';
import {
  FREEBSD_KINFO_FILE,
  FREEBSD_KINFO_PROC,
  FREEBSD_RLIMIT,
  KINFO_PROC_SIZE,
} from '../../../../src/ffi/structs/freebsd.js';
import {
  OPENBSD_KINFO_FILE,
  OPENBSD_KINFO_FILE_PREFIX,
  OPENBSD_KINFO_PREFIX,
  OPENBSD_KINFO_PROC,
} from '../../../../src/ffi/structs/openbsd.js';
import { NETBSD_KINFO_FILE, NETBSD_KINFO_PROC2 } from '../../../../src/ffi/structs/netbsd.js';
import { DRAGONFLY_KINFO_FILE, DRAGONFLY_KINFO_PROC } from '../../../../src/ffi/structs/dragonfly.js';
import { SUNOS_PRCRED, SUNOS_PSINFO, SUNOS_PSTATUS } from '../../../../src/ffi/structs/sunos.js';

type Expected = Record<string, [offset: number, size: number]>;

function check<F extends string>(layout: StructLayout<F>, size: number, expected: Expected): void {
  assert.equal(layout.size, size, `sizeof ${layout.name}`);
  assert.deepEqual(Object.keys(layout.fields).sort(), Object.keys(expected).sort(), `fields of ${layout.name}`);
  for (const [name, [offset, bytes]] of Object.entries(expected)) {
    const field = layout.fields[name as F];
    assert.equal(field.offset, offset, `${layout.name}.${name} offset`);
    assert.equal(field.size, bytes, `${layout.name}.${name} size`);
  }
  assert.match(layout.header, /\.h$/, 'each layout names its header');
}

describe('struct layouts match the header facts', () => {
  it('macOS kinfo_proc: 648 bytes (xnu sysctl.h; golang/sys SizeofKinfoProc 0x288)', () => {
    check(DARWIN_KINFO_PROC, 648, {
      p_starttime_sec: [0, 8],
      p_starttime_usec: [8, 4],
      p_flag: [32, 4],
      p_stat: [36, 1],
      p_pid: [40, 4],
      p_siglist: [208, 4],
      p_sigmask: [228, 4],
      p_sigignore: [232, 4],
      p_sigcatch: [236, 4],
      cr_ngroups: [424, 2],
      cr_groups: [428, 64],
      e_pgid: [564, 4],
      p_comm: [243, 17],
      p_ruid: [392, 4],
      p_svuid: [396, 4],
      cr_uid: [420, 4],
    });
    check(DARWIN_PROC_TASKINFO, 96, {
      pti_virtual_size: [0, 8],
      pti_resident_size: [8, 8],
      pti_total_user: [16, 8],
      pti_total_system: [24, 8],
    });
    check(DARWIN_PROC_FDINFO, 8, { proc_fd: [0, 4], proc_fdtype: [4, 4] });
    check(DARWIN_MACH_TIMEBASE_INFO, 8, { numer: [0, 4], denom: [4, 4] });
  });

  it('FreeBSD kinfo_proc: KINFO_PROC_SIZE 1088 on amd64 and arm64', () => {
    check(FREEBSD_KINFO_PROC, 1088, {
      ki_structsize: [0, 4],
      ki_pid: [72, 4],
      ki_pgid: [80, 4],
      ki_sid: [88, 4],
      ki_siglist: [104, 16],
      ki_sigmask: [120, 16],
      ki_sigignore: [136, 16],
      ki_sigcatch: [152, 16],
      ki_ngroups: [188, 2],
      ki_groups: [192, 64],
      ki_start_sec: [336, 8],
      ki_start_usec: [344, 8],
      ki_stat: [388, 1],
      ki_cr_flags: [588, 4],
      ki_uid: [168, 4],
      ki_ruid: [172, 4],
      ki_svuid: [176, 4],
      ki_size: [256, 8],
      ki_rssize: [264, 8],
      ki_dsize: [288, 8],
      ki_ssize: [296, 8],
      ki_runtime: [328, 8],
      ki_comm: [447, 20],
    });
    assert.equal(KINFO_PROC_SIZE, 1088);
    check(FREEBSD_KINFO_FILE, 1392, { kf_structsize: [0, 4], kf_type: [4, 4], kf_fd: [8, 4] });
    check(FREEBSD_RLIMIT, 16, { rlim_cur: [0, 8], rlim_max: [8, 8] });
  });

  it('OpenBSD kinfo_proc: 648 bytes, every field read below the 576-byte prefix; kinfo_file', () => {
    check(OPENBSD_KINFO_PROC, 648, {
      p_pid: [108, 4],
      p_sid: [116, 4],
      p__pgid: [120, 4],
      p_gid: [136, 4],
      p_groups: [144, 64],
      p_ngroups: [208, 2],
      p_siglist: [288, 4],
      p_sigmask: [292, 4],
      p_sigignore: [296, 4],
      p_sigcatch: [300, 4],
      p_stat: [304, 1],
      p_uvalid: [400, 8],
      p_ustart_sec: [408, 8],
      p_ustart_usec: [416, 4],
      p_uid: [128, 4],
      p_ruid: [132, 4],
      p_rtime_sec: [220, 4],
      p_rtime_usec: [224, 4],
      p_comm: [312, 24],
      p_vm_rssize: [384, 4],
      p_vm_dsize: [392, 4],
      p_vm_ssize: [396, 4],
      p_svuid: [568, 4],
    });
    assert.equal(OPENBSD_KINFO_PREFIX, 576);
    for (const field of Object.values(OPENBSD_KINFO_PROC.fields)) {
      assert.ok(field.offset + field.size <= OPENBSD_KINFO_PREFIX);
    }
    check(OPENBSD_KINFO_FILE, 632, { fd_fd: [380, 4] });
    assert.equal(OPENBSD_KINFO_FILE_PREFIX, 384);
  });

  it('NetBSD kinfo_proc2: 680 bytes; kinfo_file: 120', () => {
    check(NETBSD_KINFO_PROC2, 680, {
      p_pid: [116, 4],
      p_sid: [124, 4],
      p__pgid: [128, 4],
      p_gid: [144, 4],
      p_groups: [152, 64],
      p_ngroups: [216, 2],
      p_siglist: [296, 16],
      p_sigmask: [312, 16],
      p_sigignore: [328, 16],
      p_sigcatch: [344, 16],
      p_stat: [360, 1],
      p_uvalid: [448, 8],
      p_ustart_sec: [456, 4],
      p_ustart_usec: [460, 4],
      p_uid: [136, 4],
      p_ruid: [140, 4],
      p_rtime_sec: [228, 4],
      p_rtime_usec: [232, 4],
      p_comm: [368, 24],
      p_vm_rssize: [432, 4],
      p_vm_dsize: [440, 4],
      p_vm_ssize: [444, 4],
      p_realstat: [632, 8],
      p_svuid: [640, 4],
      p_vm_vsize: [664, 8],
    });
    check(NETBSD_KINFO_FILE, 120, { ki_pid: [104, 4], ki_fd: [108, 4] });
  });

  it('DragonFly kinfo_proc: 992 bytes (kinfo_lwp ends with kl_comm), fields read lie before kp_lwp or inside it', () => {
    check(DRAGONFLY_KINFO_PROC, 992, {
      kp_stat: [12, 4],
      kp_siglist: [40, 16],
      kp_sigignore: [56, 16],
      kp_sigcatch: [72, 16],
      kp_start_sec: [96, 8],
      kp_start_usec: [104, 8],
      kp_ngroups: [136, 2],
      kp_groups: [140, 64],
      kp_pid: [220, 4],
      kp_pgid: [228, 4],
      kp_sid: [236, 4],
      kl_siglist: [904, 16],
      kl_sigmask: [920, 16],
      kp_flags: [8, 4],
      kp_comm: [112, 17],
      kp_uid: [132, 4],
      kp_ruid: [204, 4],
      kp_svuid: [208, 4],
      kp_vm_map_size: [312, 8],
      kp_vm_rssize: [320, 8],
      kp_vm_dsize: [344, 8],
      kp_vm_ssize: [352, 8],
      kl_uticks: [704, 8],
      kl_sticks: [712, 8],
    });
    check(DRAGONFLY_KINFO_FILE, 72, { f_size: [0, 8], f_pid: [8, 4], f_fd: [16, 4] });
  });

  it('illumos psinfo_t 416 bytes, pstatus_t signal sets, prcred_t', () => {
    check(SUNOS_PSINFO, 416, {
      pr_nlwp: [4, 4],
      pr_pid: [8, 4],
      pr_pgid: [16, 4],
      pr_sid: [20, 4],
      pr_egid: [36, 4],
      pr_start_sec: [88, 8],
      pr_start_nsec: [96, 8],
      pr_lwp_sname: [314, 1],
      pr_time_sec: [104, 8],
      pr_time_nsec: [112, 8],
      pr_fname: [136, 16],
    });
    check(SUNOS_PSTATUS, 1680, {
      pr_nlwp: [4, 4],
      pr_pid: [8, 4],
      pr_pgid: [16, 4],
      pr_sid: [20, 4],
      pr_sigpend: [32, 16],
      pr_lwppend: [656, 16],
      pr_lwphold: [672, 16],
      pr_brksize: [56, 8],
      pr_stksize: [72, 8],
    });
    check(SUNOS_PRCRED, 32, {
      pr_euid: [0, 4],
      pr_egid: [12, 4],
      pr_ngroups: [24, 4],
      pr_groups: [28, 4],
      pr_ruid: [4, 4],
      pr_suid: [8, 4],
    });
  });

  it('a field past the end of its struct is refused when the layout is declared', () => {
    assert.throws(() => struct('struct t', 't.h', 8, { a: [6, 4] }), /overruns/);
  });
});
