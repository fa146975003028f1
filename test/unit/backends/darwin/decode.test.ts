// macOS kinfo_proc images built at the offsets of the facts sheet §3.3.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { decodeKinfoProc } from '../../../../src/backends/darwin/decode.js';
import { image } from '../../../helpers/image.js';

function kinfo(extra: Parameters<typeof image>[1] = []): Buffer {
  return image(648, [
    [0, 'i64', 1_650_000_000n], // p_starttime.tv_sec
    [8, 'i32', 999_999], // p_starttime.tv_usec
    [36, 'i8', 2], // p_stat: SRUN
    [40, 'i32', 321], // p_pid
    [232, 'u32', (1 << 0) | (1 << 12)], // p_sigignore: SIGHUP, SIGPIPE
    [236, 'u32', (1 << 1) | (1 << 30)], // p_sigcatch: SIGINT, SIGUSR2 (31 on macOS)
    [424, 'i16', 3], // e_ucred.cr_ngroups
    [428, 'u32[]', [20, 12, 61]], // e_ucred.cr_groups: egid first
    [564, 'i32', 300], // e_pgid
    ...extra,
  ]);
}

describe('macOS decodeKinfoProc', () => {
  it('reads pid, pgid, groups (egid first), ignored and caught signals, start time', () => {
    const r = decodeKinfoProc(kinfo());
    assert.equal(r.pid, 321);
    assert.equal(r.pgid, 300);
    assert.equal('sid' in r, false, 'kinfo_proc carries no session id');
    assert.deepEqual(r.groups, [20, 12, 61]);
    assert.deepEqual([...r.sigmasks.ignored], [1, 13]);
    assert.deepEqual([...r.sigmasks.caught], [2, 31]);
    assert.equal(r.startMicros, 1_650_000_000_999_999);
    assert.equal(r.zombie, false);
  });

  it('pending and blocked are what the kernel leaves there: nothing', () => {
    const r = decodeKinfoProc(kinfo());
    assert.equal(r.sigmasks.pending.size, 0);
    assert.equal(r.sigmasks.blocked.size, 0);
  });

  it('a zombie (SZOMB) keeps its start time', () => {
    const r = decodeKinfoProc(kinfo([[36, 'i8', 5]]));
    assert.equal(r.zombie, true);
    assert.equal(r.startMicros, 1_650_000_000_999_999);
  });

  it('refuses a record of another size', () => {
    assert.throws(() => decodeKinfoProc(Buffer.alloc(492)), { code: 'EBADMSG' });
  });
});
