// The all-process table (src/cli/list.ts), help, version and colour of the
// built command (dist/cli/bin.js).
import { after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Child, spawnCommand, spawnShell } from '../../helpers/children.js';
import { BIN, runCli, statIds } from '../../helpers/cli.js';
import { ROOT } from '../../helpers/paths.js';
import { needs } from '../../helpers/requirements.js';

const children: Child[] = [];
after(async () => {
  await Promise.all(children.map((c) => c.stop()));
});

// Children of another user with groups of its own (only root may start one)
// and of perl (a newline in an argument); getent names the user.
const NEEDS_CHILDREN = needs({ root: 'for setpriv to set groups', commands: ['setpriv', 'perl', 'getent'] });

void test(
  'every process: a header, aligned rows, and our child with its umask, groups and user',
  { skip: NEEDS_CHILDREN },
  async () => {
    const a = await spawnShell('umask 027; exec sleep 61');
    children.push(a);
    const b = await spawnCommand(
      ['setpriv', '--reuid', '65534', '--regid', '65534', '--groups', '4,24,100', 'sleep', '62'],
      'sleep',
    );
    children.push(b);
    const c = await spawnCommand(['perl', '-e', 'sleep 65;\n1'], 'perl');
    children.push(c);
    const r = runCli([]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0] ?? '', /^ +PID +PGID +SID UMASK +FILES GROUPS +USER +COMMAND$/);
    // Right-aligned PIDs end in the header's PID column.
    const pidEnd = (lines[0] ?? '').indexOf('PID') + 3;
    for (const line of lines.slice(1)) assert.match(line.slice(0, pidEnd), /^ *[1-9][0-9]*$/, line);
    const rowOf = (pid: number): string[] => {
      const line = lines.find((l) => l.trimStart().startsWith(`${pid} `));
      assert.ok(line !== undefined, `no row for ${pid}`);
      return line.trim().split(/ +/);
    };
    const [pid, pgid, sid, umask, files, groups, , ...command] = rowOf(a.pid);
    assert.equal(Number(pid), a.pid);
    assert.deepEqual({ pgid: Number(pgid), sid: Number(sid) }, statIds(a.pid));
    assert.equal(umask, '0027');
    assert.match(files ?? '', /^\d+\/\d+$/);
    assert.equal(groups, '(none)');
    assert.deepEqual(command, ['sleep', '61']);
    const nobody = rowOf(b.pid);
    assert.equal(nobody[5], '4,24,100');
    assert.equal(nobody[6], spawnSync('getent', ['passwd', '65534'], { encoding: 'utf8' }).stdout.split(':')[0]);
    // A newline inside an argument does not break the row.
    assert.deepEqual(rowOf(c.pid).slice(7), ['perl', '-e', 'sleep', '65;?1']);
  },
);

void test('every process as JSON: full reports, ours among them', async () => {
  const a = await spawnShell('umask 077; exec sleep 63');
  children.push(a);
  const r = runCli(['--json']);
  assert.equal(r.status, 0, r.stderr);
  const reports = JSON.parse(r.stdout) as { pid: number; umask: string | null; rlimits: object }[];
  assert.ok(reports.length > 2);
  const ours = reports.find((x) => x.pid === a.pid);
  assert.equal(ours?.umask, '0077');
  assert.ok(ours !== undefined && 'nofile' in ours.rlimits);
  assert.ok(reports.some((x) => x.pid === 1));
});

void test('--help and --version', () => {
  const help = runCli(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: psutil-extra/);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  assert.deepEqual(runCli(['--version']), { status: 0, stdout: `psutil-extra ${pkg.version}\n`, stderr: '' });
});

// script(1) runs the command on a pseudo-terminal, so stdout is a real TTY.
function onTerminal(args: string, env: NodeJS.ProcessEnv): string {
  const base = { ...process.env };
  delete base['NO_COLOR'];
  const out = spawnSync('script', ['-qec', `${process.execPath} ${BIN} ${args}`, '/dev/null'], {
    encoding: 'utf8',
    env: { ...base, ...env },
  });
  assert.equal(out.status, 0, out.stderr);
  return out.stdout;
}

void test('colour on a terminal, none with NO_COLOR, none in a pipe', { skip: needs({ commands: ['script'] }) }, () => {
  assert.ok(onTerminal(String(process.pid), {}).includes('\x1b[1m'));
  assert.ok(!onTerminal(String(process.pid), { NO_COLOR: '1' }).includes('\x1b['));
  assert.ok(!runCli([process.pid]).stdout.includes('\x1b['));
});

void test('a reader that stops early (| head -1) is not an error', () => {
  // The JSON of every process is far larger than a pipe's 64 KiB, so the
  // command is still writing when head exits and its writes fail with EPIPE.
  const out = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" --json | head -1`], { encoding: 'utf8' });
  assert.equal(out.status, 0);
  assert.equal(out.stderr, '');
  assert.equal(out.stdout, '[\n');
});
