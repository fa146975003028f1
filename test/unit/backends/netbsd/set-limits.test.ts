import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { setBothLimits, type LimitNodes } from '../../../../src/backends/netbsd/set-limits.js';
import {
  PROC_PID_LIMIT_TYPE_HARD as HARD,
  PROC_PID_LIMIT_TYPE_SOFT as SOFT,
} from '../../../../src/backends/netbsd/constants.js';
import { OsError } from '../../../../src/failures.js';

// Two nodes holding a soft and a hard value, refusing soft > hard as dosetrlimit does.
function nodes(soft: bigint, hard: bigint, failOn?: (which: number, value: bigint) => boolean) {
  const value = { [SOFT]: soft, [HARD]: hard };
  const writes: string[] = [];
  const io: LimitNodes = {
    read: (which) => value[which],
    write(which, v) {
      writes.push(`${which === SOFT ? 'soft' : 'hard'}=${v}`);
      if (failOn?.(which, v)) throw new OsError('EPERM', 'sysctl');
      const next = { ...value, [which]: v };
      if (next[SOFT] > next[HARD]) throw new OsError('EINVAL', 'sysctl');
      value[which] = v;
    },
  };
  return { io, value, writes };
}

describe('NetBSD setBothLimits', () => {
  it('raising: hard first, then soft; returns the previous pair', () => {
    const n = nodes(10n, 20n);
    assert.deepEqual(setBothLimits(n.io, [30n, 40n]), [10n, 20n]);
    assert.deepEqual(n.writes, ['hard=40', 'soft=30']);
    assert.deepEqual([n.value[SOFT], n.value[HARD]], [30n, 40n]);
  });

  it('lowering: soft first, then hard', () => {
    const n = nodes(30n, 40n);
    setBothLimits(n.io, [5n, 8n]);
    assert.deepEqual(n.writes, ['soft=5', 'hard=8']);
  });

  it('a failed second write undoes the first and rethrows', () => {
    const n = nodes(10n, 20n, (which) => which === SOFT);
    assert.throws(() => setBothLimits(n.io, [30n, 40n]), { code: 'EPERM' });
    assert.deepEqual(n.writes, ['hard=40', 'soft=30', 'hard=20']);
    assert.deepEqual([n.value[SOFT], n.value[HARD]], [10n, 20n]);
  });

  it('if the undo fails too, the error says which limit stayed changed', () => {
    const n = nodes(10n, 20n, (which, v) => which === SOFT || v === 20n);
    assert.throws(
      () => setBothLimits(n.io, [30n, 40n]),
      (err: unknown) => {
        assert.ok(err instanceof OsError);
        assert.equal(err.code, 'EPERM');
        assert.match(err.detail ?? '', /hard limit was changed/);
        return true;
      },
    );
    assert.deepEqual([n.value[SOFT], n.value[HARD]], [10n, 40n]);
  });
});
