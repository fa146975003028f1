// Usage against limits, checked against /proc read independently here: the
// fd directory, the Vm*, SigQ and Uid lines of status, utime and stime of
// stat, /proc/locks, and a count of tasks by real uid over every status.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AccessDenied,
  NoSuchProcess,
  Process,
  constants,
  pids,
  procAsDict,
  procGetAllRlimits,
  procGetrlimit,
  procGetrlimitUsage,
  procNumFds,
  setProcfsPath,
} from '../../src/index.js';
import { procfsCounters } from '../../src/backends/linux/procfs.js';
import { deadPid, spawnCommand, spawnShell, statFields, statusField, waitFor } from '../helpers/children.js';
import { needs } from '../helpers/requirements.js';
import { readablePackageRoot } from '../helpers/readable-copy.js';

const NEEDS_OTHER_UIDS = needs({ root: 'to run processes as unused uids', commands: ['setpriv', 'python3'] });
const NEEDS_PYTHON = needs({ commands: ['python3'] });

function kb(pid: number, field: string): number | undefined {
  const value = statusField(pid, field);
  if (value === undefined) return undefined;
  const m = /^(\d+) kB$/.exec(value);
  assert.ok(m, `${field}: ${value}`);
  return Number(m[1]) * 1024;
}

// A child that has just exec'd is still mapping its libraries and closing its
// close-on-exec descriptors: its figures hold still once it sleeps and two
// reads agree.
async function settled(pid: number): Promise<void> {
  let last = '';
  await waitFor(() => {
    const fds = readdirSync(`/proc/${pid}/fd`).length;
    const now = `${statusField(pid, 'State')}|${statusField(pid, 'VmSize')}|${statusField(pid, 'VmData')}|${statusField(pid, 'VmRSS')}|${fds}`;
    const same = now === last && now.startsWith('S');
    last = now;
    return same;
  }, `pid ${pid} to settle`);
}

// Tasks by real uid, counted from every /proc/PID/status with a regex.
function tasksOfUid(uid: number): number {
  let n = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let text: string;
    try {
      text = readFileSync(`/proc/${name}/status`, 'latin1');
    } catch {
      continue;
    }
    const real = /\nUid:\t(\d+)\t/.exec(text);
    const threads = /\nThreads:\t(\d+)\n/.exec(text);
    if (real && threads && Number(real[1]) === uid) n += Number(threads[1]);
  }
  return n;
}

test('every usage figure of a child matches /proc read independently', async (t) => {
  const child = await spawnShell('exec 3</dev/null 4</dev/null 5</dev/null; exec sleep 60');
  t.after(() => child.stop());
  await settled(child.pid);
  const pid = child.pid;
  assert.equal(procNumFds(pid), readdirSync(`/proc/${pid}/fd`).length);
  assert.equal(procGetrlimitUsage(pid, 'nofile'), readdirSync(`/proc/${pid}/fd`).length);
  const memory = { as: 'VmSize', data: 'VmData', stack: 'VmStk', memlock: 'VmLck', rss: 'VmRSS' } as const;
  for (const [resource, line] of Object.entries(memory)) {
    assert.equal(procGetrlimitUsage(pid, resource), kb(pid, line), resource);
  }
  assert.equal(procGetrlimitUsage(pid, 'sigpending'), Number(statusField(pid, 'SigQ')!.split('/')[0]));
  const fields = statFields(pid);
  assert.equal(procGetrlimitUsage(pid, 'cpu'), (Number(fields[13]) + Number(fields[14])) / 100);
  assert.equal(procGetrlimitUsage(pid, 'locks'), 0);
  for (const resource of ['fsize', 'core', 'msgqueue', 'nice', 'rtprio', 'rttime']) {
    assert.equal(procGetrlimitUsage(pid, resource), undefined, `${resource} has no figure`);
  }
});

