import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStat } from '../../../../src/backends/linux/parse-stat.js';

const tail = '4715 4715 1088 0 -1 4194304 101 0 0 0 7 3 0 0 20 0 1 0 56607 3133440 383 18446744073709551615 0';

test('fields are counted from the last parenthesis', () => {
  const stat = parseStat(Buffer.from(`4720 (cat) R ${tail}\n`));
  // utime (field 14) 7 + stime (field 15) 3.
  assert.deepEqual(stat, {
    state: 'R',
    pgid: 4715,
    sid: 1088,
    flags: 4194304,
    threads: 1,
    startTicks: 56607,
    cpuTicks: 10,
  });
});

test('a command name with spaces and parentheses does not shift fields', () => {
  const stat = parseStat(Buffer.from(`4720 (a) b (c)) S ${tail}\n`));
  assert.equal(stat.state, 'S');
  assert.equal(stat.pgid, 4715);
  assert.equal(stat.sid, 1088);
  assert.equal(stat.startTicks, 56607);
});

test('a stat cut short is an error', () => {
  assert.throws(() => parseStat(Buffer.from('4720 (cat) R 1 2 3')), { code: 'EBADMSG' });
  assert.throws(() => parseStat(Buffer.from('4720 cat R 1 2 3')), { code: 'EBADMSG' });
});
