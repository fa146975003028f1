import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { NoSuchProcess, procGetpgid, procGetsid } from '../../src/index.js';
import { deadPid, statIds, statusField, waitFor } from '../helpers/children.js';
import { needs } from '../helpers/requirements.js';
import { spawnZombie } from '../helpers/zombie.js';

test('a detached child leads its own session and group', async (t) => {
  const child = spawn('sleep', ['60'], { detached: true, stdio: 'ignore' });
  const pid = child.pid!;
  t.after(() => {
    child.kill('SIGKILL');
  });
  await waitFor(() => statusField(pid, 'Name') === 'sleep', 'sleep');
  assert.equal(procGetpgid(pid), pid);
  assert.equal(procGetsid(pid), pid);
  assert.equal(procGetpgid(child), pid);
});

test('a child in our group and session reports ours', async (t) => {
  const child = spawn('sleep', ['60'], { stdio: 'ignore' });
  t.after(() => {
    child.kill('SIGKILL');
  });
  const pid = child.pid!;
  await waitFor(() => statusField(pid, 'Name') === 'sleep', 'sleep');
  const own = statIds(process.pid);
  assert.equal(procGetpgid(pid), own.pgid);
  assert.equal(procGetsid(pid), own.sid);
});

test('matches ps for every process on the machine', { skip: needs({ commands: ['ps'] }) }, () => {
  const out = execFileSync('ps', ['-e', '-o', 'pid=,pgid=,sid='], { encoding: 'utf8' });
  let checked = 0;
  for (const row of out.trim().split('\n')) {
    const [pid, pgid, sid] = row.trim().split(/\s+/).map(Number) as [number, number, number];
    try {
      assert.equal(procGetpgid(pid), pgid, `pgid of ${pid}`);
      assert.equal(procGetsid(pid), sid, `sid of ${pid}`);
      checked++;
    } catch (err) {
      if (!(err instanceof NoSuchProcess)) throw err; // exited since ps ran
    }
  }
  assert.ok(checked > 3, `checked ${checked} processes`);
});

test('a zombie still has its group and session', async (t) => {
  const zombie = await spawnZombie();
  t.after(() => zombie.stop());
  const expected = statIds(zombie.pid);
  assert.equal(procGetpgid(zombie.pid), expected.pgid);
  assert.equal(procGetsid(zombie.pid), expected.sid);
});

test('never -1: a reaped PID and PID 0 are NoSuchProcess', () => {
  for (const pid of [deadPid(), 0, -1]) {
    assert.throws(() => procGetpgid(pid), NoSuchProcess);
    assert.throws(() => procGetsid(pid), NoSuchProcess);
  }
});
