// "No record" and diagnosis against real processes of this machine: kill(2)
// tells a dead PID from a live one the same way on every POSIX kernel.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { ProcRecord } from '../../../../src/backends/bsd/kinfo.js';
import { diagnoseByRecord, noRecord, recordFrom } from '../../../../src/backends/bsd/record.js';
import { currentProcfsView } from '../../../../src/procfs-path.js';
import { toPublicError } from '../../../../src/public-error.js';
import { NoSuchProcess, ZombieProcess, AccessDenied } from '../../../../src/errors.js';
import { OsError } from '../../../../src/failures.js';
import { unsupportedBackend } from '../../../../src/backends/unsupported.js';
import { deadPid } from '../../../helpers/children.js';

function record(pid: number, zombie = false): ProcRecord {
  return { pid, pgid: 1, groups: [], groupsTruncated: false, startMicros: 1, zombie };
}

describe('a zero-length answer', () => {
  it('for a dead PID is NoSuchProcess through the one errno mapping', () => {
    const pid = deadPid();
    const err = (() => {
      try {
        recordFrom(pid, Buffer.alloc(0), () => record(pid));
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    assert.ok(err instanceof OsError);
    assert.equal(err.code, 'ESRCH');
    assert.equal(err.state, 'gone');
    assert.ok(toPublicError(err, pid, unsupportedBackend, 'procGetpgid', currentProcfsView()) instanceof NoSuchProcess);
  });

  it('for a live PID the kernel skipped is a zombie where zombies are skipped, else AccessDenied', () => {
    const zombie = noRecord(process.pid, 'sysctl', true);
    assert.equal(zombie.state, 'zombie');
    assert.ok(
      toPublicError(zombie, process.pid, unsupportedBackend, 'procGetpgid', currentProcfsView()) instanceof
        ZombieProcess,
    );
    const hidden = noRecord(process.pid, 'sysctl', false);
    assert.equal(hidden.code, 'EPERM');
    assert.ok(
      toPublicError(hidden, process.pid, unsupportedBackend, 'procGetpgid', currentProcfsView()) instanceof
        AccessDenied,
    );
  });

  it('a record for another PID than asked is refused', () => {
    assert.throws(() => recordFrom(5, Buffer.alloc(8), () => record(6)), { code: 'EBADMSG' });
  });
});

describe('diagnoseByRecord', () => {
  it('zombie, alive, gone and hidden', () => {
    assert.equal(
      diagnoseByRecord(1, new OsError('EPERM', 'x'), () => record(1, true)),
      'zombie',
    );
    assert.equal(
      diagnoseByRecord(1, new OsError('ENOENT', 'x'), () => record(1)),
      'alive',
    );
    assert.equal(
      diagnoseByRecord(1, new OsError('ESRCH', 'x'), () => record(1)),
      'gone',
    );
    const dead = deadPid();
    assert.equal(
      diagnoseByRecord(dead, new OsError('ESRCH', 'x'), () => {
        throw noRecord(dead, 'sysctl', false);
      }),
      'gone',
    );
    assert.equal(
      diagnoseByRecord(1, new OsError('ESRCH', 'x'), () => {
        throw new OsError('EPERM', 'sysctl');
      }),
      'hidden',
    );
  });
});
