// rlim_t values as the pairs of native-order 32-bit words prlimit(2) reads and
// writes (see RlimitCall in libc.ts), to and from numbers and bigints. Linux's
// RLIM_INFINITY is all ones (include/uapi/asm-generic/resource.h), unlimited
// as Infinity in number form.
import { endianness } from 'node:os';
import { finiteNumber } from '../../limits.js';

const TWO_32 = 4294967296;
const ALL_ONES = 0xffffffff;

/** Index of the low word within a value's pair: native byte order. */
const LOW = endianness() === 'LE' ? 0 : 1;

/**
 * The value at words[at], words[at + 1] as a number: Infinity for
 * RLIM_INFINITY, else rounded to the nearest double above 2**53, as
 * Number(bigint) rounds (hi * 2**32 is exact; the one addition rounds once).
 */
export function wordsToNumber(words: Uint32Array, at: number): number {
  const lo = words[at + LOW]!;
  const hi = words[at + 1 - LOW]!;
  if (hi === ALL_ONES && lo === ALL_ONES) return Infinity;
  return finiteNumber(hi * TWO_32 + lo);
}

/** Writes a safe integer, or Infinity for RLIM_INFINITY, at words[at], words[at + 1]. */
export function numberToWords(words: Uint32Array, at: number, value: number): void {
  if (value === Infinity) {
    words[at] = ALL_ONES;
    words[at + 1] = ALL_ONES;
    return;
  }
  // ToUint32 takes an integer modulo 2**32 exactly; no floating-point remainder.
  const lo = value >>> 0;
  words[at + LOW] = lo;
  words[at + 1 - LOW] = value > ALL_ONES ? (value - lo) / TWO_32 : 0;
}

/** Writes an rlim_t given as a bigint (0 .. 2**64 - 1) at words[at], words[at + 1]. */
export function bigintToWords(words: Uint32Array, at: number, value: bigint): void {
  words[at + LOW] = Number(value & 0xffffffffn);
  words[at + 1 - LOW] = Number(value >> 32n);
}

/** The value at words[at], words[at + 1] as a bigint. */
export function wordsToBigint(words: Uint32Array, at: number): bigint {
  return (BigInt(words[at + 1 - LOW]!) << 32n) | BigInt(words[at + LOW]!);
}
