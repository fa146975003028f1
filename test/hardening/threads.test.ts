// Thread IDs. /proc/TID answers although readdir(/proc) does not list it, and
// the system calls accept a TID too. Decision (docs/reliability.md): a TID is
// accepted wherever a PID is and names that thread. Per-thread state (pending
// and blocked signals, and credentials such as supplementary groups, which a
// raw setgroups(2) can give one thread alone) is that thread's; process-wide
// state (limits, pgid, sid, umask, ignored/caught signals, process-pending
// signals) is the process's. Tgid in /proc/TID/status names the process.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import * as lib from '../../src/index.js';
import { needs } from '../helpers/requirements.js';
import { encode, procHelper } from './support.js';
import { SIGUSR1, SIGUSR2 } from './support.js';

// The helper gives one thread groups of its own with setgroups(2), which needs root.
const NEEDS_HELPER = needs({ root: 'for setgroups(2)', commands: ['gcc'] });

void describe('hardening: thread IDs', { skip: NEEDS_HELPER }, () => {
  let helper: ReturnType<typeof spawn>;
  let pid = 0;
  let tid = 0;

  before(async () => {
    helper = spawn(procHelper(), ['threads'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const line = await new Promise<string>((resolve) =>
      createInterface({ input: helper.stdout! }).once('line', (l) => resolve(l)),
    );
    [pid, tid] = line.split(' ').map(Number) as [number, number];
  });

  after(async () => {
    const exited = new Promise((r) => helper.once('exit', r));
    helper.kill('SIGKILL');
    await exited;
  });

  void it('a TID is accepted and answers for that thread', (t) => {
    assert.notEqual(tid, pid);
    assert.match(readFileSync(`/proc/${tid}/status`, 'latin1'), new RegExp(`^Tgid:\\t${pid}$`, 'm'));
    const main = lib.procGetSigmasks(pid);
    const thread = lib.procGetSigmasks(tid);
    assert.deepEqual([...main.blocked], [SIGUSR1]);
    assert.deepEqual(
      [...thread.blocked].sort((a, b) => a - b),
      [SIGUSR1, SIGUSR2],
    );
    assert.ok(thread.pending.has(SIGUSR2), 'the signal sent to the thread is pending for it');
    assert.ok(!main.pending.has(SIGUSR2), '... and not for the main thread');
    assert.deepEqual(encode(thread.processPending), encode(main.processPending));
    assert.deepEqual(lib.procGetgroups(tid), [7], 'the thread has its own credentials');
    assert.notDeepEqual(lib.procGetgroups(pid), [7]);
    // Process-wide state is the same through either ID.
    assert.equal(lib.procGetUmask(tid), lib.procGetUmask(pid));
    assert.equal(lib.procGetpgid(tid), lib.procGetpgid(pid));
    assert.equal(lib.procGetsid(tid), lib.procGetsid(pid));
    assert.deepEqual(lib.procGetrlimit(tid, 'nofile'), lib.procGetrlimit(pid, 'nofile'));
    const handle = new lib.Process(tid);
    try {
      assert.equal(handle.isRunning(), true);
      assert.deepEqual(handle.getgroups(), [7]);
      assert.ok(handle.getSigmasks().blocked.has(SIGUSR2));
    } finally {
      handle.close();
    }
    t.diagnostic('FIGURES threads: 13 checks on a TID and its process, 0 wrong answers');
  });

  void it("a limit set through a TID is the whole process's", () => {
    const before = lib.procGetrlimit(pid, 'core');
    lib.procRlimit(tid, 'core', [0, before[1]]);
    assert.deepEqual(lib.procGetrlimit(pid, 'core'), [0, before[1]]);
    assert.deepEqual(lib.procGetrlimit(tid, 'core'), [0, before[1]]);
  });
});
