// rlim_t words to and from numbers and bigints: exact below 2**53, rounded
// as Number(bigint) rounds above (but never up to 2**64, which no setter
// takes: the largest double below it instead), RLIM_INFINITY as all ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  bigintToWords,
  numberToWords,
  wordsToBigint,
  wordsToNumber,
} from '../../../../src/backends/linux/rlim-words.js';

const INF = (1n << 64n) - 1n;

// What a 64-bit native-order store of `value` leaves in two 32-bit words.
function nativeWords(value: bigint): Uint32Array {
  const words = new Uint32Array(2);
  new BigUint64Array(words.buffer)[0] = value;
  return words;
}

test('numbers are written as the native 64-bit value, Infinity as RLIM_INFINITY', () => {
  for (const value of [0, 1, 1024, 0xffffffff, 2 ** 32, 2 ** 32 + 7, Number.MAX_SAFE_INTEGER]) {
    const words = new Uint32Array(2);
    numberToWords(words, 0, value);
    assert.deepEqual(words, nativeWords(BigInt(value)), String(value));
  }
  const words = new Uint32Array(2);
  numberToWords(words, 0, Infinity);
  assert.deepEqual(words, nativeWords(INF));
});

// Number(bigint), except that the values rounding to 2**64 read as 2**64 - 2048.
function numberForm(value: bigint): number {
  if (value === INF) return Infinity;
  const n = Number(value);
  return n === 2 ** 64 ? 2 ** 64 - 2048 : n;
}

test('words read back as the number Number(bigint) gives, below 2**64, RLIM_INFINITY as Infinity', () => {
  for (const value of [INF - 1n, INF - 1023n, INF - 1025n, INF - 2049n])
    assert.equal(wordsToNumber(nativeWords(value), 0), numberForm(value), String(value));
  assert.equal(numberForm(INF - 1n), 18446744073709549568);
  fc.assert(
    fc.property(fc.bigInt({ min: 0n, max: INF }), (value) => {
      const words = nativeWords(value);
      assert.equal(wordsToNumber(words, 0), numberForm(value));
      assert.equal(wordsToBigint(words, 0), value);
    }),
    { numRuns: 3000 },
  );
});

test('bigints are written exactly, and the remembered bigint follows every change', () => {
  const words = new Uint32Array(8);
  for (const value of [5n, 5n, (1n << 53n) + 1n, INF - 1n, 0n, 5n]) {
    bigintToWords(words, 4, value);
    assert.deepEqual(words.subarray(4, 6), nativeWords(value));
    assert.equal(wordsToBigint(words, 4), value);
    // The other positions keep their own memory.
    assert.equal(wordsToBigint(words, 0), 0n);
  }
});
