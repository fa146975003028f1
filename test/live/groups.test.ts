import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { NoSuchProcess, procGetgroups } from '../../src/index.js';
import { deadPid, spawnCommand, spawnShell, statusField } from '../helpers/children.js';
import { needs } from '../helpers/requirements.js';

// Only root may give a child other groups or credentials.
const NEEDS_SETPRIV = needs({ root: 'for setpriv to set groups', commands: ['setpriv'] });
const NEEDS_SETPRIV_PS = needs({ root: 'for setpriv to set groups', commands: ['setpriv', 'ps'] });

test('supplementary groups of a setpriv child, in the kernel order', { skip: NEEDS_SETPRIV_PS }, async (t) => {
  const child = await spawnCommand(
    ['setpriv', '--reuid', '65534', '--regid', '65534', '--groups', '4,24,100', 'sleep', '60'],
    'sleep',
  );
  t.after(() => child.stop());
  assert.deepEqual(procGetgroups(child.pid), [4, 24, 100]);
  // Cross-check with procps.
  const ps = execFileSync('ps', ['-o', 'supgid=', '-p', String(child.pid)], { encoding: 'utf8' }).trim();
  assert.deepEqual(ps.split(',').map(Number), [4, 24, 100]);
});

test(
  'a process without supplementary groups gives [] (root here: /proc shows none)',
  { skip: NEEDS_SETPRIV },
  async (t) => {
    const child = await spawnCommand(['setpriv', '--clear-groups', 'sleep', '60'], 'sleep');
    t.after(() => child.stop());
    assert.equal(statusField(child.pid, 'Groups'), '');
    assert.deepEqual(procGetgroups(child.pid), []);
  },
);

test('our own groups match /proc, not process.getgroups() (which adds the egid)', async () => {
  const line = statusField(process.pid, 'Groups') ?? '';
  assert.deepEqual(procGetgroups(process.pid), line === '' ? [] : line.split(' ').map(Number));
});

test('groups given unsorted come back in the kernel order', { skip: NEEDS_SETPRIV }, async (t) => {
  const child = await spawnShell('exec setpriv --groups 100,4,24 sleep 60');
  t.after(() => child.stop());
  // setgroups(2) sorts the list in the kernel (groups_sort), so the kernel order is ascending.
  assert.deepEqual(procGetgroups(child.pid), [4, 24, 100]);
});

test('a reaped PID is NoSuchProcess', () => {
  assert.throws(() => procGetgroups(deadPid()), NoSuchProcess);
});
