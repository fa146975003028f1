// Forced PID reuse in a new PID namespace, and the descriptors Process handles
// hold. The work runs in agents/reuse-agent.ts as PID 1 of the namespace, under
// a soft and hard RLIMIT_NOFILE of 4096 so that 10,000 dropped handles would
// exhaust descriptors if the library let them.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { needs } from '../helpers/requirements.js';
import { runAgent } from './support.js';

const CYCLES = Number(process.env.HARDENING_REUSE_CYCLES ?? 300);

interface ReuseReport {
  self: number;
  counts: {
    cycles: number;
    reused: number;
    sameTick: number;
    checks: number;
    staleCallsRefused: number;
    fallbackHolds: number;
  };
  fds: Record<string, number>;
  wrong: string[];
}

const NEEDS_NAMESPACE = needs({ root: 'for unshare --pid', commands: ['unshare', 'prlimit'] });

void describe('hardening: PID reuse', { skip: NEEDS_NAMESPACE }, () => {
  void it('a stale Process never answers for, or writes to, the process that took its PID', async (t) => {
    const { result } = await runAgent<ReuseReport>(
      ['prlimit', '--nofile=4096:4096', 'unshare', '--pid', '--fork', '--mount-proc'],
      'reuse-agent',
      { cycles: CYCLES, handles: 0 },
      { nodeArgs: ['--expose-gc'] },
    );
    const { counts } = result;
    assert.equal(result.self, 1, 'the agent is PID 1 of its own namespace');
    assert.deepEqual(result.wrong, []);
    assert.equal(counts.cycles, CYCLES);
    // ns_last_pid makes the kernel hand out exactly the PID asked for.
    assert.ok(counts.reused >= CYCLES * 0.95, `${counts.reused} of ${CYCLES} cycles reused the PID`);
    // A start-time comparison cannot tell these apart; the pinned descriptor can.
    assert.ok(counts.sameTick > 0, 'some reuse happened within one clock tick');
    assert.equal(counts.staleCallsRefused, counts.reused * 12);
    assert.equal(counts.fallbackHolds, 0, 'every handle held a descriptor');
    t.diagnostic(
      `FIGURES reuse: ${counts.reused} reuses forced in ${counts.cycles} cycles, ${counts.sameTick} within the same clock tick, ` +
        `${counts.staleCallsRefused} stale calls refused with NoSuchProcess, ${counts.checks} checks, ${result.wrong.length} wrong answers`,
    );
  });

  void it('past the descriptor budget, a start-time handle still refuses a reused PID from a later tick', async (t) => {
    const fallbackCycles = 30;
    const { result } = await runAgent<ReuseReport>(
      ['prlimit', '--nofile=4096:4096', 'unshare', '--pid', '--fork', '--mount-proc'],
      'reuse-agent',
      { cycles: 0, handles: 0, fallbackCycles },
      { nodeArgs: ['--expose-gc'] },
    );
    const { counts } = result;
    assert.deepEqual(result.wrong, []);
    assert.equal(counts.fallbackHolds, fallbackCycles, 'the old handles held no descriptor');
    assert.ok(counts.reused >= fallbackCycles * 0.9, `${counts.reused} reused`);
    assert.equal(counts.sameTick, 0);
    assert.equal(counts.staleCallsRefused, counts.reused * 12);
    t.diagnostic(
      `FIGURES reuse-fallback: ${counts.reused} reuses forced against start-time handles, ${counts.staleCallsRefused} stale calls refused, ${result.wrong.length} wrong answers`,
    );
  });

  void it('a Process holds one descriptor, releases it on close(), and 10,000 dropped handles do not exhaust descriptors', async (t) => {
    const { result } = await runAgent<ReuseReport>(
      ['prlimit', '--nofile=4096:4096', 'unshare', '--pid', '--fork', '--mount-proc'],
      'reuse-agent',
      { cycles: 0, handles: 10_000 },
      { nodeArgs: ['--expose-gc'] },
    );
    const { fds } = result;
    assert.deepEqual(result.wrong, []);
    assert.equal(fds.held, 1);
    assert.equal(fds.heldAfterCalls, 1);
    assert.equal(fds.afterClose, 0);
    assert.equal(fds.softLimit, 4096);
    assert.equal(fds.answered, 10_000);
    assert.ok(fds.maxHeld! <= 4096 / 4, `at most a quarter of the limit held (${fds.maxHeld})`);
    assert.equal(fds.afterCollection, 0);
    t.diagnostic(
      `FIGURES handles: 10000 handles made and dropped under RLIMIT_NOFILE 4096, at most ${fds.maxHeld} descriptors held, ${fds.afterCollection} left after collection`,
    );
  });
});
