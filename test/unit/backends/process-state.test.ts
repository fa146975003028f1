import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkPid, confirmHeld, pidExists, startTimeHold } from '../../../src/backends/process-state.js';
import { deadPid } from '../../helpers/children.js';
import { target } from '../../helpers/translated.js';

describe('startTimeHold', () => {
  it('same start time: alive; another: reused; unreadable: gone', () => {
    let now: number | undefined = 1_000;
    let fail = false;
    const hold = startTimeHold(() => {
      if (fail) throw new Error('gone');
      return now;
    });
    assert.equal(hold.alive(), true);
    now = 2_000;
    assert.equal(hold.alive(), false);
    fail = true;
    assert.equal(hold.alive(), false);
  });

  it('tolerates a start time rebuilt from the boot time (FreeBSD: 1 s)', () => {
    let now = 5_000_000;
    const hold = startTimeHold(() => now, 1_000_000);
    now = 5_900_000;
    assert.equal(hold.alive(), true);
    now = 6_000_001;
    assert.equal(hold.alive(), false);
  });

  it('an unknown start time (a zombie on OpenBSD and NetBSD) is not taken for reuse', () => {
    let now: number | undefined = 7;
    const hold = startTimeHold(() => now);
    now = undefined;
    assert.equal(hold.alive(), true);
  });

  it('throws at once when the process does not exist', () => {
    assert.throws(() =>
      startTimeHold(() => {
        throw new Error('ESRCH');
      }),
    );
  });
});

describe('process-state helpers', () => {
  it('checkPid never lets 0 or a negative PID through (0 would mean the caller)', () => {
    assert.equal(checkPid(7, 'getpgid'), 7);
    for (const pid of [0, -1, 1.5]) assert.throws(() => checkPid(pid, 'getpgid'), { code: 'ESRCH' });
  });

  it('pidExists: this process yes, a reaped PID no', () => {
    assert.equal(pidExists(process.pid), 'yes');
    assert.equal(pidExists(deadPid()), 'no');
  });

  it('confirmHeld throws ESRCH once the held process is gone', () => {
    confirmHeld({ ...target(1), alive: () => true }, 'sysctl');
    confirmHeld(target(1), 'sysctl');
    assert.throws(() => confirmHeld({ ...target(1), alive: () => false }, 'sysctl'), { code: 'ESRCH' });
  });
});
