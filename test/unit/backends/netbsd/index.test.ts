// The NetBSD backend without koffi for NetBSD (as on this machine): it reads a
// NetBSD procfs tree, here built in a temporary directory in the formats
// procfs_status.c and procfs_limit.c print. Errors go through the one mapping.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { netbsdBackend as backend } from '../../../../src/backends/netbsd/index.js';
import { target, translatedFailure } from '../../../helpers/translated.js';
import { NoSuchProcess, ZombieProcess } from '../../../../src/errors.js';
import { currentProcfsView } from '../../../../src/procfs-path.js';
import { type ProcTree, procTree } from '../../../helpers/proc-tree.js';
import { deadPid } from '../../../helpers/children.js';

const PID = 4321; // a PID of the tree, not of this machine
const status = (start: string) => `sleep ${PID} 1 ${PID} 4000 -1,-1 sldr ${start} 0,0 0,0 nanoslp 1000 100,0,5\n`;
const line = (label: string, soft: string, hard: string) =>
  `${label.padStart(20)} ${soft.padStart(20)} ${hard.padStart(20)}\n`;

const failure = (op: () => unknown, pid: number, fn: string): Error => translatedFailure(backend, pid, fn, op);

describe('NetBSD backend, procfs route', () => {
  let tree: ProcTree;
  before(() => {
    tree = procTree();
    tree.write('curproc', 'status', status('1700000000,0'));
    tree.write(PID, 'status', status('1700000000,250'));
    tree.write(
      PID,
      'limit',
      ['cputime', 'filesize', 'datasize', 'stacksize', 'coredumpsize', 'memoryuse', 'memorylocked', 'maxproc']
        .map((l) => line(l, '0x7fffffffffffffff', '0x7fffffffffffffff'))
        .join('') + line('descriptors', '128', '3404'),
    );
  });
  after(() => tree.dispose());

  it('groups (after the egid), pgid and sid from status', () => {
    assert.deepEqual(backend.getGroups!(target(PID)), [0, 5]);
    assert.equal(backend.getPgid!(target(PID)), PID);
    assert.equal(backend.getSid!(target(PID)), 4000);
  });

  it('limits from the limit file', () => {
    assert.deepEqual(backend.getRlimit!(target(PID), 8, true), [128n, 3404n]);
    assert.deepEqual(backend.getRlimit!(target(PID), 0, true), [(1n << 63n) - 1n, (1n << 63n) - 1n]);
  });

  it('setting limits and signal masks say they need koffi', () => {
    const set = failure(() => backend.setRlimit!(target(PID), 8, [1n, 2n], true), PID, 'procRlimit');
    assert.equal((set as { code?: string }).code, 'ENOTSUP');
    assert.match(set.message, /Setting limits on NetBSD needs koffi/);
    const masks = failure(() => backend.getSigmasks!(target(PID)), PID, 'procGetSigmasks');
    assert.match(masks.message, /Signal masks on NetBSD needs koffi/);
  });

  it('a hold follows the start time in status', () => {
    const hold = backend.hold!(PID, currentProcfsView());
    assert.equal(hold.alive(), true);
    tree.write(PID, 'status', status('1700000099,0'));
    assert.equal(hold.alive(), false, 'another process now has the PID');
    tree.write(PID, 'status', status('1700000000,250'));
  });

  it('no directory: NoSuchProcess for a dead PID, ZombieProcess for one that still exists', () => {
    const dead = deadPid();
    assert.ok(failure(() => backend.getPgid!(target(dead)), dead, 'procGetpgid') instanceof NoSuchProcess);
    // This test process exists for kill(2) but has no directory in the tree, as
    // a zombie has none in NetBSD's procfs.
    const zombie = failure(() => backend.getPgid!(target(process.pid)), process.pid, 'procGetpgid');
    assert.ok(zombie instanceof ZombieProcess);
  });

  it('a tree that is not a NetBSD procfs is refused with ENOTSUP', () => {
    tree.remove('curproc');
    try {
      const err = failure(() => backend.getPgid!(target(PID)), PID, 'procGetpgid');
      assert.equal((err as { code?: string }).code, 'ENOTSUP');
      assert.match(err.message, /curproc\/status not found/);
    } finally {
      tree.write('curproc', 'status', status('1700000000,0'));
    }
  });
});
