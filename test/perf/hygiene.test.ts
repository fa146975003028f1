// Resource hygiene: 100,000 calls of every public function, on a live
// process, a dead PID and another user's process, leave the process with no more
// descriptors than before and a flat heap. The calls run in a child node with
// --expose-gc (hygiene-worker.ts), so heap figures are taken after full GCs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { deadPid, spawnCommand } from '../helpers/children.js';
import { needs } from '../helpers/requirements.js';
import type { CaseResult, HygieneTargets } from './hygiene-worker.js';

const CALLS = 100_000;
// Keeping one object per call would retain at least 16 bytes x 100,000 = 1.6 MB;
// what a full GC leaves varies by far less than this.
const HEAP_TOLERANCE = 1024 * 1024;

// One of the targets is another user's process, which only root may start.
const NEEDS_OTHER_USER = needs({ root: 'for setpriv --reuid', commands: ['setpriv'] });

test(
  '100,000 calls of every function leak no descriptor and no heap',
  { timeout: 900_000, skip: NEEDS_OTHER_USER },
  async (t) => {
    const live = await spawnCommand(['sleep', '1000'], 'sleep');
    t.after(() => live.stop());
    const other = await spawnCommand(
      ['setpriv', '--reuid', '65534', '--regid', '65534', '--clear-groups', 'sleep', '1000'],
      'sleep',
    );
    t.after(() => other.stop());
    const targets: HygieneTargets = { live: live.pid, dead: deadPid(), other: other.pid, calls: CALLS };
    const worker = join(__dirname, 'hygiene-worker.js');
    const run = spawnSync(process.execPath, ['--expose-gc', worker, JSON.stringify(targets)], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    assert.equal(run.status, 0, run.stderr);
    const results = JSON.parse(run.stdout) as CaseResult[];
    assert.equal(results.length, 23, 'every case ran');
    for (const r of results) {
      assert.equal(r.calls, CALLS);
      assert.equal(r.unexpected, 0, `${r.name}: every call gave the expected outcome`);
      assert.ok(r.fdsAfter <= r.fdsBefore, `${r.name}: ${r.fdsBefore} descriptors before, ${r.fdsAfter} after`);
      const heap = r.heapAfter - r.heapBefore;
      assert.ok(heap < HEAP_TOLERANCE, `${r.name}: heap grew by ${heap} bytes`);
      const buffers = r.buffersAfter - r.buffersBefore;
      assert.ok(buffers < HEAP_TOLERANCE, `${r.name}: array buffers grew by ${buffers} bytes`);
    }
  },
);
