import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { NoSuchProcess, Process, procGetUmask, procRlimit, SignalSet } from '../../src/index.js';
import { deadPid, limitsLine, spawnShell } from '../helpers/children.js';

const fdCount = (): number => readdirSync('/proc/self/fd').length;

test('a Process answers every method for a live child', async (t) => {
  const child = await spawnShell('umask 037; exec sleep 60');
  t.after(() => child.stop());
  using p = new Process(child.pid);
  assert.equal(p.pid, child.pid);
  assert.equal(p.isRunning(), true);
  assert.equal(p.getUmask(), 0o037);
  assert.deepEqual(p.getgroups(), []);
  assert.equal(typeof p.getpgid(), 'number');
  assert.equal(typeof p.getsid(), 'number');
  assert.ok(p.getSigmasks().blocked instanceof SignalSet);
  const previous = p.getrlimit('nofile');
  assert.deepEqual(p.rlimit('nofile', [64, 128]), previous);
  assert.deepEqual(p.getrlimit('nofile'), [64, 128]);
  assert.equal(p.asDict({ attrs: ['umask'] }).umask, 0o037);
  assert.equal(
    p.oneshot(() => p.getUmask()),
    0o037,
  );
  assert.equal(procGetUmask(p), 0o037, 'free functions accept a Process');
});

test('defaults to this process', () => {
  using p = new Process();
  assert.equal(p.pid, process.pid);
  assert.equal(p.getUmask(), process.umask());
});

test('after the process exits and is reaped: isRunning() is false, setters throw NoSuchProcess', async () => {
  const child = await spawnShell('exec sleep 60');
  const p = new Process(child.pid);
  await child.stop();
  assert.equal(p.isRunning(), false);
  assert.throws(() => p.rlimit('nofile', [10, 20]), NoSuchProcess);
  assert.throws(() => p.getUmask(), NoSuchProcess);
  assert.throws(() => p.getpgid(), NoSuchProcess);
  p.close();
});

test('setters check identity before writing', async (t) => {
  const child = await spawnShell('exec sleep 60');
  t.after(() => child.stop());
  const p = new Process(child.pid);
  const before = limitsLine(child.pid, 'Max open files');
  Object.defineProperty(p, 'isRunning', { value: () => false });
  assert.throws(() => procRlimit(p, 'nofile', [10, 20]), NoSuchProcess);
  assert.deepEqual(limitsLine(child.pid, 'Max open files'), before);
  p.close();
});

test('holds one descriptor, released by close(); closed handles refuse use', async (t) => {
  const child = await spawnShell('exec sleep 60');
  t.after(() => child.stop());
  const before = fdCount();
  const p = new Process(child.pid);
  assert.equal(fdCount(), before + 1);
  p.close();
  p.close();
  assert.equal(fdCount(), before);
  assert.throws(() => p.getUmask(), { code: 'ERR_INVALID_STATE' });
  assert.throws(() => p.isRunning(), { code: 'ERR_INVALID_STATE' });
  {
    using q = new Process(child.pid);
    assert.equal(fdCount(), before + 1);
    assert.equal(q.isRunning(), true);
  }
  assert.equal(fdCount(), before);
});

test('a missing PID and bad arguments', () => {
  assert.throws(() => new Process(deadPid()), NoSuchProcess);
  assert.throws(() => new Process(0), NoSuchProcess);
  assert.throws(() => new Process('1' as never), { name: 'TypeError' });
});
