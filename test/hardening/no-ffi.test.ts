// No FFI: a child node process whose require('koffi') fails (a --require
// preload, agents/no-koffi.ts) must still answer every Linux read that /proc
// can serve, with the same values this process gets through system calls;
// only setting limits fails, with ENOTSUP and a message naming koffi.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import * as lib from '../../src/index.js';
import { type Child, limitsLine, spawnCommand } from '../helpers/children.js';
import { queriesFor } from '../helpers/public-functions.js';
import { needs } from '../helpers/requirements.js';
import { type Outcome, agentPath, encode, outcome, procHelper, runAgent } from './support.js';

interface QueryReport {
  koffiLoaded: boolean;
  outcomes: Outcome[];
}

void describe('hardening: koffi cannot load', { skip: needs({ commands: ['gcc', 'setsid'] }) }, () => {
  let target: Child;

  before(async () => {
    target = await spawnCommand(
      ['setsid', 'sh', '-c', `umask 037; ulimit -S -n 123; exec ${procHelper()} block`],
      'proc-helper',
    );
  });

  after(async () => {
    await target.stop();
  });

  void it('every /proc read works without koffi; only setting limits fails, naming koffi', async (t) => {
    const pid = target.pid;
    const reads: { fn: string; args: unknown[]; expected: () => unknown }[] = [
      { fn: 'procGetUmask', args: [pid], expected: () => lib.procGetUmask(pid) },
      { fn: 'procGetgroups', args: [pid], expected: () => lib.procGetgroups(pid) },
      { fn: 'procGetSigmasks', args: [pid], expected: () => lib.procGetSigmasks(pid) },
      { fn: 'procGetpgid', args: [pid], expected: () => lib.procGetpgid(pid) },
      { fn: 'procGetsid', args: [pid], expected: () => lib.procGetsid(pid) },
      { fn: 'procAsDict', args: [pid], expected: () => lib.procAsDict(pid) },
      { fn: 'Process.getsid', args: [pid], expected: () => lib.procGetsid(pid) },
      { fn: 'Process.isRunning', args: [pid], expected: () => true },
      { fn: 'procGetUmask', args: ['$self'], expected: () => undefined },
    ];
    for (const resource of ['nofile', 'core', 'stack', 'as', 'rttime']) {
      reads.push({ fn: 'procGetrlimit', args: [pid, resource], expected: () => lib.procGetrlimit(pid, resource) });
      reads.push({
        fn: 'procGetrlimit',
        args: [pid, resource, { bigint: true }],
        expected: () => lib.procGetrlimit(pid, resource, { bigint: true }),
      });
    }
    // Every per-process function of the shared list, compared with the
    // answer this process (with koffi) gets. procGetAllRlimits counts the
    // tasks of root, which other tests change meanwhile: it must only answer.
    for (const { fn, args } of queriesFor(pid)) {
      const call = lib[fn] as (...a: unknown[]) => unknown;
      reads.push({ fn, args, expected: fn === 'procGetAllRlimits' ? () => undefined : () => call(...args) });
    }
    const writes = [
      { fn: 'procRlimit', args: [pid, 'nofile', [10, 20]] },
      { fn: 'Process.rlimit', args: [pid, 'core', [0, 0]] },
    ];
    const nofileBefore = limitsLine(pid, 'Max open files');
    const { result } = await runAgent<QueryReport>(
      [],
      'query-agent',
      { queries: [...reads, ...writes] },
      {
        nodeArgs: ['--require', agentPath('no-koffi')],
      },
    );
    assert.equal(result.koffiLoaded, false);
    for (const [i, read] of reads.entries()) {
      const got = result.outcomes[i];
      assert.ok(got !== undefined && 'ok' in got, `${read.fn}(${JSON.stringify(read.args)}): ${JSON.stringify(got)}`);
      const want = read.expected();
      if (want !== undefined) assert.deepEqual(got.ok, encode(want), `${read.fn}(${JSON.stringify(read.args)})`);
    }
    assert.equal(lib.procGetUmask(pid), 0o037);
    assert.equal(lib.procGetsid(pid), pid);
    for (const [i] of writes.entries()) {
      const got = result.outcomes[reads.length + i];
      assert.ok(got !== undefined && 'error' in got, JSON.stringify(got));
      assert.equal(got.error.code, 'ENOTSUP');
      assert.match(got.error.message, /koffi could not be loaded/);
    }
    assert.deepEqual(limitsLine(pid, 'Max open files'), nofileBefore);
    // With koffi, this process sets the same limit without trouble.
    assert.ok('ok' in outcome(() => lib.procRlimit(pid, 'core', [0, 0])));
    t.diagnostic(
      `FIGURES no-ffi: ${reads.length} reads without koffi equal to the system-call answers, ${writes.length} writes refused naming koffi`,
    );
  });
});
