// Bun and Deno (devDependencies) give the same answers as Node for every
// public function, through scripts/test-runtimes.mjs and
// scripts/runtime-smoke.mjs; Deno without -A is refused with an AccessDenied
// that names the permission; and the portable tests (scripts/portable-tests.mjs)
// pass under both.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths.js';

for (const runtime of ['bun', 'deno']) {
  const installed = existsSync(join(ROOT, 'node_modules', '.bin', runtime));
  test(`${runtime} answers as Node does`, { skip: installed ? false : `needs ${runtime} (npm ci)` }, () => {
    const r = spawnSync(process.execPath, ['scripts/test-runtimes.mjs', runtime], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
    assert.match(r.stdout, new RegExp(`^ok ${runtime}: `, 'm'));
    if (runtime === 'deno') assert.match(r.stdout, /^ok deno without -A: .*Deno needs --allow-all \(-A\)/m);
    assert.match(r.stdout, new RegExp(`^ok ${runtime}: the portable tests, [1-9]\\d* passed, 0 failed$`, 'm'));
  });
}
