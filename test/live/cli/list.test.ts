// The all-process table (src/cli/list.ts), help, version and colour of the
// built command (dist/cli/bin.js); its bounds with 65,536 groups, on a
// terminal and off one (columns.ts); and its options: -o, --pid, --sort,
// --user, --no-header and --watch (main.ts).
import { after, before, describe, it, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Child, deadPid, limitsLine, spawnCommand, spawnShell, statusField } from '../../helpers/children.js';
import { BIN, plainText, runCli, runOnTerminal, shellQuote, statIds } from '../../helpers/cli.js';
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

// setgroups(2) of 65,536 groups (NGROUPS_MAX), then exec sleep: only root may.
const NEEDS_MANY_GROUPS = needs({ root: 'for setgroups', commands: ['python3'] });
const MANY_GROUPS = 65_536;

void describe('a process with 65,536 supplementary groups', { skip: NEEDS_MANY_GROUPS }, () => {
  let child: Child;
  let groupsText: string;

  before(async () => {
    const script = `import os; os.setgroups(range(1, ${MANY_GROUPS + 1})); os.execvp("sleep", ["sleep", "60"])`;
    child = await spawnCommand(['/usr/bin/python3', '-c', script], 'sleep');
    children.push(child);
    groupsText = Array.from({ length: MANY_GROUPS }, (_, i) => i + 1).join(',');
    assert.equal(statusField(child.pid, 'Groups')?.split(' ').length, MANY_GROUPS);
  });

  void it(
    'on an 80-column terminal every line fits, and the groups show as a count and the first few',
    { skip: needs({ commands: ['script'] }) },
    () => {
      const tty = runOnTerminal([], { columns: 80, rows: 24 });
      assert.equal(tty.status, 0);
      const lines = plainText(tty.output).trimEnd().split('\n');
      for (const line of lines) assert.ok(line.length <= 80, `${line.length} columns: ${line.slice(0, 100)}`);
      const row = lines.find((l) => l.trimStart().startsWith(`${child.pid} `));
      assert.match(row ?? '', /\[65536\] 1,2,3,4,5,6,7,…/);
      // At most 80 columns and a colour sequence or two a line.
      assert.ok(tty.output.length <= lines.length * 100, `${tty.output.length} bytes for ${lines.length} lines`);
      const report = runOnTerminal([child.pid], { columns: 80, rows: 24 });
      const reportLines = plainText(report.output).trimEnd().split('\n');
      for (const line of reportLines) assert.ok(line.length <= 80, line);
      assert.match(
        reportLines.find((l) => l.startsWith('  groups')) ?? '',
        /^ {2}groups {11}\[65536\] 1(\(\S+\))? 2(\(\S+\))? .*…$/,
      );
    },
  );

  void it('without a terminal nothing is cut, and only its own row holds the list', () => {
    // Every column but COMMAND (whose length is each process's own): the list
    // once, plus at most 100 bytes for every other row.
    const r = runCli(['-o', 'pid,pgid,sid,umask,files,groups,user,name']);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    const row = lines.find((l) => l.trimStart().startsWith(`${child.pid} `));
    assert.ok(row?.includes(` ${groupsText} `), 'the whole list');
    for (const line of lines) if (line !== row) assert.ok(line.length <= 100, line.slice(0, 120));
    assert.ok(r.stdout.length <= groupsText.length + 100 * lines.length, `${r.stdout.length} bytes`);
    // With the default columns, no row is padded for it either.
    const all = runCli([]);
    for (const line of all.stdout.split('\n')) {
      if (!line.trimStart().startsWith(`${child.pid} `)) assert.doesNotMatch(line, / {40}/, line.slice(0, 100));
    }
  });
});

