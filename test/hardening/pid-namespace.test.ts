// PID namespaces. Inside unshare --pid --fork --mount-proc, PID 1 is the
// namespace's own first process, not the host's init. With the host's /proc
// bind-mounted into the namespace and given to setProcfsPath, a host PID is
// answered with the host's values, and no system call ever receives that host
// PID (it would name a process of the namespace): strace records every
// PID-taking call, and koffi is never even loaded.
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Child, limitsLine, spawnCommand, statFields } from '../helpers/children.js';
import { needs } from '../helpers/requirements.js';
import { type Outcome, runAgent, scratchDir } from './support.js';

interface QueryReport {
  self: number;
  koffiLoaded: boolean;
  outcomes: Outcome[];
}

const NEEDS_NAMESPACES = needs({ root: 'for unshare and mount', commands: ['unshare', 'mount', 'prlimit', 'setsid'] });
// strace, where it is installed, records the PID-taking system calls the agent makes.
const NEEDS_STRACE = needs({ commands: ['strace'] });
const HAS_STRACE = NEEDS_STRACE === false;
// Every system call that takes a PID and that a library like this could make.
const PID_SYSCALLS = [
  'prlimit64',
  'getpgid',
  'getsid',
  'kill',
  'tkill',
  'tgkill',
  'pidfd_open',
  'pidfd_send_signal',
  'rt_sigqueueinfo',
  'rt_tgsigqueueinfo',
  'ptrace',
  'process_vm_readv',
  'getpriority',
  'sched_getaffinity',
  'waitid',
];

function value(o: Outcome | undefined): unknown {
  assert.ok(o !== undefined && 'ok' in o, `expected a value, got ${JSON.stringify(o)}`);
  return o.ok;
}

let calls = 0;

