// illumos psinfo_t and prcred_t images built at the offsets of the facts sheet §8.3-8.4.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { decodePrcred, decodePsinfo } from '../../../../src/backends/sunos/decode.js';
import { image } from '../../../helpers/image.js';

function psinfo(nlwp: number): Buffer {
  return image(416, [
    [4, 'i32', nlwp], // pr_nlwp
    [8, 'i32', 1234], // pr_pid
    [16, 'i32', 1200], // pr_pgid
    [20, 'i32', 1100], // pr_sid
    [88, 'i64', 1_700_000_000n], // pr_start.tv_sec
    [96, 'i64', 987_654_321n], // pr_start.tv_nsec
  ]);
}

describe('illumos decodePsinfo', () => {
  it('reads pid, pgid, sid and the start time (ns truncated to µs)', () => {
    assert.deepEqual(decodePsinfo(psinfo(3)), {
      pid: 1234,
      pgid: 1200,
      sid: 1100,
      startMicros: 1_700_000_000_987_654,
      zombie: false,
    });
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