test(
  'NPROC counts every task of the real uid, threads included, however large their status',
  { skip: NEEDS_OTHER_UIDS },
  async (t) => {
    const uid = 54321;
    // 1,400 supplementary groups make each status far larger than 8 KiB.
    const groups = Array.from({ length: 1400 }, (_, i) => 20000 + i).join(',');
    const as = ['setpriv', `--reuid=${uid}`, `--regid=${uid}`, `--groups=${groups}`];
    const a = await spawnCommand([...as, 'sleep', '60'], 'sleep');
    t.after(() => a.stop());
    // A process of three threads: the kernel counts each against RLIMIT_NPROC.
    const threads =
      'import threading, time\nfor _ in range(2): threading.Thread(target=time.sleep, args=(60,)).start()\ntime.sleep(60)\n';
    const b = await spawnCommand([...as, '/usr/bin/python3', '-c', threads], 'python3');
    t.after(() => b.stop());
    await waitFor(() => statusField(b.pid, 'Threads') === '3', 'three threads');
    assert.ok(readFileSync(`/proc/${a.pid}/status`).length > 8192, 'status is larger than 8 KiB');
    const expected = tasksOfUid(uid);
    assert.ok(expected >= 3, `tasks of ${uid}: ${expected}`);
    assert.equal(procGetrlimitUsage(a.pid, 'nproc'), expected);
    assert.equal(procGetAllRlimits(b.pid).nproc!.usage, expected);
  },
);

test('locks held are counted from /proc/locks', { skip: NEEDS_PYTHON }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'psutil-extra-locks-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const script = `import fcntl, time\nf = open(${JSON.stringify(join(dir, 'a'))}, 'w')\nfcntl.lockf(f, fcntl.LOCK_EX)\ng = open(${JSON.stringify(join(dir, 'b'))}, 'w')\nfcntl.lockf(g, fcntl.LOCK_EX)\nopen(${JSON.stringify(join(dir, 'ready'))}, 'w').close()\ntime.sleep(60)\n`;
  const child = await spawnCommand(['/usr/bin/python3', '-c', script], 'python3');
  t.after(() => child.stop());
  const ready = join(dir, 'ready');
  for (let i = 0; i < 500 && !readdirSync(dir).includes('ready'); i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(readdirSync(dir).includes('ready'), ready);
  const held = readFileSync('/proc/locks', 'latin1')
    .split('\n')
    .filter((l) => l.trim().split(/\s+/)[4] === String(child.pid)).length;
  assert.equal(held, 2);
  assert.equal(procGetrlimitUsage(child.pid, 'locks'), held);
});

test('procGetAllRlimits: every resource, limits as procGetrlimit gives them, usage as procGetrlimitUsage', async (t) => {
  const child = await spawnShell('exec sleep 60');
  t.after(() => child.stop());
  await settled(child.pid);
  const names = Object.keys(constants)
    .filter((k) => k.startsWith('RLIMIT_'))
    .map((k) => k.slice(7).toLowerCase());
  const all = procGetAllRlimits(child.pid);
  assert.deepEqual(Object.keys(all).sort(), [...names].sort());
  for (const name of names) {
    const row = all[name]!;
    assert.deepEqual([row.soft, row.hard], procGetrlimit(child.pid, name), name);
    // Other tests start and end root's tasks meanwhile, and CPU time moves.
    if (name !== 'cpu' && name !== 'nproc') assert.equal(row.usage, procGetrlimitUsage(child.pid, name), name);
    else assert.equal(typeof row.usage, 'number', name);
  }
  const big = procGetAllRlimits(child.pid, { bigint: true });
  assert.deepEqual([big.nofile!.soft, big.nofile!.hard], procGetrlimit(child.pid, 'nofile', { bigint: true }));
  assert.equal(typeof big.nofile!.usage, 'number');
});

