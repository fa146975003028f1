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

test('three nested oneshots: the innermost sees every outer cache', () => {
  runOneshot(11, () => {
    const first = oneshotCache(11);
    runOneshot(12, () => {
      const second = oneshotCache(12);
      runOneshot(13, () => {
        assert.equal(oneshotCache(11), first);
        assert.equal(oneshotCache(12), second);
        assert.ok(oneshotCache(13));
        assert.notEqual(oneshotCache(13), second);
      });
      assert.equal(oneshotCache(13), undefined, 'the inner scope has ended');
    });
  });
});

test('an outer oneshot that has ended is not served to an inner one still running', async () => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let inner: Promise<void> | undefined;
  runOneshot(21, () => {
    // The inner oneshot outlives the outer one, which ends when fn returns.
    inner = runOneshot(22, async () => {
      await held;
      assert.ok(oneshotCache(22), 'its own cache is still open');
      assert.equal(oneshotCache(21), undefined, 'the outer cache is closed');
    });
  });
  release();
  await inner;
});
