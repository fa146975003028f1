import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { decodeGids, decodeSigset } from '../../../../src/backends/bsd/sigset.js';

describe('decodeSigset', () => {
  it('decodes all four words of a 128-bit set, real-time signals included', () => {
    // Words as a kernel stores them: SIGHUP (1), SIGKILL (9), signal 32 in word 0;
    // 33 and 64 in word 1 (FreeBSD's SIGRTMIN is 65); 65, 127 and 128 in words 2 and 3.
    const buf = Buffer.alloc(20);
    buf.writeUInt32LE(0x80000101, 4);
    buf.writeUInt32LE(0x80000001, 8);
    buf.writeUInt32LE(0x00000001, 12);
    buf.writeUInt32LE(0xc0000000, 16);
    assert.deepEqual([...decodeSigset(buf, { offset: 4, size: 16 })], [1, 9, 32, 33, 64, 65, 127, 128]);
  });

  it('reads only the words a 32-bit set has', () => {
    const buf = Buffer.from([0x02, 0x40, 0x00, 0x80, 0xff, 0xff, 0xff, 0xff]);
    assert.deepEqual([...decodeSigset(buf, { offset: 0, size: 4 })], [2, 15, 32]);
  });

  it('an empty set is empty', () => {
    assert.equal(decodeSigset(Buffer.alloc(16), { offset: 0, size: 16 }).size, 0);
  });
});

describe('decodeGids', () => {
  it('reads count entries and never past the field', () => {
    const buf = Buffer.alloc(12);
    [10, 20, 4294967294].forEach((g, i) => buf.writeUInt32LE(g, 4 * i));
    assert.deepEqual(decodeGids(buf, { offset: 0, size: 12 }, 2), [10, 20]);
    assert.deepEqual(decodeGids(buf, { offset: 0, size: 12 }, 99), [10, 20, 4294967294]);
    assert.deepEqual(decodeGids(buf, { offset: 0, size: 12 }, -1), []);
  });
});