test('procGetAllRlimits reads each file of the process once; the NPROC count one status per process', async (t) => {
  // A copied tree holds still: three processes, the child's files, no /proc/locks.
  const child = await spawnShell('exec sleep 60');
  t.after(() => child.stop());
  const root = mkdtempSync(join(tmpdir(), 'psutil-extra-once-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  for (const pid of [child.pid, process.pid, 1]) {
    mkdirSync(join(root, String(pid), 'fd'), { recursive: true });
    for (const file of ['status', 'stat', 'limits']) {
      writeFileSync(join(root, String(pid), file), readFileSync(`/proc/${pid}/${file}`));
    }
    for (const fd of ['0', '1', '2']) writeFileSync(join(root, String(pid), 'fd', fd), '');
  }
  setProcfsPath(root);
  try {
    let opens = procfsCounters.opens;
    const all = procGetAllRlimits(child.pid);
    const onePass = procfsCounters.opens - opens;
    assert.equal(onePass, 3 + 3, 'status, stat and limits once, and the three statuses of the NPROC count');
    opens = procfsCounters.opens;
    for (const name of Object.keys(all)) assert.equal(procGetrlimitUsage(child.pid, name), all[name]!.usage, name);
    assert.ok(procfsCounters.opens - opens > onePass, 'one call per resource reads more');
    assert.equal(all.nofile!.usage, 3);
    assert.equal(all.locks!.usage, undefined, 'no /proc/locks: no figure');
  } finally {
    setProcfsPath('/proc');
  }
});

test('a Process answers through its held process, and fails once it is gone', async () => {
  const child = await spawnShell('exec sleep 60');
  await settled(child.pid);
  const p = new Process(child.pid);
  try {
    assert.equal(p.numFds(), procNumFds(child.pid));
    assert.equal(p.getrlimitUsage('as'), procGetrlimitUsage(child.pid, 'as'));
    assert.deepEqual(Object.keys(p.getAllRlimits()), Object.keys(procGetAllRlimits(child.pid)));
    assert.deepEqual(procAsDict(p, { attrs: ['numFds', 'pgid'] }), { numFds: p.numFds(), pgid: p.getpgid() });
    await child.stop();
    assert.throws(() => p.numFds(), NoSuchProcess);
    assert.throws(() => p.getrlimitUsage('nofile'), NoSuchProcess);
    assert.throws(() => p.getAllRlimits(), NoSuchProcess);
  } finally {
    p.close();
    await child.stop();
  }
});

test('a dead PID is NoSuchProcess; bad arguments are TypeErrors and RangeErrors', () => {
  const dead = deadPid();
  assert.throws(() => procNumFds(dead), NoSuchProcess);
  assert.throws(() => procGetrlimitUsage(dead, 'nofile'), NoSuchProcess);
  assert.throws(() => procGetAllRlimits(dead), NoSuchProcess);
  assert.throws(() => procNumFds('1' as never), { code: 'ERR_INVALID_ARG_TYPE' });
  const unknownName: string = 'nosuch'; // a name read at run time
  assert.throws(() => procGetrlimitUsage(process.pid, unknownName), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => procGetAllRlimits(process.pid, { bigint: 1 } as never), { code: 'ERR_INVALID_ARG_TYPE' });
});

test(
  'the fd count of a process the caller may not trace is AccessDenied; its limits still read',
  { skip: NEEDS_OTHER_UIDS },
  async (t) => {
    // A child of another uid, asked about by a process of a third uid.
    const child = await spawnCommand(
      ['setpriv', '--reuid=54322', '--regid=54322', '--clear-groups', 'sleep', '60'],
      'sleep',
    );
    t.after(() => child.stop());
    const script = `
    const l = require(${JSON.stringify(join(readablePackageRoot(), 'dist', 'index.js'))});
    const out = {};
    try { l.procNumFds(${child.pid}); out.fds = 'ok'; } catch (e) { out.fds = e.name; }
    const all = l.procGetAllRlimits(${child.pid});
    out.nofile = [all.nofile.soft, all.nofile.hard, all.nofile.usage];
    out.as = all.as.usage;
    process.stdout.write(JSON.stringify(out));`;
    const { execFileSync } = await import('node:child_process');
    const out = JSON.parse(
      execFileSync('setpriv', ['--reuid=54323', '--regid=54323', '--clear-groups', process.execPath, '-e', script], {
        encoding: 'utf8',
      }),
    ) as { fds: string; nofile: [number, number, number | null]; as: number };
    assert.equal(out.fds, new AccessDenied(1).name);
    assert.equal(out.nofile[2], null, 'usage denied, limits read');
    assert.equal(typeof out.nofile[0], 'number');
    assert.equal(out.as, kb(child.pid, 'VmSize'));
  },
);

test('pids() lists the processes of the tree, skipping what is not one, and honours setProcfsPath', async (t) => {
  const child = await spawnShell('exec sleep 60');
  t.after(() => child.stop());
  const listed = pids();
  assert.ok(listed.includes(process.pid) && listed.includes(child.pid));
  assert.deepEqual(
    listed,
    [...listed].sort((a, b) => a - b),
  );
  const real = readdirSync('/proc').filter((n) => /^\d+$/.test(n)).length;
  assert.ok(Math.abs(listed.length - real) < 20, `${listed.length} listed, ${real} in /proc`);
  const root = mkdtempSync(join(tmpdir(), 'psutil-extra-pids-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  for (const dir of ['1', '42', '4194304', 'self', '0', '007', 'abc', '12345678']) mkdirSync(join(root, dir));
  writeFileSync(join(root, '99'), 'a file, not a process');
  setProcfsPath(root);
  try {
    assert.deepEqual(pids(), [1, 42, 4194304]);
  } finally {
    setProcfsPath('/proc');
  }
  setProcfsPath(join(root, 'missing'));
  try {
    assert.throws(() => pids(), /does not exist/);
  } finally {
    setProcfsPath('/proc');
  }
});
