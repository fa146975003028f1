// Processes that die mid-call: thousands of short-lived children, each queried
// over and over while it runs, exits, lingers as a zombie and is reaped (see
// agents/race-agent.ts). No answer may be a half-read or another state's value.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { IS_ROOT, procHelper, runAgent } from './support.js';

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
});
