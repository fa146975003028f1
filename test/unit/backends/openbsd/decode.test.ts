// OpenBSD kinfo_proc images built at the offsets of the facts sheet §5.3.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { decodeKinfoProc } from '../../../../src/backends/openbsd/decode.js';
import { image } from '../../../helpers/image.js';

function kinfo(size: number, extra: Parameters<typeof image>[1] = []): Buffer {
  return image(size, [
    [108, 'i32', 777], // p_pid
    [116, 'i32', 700], // p_sid
    [120, 'i32', 770], // p__pgid
    [136, 'u32', 1000], // p_gid (egid, not in p_groups)
    [144, 'u32[]', [0, 5, 9]], // p_groups
    [208, 'i16', 3], // p_ngroups
    [288, 'i32', 1 << 1], // p_siglist: SIGINT
    [292, 'u32', 1 << 14], // p_sigmask: SIGALRM
    [296, 'u32', 1 << 12], // p_sigignore: SIGPIPE
    [300, 'u32', 0x80000000], // p_sigcatch: signal 32
    [304, 'i8', 3], // p_stat: SSLEEP
    [400, 'i64', 1n], // p_uvalid
    [408, 'u64', 1_600_000_000n], // p_ustart_sec
    [416, 'u32', 250_000], // p_ustart_usec
    ...extra,
  ]);
}

describe('OpenBSD decodeKinfoProc', () => {
  it('reads the 424-byte prefix the backend requests', () => {
    const r = decodeKinfoProc(kinfo(424));
    assert.equal(r.pid, 777);
    assert.equal(r.pgid, 770);
    assert.equal(r.sid, 700);
    assert.deepEqual(r.groups, [0, 5, 9]);
    assert.deepEqual([...r.sigmasks.pending], [2]);
    assert.deepEqual([...r.sigmasks.blocked], [15]);
    assert.deepEqual([...r.sigmasks.ignored], [13]);
    assert.deepEqual([...r.sigmasks.caught], [32]);
    assert.equal(r.startMicros, 1_600_000_000_250_000);
    assert.equal(r.zombie, false);
  });

  it("a zombie's zero start time (p_uvalid 0) is unknown, not a time", () => {
    const r = decodeKinfoProc(
      kinfo(648, [
        [304, 'i8', 6], // SDEAD
        [400, 'i64', 0n],
        [408, 'u64', 0n],
        [416, 'u32', 0],
      ]),
    );
    assert.equal(r.zombie, true);
    assert.equal(r.startMicros, undefined);
  });

  it('refuses less than the prefix', () => {
    assert.throws(() => decodeKinfoProc(Buffer.alloc(420)), { code: 'EBADMSG' });
  });
});
