import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { NoSuchProcess, Process, oneshotProc, procGetUmask, procRlimit, SignalSet } from '../../src/index.js';
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

test('new Process takes what every function takes: a ChildProcess, an object with a pid, nothing for this process', async (t) => {
  const child = await spawnShell('umask 027; exec sleep 60');
  t.after(() => child.stop());
  using fromChild = new Process(child.proc);
  assert.equal(fromChild.pid, child.pid);
  assert.equal(fromChild.getUmask(), 0o027);
  using fromObject = new Process({ pid: child.pid });
  assert.equal(fromObject.pid, child.pid);
  using fromHandle = new Process(fromChild);
  assert.equal(fromHandle.pid, child.pid);
  using self = new Process();
  assert.equal(self.pid, process.pid);
  assert.equal(self.getUmask(), process.umask());
  using fromProcess = new Process(process);
  assert.equal(fromProcess.pid, process.pid);
  for (const bad of [{}, { pid: undefined }, { pid: 1.5 }, { pid: '1' }, null]) {
    assert.throws(() => new Process(bad as never), { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' });
  }
  assert.throws(() => new Process({ pid: deadPid() }), NoSuchProcess);
});

test('oneshotProc takes a ChildProcess or an object with a pid, as every function does', async (t) => {
  const child = await spawnShell('umask 027; exec sleep 60');
  t.after(() => child.stop());
  assert.equal(
    oneshotProc(child.proc, () => procGetUmask(child.proc)),
    0o027,
  );
  assert.equal(
    oneshotProc({ pid: child.pid }, () => procGetUmask(child.pid)),
    0o027,
  );
  using p = new Process(child.pid);
  assert.equal(
    oneshotProc(p, () => p.getUmask()),
    0o027,
  );
  assert.throws(() => oneshotProc({ pid: undefined }, () => 0), { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' });
});
