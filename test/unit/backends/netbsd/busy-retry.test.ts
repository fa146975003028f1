// sysctl_proc_findproc (NetBSD sys/kern/kern_resource.c) answers EBUSY while
// p_reflock is held for exec or exit; src/backends/netbsd/busy-retry.ts tries
// the rlimit node again a bounded number of times.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { BUSY_TRIES, retryWhileBusy } from '../../../../src/backends/netbsd/busy-retry.js';
import { OsError } from '../../../../src/failures.js';

function flaky(busyTimes: number, code = 'EBUSY') {
  let calls = 0;
  const pauses: number[] = [];
  const op = () => {
    calls++;
    if (calls <= busyTimes) throw new OsError(code, 'sysctl');
    return 42n;
  };
  return { op, pauses, sleep: (ms: number) => void pauses.push(ms), calls: () => calls };
}

describe('NetBSD retryWhileBusy', () => {
  it('an EBUSY that clears is retried, with a growing pause', () => {
    const f = flaky(2);
    assert.equal(retryWhileBusy(f.op, BUSY_TRIES, f.sleep), 42n);
    assert.equal(f.calls(), 3);
    assert.deepEqual(f.pauses, [1, 2]);
  });

  it('an EBUSY that persists is reported after BUSY_TRIES attempts', () => {
    const f = flaky(Infinity);
    assert.throws(() => retryWhileBusy(f.op, BUSY_TRIES, f.sleep), { code: 'EBUSY' });
    assert.equal(f.calls(), BUSY_TRIES);
    assert.equal(f.pauses.length, BUSY_TRIES - 1);
  });

  it('other errors (ESRCH for a gone process or a zombie) are not retried', () => {
    const f = flaky(1, 'ESRCH');
    assert.throws(() => retryWhileBusy(f.op, BUSY_TRIES, f.sleep), { code: 'ESRCH' });
    assert.equal(f.calls(), 1);
  });

  it('the default pause really waits and returns', () => {
    const f = flaky(1);
    assert.equal(retryWhileBusy(f.op), 42n);
  });
});
