// The helpers every BSD and macOS backend shares to answer names, argument
// strings, PID lists and usage figures.
import { describe, it } from 'node:test';
import type { Target } from '../../../../src/backends/backend.js';
import { currentProcfsView } from '../../../../src/procfs-path.js';
import * as assert from 'node:assert/strict';
import {
  type UsageReaders,
  decodeInt,
  decodeName,
  nulSeparated,
  recordFigure,
  safeNumber,
  sortedPids,
  splitRecords,
  usageFrom,
} from '../../../../src/backends/bsd/usage.js';

const field = (offset: number, size: number) => ({ offset, size });

describe('decodeName', () => {
  it('stops at the first NUL of its array and decodes UTF-8', () => {
    const buf = Buffer.alloc(32, 0x78);
    Buffer.from('naïve\0rest').copy(buf, 4);
    assert.equal(decodeName(buf, field(4, 17)), 'naïve');
  });

  it('bad bytes become U+FFFD; a full array without NUL is taken whole', () => {
    assert.equal(decodeName(Buffer.from([0x61, 0xc3, 0x00]), field(0, 3)), 'a\ufffd');
    assert.equal(decodeName(Buffer.from('abcdef'), field(1, 3)), 'bcd');
  });
});

describe('nulSeparated', () => {
  it('splits NUL-terminated strings, keeping empty ones', () => {
    assert.deepEqual(nulSeparated(Buffer.from('ls\0-l\0\0x\0')), ['ls', '-l', '', 'x']);
  });

  it('keeps a last string without its NUL (a title written over the area)', () => {
    assert.deepEqual(nulSeparated(Buffer.from('nginx: worker process')), ['nginx: worker process']);
  });

  it('an empty answer is no arguments', () => {
    assert.deepEqual(nulSeparated(Buffer.alloc(0)), []);
  });
});

describe('record figures', () => {
  it('converts to the limit unit: seconds, bytes, pages times the page size', () => {
    const usage = { cpuMicros: 2_500_000, virtualBytes: 4096, residentPages: 3 };
    assert.equal(
      recordFigure(usage, 'cpuMicros', () => 0),
      2.5,
    );
    assert.equal(
      recordFigure(usage, 'virtualBytes', () => assert.fail('no page size needed')),
      4096,
    );
    assert.equal(
      recordFigure(usage, 'residentPages', () => 16384),
      3 * 16384,
    );
    assert.equal(
      recordFigure(usage, 'dataPages', () => 4096),
      undefined,
      'a figure the kernel did not fill',
    );
  });

  it('safeNumber refuses what a double cannot hold exactly', () => {
    assert.equal(safeNumber(12n, 'r', 'f'), 12);
    assert.throws(() => safeNumber(1n << 60n, 'r', 'f'), { code: 'EBADMSG' });
    assert.throws(() => safeNumber(-1n, 'r', 'f'), { code: 'EBADMSG' });
  });
});

describe('lists', () => {
  it('sortedPids: ascending, once each, kernel threads (negative) left out', () => {
    assert.deepEqual(sortedPids([5, 1, -1, 0, 5, 300]), [0, 1, 5, 300]);
  });

  it('splitRecords refuses a ragged answer', () => {
    assert.deepEqual(
      splitRecords(Buffer.alloc(12), 4, 'x').map((b) => b.length),
      [4, 4, 4],
    );
    assert.throws(() => splitRecords(Buffer.alloc(10), 4, 'x'), { code: 'EBADMSG' });
  });

  it('decodeInt: one positive C int', () => {
    const four = Buffer.alloc(4);
    four.writeInt32LE(4096);
    assert.equal(decodeInt(four, 'hw.pagesize'), 4096);
    assert.throws(() => decodeInt(Buffer.alloc(8), 'hw.pagesize'), { code: 'EBADMSG' });
    assert.throws(() => decodeInt(Buffer.alloc(4), 'hw.pagesize'), { code: 'EBADMSG' });
  });
});

// A target asked for by number, and nothing held.
const BY_PID: Target = { pid: 1234, dir: undefined, alive: undefined, view: currentProcfsView(), cacheKey: {} };

describe('usageFrom', () => {
  const readers = (calls: string[]): UsageReaders => ({
    usage: () => (calls.push('usage'), { dataPages: 10 }),
    uids: () => (calls.push('uids'), { real: 1000, effective: 0, saved: 0 }),
    pageSize: () => (calls.push('pageSize'), 4096),
    fds: () => (calls.push('fds'), 7),
    processes: () => (
      calls.push('processes'),
      [0, 1000, 1000, 33, 1000].map((real) => ({ uids: { real, effective: real, saved: real } }))
    ),
  });

  it('no source: undefined, and nothing is read', () => {
    const calls: string[] = [];
    assert.equal(usageFrom(BY_PID, undefined, readers(calls)), undefined);
    assert.deepEqual(calls, []);
  });

  it('reads only what the source needs', () => {
    let calls: string[] = [];
    assert.equal(usageFrom(BY_PID, { kind: 'record', figure: 'dataPages' }, readers(calls)), 40960);
    assert.deepEqual(calls, ['usage', 'pageSize']);
    calls = [];
    assert.equal(usageFrom(BY_PID, { kind: 'fds' }, readers(calls)), 7);
    assert.deepEqual(calls, ['fds']);
  });

  it('processes: those whose real uid is the target’s', () => {
    assert.equal(usageFrom(BY_PID, { kind: 'processes' }, readers([])), 3);
  });

  it('processes: a count taken by PID is refused once the held process is gone', () => {
    const held: Target = { ...BY_PID, alive: () => false };
    assert.throws(() => usageFrom(held, { kind: 'processes' }, readers([])), { code: 'ESRCH', state: 'gone' });
  });
});
