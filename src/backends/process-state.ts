// Pieces the non-Linux backends share for process identity and "gone": a hold
// that remembers the start time, the post-read identity check, and kill(pid, 0)
// as the one portable existence probe (kill(2): ESRCH = no such process,
// EPERM = exists but not ours; zombies exist until reaped).
import { errorCode, gone } from '../failures.js';
import type { ProcessHold, Target } from './backend.js';

/**
 * getpgid(0) and getsid(0) answer for the caller, never for PID 0 (POSIX); the
 * facade already refuses PIDs <= 0, and this keeps that true at the call site.
 */
export function checkPid(pid: number, syscall: string): number {
  if (!(Number.isInteger(pid) && pid > 0)) throw gone(syscall);
  return pid;
}

/** After an answer read by PID for a held process: still that process? */
export function confirmHeld(t: Target, syscall: string): void {
  if (t.alive !== undefined && !t.alive()) throw gone(syscall);
}

/** Does a process with this PID exist (zombies included)? */
export function pidExists(pid: number): 'yes' | 'no' | 'denied' {
  try {
    process.kill(pid, 0);
    return 'yes';
  } catch (err) {
    return errorCode(err) === 'EPERM' ? 'denied' : 'no';
  }
}

/**
 * A hold that tells the same process from a reused PID by its start time, in
 * microseconds. `read` throws when the PID names no process and returns
 * undefined when the kernel does not say (OpenBSD, NetBSD and illumos zero a
 * zombie's start time): unknown is not "reused". `tolerance` absorbs kernels
 * that rebuild the start time from the boot time on every query (FreeBSD's
 * and OpenBSD's fill_kproc).
 */
export function startTimeHold(read: () => number | undefined, tolerance = 0): ProcessHold {
  const start = read();
  return {
    dir: undefined,
    alive() {
      let now: number | undefined;
      try {
        now = read();
      } catch {
        return false;
      }
      if (start === undefined || now === undefined) return true;
      return Math.abs(now - start) <= tolerance;
    },
    release() {},
  };
}
