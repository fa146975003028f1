// illumos psinfo_t, pstatus_t and prcred_t images built at the offsets of the
// docs/platform-facts.md ("illumos / Solaris").
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  decodePrcred,
  decodePrcredUids,
  decodePsinfo,
  decodePstatusSizes,
} from '../../../../src/backends/sunos/decode.js';
import { image } from '../../../helpers/image.js';

function psinfo(nlwp: number): Buffer {
  return image(416, [
    [4, 'i32', nlwp], // pr_nlwp
    [8, 'i32', 1234], // pr_pid
    [16, 'i32', 1200], // pr_pgid
    [20, 'i32', 1100], // pr_sid
    [88, 'i64', 1_700_000_000n], // pr_start.tv_sec
    [96, 'i64', 987_654_321n], // pr_start.tv_nsec
    [104, 'i64', 12n], // pr_time.tv_sec
    [112, 'i64', 500_000_000n], // pr_time.tv_nsec
  ]);
}

describe('illumos decodePsinfo', () => {
  it("a zombie's pr_start is 0 (prgetpsinfo zeroes the record): the start time is unknown", () => {
    const buf = psinfo(0);
    buf.fill(0, 88, 104); // pr_start.tv_sec, pr_start.tv_nsec
    const info = decodePsinfo(buf);
    assert.equal(info.zombie, true);
    assert.equal(info.startMicros, undefined);
  });

  it('reads pid, pgid, sid, the start time (ns truncated to µs), name and CPU time', () => {
    const buf = psinfo(3);
    Buffer.from('nscd\0').copy(buf, 136); // pr_fname
    assert.deepEqual(decodePsinfo(buf), {
      pid: 1234,
      pgid: 1200,
      sid: 1100,
      startMicros: 1_700_000_000_987_654,
      zombie: false,
      name: 'nscd',
      cpuSeconds: 12.5,
    });
  });

  it('pr_fname fills its 16 bytes without a NUL when the name is that long; bad UTF-8 becomes U+FFFD', () => {
    const buf = psinfo(1);
    Buffer.from('abcdefghijklmnop').copy(buf, 136);
    assert.equal(decodePsinfo(buf).name, 'abcdefghijklmnop');
    Buffer.from([0x66, 0xfe, 0]).copy(buf, 136);
    assert.equal(decodePsinfo(buf).name, 'f\ufffd');
  });

  it('a zombie has no LWPs left', () => {
    assert.equal(decodePsinfo(psinfo(0)).zombie, true);
  });

  it('refuses a short file', () => {
    assert.throws(() => decodePsinfo(Buffer.alloc(300)), { code: 'EBADMSG' });
  });
});

describe('illumos decodePrcred', () => {
  it('reads pr_ngroups supplementary groups from offset 28', () => {
    const groups = [10, 20, 30, 40];
    const buf = image(28 + 4 * groups.length, [
      [12, 'u32', 7], // pr_egid: not a supplementary group
      [24, 'i32', groups.length],
      [28, 'u32[]', groups],
    ]);
    assert.deepEqual(decodePrcred(buf), groups);
  });

  it('no groups: the base struct alone', () => {
    assert.deepEqual(decodePrcred(Buffer.alloc(32)), []);
  });

  it('a count the file does not hold is a format error', () => {
    assert.throws(() => decodePrcred(image(32, [[24, 'i32', 5]])), { code: 'EBADMSG' });
  });
});

describe('illumos decodePstatusSizes', () => {
  it('reads pr_brksize and pr_stksize in bytes', () => {
    const buf = image(1000, [
      [8, 'i32', 1234], // pr_pid
      [56, 'u64', 3n << 20n], // pr_brksize
      [72, 'u64', 136n << 10n], // pr_stksize
    ]);
    assert.deepEqual(decodePstatusSizes(buf), { pid: 1234, brkBytes: 3 * 2 ** 20, stackBytes: 136 * 1024 });
  });

  it('refuses a file shorter than the head the layout declares', () => {
    assert.throws(() => decodePstatusSizes(Buffer.alloc(600)), { code: 'EBADMSG' });
  });
});

describe('illumos decodePrcredUids', () => {
  it('pr_ruid, pr_euid, pr_suid', () => {
    const buf = image(32, [
      [0, 'u32', 0], // pr_euid
      [4, 'u32', 101], // pr_ruid
      [8, 'u32', 102], // pr_suid
    ]);
    assert.deepEqual(decodePrcredUids(buf), { real: 101, effective: 0, saved: 102 });
    assert.throws(() => decodePrcredUids(Buffer.alloc(20)), { code: 'EBADMSG' });
  });
});
