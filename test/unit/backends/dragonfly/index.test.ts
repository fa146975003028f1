// The DragonFly backend without koffi for DragonFly (as on this machine): it
// reads a procfs tree built in the formats procfs_status.c and
// procfs_rlimit.c print.
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

  it('no directory: NoSuchProcess for a dead PID, ZombieProcess for one that still exists', () => {
    const dead = deadPid();
    assert.ok(failure(() => backend.getRlimit!(target(dead), 8, true), dead, 'procGetrlimit') instanceof NoSuchProcess);
    assert.ok(failure(() => backend.getSid!(target(process.pid)), process.pid, 'procGetsid') instanceof ZombieProcess);
  });
});
