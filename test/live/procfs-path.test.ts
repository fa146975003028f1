// setProcfsPath: every Linux read goes through the given tree, and no system
// call takes a PID while it is not /proc. A tree copied from real processes
// stands in for a host's /proc mounted into a container.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  NoSuchProcess,
  ZombieProcess,
  getProcfsPath,
  procGetSigmasks,
  procGetUmask,
  procGetgroups,
  procGetpgid,
  procGetrlimit,
  procGetsid,
  procRlimit,
  setProcfsPath,
} from '../../src/index.js';
import { spawnShell } from '../helpers/children.js';
import { needs } from '../helpers/requirements.js';

const NEEDS_SETPRIV = needs({ root: 'for setpriv to set groups', commands: ['setpriv'] });

function copyTree(pids: number[]): string {
  const root = mkdtempSync(join(tmpdir(), 'procfs-'));
  for (const [name, pid] of [...pids.map((p) => [String(p), p] as const), ['self', process.pid] as const]) {
    mkdirSync(join(root, name));
    // procfs files report size 0, so copy by reading (copy_file_range sees nothing).
    for (const file of ['status', 'stat', 'limits'])
      writeFileSync(join(root, name, file), readFileSync(`/proc/${pid}/${file}`));
  }
  return root;
}

function withRoot(root: string, fn: () => void): void {
  setProcfsPath(root);
  try {
    fn();
  } finally {
    setProcfsPath('/proc');
  }
}

test('reads come from the tree, and match the live process', { skip: NEEDS_SETPRIV }, async (t) => {
  const child = await spawnShell('umask 017; exec setpriv --groups 4,24 sleep 60');
  t.after(() => child.stop());
  const expected = {
    umask: procGetUmask(child.pid),
    groups: procGetgroups(child.pid),
    pgid: procGetpgid(child.pid),
    sid: procGetsid(child.pid),
    nofile: procGetrlimit(child.pid, 'nofile'),
    masks: procGetSigmasks(child.pid),
  };
  const root = copyTree([child.pid]);
  t.after(() => rmSync(root, { recursive: true, force: true }));
  withRoot(root, () => {
    assert.equal(getProcfsPath(), root);
    assert.equal(procGetUmask(child.pid), 0o017);
    assert.deepEqual(procGetgroups(child.pid), [4, 24]);
    assert.equal(procGetpgid(child.pid), expected.pgid);
    assert.equal(procGetsid(child.pid), expected.sid);
    assert.deepEqual(procGetrlimit(child.pid, 'nofile'), expected.nofile);
    assert.deepEqual(procGetSigmasks(child.pid), expected.masks);
    // A PID that is alive here but absent from the tree is gone as far as the tree knows.
    assert.throws(() => procGetpgid(process.pid), NoSuchProcess);
    assert.throws(() => procGetrlimit(process.pid, 'nofile'), NoSuchProcess);
  });
});

test('the tree is what counts, not this namespace: edited values come back', async (t) => {
  const child = await spawnShell('exec sleep 60');
  t.after(() => child.stop());
  const root = copyTree([child.pid]);
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const stat = readFileSync(join(root, String(child.pid), 'stat'), 'latin1');
  const close = stat.lastIndexOf(')');
  const fields = stat.slice(close + 2).split(' ');
  fields[2] = '4242';
  fields[3] = '4343';
  writeFileSync(join(root, String(child.pid), 'stat'), stat.slice(0, close + 2) + fields.join(' '));
  withRoot(root, () => {
    assert.equal(procGetpgid(child.pid), 4242);
    assert.equal(procGetsid(child.pid), 4343);
  });
});

test('setting limits through another tree is ENOTSUP, with the reason', async (t) => {
  const child = await spawnShell('exec sleep 60');
  t.after(() => child.stop());
  const root = copyTree([child.pid]);
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const before = readFileSync(`/proc/${child.pid}/limits`, 'latin1');
  withRoot(root, () => {
    assert.throws(
      () => procRlimit(child.pid, 'nofile', [10, 20]),
      (err: unknown) => {
        const e = err as { code?: string; message?: string };
        return e.code === 'ENOTSUP' && /procfs path/.test(e.message ?? '');
      },
    );
  });
  assert.equal(readFileSync(`/proc/${child.pid}/limits`, 'latin1'), before);
});

test('a kernel without Umask: (before 4.7) is ENOTSUP; a zombie there is ZombieProcess', (t) => {
  const root = mkdtempSync(join(tmpdir(), 'procfs-old-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const status = (state: string): string => `Name:\tsleep\nState:\t${state}\nTgid:\t77\nGroups:\t \n`;
  const stat = (state: string): string => `77 (sleep) ${state} 1 77 77 0 -1 4194560 ${'0 '.repeat(12)}555 0\n`;
  for (const [dir, state] of [
    ['self', 'R (running)'],
    ['77', 'S (sleeping)'],
    ['78', 'Z (zombie)'],
  ] as const) {
    mkdirSync(join(root, dir));
    writeFileSync(join(root, dir, 'status'), status(state));
    writeFileSync(join(root, dir, 'stat'), stat(state[0]!));
  }
  withRoot(root, () => {
    assert.throws(() => procGetUmask(77), { code: 'ENOTSUP' });
    assert.throws(() => procGetUmask(78), { code: 'ENOTSUP' });
    assert.deepEqual(procGetgroups(77), []);
  });
  // With a kernel that has the line, a missing one on a zombie is ZombieProcess.
  const newer = mkdtempSync(join(tmpdir(), 'procfs-new-'));
  t.after(() => rmSync(newer, { recursive: true, force: true }));
  mkdirSync(join(newer, 'self'));
  mkdirSync(join(newer, '78'));
  writeFileSync(join(newer, 'self', 'status'), `Name:\tnode\nUmask:\t0022\nState:\tR (running)\n`);
  writeFileSync(join(newer, '78', 'status'), status('Z (zombie)'));
  writeFileSync(join(newer, '78', 'stat'), stat('Z'));
  withRoot(newer, () => {
    assert.throws(() => procGetUmask(78), ZombieProcess);
  });
});

test('setProcfsPath takes absolute paths only', () => {
  for (const bad of ['', 'proc', './proc', 5, null, '/pr\0oc']) {
    assert.throws(() => setProcfsPath(bad as never), { name: 'TypeError' });
  }
  setProcfsPath('/proc/');
  assert.equal(getProcfsPath(), '/proc');
});
