// The illumos backend reads binary /proc files with fs; here a tree of them is
// built from the psinfo_t, pstatus_t and prcred_t offsets of
// docs/platform-facts.md ("illumos / Solaris").
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { sunosBackend as backend } from '../../../../src/backends/sunos/index.js';
import { target, translatedFailure } from '../../../helpers/translated.js';
import { NoSuchProcess, ZombieProcess } from '../../../../src/errors.js';
import { currentProcfsView } from '../../../../src/procfs-path.js';
import { type ProcTree, procTree } from '../../../helpers/proc-tree.js';
import { image } from '../../../helpers/image.js';
import { deadPid } from '../../../helpers/children.js';

const PID = 1357;
const ZOMBIE = 1359;
const psinfo = (pid: number, nlwp: number, sec: bigint) => {
  const buf = image(416, [
    [4, 'i32', nlwp],
    [8, 'i32', pid],
    [16, 'i32', 1300],
    [20, 'i32', 1200],
    [88, 'i64', sec],
    [96, 'i64', 5000n],
    [104, 'i64', 3n], // pr_time
    [112, 'i64', 250_000_000n],
  ]);
  // prgetpsinfo copies u_comm only while an LWP remains.
  if (nlwp > 0) Buffer.from('bash\0').copy(buf, 136);
  return buf;
};
const pstatus = (pid: number) =>
  image(1200, [
    [8, 'i32', pid], // pr_pid
    [56, 'u64', 1n << 20n], // pr_brksize
    [72, 'u64', 8192n], // pr_stksize
  ]);

const failure = (op: () => unknown, pid: number, fn: string): Error => translatedFailure(backend, pid, fn, op);

describe('illumos backend over /proc files', () => {
  let tree: ProcTree;
  before(() => {
    tree = procTree();
    tree.write('self', 'psinfo', psinfo(1, 1, 1n));
    tree.write(PID, 'psinfo', psinfo(PID, 2, 1_700_000_000n));
    tree.write(
      PID,
      'cred',
      image(36, [
        [0, 'u32', 100], // pr_euid
        [4, 'u32', 101], // pr_ruid
        [8, 'u32', 102], // pr_suid
        [24, 'i32', 2],
        [28, 'u32[]', [10, 14]],
      ]),
    );
    tree.write(PID, 'status', pstatus(PID));
    mkdirSync(join(tree.root, String(PID), 'fd'));
    for (const fd of ['0', '1', '2']) writeFileSync(join(tree.root, String(PID), 'fd', fd), '');
    tree.write(ZOMBIE, 'psinfo', psinfo(ZOMBIE, 0, 1_700_000_000n)); // only psinfo remains for a zombie
  });
  after(() => tree.dispose());

  it('pgid and sid from psinfo, groups from cred', () => {
    assert.equal(backend.getPgid!(target(PID)), 1300);
    assert.equal(backend.getSid!(target(PID)), 1200);
    assert.deepEqual(backend.getGroups!(target(PID)), [10, 14]);
  });

  it('a zombie keeps psinfo: pgid answers, groups are ZombieProcess', () => {
    assert.equal(backend.getPgid!(target(ZOMBIE)), 1300);
    assert.ok(failure(() => backend.getGroups!(target(ZOMBIE)), ZOMBIE, 'procGetgroups') instanceof ZombieProcess);
  });

  it('the name from pr_fname, the uids from cred', () => {
    assert.equal(backend.getName!(target(PID)), 'bash');
    assert.deepEqual(backend.getUids!(target(PID)), { real: 101, effective: 100, saved: 102 });
  });

  it("a zombie's psinfo has no name: ZombieProcess; its descriptors are closed: 0", () => {
    assert.ok(failure(() => backend.getName!(target(ZOMBIE)), ZOMBIE, 'procGetName') instanceof ZombieProcess);
    assert.ok(failure(() => backend.getUids!(target(ZOMBIE)), ZOMBIE, 'procGetUids') instanceof ZombieProcess);
    assert.equal(backend.getNumFds!(target(ZOMBIE)), 0);
  });

  it('descriptors from the fd directory; usage from pr_time, pr_brksize and pr_stksize', () => {
    assert.equal(backend.getNumFds!(target(PID)), 3);
    assert.equal(backend.getRlimitUsage!(target(PID), 0), 3.25, 'CPU seconds');
    assert.equal(backend.getRlimitUsage!(target(PID), 2), 1 << 20, 'DATA bytes');
    assert.equal(backend.getRlimitUsage!(target(PID), 3), 8192, 'STACK bytes');
    assert.equal(backend.getRlimitUsage!(target(PID), 5), 3, 'NOFILE');
    for (const resource of [1, 4, 6]) assert.equal(backend.getRlimitUsage!(target(PID), resource), undefined);
  });

  it("the PIDs are the numeric directories of the view's root, zombies included", () => {
    assert.deepEqual(backend.listPids!(currentProcfsView()), [PID, ZOMBIE]);
    const other = mkdtempSync(join(tmpdir(), 'psutil-extra-illumos-'));
    try {
      for (const dir of ['self', '0', '1', '3']) mkdirSync(join(other, dir));
      writeFileSync(join(other, 'self', 'psinfo'), psinfo(1, 1, 1n));
      assert.deepEqual(backend.listPids!({ root: other }), [0, 1, 3]);
      rmSync(join(other, 'self'), { recursive: true });
      const err = failure(() => backend.listPids!({ root: other }), 0, 'pids');
      assert.equal((err as { code?: string }).code, 'ENOTSUP');
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('a dead PID is NoSuchProcess', () => {
    const dead = deadPid();
    assert.ok(failure(() => backend.getSid!(target(dead)), dead, 'procGetsid') instanceof NoSuchProcess);
    assert.ok(failure(() => backend.hold!(dead, currentProcfsView()), dead, 'Process') instanceof NoSuchProcess);
  });

  it('a hold compares pr_start', () => {
    const hold = backend.hold!(PID, currentProcfsView());
    assert.equal(hold.alive(), true);
    tree.write(PID, 'psinfo', psinfo(PID, 1, 1_700_000_001n));
    assert.equal(hold.alive(), false);
  });

  it('a held process that has just become a zombie (pr_start 0) is ZombieProcess, not NoSuchProcess', () => {
    const HELD = 1361;
    tree.write(HELD, 'psinfo', psinfo(HELD, 1, 1_700_000_002n));
    const hold = backend.hold!(HELD, currentProcfsView());
    // prgetpsinfo with no thread left: bzero of the whole psinfo_t, pr_start never filled.
    tree.write(
      HELD,
      'psinfo',
      image(416, [
        [8, 'i32', HELD],
        [16, 'i32', 1300],
        [20, 'i32', 1200],
      ]),
    );
    assert.equal(hold.alive(), true);
    const held = { ...target(HELD), alive: () => hold.alive() };
    assert.ok(failure(() => backend.getName!(held), HELD, 'procGetName') instanceof ZombieProcess);
    assert.equal(backend.getSid!(held), 1200);
  });

  it('psinfo for another PID than its directory is a format error', () => {
    tree.write(999, 'psinfo', psinfo(998, 1, 1n));
    assert.throws(() => backend.getPgid!(target(999)), { code: 'EBADMSG' });
  });
});
