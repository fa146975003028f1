// The built command's report of live children with known state, against /proc
// read here: src/cli/report.ts and the collect.ts and report-text.ts beside
// it. Every IN USE figure is checked against its own source (the fd
// directory, Vm* lines, SigQ, utime + stime, the tasks of the real uid over
// every status, /proc/locks), and the exit status and stderr for processes
// that do not exist or may not be read.
import { after, describe, it, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Child,
  deadPid,
  limitsLine,
  spawnCommand,
  spawnShell,
  statFields,
  statusField,
  waitFor,
} from '../../helpers/children.js';
import { AS_NOBODY, KERNEL_LIMIT_NAMES, procMask, runCli, runCliBytes, statIds } from '../../helpers/cli.js';
import { needs } from '../../helpers/requirements.js';

const NEEDS_PRLIMIT = needs({ commands: ['prlimit'] });
const NEEDS_PERL = needs({ commands: ['perl'] });
// Only root may start a child as another user with groups of its own.
const NEEDS_NOBODY_CHILD = needs({ root: 'for setpriv to set groups', commands: ['setpriv', 'getent'] });

interface JsonLimit {
  soft: number | 'unlimited' | null;
  hard: number | 'unlimited' | null;
  usage: number | null;
}
interface JsonReport {
  pid: number;
  name: string | null;
  uid: number | null;
  user: string | null;
  pgid: number | null;
  sid: number | null;
  umask: string | null;
  groups: number[] | null;
  sigmasks: Record<'pending' | 'blocked' | 'ignored' | 'caught' | 'processPending', number[]> | null;
  rlimits: Record<string, JsonLimit>;
}

