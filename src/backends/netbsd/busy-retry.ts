// The proc.PID.rlimit nodes find their process with sysctl_proc_findproc
// (sys/kern/kern_resource.c), which takes p_reflock as a reader with
// rw_tryenter and answers EBUSY when it cannot: a writer holds it while the
// process execs or exits. The condition is short-lived, so a read or write of
// the node is tried again a bounded number of times, with a short pause, and
// the last EBUSY is reported if it persists. Nothing is changed before the
// lookup, so retrying a write is safe.
import { errorCode } from '../../failures.js';

/** Attempts in all, the first included. */
export const BUSY_TRIES = 5;
/** Pause before the second attempt, in milliseconds; doubled before each further one. */
export const BUSY_FIRST_PAUSE_MS = 1;

const pauseCell = new Int32Array(new SharedArrayBuffer(4));

function pause(ms: number): void {
  Atomics.wait(pauseCell, 0, 0, ms);
}

/** `op`, again while it fails with EBUSY, at most `tries` times in all. */
export function retryWhileBusy<T>(op: () => T, tries = BUSY_TRIES, sleep: (ms: number) => void = pause): T {
  for (let attempt = 1, wait = BUSY_FIRST_PAUSE_MS; ; attempt++, wait *= 2) {
    try {
      return op();
    } catch (err) {
      if (errorCode(err) !== 'EBUSY' || attempt >= tries) throw err;
    }
    sleep(wait);
  }
}
