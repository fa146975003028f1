// What the command does to text from other processes and the system before
// showing it, and how it measures it in terminal columns (src/cli/text.ts).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { cutToWidth, displayWidth, escapeJsonText, fitList, pad, visible } from '../../../src/cli/text.js';

void test('every C0 control, DEL, C1 control and U+FFFD becomes one ?', () => {
  assert.equal(visible('\x1b]0;pwn\x07'), '?]0;pwn?');
  assert.equal(visible('a\rb\tc\nd'), 'a?b?c?d');
  assert.equal(visible('x\x7fy\u009b2J\u0085'), 'x?y?2J?');
  assert.equal(visible('\ufffd\ufffdA'), '??A');
  assert.equal(visible('\0'), '?');
  for (let cp = 0; cp < 0x20; cp++) assert.equal(visible(String.fromCharCode(cp)), '?', `U+${cp.toString(16)}`);
  for (let cp = 0x7f; cp <= 0x9f; cp++) assert.equal(visible(String.fromCharCode(cp)), '?', `U+${cp.toString(16)}`);
});

void test('bidirectional controls, line separators and lone surrogates too', () => {
  assert.equal(visible('a\u202eb\u2066c\u200fd\u2028e\u2029f'), 'a?b?c?d?e?f');
  assert.equal(visible('x\ud800y'), 'x?y');
});

void test('printable text is left as it is: spaces, backslashes, UTF-8, emoji', () => {
  for (const text of ['  lead  ', 'back\\slash', 'tail\\n', 'café', '漢字', 'a😀b', 'é', '']) {
    assert.equal(visible(text), text);
  }
});

void test('the result never holds an unsafe code point, and keeps one character per code point', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (s) => {
      const out = visible(s);
      // eslint-disable-next-line no-control-regex
      assert.doesNotMatch(out, /[\u0000-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069\ufffd]|[\ud800-\udfff]/u);
      assert.equal([...out].length, [...s].length);
    }),
  );
});

void test('JSON escaping: only the unsafe code points JSON.stringify leaves raw', () => {
  assert.equal(escapeJsonText('"x\u009by\u007f\ufffd\u202e"'), '"x\\u009by\\u007f\\ufffd\\u202e"');
  assert.equal(escapeJsonText('"café 漢字"'), '"café 漢字"');
});

void test('widths: ASCII one column, East Asian wide two, combining marks none', () => {
  assert.equal(displayWidth('abc'), 3);
  assert.equal(displayWidth('café'), 4);
  assert.equal(displayWidth('cafe\u0301'), 4);
  assert.equal(displayWidth('漢字'), 4);
  assert.equal(displayWidth('😀'), 2);
  assert.equal(cutToWidth('漢字x', 3), '漢');
  assert.equal(cutToWidth('cafe\u0301s', 4), 'cafe\u0301');
  assert.equal(cutToWidth('abc', 0), '');
  assert.equal(pad('漢', 4, 'left'), '漢  ');
  assert.equal(pad('1', 3, 'right'), '  1');
  assert.equal(pad('toolong', 3, 'right'), 'toolong');
});

void test('a list that does not fit shows its length and its first items', () => {
  const gids = Array.from({ length: 65_536 }, (_, i) => String(i + 1));
  assert.equal(fitList(gids, ',', 24), '[65536] 1,2,3,4,5,6,7,…');
  assert.ok(displayWidth(fitList(gids, ',', 24)) <= 24);
  assert.equal(fitList(['4', '24', '100'], ',', 24), '4,24,100');
  assert.equal(fitList(['SIGHUP', 'SIGINT', 'SIGQUIT'], ' ', 18), '[3] SIGHUP …');
  assert.equal(fitList([], ',', 5), '');
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 1e6 }).map(String), { maxLength: 300 }),
      fc.integer({ min: 12, max: 200 }),
      (items, width) => {
        assert.ok(displayWidth(fitList(items, ',', width)) <= width);
      },
    ),
  );
});