function report(pid: number): JsonReport {
  const r = runCli(['--json', pid]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  const reports = JSON.parse(r.stdout) as JsonReport[];
  assert.equal(reports.length, 1);
  return reports[0]!;
}

function text(pid: number): string {
  const r = runCli([pid]);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

function factLine(out: string, label: string): string {
  const line = out.split('\n').find((l) => l.trimStart().startsWith(`${label} `));
  assert.ok(line !== undefined, `no '${label}' line in:\n${out}`);
  return line.trim().slice(label.length).trim();
}

function tableRow(out: string, resource: string): string {
  const line = out.split('\n').find((l) => l.startsWith(`${resource} `));
  assert.ok(line !== undefined, `no ${resource} row in:\n${out}`);
  return line;
}

function getent(db: string, id: number): string {
  const out = spawnSync('getent', [db, String(id)], { encoding: 'utf8' });
  return out.stdout.split(':')[0] ?? '';
}

const children: Child[] = [];
after(async () => {
  await Promise.all(children.map((c) => c.stop()));
});

async function keep(child: Promise<Child>): Promise<Child> {
  const c = await child;
  children.push(c);
  return c;
}

void test('umask, pgid and sid of a shell-started child', async () => {
  const child = await keep(spawnShell('umask 027; exec sleep 60'));
  const r = report(child.pid);
  assert.equal(r.pid, child.pid);
  assert.equal(r.name, 'sleep');
  assert.equal(r.umask, '0027');
  assert.equal(r.umask, statusField(child.pid, 'Umask'));
  assert.deepEqual({ pgid: r.pgid, sid: r.sid }, statIds(child.pid));
  assert.equal(factLine(text(child.pid), 'umask'), '0027');
});

void test('groups and user of a child run as nobody with groups 4,24,100', { skip: NEEDS_NOBODY_CHILD }, async () => {
  const child = await keep(
    spawnCommand(['setpriv', '--reuid', '65534', '--regid', '65534', '--groups', '4,24,100', 'sleep', '60'], 'sleep'),
  );
  const r = report(child.pid);
  assert.deepEqual(r.groups, [4, 24, 100]);
  assert.deepEqual(r.groups, statusField(child.pid, 'Groups')?.split(/\s+/).map(Number));
  assert.equal(r.uid, 65534);
  assert.equal(r.user, getent('passwd', 65534));
  const expected = [4, 24, 100].map((gid) => (getent('group', gid) ? `${gid}(${getent('group', gid)})` : `${gid}`));
  const out = text(child.pid);
  assert.equal(factLine(out, 'groups'), expected.join(' '));
  assert.match(factLine(out, 'user'), new RegExp(`^${r.user} \\(uid 65534\\)$`));
  // NPROC counts the tasks of uid 65534: at least this one.
  assert.ok(typeof r.rlimits['nproc']?.usage === 'number' && r.rlimits['nproc'].usage >= 1);
});

void test(
  'limits set with prlimit, in prlimit layout and in JSON, match /proc/PID/limits',
  { skip: NEEDS_PRLIMIT },
  async () => {
    const child = await keep(spawnShell('exec sleep 60'));
    const set = spawnSync(
      'prlimit',
      ['--pid', String(child.pid), '--nofile=100:200', '--core=0:4096', '--stack=8388608:'],
      {
        encoding: 'utf8',
      },
    );
    assert.equal(set.status, 0, set.stderr);
    const r = report(child.pid);
    const limits = readFileSync(`/proc/${child.pid}/limits`, 'latin1').split('\n');
    for (const [resource, kernelName] of Object.entries(KERNEL_LIMIT_NAMES)) {
      const line = limits.find((l) => l.startsWith(kernelName));
      assert.ok(line !== undefined, kernelName);
      const [soft, hard] = line.slice(26).trim().split(/\s+/);
      const toJson = (v: string | undefined): number | string => (v === 'unlimited' ? 'unlimited' : Number(v));
      assert.deepEqual([r.rlimits[resource]?.soft, r.rlimits[resource]?.hard], [toJson(soft), toJson(hard)], resource);
    }
    assert.deepEqual(r.rlimits['nofile'], { soft: 100, hard: 200, usage: readdirSync(`/proc/${child.pid}/fd`).length });
    assert.match(tableRow(text(child.pid), 'NOFILE'), /^NOFILE +max number of open files +100 +200 files +\d+$/);
    assert.match(tableRow(text(child.pid), 'CORE'), /^CORE +max core file size +0 +4096 bytes$/);
  },
);

void test('usage figures come from /proc/PID/status and stat', async () => {
  const child = await keep(spawnShell('exec sleep 60'));
  // SigQ counts the signals queued for the whole uid and CPU time grows, so
  // those two are read before and after the command and must lie between.
  const sigQueued = (): number => Number(statusField(child.pid, 'SigQ')?.split('/')[0]);
  const cpuSeconds = (): number => {
    const fields = statFields(child.pid);
    return (Number(fields[11]) + Number(fields[12])) / 100;
  };
  const before = { sigq: sigQueued(), cpu: cpuSeconds() };
  const r = report(child.pid);
  const after = { sigq: sigQueued(), cpu: cpuSeconds() };
  const between = (value: number | null | undefined, a: number, b: number): boolean =>
    typeof value === 'number' && value >= Math.min(a, b) && value <= Math.max(a, b);
  const kB = (field: string): number => Number(statusField(child.pid, field)?.replace(' kB', '')) * 1024;
  assert.equal(r.rlimits['as']?.usage, kB('VmSize'));
  assert.equal(r.rlimits['data']?.usage, kB('VmData'));
  assert.equal(r.rlimits['stack']?.usage, kB('VmStk'));
  assert.equal(r.rlimits['memlock']?.usage, kB('VmLck'));
  assert.equal(r.rlimits['rss']?.usage, kB('VmRSS'));
  assert.ok(between(r.rlimits['sigpending']?.usage, before.sigq, after.sigq), 'sigpending');
  assert.ok(between(r.rlimits['cpu']?.usage, before.cpu, after.cpu), 'cpu');
  assert.equal(r.rlimits['locks']?.usage, 0);
  for (const none of ['core', 'fsize', 'msgqueue', 'nice', 'rtprio', 'rttime'])
    assert.equal(r.rlimits[none]?.usage, null);
});

void test('file locks held show in LOCKS', { skip: NEEDS_PERL }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'psutil-extra-cli-'));
  try {
    const script = `use Fcntl qw(:flock); open(my $a, ">", "${dir}/a") or die; flock($a, LOCK_EX) or die;
      open(my $b, ">", "${dir}/b") or die; flock($b, LOCK_SH) or die; sleep 60;`;
    const child = await keep(spawnCommand(['perl', '-e', script], 'perl'));
    await waitFor(() => readFileSync('/proc/locks', 'latin1').split(` ${child.pid} `).length === 3, 'two locks');
    assert.equal(report(child.pid).rlimits['locks']?.usage, 2);
    assert.match(tableRow(text(child.pid), 'LOCKS'), / locks +2$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

void test(
  'signal masks: blocked, ignored, caught and pending, by number and by name',
  { skip: NEEDS_PERL },
  async () => {
    // SIGINT and SIGRTMIN+3 (37) blocked, SIGUSR1 ignored, SIGTERM caught; then a
    // SIGINT sent to the process stays pending for the whole process.
    const script = `use POSIX; sigprocmask(SIG_BLOCK, POSIX::SigSet->new(SIGINT, 37)) or die;
    $SIG{USR1} = "IGNORE"; $SIG{TERM} = sub {}; sleep 60;`;
    const child = await keep(spawnCommand(['perl', '-MPOSIX', '-e', script], 'perl'));
    await waitFor(() => procMask(child.pid, 'SigCgt').includes(15), 'the SIGTERM handler');
    process.kill(child.pid, 'SIGINT');
    await waitFor(() => procMask(child.pid, 'ShdPnd').includes(2), 'SIGINT pending');
    const r = report(child.pid);
    assert.deepEqual(r.sigmasks, {
      pending: procMask(child.pid, 'SigPnd'),
      blocked: procMask(child.pid, 'SigBlk'),
      ignored: procMask(child.pid, 'SigIgn'),
      caught: procMask(child.pid, 'SigCgt'),
      processPending: procMask(child.pid, 'ShdPnd'),
    });
    assert.ok(r.sigmasks?.blocked.includes(2) && r.sigmasks.blocked.includes(37));
    assert.ok(r.sigmasks?.ignored.includes(10));
    assert.ok(r.sigmasks?.caught.includes(15));
    assert.ok((r.rlimits['sigpending']?.usage ?? 0) >= 1);
    const out = text(child.pid);
    assert.equal(factLine(out, 'signals blocked'), 'SIGINT SIGRTMIN+3');
    assert.match(factLine(out, 'signals ignored'), /(^| )SIGUSR1( |$)/);
    assert.match(factLine(out, 'signals caught'), /(^| )SIGTERM( |$)/);
    assert.equal(factLine(out, 'process pending'), 'SIGINT');
    assert.equal(factLine(out, 'signals pending'), '(none)');
  },
);

void test('a resource at or above 90% of its soft limit is marked', { skip: NEEDS_PRLIMIT }, async () => {
  const child = await keep(spawnShell('exec sleep 60'));
  // Right after exec a descriptor may still be closing (close-on-exec runs as
  // the new image starts): count once the process sleeps and the count holds.
  let last = -1;
  const open = await waitFor(() => {
    const now = readdirSync(`/proc/${child.pid}/fd`).length;
    const settled = now === last && statusField(child.pid, 'State')?.startsWith('S') === true;
    last = now;
    return settled ? now : undefined;
  }, 'the descriptor count to settle');
  const set = spawnSync('prlimit', ['--pid', String(child.pid), `--nofile=${open}:1000`]);
  assert.equal(set.status, 0);
  assert.match(tableRow(text(child.pid), 'NOFILE'), new RegExp(` files +${open} ! 100% of soft limit$`));
  spawnSync('prlimit', ['--pid', String(child.pid), `--nofile=${open * 20}:1000`]);
  assert.doesNotMatch(tableRow(text(child.pid), 'NOFILE'), /!/);
});

void test('limits beyond 2**53 print exactly, in text and JSON', { skip: NEEDS_PRLIMIT }, async () => {
  const child = await keep(spawnShell('exec sleep 60'));
  const big = (1n << 62n) + 1n;
  const set = spawnSync('prlimit', ['--pid', String(child.pid), `--fsize=${big}:${big}`], { encoding: 'utf8' });
  assert.equal(set.status, 0, set.stderr);
  const json = runCli(['--json', child.pid]).stdout;
  assert.match(json, new RegExp(`"fsize": \\{\\s*"soft": ${big},\\s*"hard": ${big},`));
  assert.match(tableRow(text(child.pid), 'FSIZE'), new RegExp(` ${big} +${big} bytes$`));
});

void test('several PIDs: one report each; a missing one fails with status 1 and the others still print', async () => {
  const a = await keep(spawnShell('exec sleep 60'));
  const b = await keep(spawnShell('umask 077; exec sleep 60'));
  const gone = deadPid();
  const r = runCli(['--json', a.pid, gone, b.pid]);
  assert.equal(r.status, 1);
  assert.equal(r.stderr, `psutil-extra: pid ${gone}: no such process\n`);
  const reports = JSON.parse(r.stdout) as JsonReport[];
  assert.deepEqual(
    reports.map((x) => [x.pid, x.umask]),
    [
      [a.pid, statusField(a.pid, 'Umask')],
      [b.pid, '0077'],
    ],
  );
  const t = runCli([a.pid, b.pid]);
  assert.equal(t.status, 0);
  assert.equal(t.stdout.match(/^PID \d+ sleep$/gm)?.length, 2);
});

void test('a zombie: status 0, what the kernel still keeps, and - (null) for its umask', async () => {
  // The subshell exits at once and its parent, now sleep, never reaps it.
  const parent = await keep(spawnShell('(exit 0) & exec sleep 60'));
  const zombie = await waitFor(() => {
    const children = readFileSync(`/proc/${parent.pid}/task/${parent.pid}/children`, 'latin1').trim();
    return children !== '' && statusField(Number(children), 'State')?.startsWith('Z') ? Number(children) : undefined;
  }, 'a zombie child');
  const r = report(zombie);
  assert.equal(r.umask, null);
  assert.deepEqual(r.groups, []);
  assert.deepEqual(r.sigmasks?.ignored, procMask(zombie, 'SigIgn'));
  assert.equal(factLine(text(zombie), 'umask'), '-');
});

// Tasks of a real uid, counted here over every /proc/PID/status as the kernel
// counts RLIMIT_NPROC: the Threads of each process whose real uid it is.
function tasksOfUid(uid: number): number {
  let tasks = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^[0-9]+$/.test(name)) continue;
    const real = statusField(Number(name), 'Uid')?.split(/\s+/)[0];
    if (real === String(uid)) tasks += Number(statusField(Number(name), 'Threads'));
  }
  return tasks;
}

void test(
  'NPROC in use: the tasks of the real uid over every process, threads included, in reports and in the list',
  { skip: needs({ root: 'for setpriv --reuid', commands: ['setpriv', 'python3'] }) },
  async () => {
    // A uid of its own, so that nothing else starts or ends tasks under it meanwhile.
    const uid = 4245;
    const as = ['setpriv', `--reuid=${uid}`, `--regid=${uid}`, '--clear-groups'];
    const threads =
      'import threading, time\nfor _ in range(4): threading.Thread(target=time.sleep, args=(60,), daemon=True).start()\ntime.sleep(60)';
    const a = await keep(spawnCommand([...as, '/usr/bin/python3', '-c', threads], 'python3'));
    const b = await keep(spawnCommand([...as, 'sleep', '60'], 'sleep'));
    await waitFor(() => statusField(a.pid, 'Threads') === '5', 'five tasks');
    const expected = tasksOfUid(uid);
    assert.equal(expected, 6);
    assert.equal(report(a.pid).rlimits['nproc']?.usage, expected);
    assert.match(tableRow(text(b.pid), 'NPROC'), / processes +6$/);
    // One pass over several processes counts each uid once and gives it to all of its processes.
    const list = JSON.parse(runCli(['--json', '--pid', `${a.pid},${b.pid},${process.pid}`]).stdout) as JsonReport[];
    const nproc = (pid: number): number | null | undefined => list.find((x) => x.pid === pid)?.rlimits['nproc']?.usage;
    assert.equal(nproc(a.pid), expected);
    assert.equal(nproc(b.pid), expected);
    const mine = nproc(process.pid);
    assert.ok(typeof mine === 'number' && mine >= 1 && mine !== expected, `${mine}`);
    const reports = JSON.parse(runCli(['--json', a.pid, b.pid]).stdout) as JsonReport[];
    assert.deepEqual(
      reports.map((x) => x.rlimits['nproc']?.usage),
      [expected, expected],
    );
  },
);

void test('NOFILE in use: the entries of /proc/PID/fd, in the report and the FILES column', async () => {
  const child = await keep(spawnShell('exec 3</dev/null 4</dev/null 5</dev/null; exec sleep 60'));
  const open = readdirSync(`/proc/${child.pid}/fd`).length;
  assert.equal(report(child.pid).rlimits['nofile']?.usage, open);
  const files = runCli(['-o', 'files', '--no-header', '--pid', child.pid]).stdout.trim();
  assert.equal(files, `${open}/${limitsLine(child.pid, 'Max open files')[0]}`);
});

void describe('what another user may read', () => {
  const NOBODY = needs({ root: 'for setpriv --reuid', commands: ['setpriv'] });
  const HIDEPID = needs({ root: 'to mount a procfs', commands: ['setpriv', 'unshare', 'mount'] });

  void it(
    'uid 65534 reports a root process: status 0; the open-file figure the kernel keeps from it is -',
    { skip: NOBODY },
    async () => {
      const child = await keep(spawnShell('exec sleep 60'));
      const r = runCliBytes([child.pid], { prefix: AS_NOBODY });
      assert.equal(r.status, 0, r.stderr.toString());
      assert.equal(r.stderr.length, 0);
      const out = r.stdout.toString();
      assert.match(tableRow(out, 'NOFILE'), / files +-$/);
      assert.match(tableRow(out, 'NPROC'), / processes +\d+$/);
      assert.equal(factLine(out, 'umask'), statusField(child.pid, 'Umask'));
      const json = JSON.parse(
        runCliBytes(['--json', child.pid], { prefix: AS_NOBODY }).stdout.toString(),
      ) as JsonReport[];
      assert.equal(json[0]?.rlimits['nofile']?.usage, null);
      const list = runCliBytes(['-o', 'pid,files', '--no-header', '--pid', child.pid], { prefix: AS_NOBODY });
      assert.equal(list.status, 0);
      assert.match(list.stdout.toString(), new RegExp(`^ *${child.pid} +-/\\d+\\n$`));
    },
  );

  // A procfs mounted with hidepid=1 in a mount namespace of the command's
  // own: uid 65534 sees other users' /proc/PID but may not open its files.
  function hidden(args: readonly (string | number)[]): ReturnType<typeof runCliBytes> {
    const script = 'mount -t proc -o hidepid=1 proc /proc && exec "$@"';
    return runCliBytes(args, { prefix: ['unshare', '-m', 'sh', '-c', script, 'sh', ...AS_NOBODY] });
  }

  void it(
    'hidepid=1: a root process cannot be read: one line, exit status 1, no report of -',
    { skip: HIDEPID },
    async () => {
      const child = await keep(spawnShell('exec sleep 60'));
      const gone = deadPid();
      for (const args of [[child.pid], ['--json', child.pid], ['--pid', child.pid, '-o', 'pid,name']]) {
        const r = hidden(args);
        assert.equal(r.status, 1, args.join(' '));
        assert.equal(r.stderr.toString(), `psutil-extra: pid ${child.pid}: access denied (EPERM)\n`);
        assert.ok(!r.stdout.toString().includes(String(child.pid)), r.stdout.toString());
        assert.doesNotMatch(r.stdout.toString(), /^ *[0-9]+ .*-/m);
      }
      const both = hidden([child.pid, gone]);
      assert.equal(both.status, 1);
      assert.deepEqual(both.stderr.toString().split('\n'), [
        `psutil-extra: pid ${child.pid}: access denied (EPERM)`,
        `psutil-extra: pid ${gone}: no such process`,
        '',
      ]);
      // Every process: the others' rows left out and counted; the command's own still shown.
      const all = hidden(['-o', 'pid,name,user']);
      assert.equal(all.status, 1);
      assert.match(all.stderr.toString(), /^psutil-extra: \d+ processes not shown: access denied \(EPERM\)\n$/);
      const rows = all.stdout.toString().trimEnd().split('\n').slice(1);
      assert.ok(rows.length >= 1 && rows.every((row) => row.endsWith(' nobody')), all.stdout.toString());
    },
  );
});

void test('a PID that does not exist: status 1, one line, nothing on stdout, in text, JSON and the list', () => {
  const gone = deadPid();
  for (const args of [[gone], ['--json', gone], ['-o', 'pid', '--pid', gone]]) {
    const r = runCli(args);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, `psutil-extra: pid ${gone}: no such process\n`);
    assert.ok(!r.stdout.includes(String(gone)));
  }
});
