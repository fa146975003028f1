// The package as users get it: its exports map from ESM and CommonJS, one set
// of classes for both, declarations shipped, and what `npm pack` puts in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths.js';
import { needs } from '../helpers/requirements.js';

function consumer(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'psutil-extra-consumer-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'psutil-extra'), 'dir');
  return dir;
}

test('imports from ESM and requires from CommonJS, sharing one set of classes', (t) => {
  const dir = consumer(t);
  writeFileSync(
    join(dir, 'check.mjs'),
    `import { procGetUmask, NoSuchProcess, availability } from 'psutil-extra';
import def from 'psutil-extra';
import { createRequire } from 'node:module';
const cjs = createRequire(import.meta.url)('psutil-extra');
console.log(JSON.stringify({
  umask: procGetUmask(process.pid),
  same: cjs.NoSuchProcess === NoSuchProcess && def.procGetUmask === procGetUmask,
  linux: availability.procGetUmask,
}));`,
  );
  const out = JSON.parse(execFileSync(process.execPath, ['check.mjs'], { cwd: dir, encoding: 'utf8' })) as {
    umask: number;
    same: boolean;
    linux: boolean;
  };
  assert.deepEqual(out, { umask: process.umask(), same: true, linux: true });
});

test('importing does not load koffi until a system call is needed', (t) => {
  const dir = consumer(t);
  const script = `const m = require('psutil-extra');
const loaded = () => Object.keys(require.cache).some((k) => k.includes('/koffi/'));
const before = loaded(); m.procGetUmask(process.pid); const afterRead = loaded();
m.procGetpgid(process.pid); console.log(JSON.stringify([before, afterRead, loaded()]));`;
  const out = execFileSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' });
  assert.deepEqual(JSON.parse(out), [false, false, true]);
});

test('npm pack ships the build, declarations and the command', { skip: needs({ commands: ['npm'] }) }, () => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  const files = (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
  for (const f of ['dist/index.js', 'dist/index.mjs', 'dist/index.d.ts', 'dist/index.d.mts', 'package.json']) {
    assert.ok(files.includes(f), f);
  }
  assert.ok(!files.some((f) => f.startsWith('src/') || f.startsWith('test/') || f.startsWith('build/')));
  for (const f of ['LICENSE', 'CHANGELOG.md', 'README.md', 'docs/architecture.md', 'dist/cli/bin.js']) {
    assert.ok(files.includes(f), f);
  }
  // Source maps would point at src/, which is not shipped.
  assert.deepEqual(
    files.filter((f) => f.endsWith('.map')),
    [],
  );
  // The command is one bundled file: the modules it was built from are not shipped beside it.
  assert.deepEqual(
    files.filter((f) => f.startsWith('dist/cli/')),
    ['dist/cli/bin.js'],
  );
  // Every relative link of the README names a shipped file.
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  for (const [, target] of readme.matchAll(/\]\(((?:docs|bench|test|src)\/[^)#]+)/g)) {
    assert.ok(files.includes(target!), `README links to ${target}, which the package does not ship`);
  }
});

test('package.json says the package is CommonJS, with an MIT LICENSE', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { type?: string; license?: string };
  assert.equal(pkg.type, 'commonjs');
  assert.equal(pkg.license, 'MIT');
  assert.match(
    readFileSync(join(ROOT, 'LICENSE'), 'utf8'),
    /^MIT License\n\nCopyright \(c\) 2026 psutil-extra contributors\n/,
  );
});
