import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveProc } from '../../src/validate.js';

const typeError = { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' };

test('integers and objects with an integer pid are accepted', () => {
  assert.equal(resolveProc(42).pid, 42);
  assert.equal(resolveProc({ pid: 7 }).pid, 7);
  assert.equal(resolveProc(-0).pid, 0);
  assert.ok(Object.is(resolveProc(-0).pid, 0));
  const running = resolveProc({ pid: 3, isRunning: () => false });
  assert.equal(running.isRunning?.(), false);
});

test('anything else is a TypeError with Node core message shape', () => {
  for (const bad of ['1', 'self/../1', 1n, null, undefined, {}, { pid: undefined }, { pid: '1' }, 1.5, NaN, Infinity]) {
    assert.throws(() => resolveProc(bad), typeError, String(bad));
  }
  assert.throws(() => resolveProc(new Number(5)), typeError);
  assert.throws(() => resolveProc('12'), {
    message: `The "proc" argument must be of type number or an object with a pid property. Received type string ('12')`,
  });
});

test('a throwing pid getter is a TypeError keeping the cause', () => {
  const boom = new Error('boom');
  const proc = {
    get pid(): number {
      throw boom;
    },
  };
  assert.throws(
    () => resolveProc(proc),
    (err: unknown) => err instanceof TypeError && (err as { cause?: unknown }).cause === boom,
  );
});
