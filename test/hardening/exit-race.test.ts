// Processes that die mid-call: thousands of short-lived children, each queried
// over and over while it runs, exits, lingers as a zombie and is reaped (see
// agents/race-agent.ts). No answer may be a half-read or another state's value.
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as lib from '../../src/index.js';
import { needs } from '../helpers/requirements.js';
import { ROOT, agentPath, procHelper, runAgent, scratchDir } from './support.js';

const CHILDREN = Number(process.env.HARDENING_RACE_CHILDREN ?? 3000);

interface RaceReport {
  self: number;
  leader: number;
  code: number;
  counts: { processes: number; calls: number; values: number; zombie: number; gone: number };
  wrong: string[];
}

const NEEDS_NAMESPACE = needs({ root: 'for unshare --pid', commands: ['unshare', 'gcc'] });

void describe('hardening: processes that die mid-call', () => {
  // With koffi, pgid, sid and limits come from system calls; without it
  // (the same agent with require('koffi') failing), from stat and limits.
  for (const ffi of [true, false]) {
    void it(
      `every answer is the true value or NoSuchProcess/ZombieProcess (${ffi ? 'system calls' : 'procfs only'})`,
      { skip: NEEDS_NAMESPACE },
      async (t) => {
        const children = ffi ? CHILDREN : Math.ceil(CHILDREN / 2);
        const { result } = await runAgent<RaceReport>(
          ['unshare', '--pid', '--fork', '--mount-proc'],
          'race-agent',
          { helper: procHelper(), children },
          { timeoutMs: 180_000, nodeArgs: ffi ? [] : ['--require', agentPath('no-koffi')] },
        );
        const { counts } = result;
        assert.deepEqual(result.wrong, []);
        assert.equal(result.code, 0, 'the race leader ran to the end');
        assert.equal(counts.processes, children);
        // The race really covered every phase: live values, zombies and reaped PIDs.
        assert.ok(counts.values > children / 4, `${counts.values} values`);
        assert.ok(counts.zombie > 0, 'some calls met a zombie');
        assert.ok(counts.gone >= children, 'every child was finally reported gone');
        t.diagnostic(
          `FIGURES race${ffi ? '' : '-no-ffi'}: ${counts.processes} processes raced, ${counts.calls} calls (${counts.values} values, ` +
            `${counts.zombie} ZombieProcess, ${counts.gone} NoSuchProcess), ${result.wrong.length} wrong answers`,
        );
      },
    );
  }

  // The rarest state the race meets (about one read in 50,000): files read
  // while the kernel releases the task, captured from this kernel. status has
  // Threads: 0 and every mask zero, stat 0 threads and pgid and sid -1: none
  // of that is the process's. (A procfs tree of files is read without system
  // calls, as with a foreign procfs or without koffi.)
  void it('status and stat read during reaping are NoSuchProcess, not zeros or -1', () => {
    const root = scratchDir('released');
    try {
      mkdirSync(join(root, '1050'));
      copyFileSync(join(ROOT, 'test/hardening/fixtures/released-status.txt'), join(root, '1050/status'));
      mkdirSync(join(root, '2545'));
      copyFileSync(join(ROOT, 'test/hardening/fixtures/released-stat.txt'), join(root, '2545/stat'));
      lib.setProcfsPath(root);
      const gone = (err: unknown): boolean => err instanceof lib.NoSuchProcess && !(err instanceof lib.ZombieProcess);
      assert.throws(() => lib.procGetSigmasks(1050), gone);
      assert.throws(() => lib.procAsDict(1050, { attrs: ['groups', 'sigmasks'] }), gone);
      assert.throws(() => lib.procGetpgid(2545), gone);
      assert.throws(() => lib.procGetsid(2545), gone);
      // What the kernel still prints correctly is still answered.
      assert.deepEqual(lib.procGetgroups(1050), [4, 5, 6]);
    } finally {
      lib.setProcfsPath('/proc');
      rmSync(root, { recursive: true, force: true });
    }
  });
});
