// oneshotProc and procAsDict read each /proc file once per PID, counted at the
// procfs seam. In a copied procfs tree no system call may take a PID, so
// every function reads a file: status (umask, groups, masks), stat
// (pgid, sid) and limits; each must be opened once per PID however often it is
// asked for, and again in a later oneshot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  oneshotProc,
  procAsDict,
  procGetSigmasks,
  procGetUmask,
  procGetgroups,
  procGetpgid,
  procGetrlimit,
  procGetsid,
  setProcfsPath,
} from '../../src/index.js';
import { procfsCounters } from '../../src/backends/linux/procfs.js';
import { spawnShell } from '../helpers/children.js';
import { needs } from '../helpers/requirements.js';

// Every function, each asked twice, and procAsDict on top.
function everything(pid: number): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < 2; i++) {
    out.push(procGetUmask(pid), procGetgroups(pid), procGetSigmasks(pid));
    out.push(procGetpgid(pid), procGetsid(pid), procGetrlimit(pid, 'nofile'), procGetrlimit(pid, 'stack'));
    out.push(procAsDict(pid));
  }
  return out;
}

function opensDuring(fn: () => void): number {
  const before = procfsCounters.opens;
  fn();
  return procfsCounters.opens - before;
}

const NEEDS_SETPRIV = needs({ root: 'for setpriv to set groups', commands: ['setpriv'] });

test('in a copied tree, a oneshot opens status, stat and limits once per PID', { skip: NEEDS_SETPRIV }, async (t) => {
  const a = await spawnShell('umask 027; exec sleep 60');
  t.after(() => a.stop());
  const b = await spawnShell('exec setpriv --groups 7,8 sleep 60');
  t.after(() => b.stop());
  const expected = [a.pid, b.pid].map((pid) => everything(pid));

  const root = mkdtempSync(join(tmpdir(), 'reads-once-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  for (const [name, pid] of [
    [String(a.pid), a.pid],
    [String(b.pid), b.pid],
    ['self', process.pid],
  ] as const) {
    mkdirSync(join(root, name));
    for (const file of ['status', 'stat', 'limits']) {
      writeFileSync(join(root, name, file), readFileSync(`/proc/${pid}/${file}`));
    }
  }
  setProcfsPath(root);
  t.after(() => setProcfsPath('/proc'));

  // Outside a oneshot every call reads: 3 status, 2 stat, 2 limits, plus the
  // as-dict's status and stat (its pgid and sid share one stat read), twice over.
  assert.equal(
    opensDuring(() => everything(a.pid)),
    2 * (3 + 2 + 2 + 2),
  );

  let seen: unknown[] = [];
  assert.equal(
    opensDuring(() => (seen = oneshotProc(a.pid, () => everything(a.pid)))),
    3,
    'status, stat and limits once each',
  );
  assert.deepEqual(seen, expected[0], 'the cached reads give what live reads gave');

  // A nested oneshot for a second PID caches that PID's files too, once each.
  assert.equal(
    opensDuring(() => oneshotProc(a.pid, () => oneshotProc(b.pid, () => [everything(a.pid), everything(b.pid)]))),
    6,
  );
  // And procAsDict alone: its status once, its stat once (pgid and sid).
  assert.equal(
    opensDuring(() => procAsDict(b.pid)),
    2,
  );
  // A later oneshot does not reuse the earlier one's bytes.
  assert.equal(
    opensDuring(() => oneshotProc(a.pid, () => everything(a.pid))),
    3,
  );
});

test('on /proc, procAsDict and a oneshot open only status; the rest are system calls', async (t) => {
  const child = await spawnShell('exec sleep 60');
  t.after(() => child.stop());
  everything(child.pid);
  assert.equal(
    opensDuring(() => oneshotProc(child.pid, () => everything(child.pid))),
    1,
  );
  assert.equal(
    opensDuring(() => procAsDict(child.pid)),
    1,
  );
});
