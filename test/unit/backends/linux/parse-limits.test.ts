import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LIMIT_NAMES, parseLimits } from '../../../../src/backends/linux/parse-limits.js';
import { LINUX_RLIMITS, LINUX_RLIM_INFINITY } from '../../../../src/backends/linux/constants.js';

const INF = LINUX_RLIM_INFINITY;

// The kernel's format: "%-25s %-20s %-20s %-10s\n" (fs/proc/base.c), with
// nothing after the hard limit's space for a resource that has no unit.
function line(name: string, soft: string, hard: string, units: string): string {
  return `${name.padEnd(25)} ${soft.padEnd(20)} ${hard.padEnd(20)} ${units === '' ? '' : units.padEnd(10)}\n`;
}

const HEADER = line('Limit', 'Soft Limit', 'Hard Limit', 'Units');

test('values are read by column, unlimited is RLIM_INFINITY', () => {
  const text =
    HEADER +
    line('Max cpu time', 'unlimited', 'unlimited', 'seconds') +
    line('Max open files', '1024', '524288', 'files') +
    line('Max nice priority', '0', '0', '');
  const buf = Buffer.from(text);
  assert.deepEqual(parseLimits(buf, LINUX_RLIMITS.RLIMIT_CPU!, INF), [INF, INF]);
  assert.deepEqual(parseLimits(buf, LINUX_RLIMITS.RLIMIT_NOFILE!, INF), [1024n, 524288n]);
  assert.deepEqual(parseLimits(buf, LINUX_RLIMITS.RLIMIT_NICE!, INF), [0n, 0n]);
});

test('a 20-digit value leaves one space and is still read exactly', () => {
  const big = '18446744073709551614';
  const text = HEADER + line('Max address space', big, big, 'bytes');
  assert.equal(text.split('\n')[1]!.indexOf(big) + big.length + 1, 47);
  assert.deepEqual(parseLimits(Buffer.from(text), LINUX_RLIMITS.RLIMIT_AS!, INF), [
    18446744073709551614n,
    18446744073709551614n,
  ]);
  const mid = '9007199254740993'; // 2**53 + 1: a double would round it
  const text2 = HEADER + line('Max file size', mid, 'unlimited', 'bytes');
  assert.deepEqual(parseLimits(Buffer.from(text2), LINUX_RLIMITS.RLIMIT_FSIZE!, INF), [9007199254740993n, INF]);
});

test('lines are matched by their whole name, not by position or prefix', () => {
  const text = HEADER + line('Max file locks', '7', '8', 'locks') + line('Max file size', '5', '6', 'bytes');
  const buf = Buffer.from(text);
  assert.deepEqual(parseLimits(buf, LINUX_RLIMITS.RLIMIT_FSIZE!, INF), [5n, 6n]);
  assert.deepEqual(parseLimits(buf, LINUX_RLIMITS.RLIMIT_LOCKS!, INF), [7n, 8n]);
  assert.equal(parseLimits(buf, LINUX_RLIMITS.RLIMIT_NOFILE!, INF), undefined);
});

test('an empty file (a task without its signal struct) has no line', () => {
  assert.equal(parseLimits(Buffer.alloc(0), 7, INF), undefined);
});

test('garbage in a value column is an error', () => {
  const text = HEADER + line('Max open files', '10x4', '2048', 'files');
  assert.throws(() => parseLimits(Buffer.from(text), 7, INF), { code: 'EBADMSG' });
});

test('every resource has its kernel line name, and this process has each line', async () => {
  assert.equal(LIMIT_NAMES.length, Object.keys(LINUX_RLIMITS).length);
  const { readFileSync } = await import('node:fs');
  const own = readFileSync('/proc/self/limits');
  for (const value of Object.values(LINUX_RLIMITS)) assert.ok(parseLimits(own, value, INF), `resource ${value}`);
});
