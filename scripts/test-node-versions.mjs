// Runs the README examples' test, the portable tests (scripts/portable-tests.mjs)
// and the runtime smoke script under other Node majors (22 and 24 unless others are given), with official binaries
// from the npm registry's node-<platform>-<arch> packages, fetched at run
// time with `npm pack` into node_modules/.cache/node-versions (not
// dependencies). After npm run build:
//   node scripts/test-node-versions.mjs [major ...]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { portableTestFiles } from './portable-tests.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = `${ROOT}node_modules/.cache/node-versions`;
const PACKAGE = `node-${process.platform}-${process.arch}`;
const majors = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['22', '24'];

function sh(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status ?? r.signal}\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

// The newest release of a major, unpacked once into the cache.
function nodeBinary(major) {
  const version = JSON.parse(sh('npm', ['view', `${PACKAGE}@${major}`, 'version', '--json']));
  const latest = Array.isArray(version) ? version[version.length - 1] : version;
  const dir = `${CACHE}/${latest}`;
  const bin = `${dir}/package/bin/node`;
  if (!existsSync(bin)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    sh('npm', ['pack', `${PACKAGE}@${latest}`, '--pack-destination', dir, '--silent']);
    const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    sh('tar', ['-xzf', tgz, '-C', dir], { cwd: dir });
    rmSync(`${dir}/${tgz}`);
  }
  return bin;
}

if (!existsSync(`${ROOT}dist/index.mjs`) || !existsSync(`${ROOT}build/test/live/readme.test.js`)) {
  console.error('test-node-versions: npm run build first');
  process.exit(2);
}
let failed = 0;
for (const major of majors) {
  try {
    const node = nodeBinary(major);
    const version = sh(node, ['--version']).trim();
    const readme = spawnSync(node, ['scripts/run-tests.mjs', 'build/test/live/readme.test.js'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (readme.status !== 0) throw new Error(`README test under ${version}:\n${readme.stdout}${readme.stderr}`);
    const portable = spawnSync(node, ['scripts/run-tests.mjs', ...portableTestFiles()], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (portable.status !== 0)
      throw new Error(`portable tests under ${version}:\n${portable.stdout}${portable.stderr}`);
    const passed = portable.stdout.match(/^\S* ?pass (\d+)$/m)?.[1] ?? '?';
    const smoke = spawnSync(process.execPath, ['scripts/test-runtimes.mjs', node], { cwd: ROOT, encoding: 'utf8' });
    if (smoke.status !== 0) throw new Error(`smoke under ${version}:\n${smoke.stdout}${smoke.stderr}`);
    console.log(
      `ok node ${version}: README examples pass; portable tests ${passed} passed; every function answers as under Node ${process.version}`,
    );
  } catch (err) {
    failed++;
    console.log(`not ok node ${major}: ${err.message}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
