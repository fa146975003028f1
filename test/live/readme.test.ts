// Runs every ```js block of README.md's library section, as written, in a
// child node process against the built package (dist/, imported as
// 'psutil-extra' through a temporary node_modules symlink to the repository),
// with `pid` bound to a sleeping child this test owns. A block without an
// import gets the section's import block in front of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnCommand } from '../helpers/children.js';
import { DIST, ROOT } from '../helpers/paths.js';

/** The ```js blocks between `## Library` and the next `## ` heading. */
function libraryBlocks(readme: string): string[] {
  const start = readme.indexOf('\n## Library\n');
  assert.notEqual(start, -1, 'README.md has a ## Library section');
  const rest = readme.slice(start + 1);
  const next = rest.indexOf('\n## ', 1);
  const section = next === -1 ? rest : rest.slice(0, next);
  return [...section.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '');
}

test('the README library section has the import block and examples', () => {
  const blocks = libraryBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8'));
  assert.ok(blocks.length >= 3, `found ${blocks.length} js blocks`);
  assert.match(blocks[0] ?? '', /from 'psutil-extra'/);
  for (const block of blocks) assert.doesNotMatch(block, /^\s*using\s/m, 'no `using` in a block Node 20 runs');
});

test('every js block of the README library section runs on this Node against dist/', async (t) => {
  readFileSync(join(DIST, 'index.mjs')); // built
  const blocks = libraryBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8'));
  const prelude = blocks[0] ?? '';
  const child = await spawnCommand(['sleep', '60'], 'sleep');
  t.after(() => child.stop());
  const dir = mkdtempSync(join(tmpdir(), 'psx-readme-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'psutil-extra'), 'dir');
  for (const [i, block] of blocks.entries()) {
    const source = `${/^\s*import\s/m.test(block) ? '' : prelude}\n${block}`;
    const file = join(dir, `block-${i}.mjs`);
    writeFileSync(file, `const pid = Number(process.env.PSX_PID);\n${source}`);
    const run = spawnSync(process.execPath, [file], {
      cwd: dir,
      env: { ...process.env, PSX_PID: String(child.pid) },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(
      run.status,
      0,
      `README block ${i + 1} failed (status ${run.status}, signal ${run.signal}):\n${block}\n--- stderr ---\n${run.stderr}`,
    );
  }
  assert.ok(child.proc.exitCode === null && child.proc.signalCode === null, 'the child is still running');
});
