// The NetBSD backend without koffi for NetBSD (as on this machine): it reads a
// NetBSD procfs tree, here built in a temporary directory in the formats
// procfs_status.c, procfs_limit.c and procfs_cmdline.c print, with the fd
// directory procfs_readdir lists. Errors go through the one mapping.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('the name from status, decoded as UTF-8', () => {
    tree.write(PID, 'status', Buffer.from(status('1700000000,250').replace(/^sleep/, 'größe')));
    try {
      assert.equal(backend.getName!(target(PID)), 'größe');
    } finally {
      tree.write(PID, 'status', status('1700000000,250'));
    }
  });

  it('the arguments from cmdline; "(comm)", which procfs prints for a system process, is not taken', () => {
    tree.write(PID, 'cmdline', Buffer.from('sleep\x00600\x00\x00x y\x00'));
    assert.deepEqual(backend.getCmdline!(target(PID)), ['sleep', '600', '', 'x y']);
    tree.write(PID, 'cmdline', Buffer.from('(sleep)\0'));
    const err = failure(() => backend.getCmdline!(target(PID)), PID, 'procGetCmdline');
    assert.equal((err as { code?: string }).code, 'ENOTSUP');
    assert.match(err.message, /koffi is needed/);
    tree.write(PID, 'cmdline', Buffer.from('(sleeper)\0'));
    assert.deepEqual(backend.getCmdline!(target(PID)), ['(sleeper)']);
  });

  it('the descriptors are the entries of the fd directory; NOFILE usage is their count', () => {
    mkdirSync(join(tree.root, String(PID), 'fd'), { recursive: true });
    for (const fd of ['0', '1', '2', '7']) writeFileSync(join(tree.root, String(PID), 'fd', fd), '');
    assert.equal(backend.getNumFds!(target(PID)), 4);
    assert.equal(backend.getRlimitUsage!(target(PID), 8), 4);
  });

  it('usage without a per-process figure is undefined; the other figures and uids need koffi', () => {
    for (const resource of [1, 4, 6, 9, 11]) assert.equal(backend.getRlimitUsage!(target(PID), resource), undefined);
    for (const resource of [0, 2, 3, 5, 7, 10]) {
      const err = failure(() => backend.getRlimitUsage!(target(PID), resource), PID, 'procGetrlimitUsage');
      assert.equal((err as { code?: string }).code, 'ENOTSUP', `resource ${resource}`);
      assert.match(err.message, /needs koffi/);
    }
    const uids = failure(() => backend.getUids!(target(PID)), PID, 'procGetUids');
    assert.match(uids.message, /User IDs on NetBSD needs koffi/);
  });

  it("the PIDs are the numeric directories of the view's root, whatever the current path", () => {
    assert.deepEqual(backend.listPids!(currentProcfsView()), [PID]);
    const other = mkdtempSync(join(tmpdir(), 'psutil-extra-netbsd-'));
    try {
      for (const dir of ['curproc', '1', '0', '44', 'self', '0012']) mkdirSync(join(other, dir));
      writeFileSync(join(other, 'curproc', 'status'), status('1,0'));
      writeFileSync(join(other, '99'), 'a file, not a process');
      assert.deepEqual(backend.listPids!({ root: other }), [0, 1, 44]);
      rmSync(join(other, 'curproc'), { recursive: true });
      const err = failure(() => backend.listPids!({ root: other }), 0, 'pids');
      assert.equal((err as { code?: string }).code, 'ENOTSUP');
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
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
