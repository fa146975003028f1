// The parts of a backend built on one per-PID record (kinfo_proc, kinfo_proc2):
// reading it through the oneshot cache, telling "no record" apart (gone, a
// zombie the kernel hides, a process hidden from us), and diagnosing a failure.
import { cached } from '../../oneshot.js';
import { type OsError, errorCode, gone, hidden, malformedRecord, zombie } from '../../failures.js';
import type { ProcessState, Target } from '../backend.js';
import { confirmHeld, pidExists } from '../process-state.js';
import { type ProcRecord } from './kinfo.js';

/**
 * Why a kernel gave no record for a PID. macOS, OpenBSD, NetBSD and DragonFly
 * answer a PID that matches nothing with zero bytes, not ESRCH; kill(pid, 0)
 * then tells a dead PID from one the kernel skipped: DragonFly's pfind skips
 * zombies and its PRISON_CHECK other jails (sys/kern/kern_proc.c
 * sysctl_kern_proc); NetBSD's sysctl_doeproc skips what kauth's CANSEE check
 * refuses, e.g. under security.curtain.
 */
export function noRecord(pid: number, syscall: string, zombiesHidden: boolean): OsError {
  const exists = pidExists(pid);
  if (exists === 'no') return gone(syscall);
  if (exists === 'yes' && zombiesHidden) return zombie(syscall);
  return hidden(syscall, 'the kernel does not show this process to the caller');
}

/** The target's record, read once per oneshot and checked to still be the held process's. */
export function heldRecord<R extends ProcRecord>(t: Target, read: (pid: number) => R): R {
  const record = cached(t.pid, 'record', () => read(t.pid));
  confirmHeld(t, 'sysctl');
  return record;
}

/** diagnose() for record-based backends. */
export function diagnoseByRecord(pid: number, cause: unknown, read: (pid: number) => ProcRecord): ProcessState {
  try {
    const record = read(pid);
    if (record.zombie) return 'zombie';
    return errorCode(cause) === 'ESRCH' ? 'gone' : 'alive';
  } catch (err) {
    const state = (err as { state?: unknown }).state;
    if (state === 'gone' || state === 'zombie') return state;
    const code = errorCode(err);
    if (code === 'ESRCH') return 'gone';
    if (code === 'EPERM' || code === 'EACCES') return 'hidden';
    return 'unknown';
  }
}

/** The decoded record in a sysctl answer for pid; an empty answer says why there is none. */
export function recordFrom<R extends ProcRecord>(
  pid: number,
  buf: Buffer,
  decode: (buf: Buffer) => R,
  zombiesHidden = false,
): R {
  if (buf.length === 0) throw noRecord(pid, 'sysctl', zombiesHidden);
  const record = decode(buf);
  if (record.pid !== pid) throw malformedRecord('sysctl', 'process record', `for pid ${record.pid}, asked for ${pid}`);
  return record;
}
