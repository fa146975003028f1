// SignalSet: a mask that answers as a ReadonlySet<number>, prints its
// numbers and names, serialises as an array, and loses no bit at any width.
import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BUILD, ROOT } from '../helpers/paths.js';
import assert from 'node:assert/strict';
import { inspect, isDeepStrictEqual } from 'node:util';
import { SignalSet } from '../../src/signal-set.js';
import { signalName } from '../../src/signal-names.js';

test('has is a bit test, size counts, iteration is ascending, at every width', () => {
  // 32-bit (macOS, OpenBSD), 64-bit (Linux) and 128-bit (FreeBSD, NetBSD, illumos) masks.
  const cases: [number[], number[]][] = [
    [[0x80000001], [1, 32]],
    [
      [0x00000002, 0x80000000],
      [2, 64],
    ],
    [
      [0x00004000, 0x00000001, 0x00000000, 0x80000001],
      [15, 33, 97, 128],
    ],
  ];
  for (const [words, signals] of cases) {
    const set = SignalSet.fromWords(words);
    assert.deepEqual([...set], signals);
    assert.equal(set.size, signals.length);
    for (let n = 0; n <= 130; n++) assert.equal(set.has(n), signals.includes(n), `${n}`);
    assert.deepEqual(set, SignalSet.of(...signals.reverse()));
  }
  assert.equal(SignalSet.EMPTY.size, 0);
  assert.deepEqual(
    [...SignalSet.fromWords64(0xffffffff, 0xffffffff)],
    Array.from({ length: 64 }, (_, i) => i + 1),
  );
  for (const bad of [0, -1, 1.5, NaN, Infinity]) assert.equal(SignalSet.of(1).has(bad), false);
  assert.throws(() => SignalSet.of(0), RangeError);
});

test('it is a ReadonlySet: keys, values, entries, forEach, new Set(), spread', () => {
  const set = SignalSet.of(2, 15, 34);
  assert.deepEqual([...set.keys()], [2, 15, 34]);
  assert.deepEqual([...set.values()], [2, 15, 34]);
  assert.deepEqual(
    [...set.entries()],
    [
      [2, 2],
      [15, 15],
      [34, 34],
    ],
  );
  const seen: number[] = [];
  const self = {};
  set.forEach(function (this: unknown, value, key, whole) {
    assert.equal(this, self);
    assert.equal(value, key);
    assert.equal(whole, set);
    seen.push(value);
  }, self);
  assert.deepEqual(seen, [2, 15, 34]);
  assert.deepEqual(new Set(set), new Set([2, 15, 34]));
  const readonly: ReadonlySet<number> = set;
  assert.equal(readonly.has(15), true);
  assert.equal(Object.prototype.toString.call(set), '[object SignalSet]');
  assert.equal('add' in set || 'delete' in set || 'clear' in set, false, 'nothing changes it');
});

// Node 20 has no Set.prototype.union: then the same check runs under Bun, a
// devDependency whose Set has the ES2025 methods, on the same compiled class.
test('works as the argument of the ES2025 set methods', () => {
  const union = (Set.prototype as { union?: (other: unknown) => Set<number> }).union;
  if (union !== undefined) {
    assert.deepEqual(union.call(new Set([1]), SignalSet.of(2, 15)), new Set([1, 2, 15]));
    return;
  }
  const script = `
    const { SignalSet } = require(${JSON.stringify(join(BUILD, 'src', 'signal-set.js'))});
    const mask = SignalSet.of(2, 15);
    const out = {
      union: [...new Set([1]).union(mask)],
      intersection: [...new Set([2, 3]).intersection(mask)],
      difference: [...new Set([1, 2]).difference(mask)],
      isSubsetOf: new Set([15]).isSubsetOf(mask),
    };
    process.stdout.write(JSON.stringify(out));`;
  const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'bun'), ['-e', script], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), { union: [1, 2, 15], intersection: [2], difference: [1], isSubsetOf: true });
});

test('JSON gives the numbers; inspect shows numbers and names; names() agree with signalName', () => {
  const set = SignalSet.of(64, 2, 37);
  assert.equal(JSON.stringify({ blocked: set }), '{"blocked":[2,37,64]}');
  assert.deepEqual(set.names(), [2, 37, 64].map(signalName));
  if (process.platform === 'linux') {
    assert.deepEqual(set.names(), ['SIGINT', 'SIGRTMIN+3', 'SIGRTMAX']);
    assert.equal(inspect(set), 'SignalSet(3) { 2 SIGINT, 37 SIGRTMIN+3, 64 SIGRTMAX }');
  }
  assert.equal(inspect(SignalSet.EMPTY), 'SignalSet(0) {}');
  assert.deepEqual(set.words(), [2, 0x80000010]);
});

test('two sets are deep-equal exactly when they hold the same signals', () => {
  assert.ok(isDeepStrictEqual(SignalSet.of(1, 65), SignalSet.fromWords([1, 0, 1])));
  assert.ok(!isDeepStrictEqual(SignalSet.of(1), SignalSet.of(2)));
  assert.ok(!isDeepStrictEqual(SignalSet.of(1), SignalSet.of(1, 65)));
  assert.ok(!isDeepStrictEqual(SignalSet.of(33), SignalSet.of(1)));
});
