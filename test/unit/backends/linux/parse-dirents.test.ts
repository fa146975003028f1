// getdents64(2) records as struct linux_dirent64 lays them out
// (include/linux/dirent.h): u64 d_ino at 0, s64 d_off at 8, u16 d_reclen at
// 16, u8 d_type at 18, the NUL-terminated name at 19, each record padded to
// 8 bytes, in native byte order. The same bytes from this kernel are checked
// against node:fs in the procfs listing test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pidsFromDirents } from '../../../../src/backends/linux/parse-dirents.js';

const DT_DIR = 4;
const DT_LNK = 10;
const DT_REG = 8;
const LE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function record(name: string, type: number, ino = 1): Buffer {
  const reclen = Math.ceil((19 + Buffer.byteLength(name) + 1) / 8) * 8;
  const rec = Buffer.alloc(reclen);
  if (LE) {
    rec.writeBigUInt64LE(BigInt(ino), 0);
    rec.writeUInt16LE(reclen, 16);
  } else {
    rec.writeBigUInt64BE(BigInt(ino), 0);
    rec.writeUInt16BE(reclen, 16);
  }
  rec[18] = type;
  rec.write(name, 19, 'latin1');
  return rec;
}

function parse(buf: Buffer, len = buf.length): number[] {
  const out: number[] = [];
  pidsFromDirents(buf, len, out);
  return out;
}

test('only directories named by a decimal in the kernel form are PIDs, in the order given', () => {
  const buf = Buffer.concat([
    record('.', DT_DIR),
    record('..', DT_DIR),
    record('self', DT_LNK),
    record('sys', DT_DIR),
    record('1', DT_DIR),
    record('4194304', DT_DIR),
    record('42', DT_DIR),
    record('43', DT_REG),
    record('007', DT_DIR),
    record('0', DT_DIR),
    record('12345678', DT_DIR),
    record('12a', DT_DIR),
    record('', DT_DIR),
  ]);
  assert.deepEqual(parse(buf), [1, 4194304, 42]);
});

test('records are appended across calls, and an empty read adds nothing', () => {
  const out = [7];
  const two = Buffer.concat([record('8', DT_DIR), record('9', DT_DIR)]);
  pidsFromDirents(two, two.length, out);
  pidsFromDirents(Buffer.alloc(0), 0, out);
  assert.deepEqual(out, [7, 8, 9]);
});

test('a record that does not fit, or is shorter than its fixed part, is EBADMSG', () => {
  const two = Buffer.concat([record('1', DT_DIR), record('2', DT_DIR)]);
  assert.throws(() => parse(two, two.length - 1), { code: 'EBADMSG' });
  assert.throws(() => parse(two, 10), { code: 'EBADMSG' });
  const short = record('3', DT_DIR);
  if (LE) short.writeUInt16LE(19, 16);
  else short.writeUInt16BE(19, 16);
  assert.throws(() => parse(short), { code: 'EBADMSG' });
  const zero = record('3', DT_DIR);
  zero.fill(0, 16, 18);
  assert.throws(() => parse(zero), { code: 'EBADMSG' });
});

test('a name runs to its NUL: padding after it is not read as digits', () => {
  const rec = record('5', DT_DIR);
  rec.fill(0x39, 21); // digits in the padding after "5\0"
  assert.deepEqual(parse(rec), [5]);
  const unterminated = record('6', DT_DIR);
  unterminated.fill(0x36, 19); // no NUL before the record ends
  assert.deepEqual(parse(unterminated), []);
});
