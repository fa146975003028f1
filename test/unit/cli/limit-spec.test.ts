import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { parseLimitSpec, softWithinHard } from '../../../src/cli/limit-spec.js';

void test("prlimit's forms", () => {
  assert.deepEqual(parseLimitSpec('10:20'), { soft: 10n, hard: 20n });
  assert.deepEqual(parseLimitSpec('10:'), { soft: 10n, hard: 'keep' });
  assert.deepEqual(parseLimitSpec(':20'), { soft: 'keep', hard: 20n });
  assert.deepEqual(parseLimitSpec('30'), { soft: 30n, hard: 30n });
  assert.deepEqual(parseLimitSpec('0'), { soft: 0n, hard: 0n });
});

void test('unlimited, infinity and -1 all mean RLIM_INFINITY', () => {
  for (const word of ['unlimited', 'UNLIMITED', 'infinity', '-1']) {
    assert.deepEqual(parseLimitSpec(word), { soft: 'unlimited', hard: 'unlimited' });
  }
  assert.deepEqual(parseLimitSpec('5:-1'), { soft: 5n, hard: 'unlimited' });
  assert.deepEqual(parseLimitSpec('-1:'), { soft: 'unlimited', hard: 'keep' });
});

void test('values are exact up to the largest finite rlim_t', () => {
  assert.deepEqual(parseLimitSpec('18446744073709551614'), {
    soft: 18446744073709551614n,
    hard: 18446744073709551614n,
  });
  assert.throws(() => parseLimitSpec('18446744073709551615'), /larger than the largest limit/);
});

void test('malformed limits', () => {
  for (const text of ['', ':', 'abc', '1:2:3', '-2', '1.5', '0x10', ' 5', '5 ', '1e3', '+5', 'unlimited:5', '9:8']) {
    assert.throws(() => parseLimitSpec(text), Error, JSON.stringify(text));
  }
});

void test('soft above hard is refused only when both are given', () => {
  assert.throws(() => parseLimitSpec('unlimited:5'), /soft limit unlimited exceeds hard limit 5/);
  assert.deepEqual(parseLimitSpec('unlimited:'), { soft: 'unlimited', hard: 'keep' });
});

void test('softWithinHard ranks unlimited above every number', () => {
  assert.equal(softWithinHard(5n, 'unlimited'), true);
  assert.equal(softWithinHard('unlimited', 'unlimited'), true);
  assert.equal(softWithinHard('unlimited', 18446744073709551614n), false);
  assert.equal(softWithinHard(6n, 5n), false);
  assert.equal(softWithinHard(5n, 5n), true);
});

void test('any soft:hard pair of decimals parses back to its values', () => {
  const limit = fc.bigInt({ min: 0n, max: (1n << 64n) - 2n });
  fc.assert(
    fc.property(limit, limit, (a, b) => {
      const [soft, hard] = a <= b ? [a, b] : [b, a];
      assert.deepEqual(parseLimitSpec(`${soft}:${hard}`), { soft, hard });
    }),
  );
});
