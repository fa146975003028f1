import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  NoSuchProcess,
  oneshotProc,
  procAsDict,
  procGetSigmasks,
  procGetUmask,
  procGetgroups,
  procGetpgid,
  procGetsid,
} from '../../src/index.js';
import { procfsCounters } from '../../src/backends/linux/procfs.js';
import { deadPid, spawnShell } from '../helpers/children.js';
import { spawnZombie } from '../helpers/zombie.js';

test('procAsDict equals the single functions', async (t) => {
  const child = await spawnShell('umask 027; exec sleep 60');
  t.after(() => child.stop());
  const all = procAsDict(child.pid);
  assert.deepEqual(Object.keys(all).sort(), ['groups', 'pgid', 'sid', 'sigmasks', 'umask']);
  assert.equal(all.umask, 0o027);
  assert.equal(all.umask, procGetUmask(child.pid));
  assert.deepEqual(all.groups, procGetgroups(child.pid));
  assert.deepEqual(all.sigmasks, procGetSigmasks(child.pid));
  assert.equal(all.pgid, procGetpgid(child.pid));
  assert.equal(all.sid, procGetsid(child.pid));
});

test('attrs picks a subset; bad attrs are typed errors', () => {
  assert.deepEqual(Object.keys(procAsDict(process.pid, { attrs: ['umask', 'sid'] })), ['umask', 'sid']);
  assert.throws(() => procAsDict(process.pid, { attrs: ['umask', 'nope'] as never }), {
    name: 'RangeError',
    message: "invalid attr name 'nope'",
  });
  assert.throws(() => procAsDict(process.pid, { attrs: [1] as never }), { name: 'TypeError' });
  assert.throws(() => procAsDict(process.pid, { attrs: 'umask' as never }), { name: 'TypeError' });
});

test('a zombie: its umask becomes adValue, the rest is reported', async (t) => {
  const zombie = await spawnZombie();
  t.after(() => zombie.stop());
  const info = procAsDict(zombie.pid, { adValue: 'n/a' });
  assert.equal(info.umask, 'n/a');
  assert.ok(Array.isArray(info.groups));
  assert.equal(typeof info.pgid, 'number');
  assert.equal(procAsDict(zombie.pid).umask, null, 'default adValue is null');
});

test('NoSuchProcess propagates', () => {
  assert.throws(() => procAsDict(deadPid()), NoSuchProcess);
});

test('each source is read once per PID inside procAsDict and oneshotProc', async (t) => {
  const child = await spawnShell('exec sleep 60');
  t.after(() => child.stop());
  let before = procfsCounters.opens;
  procAsDict(child.pid);
  assert.equal(procfsCounters.opens - before, 1, 'status once; pgid and sid are system calls');
  before = procfsCounters.opens;
  oneshotProc(child.pid, () => {
    procGetUmask(child.pid);
    procGetgroups(child.pid);
    procGetSigmasks(child.pid);
    procAsDict(child.pid);
  });
  assert.equal(procfsCounters.opens - before, 1);
  before = procfsCounters.opens;
  procGetUmask(child.pid);
  procGetgroups(child.pid);
  assert.equal(procfsCounters.opens - before, 2, 'no cache outside a oneshot');
});

test('oneshotProc returns what fn returns, promises included, and validates its pid', async () => {
  assert.equal(
    oneshotProc(process.pid, () => 5),
    5,
  );
  assert.equal(await oneshotProc(process.pid, async () => procGetUmask(process.pid)), process.umask());
  for (const bad of ['1', 1.5, null, NaN]) {
    assert.throws(() => oneshotProc(bad as never, () => 0), {
      name: 'TypeError',
      code: 'ERR_INVALID_ARG_TYPE',
      message: /^The "proc" argument must be /,
    });
  }
  assert.throws(() => oneshotProc(process.pid, 'x' as never), { name: 'TypeError' });
});

test('a oneshot does not let a cached answer outlive it', async (t) => {
  const child = await spawnShell('umask 022; exec sleep 60');
  t.after(() => child.stop());
  let timerSaw = -1;
  await oneshotProc(child.pid, async () => {
    assert.equal(procGetUmask(child.pid), 0o022);
    setTimeout(() => {
      timerSaw = procfsCounters.opens;
      procGetUmask(child.pid);
      timerSaw = procfsCounters.opens - timerSaw;
    }, 5);
  });
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(timerSaw, 1, 'a read after the oneshot ended goes to the kernel');
});
