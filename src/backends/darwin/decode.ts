// Pure decoders for what macOS answers: struct kinfo_proc (sysctl KERN_PROC_PID
// and KERN_PROC_ALL; xnu bsd/kern/kern_sysctl.c fill_user64_externproc /
// fill_user64_eproc), the KERN_PROCARGS2 area (sysctl_procargsx), and
// proc_pidinfo's proc_taskinfo and proc_fdinfo list (bsd/kern/proc_info.c).
import { malformedRecord } from '../../failures.js';
import {
  DARWIN_KINFO_PROC,
  DARWIN_MACH_TIMEBASE_INFO,
  DARWIN_PROC_FDINFO,
  DARWIN_PROC_TASKINFO,
  P_TRANSLATED,
  SZOMB,
} from '../../ffi/structs/darwin.js';
import { SIZEOF_INT } from '../../ffi/structs/layout.js';
import { type ProcRecord, type WithIdentity, type WithSignals, timevalMicros } from '../bsd/kinfo.js';
import { decodeGids, decodeSigmasks } from '../bsd/sigset.js';
import { type RecordUsage, decodeName, splitRecords } from '../bsd/usage.js';

export interface DarwinRecord extends ProcRecord, WithSignals, WithIdentity {
  /** P_TRANSLATED: a Rosetta process, whose map size proc_taskinfo reports without the reserved regions. */
  readonly translated: boolean;
}

export function decodeKinfoProc(buf: Buffer): DarwinRecord {
  if (buf.length !== DARWIN_KINFO_PROC.size)
    throw malformedRecord('sysctl', 'kinfo_proc', `${buf.length} bytes, expected ${DARWIN_KINFO_PROC.size}`);
  const f = DARWIN_KINFO_PROC.fields;
  return {
    pid: buf.readInt32LE(f.p_pid.offset),
    // e_pgid is 0 once a zombie has lost its process group; getpgid(2) is asked instead.
    pgid: buf.readInt32LE(f.e_pgid.offset),
    // cr_groups[0] is the egid (bsd/sys/ucred.h: cr_gid is cr_groups[0]), as getgroups(2) returns it.
    groups: decodeGids(buf, f.cr_groups, buf.readInt16LE(f.cr_ngroups.offset)),
    groupsTruncated: false,
    // p_siglist and p_sigmask are marked DEPRECATED and fill_user64_externproc
    // never fills them: they decode as the kernel leaves them, empty.
    sigmasks: decodeSigmasks(buf, {
      pending: f.p_siglist,
      blocked: f.p_sigmask,
      ignored: f.p_sigignore,
      caught: f.p_sigcatch,
    }),
    startMicros: timevalMicros(
      buf.readBigInt64LE(f.p_starttime_sec.offset),
      buf.readInt32LE(f.p_starttime_usec.offset),
    ),
    zombie: buf.readInt8(f.p_stat.offset) === SZOMB,
    translated: (buf.readInt32LE(f.p_flag.offset) & P_TRANSLATED) !== 0,
    name: decodeName(buf, f.p_comm),
    // fill_user64_eproc: "a fake historical pcred" from the kauth credential.
    uids: {
      real: buf.readUInt32LE(f.p_ruid.offset),
      effective: buf.readUInt32LE(f.cr_uid.offset),
      saved: buf.readUInt32LE(f.p_svuid.offset),
    },
  };
}

/** KERN_PROC_ALL: one kinfo_proc per process, live and zombie (sysctl_prochandle). */
export function decodeKinfoProcList(buf: Buffer): DarwinRecord[] {
  return splitRecords(buf, DARWIN_KINFO_PROC.size, 'kinfo_proc list').map(decodeKinfoProc);
}

/**
 * Pointer size of every process's string area on macOS 11 and later (64-bit
 * only): exec_extract_strings() pads the saved executable path with NULs
 * until the space used is a multiple of it (bsd/kern/kern_exec.c).
 */
const PATH_ALIGNMENT = 8;

/**
 * KERN_PROCARGS2: the int argc, then the string area from just after the
 * "executable_path=" key (sysctl_procargsx strips it): the executable path,
 * NUL-padded, then argc NUL-terminated arguments, then (unless omitted) the
 * environment. Arguments cut short by the end of the area are returned as
 * far as they go.
 */
export function decodeProcargs2(buf: Buffer): string[] {
  if (buf.length < SIZEOF_INT) throw malformedRecord('sysctl', 'KERN_PROCARGS2 answer', `${buf.length} bytes`);
  const argc = buf.readInt32LE(0);
  if (argc < 0) throw malformedRecord('sysctl', 'KERN_PROCARGS2 answer', `argc ${argc}`);
  const area = buf.subarray(SIZEOF_INT);
  const pathEnd = area.indexOf(0);
  if (pathEnd < 0) throw malformedRecord('sysctl', 'KERN_PROCARGS2 answer', 'no NUL after the executable path');
  let at = Math.ceil((pathEnd + 1) / PATH_ALIGNMENT) * PATH_ALIGNMENT;
  const args: string[] = [];
  while (args.length < argc && at < area.length) {
    const end = area.indexOf(0, at);
    const stop = end < 0 ? area.length : end;
    args.push(area.subarray(at, stop).toString('utf8'));
    at = stop + 1;
  }
  return args;
}

/** mach_timebase_info: nanoseconds are Mach absolute time times numer / denom. */
export function decodeTimebase(buf: Buffer): { numer: number; denom: number } {
  const f = DARWIN_MACH_TIMEBASE_INFO.fields;
  const numer = buf.readUInt32LE(f.numer.offset);
  const denom = buf.readUInt32LE(f.denom.offset);
  if (numer === 0 || denom === 0)
    throw malformedRecord('mach_timebase_info', 'mach_timebase_info', `${numer}/${denom}`);
  return { numer, denom };
}

/** PROC_PIDTASKINFO: the map size in bytes and user + system time in microseconds. */
export function decodeTaskinfo(buf: Buffer, timebase: { numer: number; denom: number }): RecordUsage {
  if (buf.length !== DARWIN_PROC_TASKINFO.size) {
    throw malformedRecord('proc_pidinfo', 'proc_taskinfo', `${buf.length} bytes`);
  }
  const f = DARWIN_PROC_TASKINFO.fields;
  const ticks = buf.readBigUInt64LE(f.pti_total_user.offset) + buf.readBigUInt64LE(f.pti_total_system.offset);
  return {
    virtualBytes: Number(buf.readBigUInt64LE(f.pti_virtual_size.offset)),
    cpuMicros: (Number(ticks) * timebase.numer) / timebase.denom / 1000,
  };
}

/** PROC_PIDLISTFDS: one proc_fdinfo per open descriptor (proc_fdlist_internal). */
export function countFdinfo(bytes: number): number {
  if (bytes % DARWIN_PROC_FDINFO.size !== 0) {
    throw malformedRecord('proc_pidinfo', 'proc_fdinfo list', `${bytes} bytes`);
  }
  return bytes / DARWIN_PROC_FDINFO.size;
}
