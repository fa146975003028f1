// How the command formats what it prints: tables (src/cli/columns.ts), colour
// (color.ts), JSON (json.ts) and values (values.ts).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { chooseStyle } from '../../../src/cli/color.js';
import { formatTable } from '../../../src/cli/columns.js';
import { stringify } from '../../../src/cli/json.js';
import { formatLimit, formatUmask, formatUsage, nearLimit } from '../../../src/cli/values.js';

void test('columns take their widths from the data; numbers right, text left; no trailing spaces', () => {
  const lines = formatTable(
    [
      { header: 'PID', align: 'right' },
      { header: 'NAME', align: 'left' },
      { header: 'NOTE', align: 'left' },
    ],
    [
      ['1', 'init', ''],
      ['12345', 'a', 'x'],
    ],
  );
  assert.deepEqual(lines, ['  PID NAME NOTE', '    1 init', '12345 a    x']);
});

void test('styling is applied to padded body cells only', () => {
  const lines = formatTable(
    [
      { header: 'A', align: 'left' },
      { header: 'B', align: 'right' },
    ],
    [['x', '10']],
    (text, row, col) => (col === 1 ? `<${text}>` : text),
  );
  assert.deepEqual(lines, ['A  B', 'x <10>']);
});

void test('umask prints as /proc prints it', () => {
  assert.equal(formatUmask(0o22), '0022');
  assert.equal(formatUmask(0o777), '0777');
  assert.equal(formatUmask(0), '0000');
});

void test('limits and usage print exactly', () => {
  assert.equal(formatLimit(18446744073709551614n), '18446744073709551614');
  assert.equal(formatLimit('unlimited'), 'unlimited');
  assert.equal(formatUsage(9007199254740993n), '9007199254740993');
  assert.equal(formatUsage(1.5), '1.50');
});

void test('nearLimit marks usage at or above 90% of a finite soft limit', () => {
  assert.equal(nearLimit(89n, 100n), undefined);
  assert.equal(nearLimit(90n, 100n), 90);
  assert.equal(nearLimit(150n, 100n), 150);
  assert.equal(nearLimit(9n, 10n), 90);
  assert.equal(nearLimit(3n, 3n), 100);
  assert.equal(nearLimit(10n ** 19n, 'unlimited'), undefined);
  assert.equal(nearLimit(null, 10n), undefined);
  assert.equal(nearLimit(5n, null), undefined);
  assert.equal(nearLimit(0n, 0n), 100);
  assert.equal(nearLimit(8.99, 10n), undefined);
  assert.equal(nearLimit(9.5, 10n), 95);
  // Exact with bigints: 90% of 2**64-2 is beyond a double's precision.
  const soft = 18446744073709551614n;
  assert.equal(nearLimit((soft * 9n) / 10n, soft), undefined);
  assert.equal(nearLimit((soft * 9n) / 10n + 1n, soft), 90);
});

void test('JSON keeps bigints exact and leaves strings alone', () => {
  const text = stringify([{ soft: 18446744073709551614n, hard: 'unlimited', name: '{"\\u0000bigint": "1"}', n: 1 }]);
  assert.match(text, /"soft": 18446744073709551614,/);
  assert.deepEqual(JSON.parse(text), [
    { soft: 18446744073709552000, hard: 'unlimited', name: '{"\\u0000bigint": "1"}', n: 1 },
  ]);
  assert.ok(text.endsWith(']\n'));
});

void test('arrays of numbers stay on one line; other arrays and strings are untouched', () => {
  const value = {
    groups: [4, 24, 100],
    none: [],
    big: [18446744073709551614n, 1n],
    names: ['a\n[\n1\n]', 'b[ 1 ]'],
    rows: [{ a: 1 }],
  };
  const text = stringify(value);
  assert.match(text, /"groups": \[4, 24, 100\],/);
  assert.match(text, /"none": \[\],/);
  assert.match(text, /"big": \[18446744073709551614, 1\],/);
  assert.match(text, /"names": \[\n {4}"a\\n\[\\n1\\n\]",\n {4}"b\[ 1 \]"\n {2}\],/);
  assert.deepEqual(JSON.parse(text), { ...value, big: [18446744073709552000, 1] });
});

void test('colour only on a terminal and never with NO_COLOR', () => {
  assert.notEqual(chooseStyle(true, {}).bold('x'), 'x');
  assert.equal(chooseStyle(false, {}).bold('x'), 'x');
  assert.equal(chooseStyle(true, { NO_COLOR: '1' }).bold('x'), 'x');
  assert.equal(chooseStyle(true, { NO_COLOR: '1' }).warn('x'), 'x');
  // no-color.org: an empty NO_COLOR does not count.
  assert.notEqual(chooseStyle(true, { NO_COLOR: '' }).warn('x'), 'x');
});
