import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NoSuchProcess, ZombieProcess, procGetUmask } from '../../src/index.js';
import { deadPid, spawnShell, statusField } from '../helpers/children.js';
import { spawnZombie } from '../helpers/zombie.js';

test('reads a child umask of 077 without changing it', async (t) => {
  const child = await spawnShell('umask 077; exec sleep 60');
  t.after(() => child.stop());
  assert.equal(procGetUmask(child.pid), 0o077);
  assert.equal(procGetUmask(child.proc), 0o077, 'a ChildProcess works as proc');
  assert.equal(statusField(child.pid, 'Umask'), '0077');
});

test('reads our own umask, matching process.umask()', () => {
  assert.equal(procGetUmask(process.pid), process.umask());
  assert.equal(procGetUmask(process), process.umask());
});

test('a zombie is ZombieProcess, not ENOTSUP', async (t) => {
  const zombie = await spawnZombie();
  t.after(() => zombie.stop());
  assert.throws(
    () => procGetUmask(zombie.pid),
    (err: unknown) => err instanceof ZombieProcess && err.pid === zombie.pid,
  );
});

test('a reaped PID, 0, negatives and PIDs past pid_max are NoSuchProcess', () => {
  for (const pid of [deadPid(), 0, -0, -1, 2 ** 31, 2 ** 53 - 1]) {
    assert.throws(
      () => procGetUmask(pid),
      (err: unknown) => err instanceof NoSuchProcess && !(err instanceof ZombieProcess) && err.code === 'ESRCH',
      `pid ${pid}`,
    );
  }
});
