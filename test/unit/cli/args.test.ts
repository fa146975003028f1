import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { UsageError, parseArgs } from '../../../src/cli/args.js';

void test('no arguments lists every process', () => {
  assert.deepEqual(parseArgs([]), { kind: 'list', json: false });
  assert.deepEqual(parseArgs(['--json']), { kind: 'list', json: true });
});

void test('PIDs make a report, options in any position', () => {
  assert.deepEqual(parseArgs(['1', '-j', '42']), { kind: 'report', pids: [1, 42], json: true });
  assert.deepEqual(parseArgs(['--', '7']), { kind: 'report', pids: [7], json: false });
});

void test('--help and --version win over everything else that parses', () => {
  assert.deepEqual(parseArgs(['1', '--help']), { kind: 'help' });
  assert.deepEqual(parseArgs(['-h']), { kind: 'help' });
  assert.deepEqual(parseArgs(['--version', '--json']), { kind: 'version' });
  assert.deepEqual(parseArgs(['-V']), { kind: 'version' });
});

void test('--set is repeatable, takes its value separately or after =, and needs one PID', () => {
  const cmd = parseArgs(['--set', 'nofile=10:20', '--set=CORE=unlimited', '-s', 'RLIMIT_cpu=:5', '99']);
  assert.equal(cmd.kind, 'set');
  if (cmd.kind !== 'set') return;
  assert.equal(cmd.pid, 99);
  assert.deepEqual(
    cmd.sets.map((s) => [s.resource, s.spec.soft, s.spec.hard]),
    [
      ['nofile', 10n, 20n],
      ['CORE', 'unlimited', 'unlimited'],
      ['RLIMIT_cpu', 'keep', 5n],
    ],
  );
});

void test('usage errors', () => {
  const bad: string[][] = [
    ['--bogus'],
    ['-x'],
    ['--json=yes'],
    ['abc'],
    ['0'],
    ['-5'],
    ['1.5'],
    ['0x10'],
    ['99999999999999999999'],
    ['--set'],
    ['--set', 'nofile=1'],
    ['--set', 'nofile=1', '1', '2'],
    ['--set', 'nofile', '1'],
    ['--set', '=5', '1'],
    ['--set', 'no-file=5', '1'],
    ['--set', 'nofile=abc', '1'],
    ['--set', 'nofile=1:2:3', '1'],
    ['--set', 'nofile=', '1'],
    ['--set', 'nofile=:', '1'],
    ['--set', 'nofile=5:3', '1'],
  ];
  for (const argv of bad) assert.throws(() => parseArgs(argv), UsageError, argv.join(' '));
});

void test('messages name the offending argument', () => {
  assert.throws(() => parseArgs(['12a']), { message: "invalid PID '12a': not a positive integer" });
  assert.throws(() => parseArgs(['--nope']), { message: "unknown option '--nope'" });
  assert.throws(() => parseArgs(['--set', 'nofile=9:8', '1']), /nofile=9:8.*soft limit 9 exceeds hard limit 8/);
});
