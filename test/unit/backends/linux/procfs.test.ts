// The procfs seam's shared buffer: a view kept past a read stays valid, because
// the keeper is told before the next read overwrites it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { borrowLastRead, readProcFile } from '../../../../src/backends/linux/procfs.js';

test('a borrowed view is handed back before the next read overwrites it', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'procfs-seam-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'a'), 'first file\n');
  writeFileSync(join(dir, 'b'), 'SECOND FILE, LONGER\n');

  const view = readProcFile(join(dir, 'a'), 'status', false);
  let kept: string | undefined;
  let calls = 0;
  borrowLastRead(() => {
    calls++;
    kept = view.toString('latin1');
  });
  assert.equal(calls, 0, 'nothing happens until another read');
  const second = readProcFile(join(dir, 'b'), 'status', false);
  assert.equal(calls, 1);
  assert.equal(kept, 'first file\n', 'the keeper saw the first bytes intact');
  assert.equal(second.toString('latin1'), 'SECOND FILE, LONGER\n');
  assert.notEqual(view.toString('latin1'), 'first file\n', 'the old view now shows the new read');

  readProcFile(join(dir, 'a'), 'status', false);
  assert.equal(calls, 1, 'a keeper is told once');
});
