import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { UsageError, parseArgs } from '../../../src/cli/args.js';

const LIST = { columns: undefined, users: [], pids: undefined, header: true, sort: undefined };

void test('no arguments lists every process', () => {
  assert.deepEqual(parseArgs([]), { kind: 'list', json: false, list: LIST, watch: undefined });
  assert.deepEqual(parseArgs(['--json']), { kind: 'list', json: true, list: LIST, watch: undefined });
});

void test('PIDs make a report, options in any position', () => {
  assert.deepEqual(parseArgs(['1', '-j', '42']), { kind: 'report', pids: [1, 42], json: true, watch: undefined });
  assert.deepEqual(parseArgs(['--', '7']), { kind: 'report', pids: [7], json: false, watch: undefined });
  assert.deepEqual(parseArgs(['--watch', '2', '7']), { kind: 'report', pids: [7], json: false, watch: 2 });
});

void test('the list options: -o, --user, --pid, --sort, --no-header, --watch, in every spelling', () => {
  const cmd = parseArgs([
    '-o',
    'pid,COMM',
    '--columns=args',
    '-ouser',
    '--user',
    'root,1000',
    '--user=nobody',
    '-p',
    '5,3',
    '--pid=7',
    '--sort',
    '-files',
    '--no-headers',
    '--watch=0.5',
  ]);
  assert.deepEqual(cmd, {
    kind: 'list',
    json: false,
    list: {
      columns: ['pid', 'name', 'command', 'user'],
      users: ['root', '1000', 'nobody'],
      pids: [5, 3, 7],
      header: false,
      sort: { column: 'files', descending: true },
    },
    watch: 0.5,
  });
  const sort = (value: string): unknown => (parseArgs(['--sort', value]) as { list: { sort: unknown } }).list.sort;
  assert.deepEqual(sort('+pid'), { column: 'pid', descending: false });
  assert.deepEqual(sort('USER'), { column: 'user', descending: false });
  assert.equal((parseArgs(['--watch', '.1']) as { watch: number }).watch, 0.1);
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
    ['-o'],
    ['-o', 'bogus'],
    ['-o', ','],
    ['--sort', 'nope'],
    ['--pid', 'x'],
    ['--pid', '0'],
    ['--user'],
    ['--watch', '0'],
    ['--watch', '0.05'],
    ['--watch', '-1'],
    ['--watch', '1e3'],
    ['--watch', 'soon'],
    ['--watch', '100000'],
    ['--no-header=yes'],
    // List options with PIDs given alone, and anything but --json with --set.
    ['-o', 'pid', '1'],
    ['--sort', 'pid', '1'],
    ['--user', 'root', '1'],
    ['--pid', '2', '1'],
    ['--no-header', '1'],
    ['--watch', '1', '--set', 'nofile=1', '1'],
    ['-o', 'pid', '--set', 'nofile=1', '1'],
  ];
  for (const argv of bad) assert.throws(() => parseArgs(argv), UsageError, argv.join(' '));
});

void test('messages name the offending argument', () => {
  assert.throws(() => parseArgs(['12a']), { message: "invalid PID '12a': not a positive integer" });
  assert.throws(() => parseArgs(['--nope']), { message: "unknown option '--nope'" });
  assert.throws(() => parseArgs(['--set', 'nofile=9:8', '1']), /nofile=9:8.*soft limit 9 exceeds hard limit 8/);
  assert.throws(() => parseArgs(['-o', 'pid,bogus']), /unknown column 'bogus' in --columns; one of: pid pgid/);
  assert.throws(() => parseArgs(['--watch', '0.01']), /invalid --watch '0.01': a number of seconds from 0.1/);
  assert.throws(() => parseArgs(['--sort', 'pid', '42']), /--sort applies to the process list/);
  assert.throws(() => parseArgs(['--pid', '1,x']), { message: "invalid --pid value 'x': not a positive integer" });
});
