// The illumos backend reads binary /proc files with fs; here a tree of them is
// built from the psinfo_t and prcred_t offsets of the facts sheet (§8.3-8.4).
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
const psinfo = (pid: number, nlwp: number, sec: bigint) =>
  image(416, [
    [4, 'i32', nlwp],
    [8, 'i32', pid],
    [16, 'i32', 1300],
    [20, 'i32', 1200],
    [88, 'i64', sec],
    [96, 'i64', 5000n],
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
        [24, 'i32', 2],
        [28, 'u32[]', [10, 14]],
      ]),
    );
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

  it('psinfo for another PID than its directory is a format error', () => {
    tree.write(999, 'psinfo', psinfo(998, 1, 1n));
    assert.throws(() => backend.getPgid!(target(999)), { code: 'EBADMSG' });
  });
});
