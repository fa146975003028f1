// A handle is one process for its whole life, whatever changes after it was
// made: the procfs path, the namespace a number is read in, descriptor numbers
// the kernel hands out again, a handle closed or collected. And a procfs tree
// is taken to show our own PID namespace only when the kernel proves it.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as lib from '../../src/index.js';
import { type Child, limitsLine, spawnCommand, spawnShell, statIds, waitFor } from '../helpers/children.js';
import { needs } from '../helpers/requirements.js';
import { type Outcome, runAgent, scratchDir } from './support.js';

interface IdentityReport {
  self: number;
  wrong: string[];
  facts: Record<string, unknown>;
}

// A copy of a process's procfs files with pgid, sid and the open-files limit edited.
function editedCopy(pid: number): string {
  const root = mkdtempSync(join(tmpdir(), 'psutil-extra-view-'));
  for (const name of [String(pid), 'self']) {
    mkdirSync(join(root, name));
    for (const file of ['status', 'stat', 'limits'])
      writeFileSync(join(root, name, file), readFileSync(`/proc/${pid}/${file}`));
  }
  const stat = readFileSync(join(root, String(pid), 'stat'), 'latin1');
  const close = stat.lastIndexOf(')');
  const fields = stat.slice(close + 2).split(' ');
  fields[2] = '4242';
  fields[3] = '4343';
  writeFileSync(join(root, String(pid), 'stat'), `${stat.slice(0, close + 2)}${fields.join(' ')}`);
  // proc_pid_limits()'s "%-25s %-20s %-20s %-10s" line.
  const edited = `${'Max open files'.padEnd(25)} ${'123'.padEnd(20)} ${'456'.padEnd(20)} ${'files'.padEnd(10)}`;
  const limits = readFileSync(join(root, String(pid), 'limits'), 'latin1').replace(/^Max open files.*$/m, edited);
  writeFileSync(join(root, String(pid), 'limits'), limits);
  return root;
}

void describe('hardening: a handle keeps its process', () => {
  let child: Child;

  before(async () => {
    child = await spawnShell('umask 027; exec sleep 1000');
  });

  after(async () => {
    lib.setProcfsPath('/proc');
    await child.stop();
  });

  void it('a handle made on another tree reads that tree after setProcfsPath changes, and never writes by number', (t) => {
    const root = editedCopy(child.pid);
    t.after(() => rmSync(root, { recursive: true, force: true }));
    const limitsBefore = readFileSync(`/proc/${child.pid}/limits`, 'latin1');
    lib.setProcfsPath(root);
    const onCopy = new lib.Process(child.pid);
    t.after(() => onCopy.close());
    lib.setProcfsPath('/proc');
    assert.equal(onCopy.getpgid(), 4242, 'pgid from the tree the handle was made on');
    assert.equal(onCopy.getsid(), 4343);
    assert.deepEqual(onCopy.getrlimit('nofile'), [123, 456]);
    assert.throws(() => onCopy.rlimit('nofile', [10, 20]), { code: 'ENOTSUP' });
    assert.throws(() => lib.procRlimit(onCopy, 'nofile', [10, 20]), { code: 'ENOTSUP' });
    assert.equal(readFileSync(`/proc/${child.pid}/limits`, 'latin1'), limitsBefore, 'nothing was written');
    // Calls by PID follow the current path: the live process.
    assert.equal(lib.procGetpgid(child.pid), statIds(child.pid).pgid);
  });

  void it('a handle made on /proc keeps reading /proc after setProcfsPath points elsewhere', (t) => {
    const root = editedCopy(child.pid);
    t.after(() => rmSync(root, { recursive: true, force: true }));
    const live = new lib.Process(child.pid);
    t.after(() => live.close());
    const real = lib.procGetrlimit(child.pid, 'nofile');
    assert.notDeepEqual(real, [123, 456]);
    lib.setProcfsPath(root);
    try {
      assert.equal(live.getpgid(), statIds(child.pid).pgid);
      assert.deepEqual(live.getrlimit('nofile'), real);
      assert.equal(live.getUmask(), 0o027);
      assert.equal(lib.procGetpgid(child.pid), 4242, 'calls by PID read the new tree');
    } finally {
      lib.setProcfsPath('/proc');
    }
  });

  void it(
    "a container's procfs seen from the host: handles pin through this process's own /proc",
    { skip: needs({ root: 'for unshare', commands: ['unshare', 'setsid'] }) },
    async (t) => {
      const ctr = spawn(
        'unshare',
        ['--pid', '--fork', '--mount-proc', 'setsid', 'sh', '-c', 'umask 037; exec sleep 1000'],
        {
          stdio: 'ignore',
        },
      );
      t.after(() => {
        ctr.kill('SIGKILL');
      });
      // The container's PID 1 is the child unshare forked; its /proc is the container's own.
      const init = await waitFor(() => {
        const kids = readFileSync(`/proc/${ctr.pid}/task/${ctr.pid}/children`, 'latin1').trim();
        if (kids === '') return undefined;
        const pid = Number(kids.split(' ')[0]);
        return readFileSync(`/proc/${pid}/status`, 'latin1').startsWith('Name:\tsleep\n') ? pid : undefined;
      }, 'the container to start');
      const root = `/proc/${init}/root/proc`;
      await waitFor(() => existsSync(`${root}/1/status`), 'the container procfs');
      lib.setProcfsPath(root);
      try {
        const p = new lib.Process(1);
        t.after(() => p.close());
        assert.equal(p.getUmask(), 0o037);
        assert.equal(p.isRunning(), true);
        assert.equal(p.getsid(), 1, "the container's own numbering, from its tree");
        assert.throws(() => p.rlimit('nofile', [10, 20]), { code: 'ENOTSUP' });
        process.kill(init, 'SIGKILL');
        await waitFor(() => !p.isRunning(), 'the handle to see its process gone');
        assert.throws(() => p.getUmask(), lib.NoSuchProcess);
      } finally {
        lib.setProcfsPath('/proc');
      }
    },
  );
});

