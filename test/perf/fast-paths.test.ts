// The fast paths answer exactly what the plain ones did: signal-mask lines out of the kernel's
// order still parse, memoised conversions follow changing values and
// platforms, and resource lookup still folds any case.
import { test } from 'node:test';
import { SignalSet } from '../../src/signal-set.js';
import assert from 'node:assert/strict';
import { parseSigmasks } from '../../src/backends/linux/parse-status.js';
import { resolveResource, toNumberLimits } from '../../src/limits.js';
import { procGetrlimit, procRlimit } from '../../src/index.js';
import { spawnCommand } from '../helpers/children.js';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const MASKS = ['SigPnd:\t0000000000000001', 'ShdPnd:\t0000000000000002', 'SigBlk:\t0000000000010000'];
const MORE = ['SigIgn:\t0000000000000004', 'SigCgt:\t8000000000000000'];

test('signal masks parse in the kernel order and in any other', () => {
  const inOrder = parseSigmasks(Buffer.from(`Name:\tx\n${[...MASKS, ...MORE].join('\n')}\nCapInh:\t0\n`));
  const shuffled = parseSigmasks(Buffer.from(`Name:\tx\n${[...MORE, ...MASKS].reverse().join('\n')}\nCapInh:\t0\n`));
  const expected = {
    pending: SignalSet.of(1),
    processPending: SignalSet.of(2),
    blocked: SignalSet.of(17),
    ignored: SignalSet.of(3),
    caught: SignalSet.of(64),
  };
  assert.deepEqual(inOrder, expected);
  assert.deepEqual(shuffled, expected);
  assert.equal(parseSigmasks(Buffer.from(`Name:\tx\n${MASKS.join('\n')}\n`)), undefined, 'a missing line');
});

test('number limits follow changing values and each platform’s RLIM_INFINITY', () => {
  const linux = (1n << 64n) - 1n;
  const other = (1n << 63n) - 3n;
  for (let i = 0; i < 3; i++) {
    assert.deepEqual(toNumberLimits([1024n, linux], linux), [1024, Infinity]);
    // 2**64 - 1 is finite where RLIM_INFINITY is lower: it reads as the largest double below 2**64.
    assert.deepEqual(toNumberLimits([linux, other], other), [2 ** 64 - 2048, Infinity]);
    assert.deepEqual(toNumberLimits([2048n, 1024n], linux), [2048, 1024]);
  }
});

test('resource names resolve in any case, not only the spellings looked up directly', () => {
  const table = { RLIMIT_NOFILE: 7, RLIMIT_AS: 9 };
  for (const name of ['nofile', 'NOFILE', 'RLIMIT_NOFILE', 'rlimit_nofile', 'NoFile', 'rLiMiT_nOfIlE']) {
    assert.equal(resolveResource(name, table), 7);
  }
  assert.equal(resolveResource(9, table), 9);
  assert.throws(() => resolveResource(8, table), RangeError);
  assert.throws(() => resolveResource('nofile ', table), RangeError);
});

test('limits read through prlimit(2) follow every change', async (t) => {
  const child = await spawnCommand(['sleep', '60'], 'sleep');
  t.after(() => child.stop());
  const [soft, hard] = procGetrlimit(child.pid, 'nofile');
  let previous = soft;
  for (const next of [soft - 1, soft - 2, soft]) {
    assert.deepEqual(procRlimit(child.pid, 'nofile', [next, hard]), [previous, hard]);
    previous = next;
    assert.deepEqual(procGetrlimit(child.pid, 'nofile'), [next, hard]);
    assert.deepEqual(procGetrlimit(child.pid, 'nofile', { bigint: true }), [BigInt(next), BigInt(hard)]);
  }
});

test('the package entry keeps fast properties, and exports no accessors', () => {
  // A dictionary-mode exports object makes every pkg.fn(...) a hash lookup.
  // %HasFastProperties is V8's own answer; it needs a flag, so a child asks.
  const entry = resolve(__dirname, '..', '..', '..', 'dist', 'index.js');
  const script = `const m = require(${JSON.stringify(entry)});
    const accessors = Object.keys(m).filter((k) => Object.getOwnPropertyDescriptor(m, k).get !== undefined);
    process.stdout.write(JSON.stringify({ fast: %HasFastProperties(m), accessors, count: Object.keys(m).length }));`;
  const out = execFileSync(process.execPath, ['--allow-natives-syntax', '-e', script], { encoding: 'utf8' });
  const { fast, accessors, count } = JSON.parse(out) as { fast: boolean; accessors: string[]; count: number };
  assert.deepEqual(accessors, []);
  assert.equal(fast, true);
  assert.ok(count >= 20, `${count} exports`);
});
