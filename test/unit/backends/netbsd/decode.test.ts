// NetBSD kinfo_proc2 images built at the offsets of the facts sheet §6.3.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { decodeKinfoProc2, decodeQuad } from '../../../../src/backends/netbsd/decode.js';
import { image, sigWords } from '../../../helpers/image.js';

function kinfo2(extra: Parameters<typeof image>[1] = []): Buffer {
  return image(680, [
    [116, 'i32', 555], // p_pid
    [124, 'i32', 500], // p_sid
    [128, 'i32', 550], // p__pgid
    [152, 'u32[]', [0, 69]], // p_groups
    [216, 'i16', 2], // p_ngroups
    [296, 'u32[]', sigWords([3, 63])], // p_siglist
    [312, 'u32[]', sigWords([15, 34])], // p_sigmask
    [328, 'u32[]', sigWords([13])], // p_sigignore
    [344, 'u32[]', sigWords([1, 2])], // p_sigcatch
    [360, 'i8', 2], // p_stat: SACTIVE
    [448, 'i64', 1n], // p_uvalid
    [456, 'u32', 1_700_000_001], // p_ustart_sec
    [460, 'u32', 42], // p_ustart_usec
    ...extra,
  ]);
}

describe('NetBSD decodeKinfoProc2', () => {
  it('reads ids, supplementary groups, 128-bit masks and the start time', () => {
    const r = decodeKinfoProc2(kinfo2());
    assert.equal(r.pid, 555);
    assert.equal(r.pgid, 550);
    assert.equal(r.sid, 500);
    assert.deepEqual(r.groups, [0, 69]);
    assert.deepEqual([...r.sigmasks.pending], [3, 63]);
    assert.deepEqual([...r.sigmasks.blocked], [15, 34]);
    assert.deepEqual([...r.sigmasks.ignored], [13]);
    assert.deepEqual([...r.sigmasks.caught], [1, 2]);
    assert.equal(r.startMicros, 1_700_000_001_000_042);
    assert.equal(r.zombie, false);
  });

  it('a zombie (SZOMB or SDEAD) has p_uvalid 0: its start time is unknown', () => {
    for (const stat of [5, 6]) {
      const r = decodeKinfoProc2(
        kinfo2([
          [360, 'i8', stat],
          [448, 'i64', 0n],
          [456, 'u32', 0],
          [460, 'u32', 0],
        ]),
      );
      assert.equal(r.zombie, true);
      assert.equal(r.startMicros, undefined);
    }
  });

  it('refuses a record of another size', () => {
    assert.throws(() => decodeKinfoProc2(Buffer.alloc(688)), { code: 'EBADMSG' });
  });

  it('a proc.PID.rlimit node value is one rlim_t', () => {
    assert.equal(decodeQuad(image(8, [[0, 'u64', (1n << 63n) - 1n]])), (1n << 63n) - 1n);
    assert.throws(() => decodeQuad(Buffer.alloc(0)), { code: 'EBADMSG' });
  });
});