void describe('hardening: PID namespaces', { skip: NEEDS_NAMESPACES }, () => {
  let target: Child;
  let dir: string;

  before(async () => {
    // A host process with its own session and distinctive state.
    target = await spawnCommand(['setsid', 'sh', '-c', 'umask 027; ulimit -S -n 333; exec sleep 1000'], 'sleep');
    dir = scratchDir('ns');
  });

  after(async () => {
    await target.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  void it("inside the namespace, results are the namespace's", async (t) => {
    const queries = [
      { fn: 'procGetUmask', args: [1] },
      { fn: 'procGetsid', args: [1] },
      { fn: 'procGetpgid', args: [1] },
      { fn: 'procGetrlimit', args: [1, 'nofile'] },
      { fn: 'Process.getUmask', args: [1] },
    ];
    const { result } = await runAgent<QueryReport>(
      ['prlimit', '--nofile=888:888', 'unshare', '--pid', '--fork', '--mount-proc', 'setsid'],
      'query-agent',
      { umask: 0o037, queries },
    );
    assert.equal(result.self, 1);
    const [umask, sid, pgid, nofile, handleUmask] = result.outcomes.map(value);
    // The host's PID 1 has another umask and limits; these are the agent's own.
    assert.equal(umask, 0o037);
    assert.equal(handleUmask, 0o037);
    assert.equal(sid, 1);
    assert.equal(pgid, 1);
    assert.deepEqual(nofile, [888, 888]);
    assert.notEqual(readFileSync('/proc/1/status', 'latin1').match(/^Umask:\t(\d+)/m)?.[1], '0037');
    calls += queries.length;
    t.diagnostic(`FIGURES namespace: ${queries.length} calls on PID 1 inside a new PID namespace, 0 wrong answers`);
  });

  void it("with the host's /proc, results are the host's and no system call gets a host PID", async (t) => {
    const hostProc = join(dir, 'hostproc');
    const trace = join(dir, 'trace.txt');
    mkdirSync(hostProc, { mode: 0o755 });
    const pid = target.pid;
    const limitsBefore = limitsLine(pid, 'Max open files');
    const queries = [
      { fn: 'procGetUmask', args: [pid] },
      { fn: 'procGetsid', args: [pid] },
      { fn: 'procGetpgid', args: [pid] },
      { fn: 'procGetrlimit', args: [pid, 'nofile'] },
      { fn: 'procGetgroups', args: [pid] },
      { fn: 'procGetSigmasks', args: [pid] },
      { fn: 'procAsDict', args: [pid, { attrs: ['umask', 'sid'] }] },
      { fn: 'Process.getsid', args: [pid] },
      { fn: 'Process.isRunning', args: [pid] },
      { fn: 'procRlimit', args: [pid, 'nofile', [10, 20]] },
    ];
    const tracer = HAS_STRACE ? ['strace', '-f', '-qq', '-e', `trace=${PID_SYSCALLS.join(',')}`, '-o', trace] : [];
    const script = `mount --bind /proc "$0" && exec unshare --pid --fork --mount-proc "$@"`;
    const { result } = await runAgent<QueryReport>(
      ['unshare', '--mount', 'sh', '-c', script, hostProc, ...tracer],
      'query-agent',
      { procfs: hostProc, queries },
    );
    const o = result.outcomes;
    assert.ok(result.self < 10, 'the agent runs in its own PID namespace');
    assert.equal(value(o[0]), 0o027);
    assert.equal(value(o[1]), pid);
    assert.equal(value(o[2]), pid);
    assert.deepEqual(value(o[3]), [333, Number(limitsBefore[1])]);
    assert.deepEqual(value(o[6]), { umask: 0o027, sid: pid });
    assert.equal(value(o[7]), pid);
    assert.equal(value(o[8]), true);
    const set = o[9];
    assert.ok(set !== undefined && 'error' in set && set.error.code === 'ENOTSUP', JSON.stringify(set));
    assert.deepEqual(limitsLine(pid, 'Max open files'), limitsBefore, 'host limits unchanged');
    assert.equal(result.koffiLoaded, false, 'koffi was never loaded');
    await t.test('strace saw no PID-taking system call with the host PID', { skip: NEEDS_STRACE }, () => {
      const lines = readFileSync(trace, 'latin1').split('\n');
      const withHostPid = lines.filter((l) => new RegExp(`\\(${pid}[,)]`).test(l));
      assert.deepEqual(withHostPid, [], 'no PID-taking system call saw the host PID');
    });
    calls += queries.length;
    t.diagnostic(
      `FIGURES host-procfs: ${queries.length} calls on a host PID from inside a PID namespace, ` +
        `${HAS_STRACE ? 'strace saw no PID-taking system call with it' : 'strace absent'}, 0 wrong answers`,
    );
  });

  void it("with a parent namespace's /proc left mounted, answers all come from that /proc", async (t) => {
    // unshare --pid without --mount-proc: /proc still shows the host, where PID
    // 1 is the host's init, while system calls would take PID 1 for the agent.
    const queries = [
      { fn: 'procGetUmask', args: [1] },
      { fn: 'procGetpgid', args: [1] },
      { fn: 'procGetsid', args: [1] },
      { fn: 'procGetrlimit', args: [1, 'nofile'] },
      { fn: 'procRlimit', args: [1, 'core', [0, 0]] },
    ];
    const { result } = await runAgent<QueryReport>(
      ['prlimit', '--nofile=888:888', 'unshare', '--pid', '--fork'],
      'query-agent',
      { umask: 0o037, queries },
    );
    assert.equal(result.self, 1);
    const status = readFileSync('/proc/1/status', 'latin1');
    const tail = statFields(1);
    const [soft, hard] = limitsLine(1, 'Max open files').map((v) => (v === 'unlimited' ? 'Infinity' : Number(v)));
    const o = result.outcomes;
    assert.equal(value(o[0]), parseInt(/^Umask:\t(\d+)/m.exec(status)?.[1] ?? '', 8));
    assert.equal(value(o[1]), Number(tail[2]));
    assert.equal(value(o[2]), Number(tail[3]));
    assert.deepEqual(value(o[3]), [soft, hard], "the host init's limits, not the agent's 888");
    const set = o[4];
    assert.ok(set !== undefined && 'error' in set && set.error.code === 'ENOTSUP', JSON.stringify(set));
    assert.equal(result.koffiLoaded, false);
    calls += queries.length;
    t.diagnostic(`FIGURES stale-proc: ${queries.length} calls with a parent namespace's /proc, 0 mixed answers`);
  });

  void it('reports its count', (t) => {
    assert.ok(calls > 0);
    t.diagnostic(`FIGURES namespaces: ${calls} calls, 0 wrong answers`);
  });
});
