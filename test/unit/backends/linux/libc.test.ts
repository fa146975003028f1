// The libc binding passes 64-bit rlimit structs, so it must bind the function
// that takes them: prlimit64. On 32-bit glibc prlimit() takes 32-bit values
// (<sys/resource.h>); under qemu-arm the old binding read nofile 1024:4096 as
// [4096 * 2**32 + 1024, 0] and wrote core [0, Infinity] as 0:0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { linuxLibc } from '../../../../src/backends/linux/libc.js';
import { wordsToNumber } from '../../../../src/backends/linux/rlim-words.js';

test('limits go through prlimit64, whose struct holds 64-bit values on every architecture', () => {
  const libc = linuxLibc();
  // glibc and musl both export prlimit64; the 16-byte structs are its.
  assert.equal(libc.rlimit.symbol, 'prlimit64');
  assert.equal(libc.rlimit.words.length, 8);
  assert.equal(libc.rlimit.get(process.pid, 7), 0);
  const line = /^Max open files\s+(\d+)\s+(\d+)/m.exec(readFileSync('/proc/self/limits', 'latin1'));
  assert.deepEqual(
    [wordsToNumber(libc.rlimit.words, 4), wordsToNumber(libc.rlimit.words, 6)],
    [Number(line?.[1]), Number(line?.[2])],
  );
});
