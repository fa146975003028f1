import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exactNumberLimits, normalizePair, readLimitPair, resolveResource, toNumberLimits } from '../../src/limits.js';

const INF = (1n << 64n) - 1n;

// What procRlimit does with its newLimits argument on the bigint path.
const normalizeLimits = (newLimits: unknown, rlimInfinity: bigint): [bigint, bigint] =>
  normalizePair(readLimitPair(newLimits), rlimInfinity);

const TABLE = { RLIMIT_CPU: 0, RLIMIT_NOFILE: 7 };

test('resources resolve by number or by name in any case', () => {
  assert.equal(resolveResource(7, TABLE), 7);
  for (const name of ['nofile', 'NOFILE', 'RLIMIT_NOFILE', 'rlimit_nofile'])
    assert.equal(resolveResource(name, TABLE), 7);
});

test('unknown resources are RangeErrors, non-integers TypeErrors', () => {
  for (const bad of [99, -1, 'nofiles', '', 'RLIMIT_', 'constructor', 'toString']) {
    assert.throws(() => resolveResource(bad, TABLE), { name: 'RangeError', message: 'invalid resource specified' });
  }
  for (const bad of [7.5, NaN, null, 7n, {}]) assert.throws(() => resolveResource(bad, TABLE), { name: 'TypeError' });
});

test('unlimited is normalised before comparing: [1024, Infinity] is valid', () => {
  assert.deepEqual(normalizeLimits([1024, Infinity], INF), [1024n, INF]);
  assert.deepEqual(normalizeLimits([-1, -5], INF), [INF, INF]);
  assert.deepEqual(normalizeLimits([5n, -1n], INF), [5n, INF]);
  assert.deepEqual(normalizeLimits([INF, INF], INF), [INF, INF]);
  assert.deepEqual(normalizeLimits([-0, 0], INF), [0n, 0n]);
});

test('soft above hard is refused before anything is written', () => {
  assert.throws(() => normalizeLimits([10, 5], INF), {
    name: 'RangeError',
    message: 'current limit exceeds maximum limit',
  });
  assert.throws(() => normalizeLimits([Infinity, 5], INF), { message: 'current limit exceeds maximum limit' });
});

test('values never wrap: fractions, NaN and values past 64 bits are RangeErrors', () => {
  for (const bad of [1.5, NaN, 2 ** 64, Number.MAX_VALUE, 1n << 64n, (1n << 64n) + 5n]) {
    assert.throws(() => normalizeLimits([bad, bad], INF), { name: 'RangeError' }, String(bad));
  }
  // illumos: RLIM_INFINITY is 2**64-3 and the two values above it are reserved.
  const solarisInf = (1n << 64n) - 3n;
  assert.throws(() => normalizeLimits([0, (1n << 64n) - 2n], solarisInf), { name: 'RangeError' });
  assert.deepEqual(normalizeLimits([0, solarisInf - 1n], solarisInf), [0n, solarisInf - 1n]);
});

test('shape errors are TypeErrors', () => {
  for (const bad of [[1], [1, 2, 3], '1:2', { 0: 1, 1: 2 }, ['1', 2]]) {
    assert.throws(() => normalizeLimits(bad, INF), { name: 'TypeError' });
  }
});

test('number form maps RLIM_INFINITY to Infinity', () => {
  assert.deepEqual(toNumberLimits([INF, 5n], INF), [Infinity, 5]);
});

test('the last resolved resource is remembered per table, never across tables or errors', () => {
  const other = { RLIMIT_NOFILE: 8, RLIMIT_AS: 9 };
  assert.equal(resolveResource('nofile', TABLE), 7);
  assert.equal(resolveResource('nofile', TABLE), 7);
  assert.equal(resolveResource('nofile', other), 8);
  assert.throws(() => resolveResource('cpu', other), RangeError);
  assert.equal(resolveResource('nofile', other), 8);
  assert.throws(() => resolveResource(undefined, other), TypeError);
  assert.equal(resolveResource(7, TABLE), 7);
  assert.throws(() => resolveResource(7, other), RangeError);
  assert.equal(resolveResource(0, TABLE), 0);
});

test('the [soft, hard] argument is read once, by index', () => {
  const reads: string[] = [];
  const pair = new Proxy([1, 2], {
    get(target, prop, receiver) {
      reads.push(String(prop));
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  assert.deepEqual(readLimitPair(pair), [1, 2]);
  assert.deepEqual(reads, ['length', '0', '1']);
  const throwing = new Proxy([1, 2], {
    get(target, prop) {
      if (prop === '1') throw new Error('trap');
      return Reflect.get(target, prop) as unknown;
    },
  });
  assert.throws(() => readLimitPair(throwing), { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' });
  for (const bad of [[1], [1, 2, 3], { 0: 1, 1: 2, length: 2 }, null]) {
    assert.throws(() => readLimitPair(bad), { name: 'TypeError' });
  }
});

test('the number fast path takes only exact, ordered numbers', () => {
  assert.deepEqual(exactNumberLimits([1024, Infinity]), [1024, Infinity]);
  assert.deepEqual(exactNumberLimits([-1, -Infinity]), [Infinity, Infinity]);
  assert.deepEqual(exactNumberLimits([0, Number.MAX_SAFE_INTEGER]), [0, Number.MAX_SAFE_INTEGER]);
  // A pair that needs no change is handed back; one that does is a new pair,
  // and the caller's stays as it was.
  const exact = [4096, 8192];
  assert.equal(exactNumberLimits(exact), exact);
  const negative = [1024, -1];
  assert.deepEqual(exactNumberLimits(negative), [1024, Infinity]);
  assert.deepEqual(negative, [1024, -1]);
  // Everything else goes to normalizeLimits(), which keeps every error.
  for (const pair of [
    [10, 5],
    [Infinity, 5],
    [1.5, 2],
    [NaN, 2],
    [2 ** 53, 2 ** 53],
    [1n, 2],
    ['1', 2],
  ]) {
    assert.equal(exactNumberLimits(pair), undefined, String(pair));
  }
});
