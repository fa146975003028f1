// --set (src/cli/set.ts) against live children, read back from /proc/PID/limits.
import { after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { type Child, deadPid, limitsLine, spawnCommand, spawnShell } from '../../helpers/children.js';
import { runCli } from '../../helpers/cli.js';
import { needs } from '../../helpers/requirements.js';

// prlimit(1) sets the limits a case starts from.
const NEEDS_PRLIMIT = needs({ commands: ['prlimit'] });

const children: Child[] = [];
after(async () => {
  await Promise.all(children.map((c) => c.stop()));
});

async function sleeper(): Promise<Child> {
  const child = await spawnShell('exec sleep 60');
  children.push(child);
  return child;
}

void test('soft:hard, soft:, :hard and a single value, each read back from /proc', async () => {
  const { pid } = await sleeper();
  const steps: [string, [string, string]][] = [
    ['nofile=100:200', ['100', '200']],
    ['nofile=50:', ['50', '200']],
    ['NOFILE=:150', ['50', '150']],
    ['RLIMIT_NOFILE=120', ['120', '120']],
  ];
  for (const [spec, expected] of steps) {
    const r = runCli(['--set', spec, pid]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.deepEqual(limitsLine(pid, 'Max open files'), expected, spec);
  }
});

void test('old and new values are printed, as text and as JSON', { skip: NEEDS_PRLIMIT }, async () => {
  const { pid } = await sleeper();
  spawnSync('prlimit', ['--pid', String(pid), '--nofile=300:400']);
  const r = runCli(['--set', 'nofile=100:200', pid]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.stdout.split('\n'), [
    'RESOURCE OLD SOFT OLD HARD NEW SOFT NEW HARD',
    'NOFILE        300      400      100      200',
    '',
  ]);
  const j = runCli(['--json', '--set', 'nofile=:150', pid]);
  assert.equal(j.status, 0, j.stderr);
  assert.deepEqual(JSON.parse(j.stdout), [
    { pid, resource: 'nofile', old: { soft: 100, hard: 200 }, new: { soft: 100, hard: 150 } },
  ]);
});

void test('unlimited and -1 set RLIM_INFINITY; several --set apply in order', { skip: NEEDS_PRLIMIT }, async () => {
  const { pid } = await sleeper();
  // Lowering the soft limit needs no privilege; the hard limit must already be unlimited.
  const pre = spawnSync('prlimit', ['--pid', String(pid), '--cpu=100:unlimited', '--fsize=5:unlimited'], {
    encoding: 'utf8',
  });
  assert.equal(pre.status, 0, pre.stderr);
  const r = runCli(['--set', 'cpu=unlimited', '--set', 'fsize=-1:', '--set', 'core=0:0', pid]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(limitsLine(pid, 'Max cpu time'), ['unlimited', 'unlimited']);
  assert.deepEqual(limitsLine(pid, 'Max file size'), ['unlimited', 'unlimited']);
  assert.deepEqual(limitsLine(pid, 'Max core file size'), ['0', '0']);
  assert.equal(r.stdout.split('\n').filter((l) => /^(CPU|FSIZE|CORE) /.test(l)).length, 3);
});

void test(
  'soft above the hard limit it would keep: status 1 before the kernel is asked',
  { skip: NEEDS_PRLIMIT },
  async () => {
    const { pid } = await sleeper();
    spawnSync('prlimit', ['--pid', String(pid), '--nofile=100:200']);
    const r = runCli(['--set', 'nofile=300:', pid]);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, `psutil-extra: pid ${pid}: cannot set nofile: soft limit 300 would exceed hard limit 200\n`);
    assert.deepEqual(limitsLine(pid, 'Max open files'), ['100', '200']);
  },
);

void test(
  'raising a hard limit without CAP_SYS_RESOURCE: access denied, status 1, limits unchanged',
  { skip: NEEDS_PRLIMIT },
  async () => {
    const { pid } = await sleeper();
    spawnSync('prlimit', ['--pid', String(pid), '--nofile=100:200']);
    const r = runCli(['--set', 'nofile=100:300', pid]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, new RegExp(`^psutil-extra: pid ${pid}: cannot set nofile: access denied \\(EPERM\\)\\n$`));
    assert.deepEqual(limitsLine(pid, 'Max open files'), ['100', '200']);
  },
);

void test(
  "another user's process: access denied, status 1",
  { skip: needs({ root: 'for setpriv --reuid', commands: ['setpriv'] }) },
  async () => {
    const child = await spawnCommand(
      ['setpriv', '--reuid', '65534', '--regid', '65534', '--clear-groups', 'sleep', '60'],
      'sleep',
    );
    children.push(child);
    const before = limitsLine(child.pid, 'Max open files');
    const r = runCli(['--set', 'nofile=10:20', child.pid]);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.split('\n').length, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`pid ${child.pid}: .*access denied`));
    assert.deepEqual(limitsLine(child.pid, 'Max open files'), before);
  },
);

void test('a PID that does not exist: status 1, no such process', () => {
  const pid = deadPid();
  const r = runCli(['--set', 'nofile=10', pid]);
  assert.equal(r.status, 1);
  assert.equal(r.stderr, `psutil-extra: pid ${pid}: cannot set nofile: no such process\n`);
});

void test('usage errors: status 2 and nothing changed', { skip: NEEDS_PRLIMIT }, async () => {
  const { pid } = await sleeper();
  spawnSync('prlimit', ['--pid', String(pid), '--nofile=100:200']);
  const cases: (string | number)[][] = [
    ['--set', 'nofile=50', '--set', 'bogus=1', pid],
    ['--set', 'nofile=abc', pid],
    ['--set', 'nofile=1:2:3', pid],
    ['--set', 'nofile=60:50', pid],
    ['--set', 'nofile=50', pid, pid],
    ['--set', 'nofile=50'],
  ];
  for (const args of cases) {
    const r = runCli(args);
    assert.equal(r.status, 2, args.join(' '));
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^psutil-extra: /);
  }
  assert.deepEqual(limitsLine(pid, 'Max open files'), ['100', '200']);
});
