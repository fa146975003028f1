import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type OneshotCache, cached, oneshotCache, runOneshot } from '../../src/oneshot.js';

test('values are cached per PID inside a oneshot, and not outside', () => {
  let calls = 0;
  const compute = (): number => ++calls;
  assert.equal(cached(1, 'k', compute), 1);
  assert.equal(cached(1, 'k', compute), 2);
  runOneshot(1, () => {
    assert.equal(cached(1, 'k', compute), 3);
    assert.equal(cached(1, 'k', compute), 3);
    assert.equal(cached(2, 'k', compute), 4, 'another PID is not cached by this oneshot');
  });
  assert.equal(oneshotCache(1), undefined);
});

test('nested oneshots reuse the outer cache', () => {
  runOneshot(5, () => {
    const outer = oneshotCache(5);
    runOneshot(6, () => {
      assert.equal(oneshotCache(5), outer);
      assert.ok(oneshotCache(6));
    });
    runOneshot(5, () => assert.equal(oneshotCache(5), outer));
    assert.equal(oneshotCache(6), undefined);
  });
});

test('the cache follows async continuations and ends when the promise settles', async () => {
  let late: OneshotCache | undefined | 'unset' = 'unset';
  const result = await runOneshot(9, async () => {
    await new Promise((r) => setTimeout(r, 1));
    assert.ok(oneshotCache(9));
    setTimeout(() => {
      late = oneshotCache(9);
    }, 5);
    return 'done';
  });
  assert.equal(result, 'done');
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(late, undefined, 'a callback left behind must not see the cache');
});

test('a throwing fn closes the scope', () => {
  let inner: OneshotCache | undefined;
  assert.throws(() =>
    runOneshot(3, () => {
      inner = oneshotCache(3);
      throw new Error('x');
    }),
  );
  assert.ok(inner);
});