const NEEDS_NAMESPACES = needs({ root: 'for unshare and mount', commands: ['unshare', 'mount', 'setsid', 'setpriv'] });

void describe('hardening: namespaces and reused descriptors', { skip: NEEDS_NAMESPACES }, () => {
  let target: Child;
  let dir: string;

  before(async () => {
    target = await spawnCommand(['setsid', 'sh', '-c', 'ulimit -S -n 333; exec sleep 1000'], 'sleep');
    dir = scratchDir('identity');
  });

  after(async () => {
    await target.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  void it("a handle made on the host's /proc, inside a PID namespace, never answers for or writes to a local process with its number", async () => {
    const hostProc = join(dir, 'hostproc');
    mkdirSync(hostProc, { mode: 0o755 });
    const script = `mount --bind /proc "$0" && exec unshare --pid --fork --mount-proc "$@"`;
    const { result } = await runAgent<IdentityReport>(
      ['unshare', '--mount', 'sh', '-c', script, hostProc],
      'identity-agent',
      { scenario: 'handle-keeps-view', hostProc, hostPid: target.pid },
    );
    assert.equal(result.facts.localPid, target.pid, 'a local process took the host number');
    assert.deepEqual(result.wrong, []);
    assert.equal((result.facts.rlimitSet as { error?: { code?: unknown } }).error?.code, 'ENOTSUP');
    assert.equal((result.facts.procRlimitSet as { error?: { code?: unknown } }).error?.code, 'ENOTSUP');
    assert.equal(result.facts.running, true);
    assert.deepEqual(result.facts.byNumber, { ok: [77, 77] }, 'calls by PID read the local process');
    assert.deepEqual(limitsLine(target.pid, 'Max open files')[0], '333');
  });

  for (const gc of [false, true]) {
    void it(`inside one oneshot, a new handle on the same descriptor number is never served a ${gc ? 'collected' : 'closed'} handle's reads`, async () => {
      const { result } = await runAgent<IdentityReport>(
        ['unshare', '--pid', '--fork', '--mount-proc'],
        'identity-agent',
        { scenario: 'oneshot-reuse', gc },
        { nodeArgs: ['--expose-gc'] },
      );
      assert.deepEqual(result.wrong, []);
      assert.equal(result.facts.umaskB, 0o077);
    });
  }

  void it("a parent namespace's /proc is not taken for ours when our PID is the same number in both", async (t) => {
    // The agent runs in a new PID namespace without its own /proc mount, and
    // ns_last_pid in both namespaces gives it the same number in each.
    const truth = statIds(target.pid);
    let report: IdentityReport | undefined;
    for (let attempt = 0; attempt < 8 && report === undefined; attempt++) {
      const base = 20000 + Math.floor(Math.random() * 10000);
      if ([1, 2, 3].some((d) => existsSync(`/proc/${base + d}`))) continue;
      const inner = `echo $(( ${base} + 1 )) > /proc/sys/kernel/ns_last_pid; "$0" "$@"; true`;
      const outer = `echo ${base} > /proc/sys/kernel/ns_last_pid; exec unshare --pid --fork sh -c '${inner}' "$@"`;
      const run = await runAgent<IdentityReport>(['sh', '-c', outer, 'sh'], 'identity-agent', {
        scenario: 'coincidence',
        hostPid: target.pid,
      });
      if (run.result.facts.procSelf === run.result.self) report = run.result;
    }
    assert.ok(report !== undefined, 'the agent got the same PID in both namespaces');
    const value = (o: unknown): unknown => (o as Outcome & { ok?: unknown }).ok;
    assert.equal(value(report.facts.pgid), truth.pgid);
    assert.equal(value(report.facts.sid), truth.sid);
    assert.equal(value(report.facts.handlePgid), truth.pgid);
    assert.equal((report.facts.set as { error?: { code?: unknown } }).error?.code, 'ENOTSUP');
    t.diagnostic(
      `FIGURES identity: agent PID ${report.self} in both namespaces; host PID ${target.pid} answered from its tree`,
    );
  });
});
