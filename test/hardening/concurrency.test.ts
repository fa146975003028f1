// Concurrency. oneshotProc() caches per async context: many overlapping async
// tasks for equal and different PIDs, while the processes' pending signal sets
// keep growing, must each see their own consistent snapshot, fresh when they
// start and never another task's or another PID's. worker_threads calling the
// library in parallel must get correct answers.
import { strict as assert } from 'node:assert';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { after, before, describe, it } from 'node:test';
import * as lib from '../../src/index.js';
import { type Child, limitsLine, spawnCommand } from '../helpers/children.js';
import { needs } from '../helpers/requirements.js';
import { agentPath, procHelper } from './support.js';
import type { Known } from './agents/query-worker.js';

const TASKS = Number(process.env.HARDENING_TASKS ?? 400);
const CHILDREN = 4;

void describe('hardening: concurrency', { skip: needs({ commands: ['gcc', 'setsid'] }) }, () => {
  const children: Child[] = [];
  const known: Known[] = [];

  before(async () => {
    for (let i = 0; i < CHILDREN; i++) {
      const umask = [0o002, 0o027, 0o077, 0o022][i]!;
      const child = await spawnCommand(
        ['setsid', 'sh', '-c', `umask 0${umask.toString(8)}; ulimit -S -n ${100 + i}; exec ${procHelper()} block`],
        'proc-helper',
      );
      children.push(child);
      const [soft, hard] = limitsLine(child.pid, 'Max open files');
      known.push({ pid: child.pid, umask, sid: child.pid, nofile: [Number(soft), Number(hard)] });
    }
  });

  after(async () => {
    for (const child of children) await child.stop();
  });

  void it('overlapping oneshotProc tasks never see another task or PID cache', async (t) => {
    // Each child gets its own real-time signals; all are blocked, so each one
    // sent stays in the child's process-pending set (ShdPnd) for good.
    const pools = known.map((_, i) => Array.from({ length: 7 }, (_unused, j) => 34 + i * 7 + j));
    const sent = known.map(() => new Set<number>());
    const wrong: string[] = [];
    let checks = 0;
    const check = (what: string, ok: boolean): void => {
      checks++;
      if (!ok) wrong.push(what);
    };
    const pending = (pid: number): number[] => [...lib.procGetSigmasks(pid).processPending].sort((a, b) => a - b);
    const subset = (a: Iterable<number>, b: Iterable<number>): boolean => {
      const set = new Set(b);
      return [...a].every((x) => set.has(x));
    };

    // Tasks whose process changed while their snapshot was held: the cases
    // where a leaked or missing cache would show.
    let changedUnderSnapshot = 0;
    let mutating = true;
    const mutator = (async () => {
      for (let step = 0; mutating && step < 7 * CHILDREN; step++) {
        const i = step % CHILDREN;
        const sig = pools[i]![Math.floor(step / CHILDREN)]!;
        sent[i]!.add(sig);
        process.kill(known[i]!.pid, sig);
        await sleep(3);
      }
    })();

    const task = async (n: number): Promise<void> => {
      await sleep(n % 90);
      const i = n % CHILDREN;
      const j = (n * 7 + 3) % CHILDREN;
      const { pid } = known[i]!;
      const sentAtStart = [...sent[i]!];
      await lib.oneshotProc(pid, async () => {
        const first = pending(pid);
        check(`task ${n}: first read of ${pid} is fresh`, subset(sentAtStart, first));
        check(`task ${n}: ${pid} shows only its own signals`, subset(first, pools[i]!));
        await sleep(n % 7);
        check(
          `task ${n}: second read of ${pid} is the snapshot`,
          JSON.stringify(pending(pid)) === JSON.stringify(first),
        );
        const dict = lib.procAsDict(pid, { attrs: ['sigmasks', 'umask'] });
        check(
          `task ${n}: asDict uses the snapshot`,
          JSON.stringify([...dict.sigmasks!.processPending].sort((a, b) => a - b)) === JSON.stringify(first),
        );
        check(`task ${n}: umask of ${pid}`, dict.umask === known[i]!.umask);
        // A nested oneshot for another PID: its own cache, fresh.
        const otherPid = known[j]!.pid;
        const sentOther = [...sent[j]!];
        const other = lib.oneshotProc(otherPid, () => pending(otherPid));
        check(`task ${n}: nested ${otherPid} fresh`, i === j || subset(sentOther, other));
        check(`task ${n}: nested ${otherPid} own signals`, subset(other, pools[j]!));
        check(`task ${n}: nested umask`, lib.procGetUmask(otherPid) === known[j]!.umask);
        await sleep(n % 5);
        check(`task ${n}: still the snapshot`, JSON.stringify(pending(pid)) === JSON.stringify(first));
        if (sent[i]!.size > first.length) changedUnderSnapshot++;
      });
      // After the oneshot, reads are fresh again.
      const sentNow = [...sent[i]!];
      check(`task ${n}: fresh after the oneshot`, subset(sentNow, pending(pid)));
    };

    await Promise.all(Array.from({ length: TASKS }, (_, n) => task(n)));
    mutating = false;
    await mutator;
    assert.deepEqual(wrong, []);
    assert.ok(sent.every((s) => s.size > 0));
    assert.ok(changedUnderSnapshot > 0, 'some processes changed while a task held its snapshot');
    t.diagnostic(
      `FIGURES oneshot: ${TASKS} overlapping async tasks over ${CHILDREN} PIDs, ${checks} checks, ${changedUnderSnapshot} snapshots outlived a change, 0 wrong answers`,
    );
  });

  void it('worker_threads calling the library in parallel get correct answers', async (t) => {
    const iterations = Number(process.env.HARDENING_WORKER_ITERATIONS ?? 2000);
    const workers = 4;
    const results = await Promise.all(
      Array.from(
        { length: workers },
        (_, w) =>
          new Promise<{ calls: number; wrong: string[] }>((resolve, reject) => {
            const worker = new Worker(agentPath('query-worker'), { workerData: { known, iterations, seed: w + 1 } });
            worker.once('message', resolve);
            worker.once('error', reject);
          }),
      ),
    );
    const calls = results.reduce((sum, r) => sum + r.calls, 0);
    assert.deepEqual(
      results.flatMap((r) => r.wrong),
      [],
    );
    assert.equal(calls, workers * iterations * 8);
    t.diagnostic(`FIGURES workers: ${workers} worker threads, ${calls} calls in parallel, 0 wrong answers`);
  });
});
