// Processes that die mid-call: thousands of short-lived children, each queried
// over and over while it runs, exits, lingers as a zombie and is reaped (see
// agents/race-agent.ts). No answer may be a half-read or another state's value.
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as lib from '../../src/index.js';
import { IS_ROOT, ROOT, procHelper, runAgent, scratchDir } from './support.js';

const CHILDREN = Number(process.env.HARDENING_RACE_CHILDREN ?? 3000);

interface RaceReport {
  self: number;
  leader: number;
  code: number;
  counts: { processes: number; calls: number; values: number; zombie: number; gone: number };
  wrong: string[];
}

void describe('hardening: processes that die mid-call', { skip: !IS_ROOT && 'needs root for unshare --pid' }, () => {
  void it('every answer is the true value or NoSuchProcess/ZombieProcess', async (t) => {
    const { result } = await runAgent<RaceReport>(
      ['unshare', '--pid', '--fork', '--mount-proc'],
      'race-agent',
      { helper: procHelper(), children: CHILDREN },
      { timeoutMs: 180_000 },
    );
    const { counts } = result;
    assert.deepEqual(result.wrong, []);
    assert.equal(result.code, 0, 'the race leader ran to the end');
    assert.equal(counts.processes, CHILDREN);
    // The race really covered every phase: live values, zombies and reaped PIDs.
    assert.ok(counts.values > CHILDREN / 2, `${counts.values} values`);
    assert.ok(counts.zombie > 0, 'some calls met a zombie');
    assert.ok(counts.gone >= CHILDREN, 'every child was finally reported gone');
    t.diagnostic(
      `FIGURES race: ${counts.processes} processes raced, ${counts.calls} calls (${counts.values} values, ` +
        `${counts.zombie} ZombieProcess, ${counts.gone} NoSuchProcess), ${result.wrong.length} wrong answers`,
    );
  });

  // The rarest state the race meets (about one read in 50,000): status read
  // while the kernel releases the task, captured from this kernel. Threads: 0
  // and every mask zero; the masks are not the process's.
  void it('a status read during reaping is NoSuchProcess, not empty signal masks', () => {
    const root = scratchDir('released');
    try {
      mkdirSync(join(root, '1050'));
      copyFileSync(join(ROOT, 'test/hardening/fixtures/released-status.txt'), join(root, '1050/status'));
      lib.setProcfsPath(root);
      const gone = (err: unknown): boolean => err instanceof lib.NoSuchProcess && !(err instanceof lib.ZombieProcess);
      assert.throws(() => lib.procGetSigmasks(1050), gone);
      assert.throws(() => lib.procAsDict(1050, { attrs: ['groups', 'sigmasks'] }), gone);
      // What the kernel still prints correctly is still answered.
      assert.deepEqual(lib.procGetgroups(1050), [4, 5, 6]);
    } finally {
      lib.setProcfsPath('/proc');
      rmSync(root, { recursive: true, force: true });
    }
  });
});
