// main() in-process: exit statuses, streams and colour, without spawning.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Io, main } from '../../../src/cli/main.js';
import { deadPid } from '../../helpers/children.js';
import { BUILD, ROOT } from '../../helpers/paths.js';

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

// main() with both streams captured; `opts` sets the rest of its Io (no
// terminal and an empty environment unless given).
async function run(argv: string[], opts: Partial<Omit<Io, 'stdout' | 'stderr'>> = {}): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    env: {},
    isTTY: false,
    ...opts,
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

const ESC = '\x1b[';

void test('--help: usage on stdout, status 0', async () => {
  const r = await run(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^Usage: psutil-extra/);
  assert.match(r.stdout, /--set RESOURCE=LIMIT/);
  assert.match(r.stdout, /Exit status: 0 success; 1 .*; 2 usage error/s);
  assert.equal(r.stderr, '');
});

void test("--version prints package.json's version", async () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  const r = await run(['--version']);
  assert.deepEqual(r, { code: 0, stdout: `psutil-extra ${pkg.version}\n`, stderr: '' });
});

void test('usage errors: status 2, nothing on stdout, the reason and a hint on stderr', async () => {
  for (const argv of [['--nope'], ['abc'], ['0'], ['--set', 'nofile=1'], ['--set', 'bogus=1', '1']]) {
    const r = await run(argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^psutil-extra: .+\nTry 'psutil-extra --help' for more information\.\n$/);
  }
  assert.match((await run(['--set', 'bogus=1', '1'])).stderr, /unknown resource 'bogus'.*nofile/);
});

void test('a PID that does not exist: status 1, one line naming it', async () => {
  const pid = deadPid();
  const r = await run([String(pid)]);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, `psutil-extra: pid ${pid}: no such process\n`);
});

void test('colour on a terminal only, and never with NO_COLOR', async () => {
  const pid = String(process.pid);
  const colour = async (argv: string[], options: Parameters<typeof run>[1]): Promise<boolean> => {
    const r = await run(argv, options);
    assert.equal(r.code, 0, r.stderr);
    return r.stdout.includes(ESC);
  };
  assert.ok(await colour([pid], { isTTY: true }));
  assert.ok(!(await colour([pid], { isTTY: false })));
  assert.ok(!(await colour([pid], { isTTY: true, env: { NO_COLOR: '1' } })));
  assert.ok(!(await colour(['--json', pid], { isTTY: true })));
});

void test('a report of this process matches what Node knows of itself', async () => {
  const r = await run(['--json', String(process.pid)]);
  assert.equal(r.code, 0, r.stderr);
  const [report] = JSON.parse(r.stdout) as { pid: number; umask: string; uid: number; pgid: number }[];
  assert.equal(report?.pid, process.pid);
  assert.equal(report?.uid, process.getuid?.());
  const mask = process.umask();
  assert.equal(report?.umask, mask.toString(8).padStart(4, '0'));
});

void test('help, version and usage errors load neither the library nor koffi', () => {
  const mainPath = join(BUILD, 'src', 'cli', 'main.js');
  for (const argv of [['--help'], ['--version'], ['--bogus'], ['--set', 'nofile=1']]) {
    const script = `const io = { stdout: { write() {} }, stderr: { write() {} }, env: {}, isTTY: false };
      require(${JSON.stringify(mainPath)}).main(${JSON.stringify(argv)}, io).then(() => {
        console.log(JSON.stringify(Object.keys(require.cache)));
      });`;
    const out = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(out.status, 0, out.stderr);
    const loaded = JSON.parse(out.stdout) as string[];
    assert.ok(loaded.some((path) => path.endsWith(join('cli', 'args.js'))));
    assert.deepEqual(
      loaded.filter((path) => /koffi|[/\\]src[/\\](index|api|platform)\.js$/.test(path)),
      [],
      argv.join(' '),
    );
  }
});

void test('usage errors quote the argument made visible', async () => {
  const r = await run(['--user', '\x1b]0;pwn\x07']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^psutil-extra: unknown user '\?\]0;pwn\?' in --user\n/);
  const o = await run(['--\x1b[2J\u009b']);
  assert.equal(o.stderr.split('\n')[0], "psutil-extra: unknown option '--?[2J?'");
});

void test('--watch without a terminal: one JSON document per line until stopped', async () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 450);
  const r = await run(['--watch', '0.1', String(process.pid)], { signal: controller.signal });
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.split('\n');
  assert.equal(lines.pop(), '');
  assert.ok(lines.length >= 3 && lines.length <= 6, `${lines.length} lines`);
  for (const line of lines) {
    const [report] = JSON.parse(line) as { pid: number }[];
    assert.equal(report?.pid, process.pid);
  }
});

void test('--watch on a terminal: each screen starts with cursor home and clear, fitted to the terminal', async () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 250);
  const r = await run(['--watch', '0.1', String(process.pid)], {
    env: { NO_COLOR: '1' },
    isTTY: true,
    columns: 30,
    rows: 8,
    signal: controller.signal,
  });
  assert.equal(r.code, 0, r.stderr);
  const screens = r.stdout.split('\x1b[H\x1b[2J');
  assert.equal(screens.shift(), '');
  assert.ok(screens.length >= 2);
  for (const screen of screens) {
    const lines = screen.split('\n');
    assert.equal(lines.pop(), '');
    assert.equal(lines.length, 7, 'one line fewer than the terminal has');
    assert.match(lines[0]!, new RegExp(`^PID ${process.pid} `));
    for (const line of lines) assert.ok(line.length <= 30, line);
  }
});

void test('--watch of a PID that does not exist: said once, status 1, no waiting for the next screen', async () => {
  const pid = deadPid();
  const r = await run(['--watch', '60', String(pid)]);
  assert.equal(r.code, 1);
  assert.equal(r.stderr, `psutil-extra: pid ${pid}: no such process\n`);
});
