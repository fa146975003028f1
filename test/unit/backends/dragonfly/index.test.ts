// The DragonFly backend without koffi for DragonFly (as on this machine): it
// reads a procfs tree built in the formats procfs_status.c and
// procfs_rlimit.c print.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { dragonflyBackend as backend } from '../../../../src/backends/dragonfly/index.js';
import { target, translatedFailure } from '../../../helpers/translated.js';
import { NoSuchProcess, ZombieProcess } from '../../../../src/errors.js';
import { currentProcfsView } from '../../../../src/procfs-path.js';
import { type ProcTree, procTree } from '../../../helpers/proc-tree.js';
import { deadPid } from '../../../helpers/children.js';

const PID = 2468;
const STATUS = `my app ${PID} 1 2400 2000 -1,-1 noflags 1690000000,7 0,0 0,0 nanslp 1001 1001 1001,1001,20 -\n`;
const RLIMIT = 'cpu -1 -1\nfsize -1 -1\ndata 536870912 -1\nstack 8388608 536870912\ncore -1 -1\nrss -1 -1\n'.concat(
  'memlock -1 -1\nnproc 2730 2730\nnofile 16384 16384\nsbsize -1 -1\nvmem -1 -1\nposixlock -1 -1\n',
);

const failure = (op: () => unknown, pid: number, fn: string): Error => translatedFailure(backend, pid, fn, op);

describe('DragonFly backend, procfs route', () => {
  let tree: ProcTree;
  before(() => {
    tree = procTree();
    tree.write('curproc', 'status', STATUS);
    tree.write(PID, 'status', STATUS);
    tree.write(PID, 'rlimit', RLIMIT);
  });
  after(() => tree.dispose());

  it('groups (egid first), pgid and sid from status, whatever the command name holds', () => {
    assert.deepEqual(backend.getGroups!(target(PID)), [1001, 20]);
    assert.equal(backend.getPgid!(target(PID)), 2400);
    assert.equal(backend.getSid!(target(PID)), 2000);
  });

  it("the session ID: the leader's PID procfs prints, refused once the leader has exited (0)", () => {
    const ORPHAN = 2470;
    // procfs_dostatus: "comm pid ppid pgid sid maj,min flags start ut st wmsg euid ruid rgid,groups jail",
    // sid being sess->s_leader's PID, or 0 when s_leader is NULL.
    tree.write(
      ORPHAN,
      'status',
      `orphan ${ORPHAN} 1 ${ORPHAN} 0 -1,-1 noflags 1690000001,0 0,0 0,0 nanslp 1001 1001 1001,1001 -\n`,
    );
    try {
      assert.equal(backend.getSid!(target(PID)), 2000);
      const err = failure(() => backend.getSid!(target(ORPHAN)), ORPHAN, 'procGetsid');
      assert.equal((err as { code?: string }).code, 'ENOTSUP');
      assert.match(err.message, /leader has exited/);
      // The other columns of the same line still answer.
      assert.equal(backend.getPgid!(target(ORPHAN)), ORPHAN);
    } finally {
      tree.remove(ORPHAN);
    }
  });

  it('limits from the rlimit file, -1 as RLIM_INFINITY', () => {
    assert.deepEqual(backend.getRlimit!(target(PID), 8, true), [16384n, 16384n]);
    assert.deepEqual(backend.getRlimit!(target(PID), 2, true), [536870912n, backend.rlimInfinity]);
  });

  it('a hold knows the process by its start time', () => {
    const hold = backend.hold!(PID, currentProcfsView());
    assert.equal(hold.alive(), true);
    tree.remove(PID);
    assert.equal(hold.alive(), false);
    tree.write(PID, 'status', STATUS);
    tree.write(PID, 'rlimit', RLIMIT);
  });

  it('the name from status, spaces and all', () => {
    assert.equal(backend.getName!(target(PID)), 'my app');
  });

  it('arguments, uids, descriptor counts and usage figures need koffi; resources without a figure are undefined', () => {
    const cases: [string, () => unknown, RegExp][] = [
      ['procGetCmdline', () => backend.getCmdline!(target(PID)), /Arguments on DragonFly BSD needs koffi/],
      ['procGetUids', () => backend.getUids!(target(PID)), /User IDs on DragonFly BSD needs koffi/],
      ['procNumFds', () => backend.getNumFds!(target(PID)), /Descriptor counts on DragonFly BSD needs koffi/],
      [
        'procGetrlimitUsage',
        () => backend.getRlimitUsage!(target(PID), 0),
        /Usage figures on DragonFly BSD needs koffi/,
      ],
    ];
    for (const [fn, op, message] of cases) {
      const err = failure(op, PID, fn);
      assert.equal((err as { code?: string }).code, 'ENOTSUP', fn);
      assert.match(err.message, message);
    }
    for (const resource of [1, 4, 6, 9, 11]) assert.equal(backend.getRlimitUsage!(target(PID), resource), undefined);
  });

  it("the PIDs are the numeric directories of the view's root, whatever the current path", () => {
    assert.deepEqual(backend.listPids!(currentProcfsView()), [PID]);
    const other = mkdtempSync(join(tmpdir(), 'psutil-extra-dragonfly-'));
    try {
      for (const dir of ['curproc', '0', '11', '7']) mkdirSync(join(other, dir));
      writeFileSync(join(other, 'curproc', 'status'), STATUS);
      assert.deepEqual(backend.listPids!({ root: other }), [0, 7, 11]);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
    const err = failure(() => backend.listPids!({ root: '/nonexistent-procfs' }), 0, 'pids');
    assert.equal((err as { code?: string }).code, 'ENOTSUP');
  });

  it('no directory: NoSuchProcess for a dead PID, ZombieProcess for one that still exists', () => {
    const dead = deadPid();
    assert.ok(failure(() => backend.getRlimit!(target(dead), 8, true), dead, 'procGetrlimit') instanceof NoSuchProcess);
    assert.ok(failure(() => backend.getSid!(target(process.pid)), process.pid, 'procGetsid') instanceof ZombieProcess);
  });
});
