// Runs scripts/runtime-smoke.mjs against one child process under Node, Bun
// and Deno, and fails unless every runtime gives Node's answers; checks that
// Deno without -A is refused with an AccessDenied naming the permission; then
// runs the portable part of the suite (scripts/portable-tests.mjs) under Bun
// (`bun test`) and Deno (`deno test -A`), whose node:test runs our files.
//   node scripts/test-runtimes.mjs [runtime ...]     (after npm run build)
// A runtime is bun, deno, or a path to a node binary (scripts/test-node-versions.mjs
// passes those). bun and deno are devDependencies: node_modules/.bin.
import { spawn, spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { deepStrictEqual } from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { portableTestFiles } from './portable-tests.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SMOKE = 'scripts/runtime-smoke.mjs';
const bin = (name) => `${ROOT}node_modules/.bin/${name}`;

// How to run the smoke script under each runtime.
export function commandFor(runtime) {
  if (runtime === 'bun') return [bin('bun'), [SMOKE]];
  if (runtime === 'deno') return [bin('deno'), ['run', '-A', SMOKE]];
  return [runtime, [SMOKE]];
}

function run(runtime, pid) {
  const [cmd, args] = commandFor(runtime);
  const r = spawnSync(cmd, [...args, String(pid)], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (r.status !== 0) throw new Error(`${runtime}: exit ${r.status ?? r.signal}\n${r.stderr}${r.error ?? ''}`);
  return JSON.parse(r.stdout);
}

function denoWithoutPermissions(pid) {
  // Only the checkout may be read: the package loads, /proc is refused and
  // the smoke script stops at its first call with that error.
  const r = spawnSync(bin('deno'), ['run', `--allow-read=${ROOT}`, SMOKE, String(pid)], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  const line = r.stderr.split('\n').find((l) => l.includes('AccessDenied')) ?? '';
  if (r.status === 0 || !/Deno needs --allow-all \(-A\) to read \/proc\//.test(line)) {
    throw new Error(`deno without -A: expected AccessDenied naming --allow-all, got exit ${r.status}:\n${r.stderr}`);
  }
  return line.trim();
}

// The portable tests under Bun or Deno; under Node they run in npm test itself.
// Deno leaves out the simulated-platform tests (see portable-tests.mjs).
function portableSuite(runtime) {
  const args =
    runtime === 'bun'
      ? ['test', ...portableTestFiles()]
      : ['test', '-A', '--no-check', ...portableTestFiles({ simulated: false })];
  const r = spawnSync(bin(runtime), args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const text = `${r.stdout}${r.stderr}`;
  if (r.status !== 0) throw new Error(`${runtime} test: exit ${r.status ?? r.signal}\n${text.slice(-4000)}`);
  // bun: " 246 pass" / " 0 fail"; deno: "ok | 61 passed (235 steps) | 0 failed".
  const passed = text.match(/(\d+) pass(?:ed)?\b/)?.[1];
  return `${passed ?? '?'} passed, 0 failed`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const runtimes = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['bun', 'deno'];
  if (!existsSync(`${ROOT}dist/index.mjs`)) {
    console.error('test-runtimes: dist/ is missing: npm run build first');
    process.exit(2);
  }
  const child = spawn('sleep', ['1000'], { stdio: 'ignore' });
  let failed = 0;
  try {
    // Let exec finish, so that name and command line are sleep's.
    const comm = () => (existsSync(`/proc/${child.pid}/comm`) ? readFileSync(`/proc/${child.pid}/comm`, 'utf8') : '');
    for (let i = 0; i < 400 && comm() !== 'sleep\n'; i++) await sleep(5);
    const expected = run(process.execPath, child.pid);
    for (const runtime of runtimes) {
      try {
        deepStrictEqual(
          run(runtime, child.pid),
          expected,
          `${runtime} answers differently from Node ${process.version}`,
        );
        console.log(`ok ${runtime}: every function answers as under Node ${process.version}`);
        if (runtime === 'deno') console.log(`ok deno without -A: ${denoWithoutPermissions(child.pid)}`);
        if (runtime === 'bun' || runtime === 'deno')
          console.log(`ok ${runtime}: the portable tests, ${portableSuite(runtime)}`);
      } catch (err) {
        failed++;
        console.log(`not ok ${runtime}: ${err.message}`);
      }
    }
  } finally {
    child.kill();
  }
  process.exit(failed === 0 ? 0 : 1);
}
