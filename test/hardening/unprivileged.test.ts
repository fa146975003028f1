// An unprivileged caller (uid 65534, no groups) against root's process: what
// the kernel lets anyone read (status, stat and limits are world-readable;
// getpgid and getsid need no privilege) is answered; prlimit(2), which needs
// the target's credentials even to read, falls back to /proc/PID/limits;
// setting limits is AccessDenied and leaves them as they were.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { type Child, limitsLine, spawnCommand } from '../helpers/children.js';
import { type ProcessFunction, queriesFor } from '../helpers/public-functions.js';
import { needs } from '../helpers/requirements.js';
import { type Outcome, asNobody, runAgent } from './support.js';

interface QueryReport {
  uid: number;
  outcomes: Outcome[];
}

function value(o: Outcome | undefined): unknown {
  assert.ok(o !== undefined && 'ok' in o, `expected a value, got ${JSON.stringify(o)}`);
  return o.ok;
}

function denied(o: Outcome | undefined): void {
  assert.ok(o !== undefined && 'error' in o && o.error.name === 'AccessDenied', JSON.stringify(o));
}

const NEEDS_ROOT = needs({ root: 'to drop to uid 65534', commands: ['setsid'] });

void describe('hardening: unprivileged caller', { skip: NEEDS_ROOT }, () => {
  let target: Child;

  before(async () => {
    target = await spawnCommand(['setsid', 'sh', '-c', 'umask 027; ulimit -S -n 321; exec sleep 1000'], 'sleep');
  });

  after(async () => {
    await target.stop();
  });

  void it("reads what the kernel allows, and cannot change root's limits", async (t) => {
    const pid = target.pid;
    const nofileBefore = limitsLine(pid, 'Max open files');
    const coreBefore = limitsLine(pid, 'Max core file size');
    const queries = [
      { fn: 'procGetUmask', args: [pid] },
      { fn: 'procGetgroups', args: [pid] },
      { fn: 'procGetpgid', args: [pid] },
      { fn: 'procGetsid', args: [pid] },
      { fn: 'procGetrlimit', args: [pid, 'nofile'] },
      { fn: 'procRlimit', args: [pid, 'nofile'] },
      { fn: 'procAsDict', args: [pid] },
      { fn: 'Process.getUmask', args: [pid] },
      { fn: 'Process.isRunning', args: [pid] },
      { fn: 'procGetSigmasks', args: [pid] },
      { fn: 'procRlimit', args: [pid, 'nofile', [10, 20]] },
      { fn: 'procRlimit', args: [pid, 'core', [0, 0]] },
      { fn: 'Process.rlimit', args: [pid, 'nofile', [Number(nofileBefore[0]), Number(nofileBefore[1])]] },
    ];
    const nobody = asNobody();
    const { result } = await runAgent<QueryReport>(nobody.prefix, 'query-agent', { ...nobody.spec, queries });
    assert.equal(result.uid, 65534);
    const o = result.outcomes;
    const status = readFileSync(`/proc/${pid}/status`, 'latin1');
    const groups = (/^Groups:\t(.*)$/m.exec(status)?.[1] ?? '').trim().split(' ').filter(Boolean).map(Number);
    const nofile = [Number(nofileBefore[0]), Number(nofileBefore[1])];
    assert.equal(value(o[0]), 0o027);
    assert.deepEqual(value(o[1]), groups);
    assert.equal(value(o[2]), pid);
    assert.equal(value(o[3]), pid);
    assert.deepEqual(value(o[4]), nofile);
    assert.deepEqual(value(o[5]), nofile);
    const dict = value(o[6]) as Record<string, unknown>;
    assert.equal(dict.umask, 0o027);
    assert.equal(dict.sid, pid);
    assert.equal(value(o[7]), 0o027);
    assert.equal(value(o[8]), true);
    value(o[9]);
    denied(o[10]);
    denied(o[11]);
    denied(o[12]);
    assert.deepEqual(limitsLine(pid, 'Max open files'), nofileBefore, 'nofile unchanged');
    assert.deepEqual(limitsLine(pid, 'Max core file size'), coreBefore, 'core unchanged');
    t.diagnostic(
      `FIGURES unprivileged: ${queries.length} calls as uid 65534 on a root process, 3 writes refused, 0 wrong answers`,
    );
  });

  void it('every per-process function answers what the kernel lets anyone read, and AccessDenied for the rest', async () => {
    const pid = target.pid;
    const status = readFileSync(`/proc/${pid}/status`, 'latin1');
    const nofile = limitsLine(pid, 'Max open files').map(Number);
    // Typed by the shared list: a new function needs its expectation here.
    const expect: Readonly<Record<ProcessFunction, (o: Outcome | undefined) => void>> = {
      procGetUmask: (o) => assert.equal(value(o), 0o027),
      procGetgroups: (o) => assert.deepEqual(value(o), []),
      procRlimit: (o) => assert.deepEqual(value(o), nofile),
      procGetrlimit: (o) => assert.deepEqual(value(o), nofile),
      procGetpgid: (o) => assert.equal(value(o), pid),
      procGetsid: (o) => assert.equal(value(o), pid),
      procGetSigmasks: (o) => assert.equal(typeof value(o), 'object'),
      procGetName: (o) => assert.equal(value(o), 'sleep'),
      procGetUids: (o) => assert.deepEqual(value(o), { real: 0, effective: 0, saved: 0 }),
      procGetCmdline: (o) => assert.deepEqual(value(o), ['sleep', '1000']),
      // /proc/PID/fd needs the right to trace the process (proc_fd_permission()).
      procGetrlimitUsage: denied,
      procNumFds: denied,
      procGetAllRlimits: (o) => {
        const all = value(o) as Record<string, { soft: number; hard: number; usage: unknown }>;
        assert.deepEqual([all.nofile?.soft, all.nofile?.hard, all.nofile?.usage], [...nofile, null]);
        assert.equal(all.as?.usage, Number(/\nVmSize:\s+(\d+) kB/.exec(status)?.[1]) * 1024);
      },
    };
    const queries = queriesFor(pid);
    const nobody = asNobody();
    const { result } = await runAgent<QueryReport>(nobody.prefix, 'query-agent', { ...nobody.spec, queries });
    assert.equal(result.uid, 65534);
    for (const [i, q] of queries.entries()) expect[q.fn](result.outcomes[i]);
  });
});