void describe('list options', () => {
  let a: Child;
  let b: Child;

  before(async () => {
    // Four and six descriptors more than a plain sleep: --sort files has something to order.
    a = await spawnShell('exec 3</dev/null 4</dev/null 5</dev/null 6</dev/null; exec sleep 71');
    b = await spawnShell('exec 3</dev/null 4</dev/null 5</dev/null 6</dev/null 7</dev/null 8</dev/null; exec sleep 72');
    children.push(a, b);
  });

  void it('-o chooses the columns in order; --no-header leaves the header out', () => {
    const r = runCli(['-o', 'pid,files,comm', '--pid', `${a.pid},${b.pid}`]);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0] ?? '', /^ +PID +FILES NAME$/);
    assert.deepEqual(
      lines.slice(1).map((l) => l.trim().split(/ +/)),
      [a, b].map((c) => [
        String(c.pid),
        `${readdirSync(`/proc/${c.pid}/fd`).length}/${limitsLine(c.pid, 'Max open files')[0]}`,
        'sleep',
      ]),
    );
    const bare = runCli(['--no-header', '-o', 'pid', '--pid', `${b.pid},${a.pid}`]);
    assert.deepEqual(
      bare.stdout.split('\n').map((l) => l.trim()),
      [...[a.pid, b.pid].sort((x, y) => x - y).map(String), ''],
    );
  });

  void it('--pid: the PIDs asked for; one that does not exist is one line on stderr and exit status 1', () => {
    const gone = deadPid();
    const r = runCli(['-o', 'pid,name', '--pid', `${a.pid},${gone}`, '--pid', String(b.pid)]);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, `psutil-extra: pid ${gone}: no such process\n`);
    assert.deepEqual(
      r.stdout
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((l) => Number(l.trim().split(' ')[0])),
      [a.pid, b.pid].sort((x, y) => x - y),
    );
    const alone = runCli(['-o', 'pid', '--pid', gone]);
    assert.deepEqual(
      [alone.status, alone.stdout, alone.stderr],
      [1, 'PID\n', `psutil-extra: pid ${gone}: no such process\n`],
    );
  });

  void it('--sort: by a column, descending with -, whether shown or not', () => {
    const pids = `${a.pid},${b.pid},${process.pid}`;
    const order = (args: string[]): number[] =>
      runCli(['--no-header', '-o', 'pid', '--pid', pids, ...args])
        .stdout.trim()
        .split(/\s+/)
        .map(Number);
    const fds = (pid: number): number => readdirSync(`/proc/${pid}/fd`).length;
    const byFiles = [a.pid, b.pid, process.pid].sort((x, y) => fds(y) - fds(x) || x - y);
    assert.deepEqual(order(['--sort', '-files']), byFiles);
    assert.deepEqual(order(['--sort', 'files']), [...byFiles].reverse());
    assert.deepEqual(
      order(['--sort', '-pid']),
      [a.pid, b.pid, process.pid].sort((x, y) => y - x),
    );
    // node sorts before sleep by name; the two sleeps by PID.
    assert.deepEqual(order(['--sort', 'name']), [process.pid, ...[a.pid, b.pid].sort((x, y) => x - y)]);
    const json = JSON.parse(runCli(['--json', '--pid', pids, '--sort', '-files']).stdout) as { pid: number }[];
    assert.deepEqual(
      json.map((x) => x.pid),
      byFiles,
    );
  });

  void it(
    '--user: processes whose real user is that name or uid',
    { skip: needs({ root: 'for setpriv --reuid', commands: ['setpriv'] }) },
    async (t) => {
      const mine = await spawnCommand(
        ['setpriv', '--reuid=4244', '--regid=4244', '--clear-groups', 'sleep', '73'],
        'sleep',
      );
      const also = await spawnCommand(
        ['setpriv', '--ruid=4244', '--euid=0', '--regid=4244', '--clear-groups', 'sleep', '74'],
        'sleep',
      );
      t.after(async () => {
        await mine.stop();
        await also.stop();
      });
      const r = runCli(['--user', '4244', '-o', 'pid,uid,euid', '--no-header']);
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(
        r.stdout
          .trim()
          .split('\n')
          .map((l) => l.trim().split(/ +/).map(Number)),
        [
          [mine.pid, 4244, 4244],
          [also.pid, 4244, 0],
        ].sort((x, y) => x[0]! - y[0]!),
      );
      const root = runCli(['--user', 'root', '-o', 'pid,user', '--no-header']);
      assert.ok(
        root.stdout
          .trim()
          .split('\n')
          .every((l) => l.trim().split(/ +/)[1] === 'root'),
      );
      assert.ok(root.stdout.includes(` ${a.pid} `) || root.stdout.includes(`${a.pid} root`));
      const unknown = runCli(['--user', 'no-such-user-here']);
      assert.equal(unknown.status, 2);
      assert.match(unknown.stderr, /^psutil-extra: unknown user 'no-such-user-here' in --user\n/);
    },
  );

  void it('--watch 0.2 without a terminal: a JSON document per line, about five a second', async () => {
    for (const args of [
      ['--pid', `${a.pid},${b.pid}`],
      [a.pid, b.pid],
    ]) {
      const watcher = spawn(process.execPath, [BIN, '--watch', '0.2', ...args.map(String)], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      watcher.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
      watcher.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
      const exited = new Promise((resolve) => watcher.once('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, 1100));
      watcher.kill('SIGTERM');
      await exited;
      assert.equal(err, '');
      const lines = out.split('\n');
      assert.equal(lines.pop(), '', 'whole lines only');
      // Node's start-up and the first screen take a share of the second.
      assert.ok(lines.length >= 4 && lines.length <= 7, `${lines.length} lines`);
      for (const line of lines) {
        const reports = JSON.parse(line) as { pid: number; rlimits: Record<string, unknown> }[];
        assert.deepEqual(
          reports.map((x) => x.pid),
          [a.pid, b.pid],
        );
        assert.ok('nofile' in reports[0]!.rlimits);
      }
    }
  });

  void it(
    '--watch on a terminal redraws in place: cursor home and clear before each screen',
    { skip: needs({ commands: ['script', 'timeout'] }) },
    () => {
      const line = [process.execPath, BIN, '--watch', '0.2', '-o', 'pid,name', '--pid', String(a.pid)]
        .map(shellQuote)
        .join(' ');
      const out = spawnSync('script', ['-qfec', `stty cols 60 rows 10; timeout -s INT 1 ${line}`, '/dev/null'], {
        encoding: 'utf8',
      });
      const screens = out.stdout.split('\x1b[H\x1b[2J');
      assert.equal(screens.shift(), '');
      assert.ok(screens.length >= 3, `${screens.length} screens`);
      for (const screen of screens) assert.match(plain(screen), new RegExp(`^ *PID NAME\\n *${a.pid} sleep\\n$`));
    },
  );
});

function plain(text: string): string {
  return plainText(Buffer.from(text));
}
