// How the command formats what it prints: tables (src/cli/columns.ts), colour
// (color.ts), JSON (json.ts) and values (values.ts).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { chooseStyle } from '../../../src/cli/color.js';
import { formatTable, tableText } from '../../../src/cli/columns.js';
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
    { styleCell: (text, _row, col) => (col === 1 ? `<${text}>` : text), styleHeader: (l) => `*${l}*` },
  );
  assert.deepEqual(lines, ['*A  B*', 'x <10>']);
});

void test("a cell wider than its column's maxWidth widens only its own row", () => {
  const columns = [
    { header: 'PID', align: 'right' as const },
    { header: 'GROUPS', align: 'left' as const, maxWidth: 8 },
    { header: 'USER', align: 'left' as const },
  ];
  const huge = Array.from({ length: 10_000 }, (_, i) => i + 1).join(',');
  const lines = formatTable(columns, [
    ['1', '(none)', 'root'],
    ['2', huge, 'alice'],
    ['3', '4,24', 'bob'],
  ]);
  assert.deepEqual([lines[0], lines[1], lines[3]], ['PID GROUPS   USER', '  1 (none)   root', '  3 4,24     bob']);
  assert.equal(lines[2], `  2 ${huge} alice`);
  // The whole table is the long cell plus a few bytes a row, not rows × the long cell.
  assert.ok(lines.join('\n').length < huge.length + 100);
});

void test('with a width every line is cut to it, colour applied after the cut', () => {
  const columns = [
    { header: 'PID', align: 'right' as const },
    { header: 'COMMAND', align: 'left' as const },
  ];
  const rows = [
    ['1', 'a'.repeat(100)],
    ['22', 'café ' + '漢字'.repeat(20)],
  ];
  const lines = formatTable(columns, rows, { width: 20, styleCell: (t, _r, c) => (c === 1 ? `[${t}]` : t) });
  assert.deepEqual(lines, ['PID COMMAND', '  1 [aaaaaaaaaaaaaaaa]', ' 22 [café 漢字漢字漢]']);
  assert.deepEqual(formatTable(columns, rows, { header: false, width: 6 }), ['  1 aa', ' 22 ca']);
});

void test('umask prints as /proc prints it', () => {
  assert.equal(formatUmask(0o22), '0022');
  assert.equal(formatUmask(0o777), '0777');
  assert.equal(formatUmask(0), '0000');
});

void test('limits and usage print exactly', () => {
  assert.equal(formatLimit(18446744073709551614n), '18446744073709551614');
  assert.equal(formatLimit('unlimited'), 'unlimited');
  assert.equal(formatUsage('as', 9007199254740991), '9007199254740991');
  assert.equal(formatUsage('cpu', 1.5), '1.50');
  assert.equal(formatUsage('cpu', 12), '12.00');
});

void test('nearLimit marks usage at or above 90% of a finite soft limit', () => {
  assert.equal(nearLimit(89, 100n), undefined);
  assert.equal(nearLimit(90, 100n), 90);
  assert.equal(nearLimit(150, 100n), 150);
  assert.equal(nearLimit(9, 10n), 90);
  assert.equal(nearLimit(3, 3n), 100);
  assert.equal(nearLimit(1e19, 'unlimited'), undefined);
  assert.equal(nearLimit(null, 10n), undefined);
  assert.equal(nearLimit(undefined, 10n), undefined);
  assert.equal(nearLimit(5, null), undefined);
  assert.equal(nearLimit(0, 0n), 100);
  assert.equal(nearLimit(8.99, 10n), undefined);
  assert.equal(nearLimit(9.5, 10n), 95);
  // Exact against limits beyond a double's precision: 90% of 2**60+10 is 2**60*0.9+9.
  const soft = (1n << 60n) + 10n;
  const ninety = Number((soft * 9n) / 10n); // a double: rounded to a multiple of 128
  assert.equal(nearLimit(2 ** 53 - 1, soft), undefined);
  assert.equal(nearLimit(ninety + 1024, soft), 90);
});

void test('an empty table without a header is no text at all', () => {
  assert.equal(tableText([{ header: 'A', align: 'left' }], [], { header: false }), '');
  assert.equal(tableText([{ header: 'A', align: 'left' }], []), 'A\n');
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

void test('JSON: control, C1, bidirectional characters and U+FFFD escaped, the strings unchanged to a parser', () => {
  const names = [
    '\x1b]0;pwn\x07',
    'a\rb\tc',
    'x\u009b2J',
    'x\x7fy',
    '\ufffd',
    'rtl\u202eevil',
    'new\nline',
    '  lead\\',
  ];
  for (const compact of [false, true]) {
    const text = stringify({ names }, compact);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(text, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e\ufffd]/);
    assert.deepEqual(JSON.parse(text), { names });
  }
  assert.equal(stringify(['x\u009b\u007f'], true), '["x\\u009b\\u007f"]\n');
});

void test('compact JSON is one line, bigints exact', () => {
  const text = stringify([{ a: [1, 2], soft: 18446744073709551614n, s: 'x\ny' }], true);
  assert.equal(text, '[{"a":[1,2],"soft":18446744073709551614,"s":"x\\ny"}]\n');
});

void test('colour only on a terminal and never with NO_COLOR', () => {
  assert.notEqual(chooseStyle(true, {}).bold('x'), 'x');
  assert.equal(chooseStyle(false, {}).bold('x'), 'x');
  assert.equal(chooseStyle(true, { NO_COLOR: '1' }).bold('x'), 'x');
  assert.equal(chooseStyle(true, { NO_COLOR: '1' }).warn('x'), 'x');
  // no-color.org: an empty NO_COLOR does not count.
  assert.notEqual(chooseStyle(true, { NO_COLOR: '' }).warn('x'), 'x');
});
