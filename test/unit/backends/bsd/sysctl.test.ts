// The shared sysctl helper against a stand-in for the kernel side of sysctl(3):
// the calling convention (in/out *oldlenp, NULL oldp asks for the size, -1 and
// errno on failure) is the documented one, which this machine cannot run.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { BsdLibc } from '../../../../src/backends/bsd/libc.js';
import {
  pageSize,
  sysctlRead,
  sysctlReadElements,
  sysctlSize,
  sysctlWrite,
} from '../../../../src/backends/bsd/sysctl.js';
import { OsError } from '../../../../src/failures.js';

const ENOMEM = 12;
const ESRCH = 3;

interface Call {
  mib: number[];
  oldp: boolean;
  newp: Buffer | null;
}

// A kernel node whose answer `answer()` may change between calls.
function fakeKernel(answer: () => Buffer | number): { libc: BsdLibc; calls: Call[] } {
  let errno = 0;
  const calls: Call[] = [];
  const libc: BsdLibc = {
    sysctl(mib, namelen, oldp, oldlen, newp) {
      const names = Array.from({ length: namelen }, (_, i) => mib.readInt32LE(i * 4));
      calls.push({ mib: names, oldp: oldp !== null, newp: newp === null ? null : Buffer.from(newp) });
      const data = answer();
      if (typeof data === 'number') {
        errno = data;
        return -1;
      }
      if (oldlen === null) return 0;
      if (oldp === null) {
        oldlen.writeBigUInt64LE(BigInt(data.length));
        return 0;
      }
      if (Number(oldlen.readBigUInt64LE()) < data.length) {
        errno = ENOMEM;
        return -1;
      }
      data.copy(oldp);
      oldlen.writeBigUInt64LE(BigInt(data.length));
      return 0;
    },
    getpgid: () => -1,
    getsid: () => -1,
    errno: () => errno,
  };
  return { libc, calls };
}

describe('sysctlRead', () => {
  it('probes the size, then reads exactly what the kernel wrote', () => {
    const { libc, calls } = fakeKernel(() => Buffer.from([1, 0, 0, 0, 2, 0, 0, 0]));
    assert.deepEqual([...sysctlRead(libc, [1, 14, 34, 99])], [1, 0, 0, 0, 2, 0, 0, 0]);
    assert.deepEqual(
      calls.map((c) => [c.mib, c.oldp]),
      [
        [[1, 14, 34, 99], false],
        [[1, 14, 34, 99], true],
      ],
    );
  });

  it('retries when the answer grew between the probe and the read (ENOMEM)', () => {
    let n = 0;
    const { libc, calls } = fakeKernel(() => Buffer.alloc(n++ < 1 ? 4 : 4 * 100, 7));
    assert.equal(sysctlRead(libc, [1, 14, 34, 5]).length, 400);
    assert.equal(calls.length, 4, 'probe, short read, probe, read');
  });

  it('a fixed-size read is one call and may come back empty (a dead PID on most BSDs)', () => {
    const { libc, calls } = fakeKernel(() => Buffer.alloc(0));
    assert.equal(sysctlRead(libc, [1, 66, 1, 42, 424, 1], 424).length, 0);
    assert.equal(calls.length, 1);
    assert.deepEqual(calls[0]!.mib, [1, 66, 1, 42, 424, 1], 'the six-element OpenBSD MIB is passed whole');
  });

  it('a fixed size the kernel finds too small is an error, not a loop', () => {
    const { libc } = fakeKernel(() => Buffer.alloc(1088));
    assert.throws(() => sysctlRead(libc, [1, 14, 1, 42], 648), { code: 'ENOMEM', syscall: 'sysctl' });
  });

  it('errno becomes an OsError with its code', () => {
    const { libc } = fakeKernel(() => ESRCH);
    assert.throws(
      () => sysctlRead(libc, [1, 14, 1, 42], 1088),
      (err: unknown) => err instanceof OsError && err.code === 'ESRCH',
    );
  });

  it('gives up after repeated growth', () => {
    let n = 0;
    const { libc } = fakeKernel(() => Buffer.alloc((n += 1000)));
    assert.throws(() => sysctlRead(libc, [1, 14, 34, 5]), { code: 'ENOMEM' });
  });
});

