// What the package hands out as data is frozen: a caller who writes to it
// changes nothing for anyone else. And ENOTSUP says what is not supported.
// Covers what src/index.ts exports, src/availability.ts and src/errors.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AS_DICT_ATTRS, availability, constants, procAsDict } from '../../src/index.js';
import { FUNCTIONS, PLATFORMS } from '../../src/availability.js';
import { availabilityTable } from '../../src/availability-table.js';
import { notSupported, systemError } from '../../src/errors.js';

test('availability, AS_DICT_ATTRS, constants and the capability table cannot be written', () => {
  for (const [name, value] of Object.entries({ availability, AS_DICT_ATTRS, constants, FUNCTIONS, PLATFORMS }))
    assert.ok(Object.isFrozen(value), name);
  const table = availabilityTable();
  for (const row of Object.values(table)) assert.ok(Object.isFrozen(row));
  assert.ok(Object.isFrozen(table));
  assert.throws(() => {
    (availability as Record<string, boolean>).procGetUmask = false;
  }, TypeError);
  assert.throws(() => {
    (AS_DICT_ATTRS as unknown as string[]).push('pid');
  }, TypeError);
  assert.throws(() => {
    (AS_DICT_ATTRS as unknown as string[])[0] = 'sid';
  }, TypeError);
  // procAsDict still reads every attribute, in order.
  assert.deepEqual(Object.keys(procAsDict(process.pid)), ['umask', 'groups', 'sigmasks', 'pgid', 'sid']);
  assert.equal(availability.procGetUmask, true);
});

test('ENOTSUP messages say what is not supported and why, not libuv\'s "on socket"', () => {
  const err = notSupported('procGetUmask', 'macOS');
  assert.equal(err.code, 'ENOTSUP');
  assert.doesNotMatch(err.message, /socket/);
  assert.match(err.message, /procGetUmask\(\) is not available on macOS/);
  assert.doesNotMatch(systemError('ENOTSUP', 'prlimit', { detail: 'why' }).message, /socket/);
  assert.match(
    systemError('ENOTSUP', 'prlimit', { detail: 'why' }).message,
    /^ENOTSUP: operation not supported, prlimit \(why\)$/,
  );
});