describe('sysctlWrite', () => {
  it('passes the new value and reads the old one in the same call', () => {
    const { libc, calls } = fakeKernel(() => Buffer.from([9, 9]));
    const old = Buffer.alloc(2);
    sysctlWrite(libc, [1, 14, 37, 7, 8], Buffer.from([1, 2, 3]), old);
    assert.deepEqual([...old], [9, 9]);
    assert.deepEqual([...calls[0]!.newp!], [1, 2, 3]);
  });

  it('errno becomes an OsError', () => {
    const { libc } = fakeKernel(() => 1);
    assert.throws(() => sysctlWrite(libc, [10, 7, 2, 9, 1], Buffer.alloc(8)), { code: 'EPERM' });
  });
});

/**
 * A list node whose MIB ends with {elem_size, elem_count}: `records()` is what
 * exists at each call. `cutShort` copies at most elem_count records and
 * reports only those, without ENOMEM (NetBSD's sysctl_kern_file2); otherwise
 * ENOMEM when they do not fit (OpenBSD's sysctl_doproc). A NULL-buffer probe
 * adds `slop` records.
 */
function listKernel(records: () => number, size: number, cutShort: boolean, slop = 0) {
  let errno = 0;
  const counts: number[] = [];
  const libc: BsdLibc = {
    sysctl(mib, namelen, oldp, oldlen) {
      const count = mib.readInt32LE((namelen - 1) * 4);
      counts.push(count);
      const n = records();
      if (oldp === null) {
        oldlen!.writeBigUInt64LE(BigInt((n + slop) * size));
        return 0;
      }
      const room = Math.min(count, Math.floor(Number(oldlen!.readBigUInt64LE()) / size));
      const copied = Math.min(n, room);
      for (let i = 0; i < copied; i++) oldp.fill(i + 1, i * size, (i + 1) * size);
      if (cutShort) {
        oldlen!.writeBigUInt64LE(BigInt(Math.min(n, count) * size));
        return 0;
      }
      oldlen!.writeBigUInt64LE(BigInt(copied * size));
      if (copied < n) {
        errno = ENOMEM;
        return -1;
      }
      return 0;
    },
    getpgid: () => -1,
    getsid: () => -1,
    errno: () => errno,
  };
  return { libc, counts };
}

describe('sysctlReadElements', () => {
  it('probes with INT_MAX records, then asks for what fits the buffer', () => {
    const { libc, counts } = listKernel(() => 3, 16, false, 5);
    const buf = sysctlReadElements(libc, (count) => [1, 66, 7, 0, 16, count], 16);
    assert.equal(buf.length, 48);
    assert.equal(counts[0], 0x7fffffff);
    assert.equal(counts[1], 3 + 5 + 8, 'probe plus the kernel slop plus room');
  });

  it('asks again when the list grew past the buffer (ENOMEM)', () => {
    let calls = 0;
    const { libc } = listKernel(() => (calls++ < 1 ? 2 : 40), 8, false);
    assert.equal(sysctlReadElements(libc, (count) => [1, 73, 2, 9, 8, count], 8).length, 40 * 8);
  });

  it('asks again when a buffer comes back full, as a list that stops at elem_count may be cut', () => {
    let calls = 0;
    const { libc } = listKernel(() => (calls++ < 1 ? 1 : 30), 8, true);
    assert.equal(sysctlReadElements(libc, (count) => [1, 77, 2, 9, 8, count], 8).length, 30 * 8);
  });

  it('gives up on a list that keeps growing', () => {
    let n = 0;
    const { libc } = listKernel(() => (n += 100), 8, true);
    assert.throws(() => sysctlReadElements(libc, (count) => [1, 77, 2, 9, 8, count], 8), { code: 'ENOMEM' });
  });
});

describe('sysctlSize and pageSize', () => {
  it('sysctlSize is the probe alone', () => {
    const { libc, calls } = fakeKernel(() => Buffer.alloc(262144));
    assert.equal(sysctlSize(libc, [1, 55, 42, 1]), 262144);
    assert.equal(calls.length, 1);
    assert.equal(calls[0]!.oldp, false);
  });

  it('hw.pagesize is an int, read once per binding', () => {
    const word = Buffer.alloc(4);
    word.writeInt32LE(16384);
    const { libc, calls } = fakeKernel(() => word);
    assert.equal(pageSize(libc, [6, 7]), 16384);
    assert.equal(pageSize(libc, [6, 7]), 16384);
    assert.equal(calls.length, 1);
    const { libc: bad } = fakeKernel(() => Buffer.alloc(4));
    assert.throws(() => pageSize(bad, [6, 7]), { code: 'EBADMSG' });
  });
});
