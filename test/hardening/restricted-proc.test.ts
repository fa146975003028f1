// Restricted /proc: private procfs mounts with hidepid=1 and hidepid=2 (in a
// mount namespace of their own, given to the library through setProcfsPath),
// queried by uid 65534 about a root process; and procfs roots that are empty
// or missing.
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as lib from '../../src/index.js';
import { type Child, deadPid, spawnShell, statIds } from '../helpers/children.js';
import { PROCESS_FUNCTIONS, queriesFor as processQueries } from '../helpers/public-functions.js';
import { needs } from '../helpers/requirements.js';
import { type Outcome, asNobody, outcome, runAgent, scratchDir } from './support.js';

const PID_MAX = Number(readFileSync('/proc/sys/kernel/pid_max', 'latin1'));

// Every per-process function, and a handle's liveness check.
const CALLS: readonly string[] = [...PROCESS_FUNCTIONS, 'Process.isRunning'];

function queriesFor(pid: number): { fn: string; args: unknown[] }[] {
  return [...processQueries(pid), { fn: 'Process.isRunning', args: [pid] }];
}

interface QueryReport {
  self: number;
  uid: number;
  outcomes: Outcome[];
}

function errorName(o: Outcome | undefined): string {
  return o !== undefined && 'error' in o ? o.error.name : `value ${JSON.stringify(o)}`;
}

let figures = 0;

void describe('hardening: restricted /proc', () => {
  let target: Child;
  let dir: string;

  before(async () => {
    target = await spawnShell('umask 027; exec sleep 1000');
    dir = scratchDir('hidepid');
  });

  after(async () => {
    await target.stop();
    lib.setProcfsPath('/proc');
    rmSync(dir, { recursive: true, force: true });
  });

  for (const hidepid of [1, 2]) {
    void it(
      `hidepid=${hidepid}: a hidden live process is AccessDenied, a dead one NoSuchProcess`,
      {
        skip: needs({ root: 'to mount procfs', commands: ['unshare', 'mount'] }),
      },
      async (t) => {
        const mnt = join(dir, `proc${hidepid}`);
        mkdirSync(mnt, { recursive: true, mode: 0o755 });
        const dead = deadPid();
        const never = PID_MAX + 1;
        const nobody = asNobody();
        const spec = {
          ...nobody.spec,
          procfs: mnt,
          queries: [...queriesFor(target.pid), ...queriesFor(dead), ...queriesFor(never)],
        };
        spec.queries.push({ fn: 'procGetUmask', args: ['$self'] });
        const script = `mount -t proc -o hidepid=${hidepid} proc "$0" && exec "$@"`;
        const { result } = await runAgent<QueryReport>(
          ['unshare', '--mount', 'sh', '-c', script, mnt, ...nobody.prefix],
          'query-agent',
          spec,
        );
        assert.equal(result.uid, 65534);
        const n = CALLS.length;
        const live = result.outcomes.slice(0, n);
        const gone = result.outcomes.slice(n, 3 * n);
        const { pgid, sid } = statIds(target.pid);
        for (const [i, o] of live.entries()) {
          // hidepid hides procfs only: getpgid(2) and getsid(2) answer any caller
          // in the same PID namespace, so those two are the true values.
          if (CALLS[i] === 'procGetpgid' || CALLS[i] === 'procGetsid') {
            assert.deepEqual(o, { ok: CALLS[i] === 'procGetpgid' ? pgid : sid }, `${CALLS[i]} by system call`);
            continue;
          }
          assert.equal(errorName(o), 'AccessDenied', `${CALLS[i]} on a hidden live process`);
          // hidepid=2 answers ENOENT, as for a dead process: kill(pid, 0) told them apart.
          if (hidepid === 2 && 'error' in o) assert.match(o.error.message, /procfs hides it/);
        }
        // A PID reused by another user's process meanwhile would be hidden too.
        const deadStillFree = !existsSync(`/proc/${dead}`);
        for (const [i, o] of gone.entries()) {
          if (i < n && !deadStillFree) continue;
          assert.equal(errorName(o), 'NoSuchProcess', `${CALLS[i % n]} on a dead process`);
        }
        const own = result.outcomes[3 * n];
        assert.ok(own !== undefined && 'ok' in own, 'the caller still sees itself');
        figures += result.outcomes.length;
        t.diagnostic(`FIGURES hidepid=${hidepid}: ${result.outcomes.length} calls as uid 65534, 0 wrong answers`);
      },
    );
  }

  void it('an empty directory as procfs root gives NoSuchProcess for every call', () => {
    const empty = scratchDir('empty-proc');
    try {
      lib.setProcfsPath(empty);
      for (const fn of [
        () => lib.procGetUmask(target.pid),
        () => lib.procGetgroups(target.pid),
        () => lib.procGetSigmasks(target.pid),
        () => lib.procGetpgid(target.pid),
        () => lib.procGetsid(target.pid),
        () => lib.procGetrlimit(target.pid, 'nofile'),
        () => lib.procAsDict(target.pid),
        () => new lib.Process(target.pid),
      ]) {
        assert.throws(fn, (err) => err instanceof lib.NoSuchProcess && !(err instanceof lib.ZombieProcess));
        figures++;
      }
      // Setting is refused before any system call: PIDs of another tree mean nothing to prlimit(2).
      const o = outcome(() => lib.procRlimit(target.pid, 'nofile', [10, 20]));
      assert.ok('error' in o && o.error.code === 'ENOTSUP', JSON.stringify(o));
    } finally {
      lib.setProcfsPath('/proc');
      rmSync(empty, { recursive: true, force: true });
    }
  });

  void it('a missing procfs root gives an error that names it', () => {
    const missing = join(dir, 'no-such-proc');
    try {
      lib.setProcfsPath(missing);
      for (const fn of [
        () => lib.procGetUmask(target.pid),
        () => lib.procGetpgid(target.pid),
        () => lib.procGetrlimit(target.pid, 'nofile'),
        () => new lib.Process(target.pid),
      ]) {
        assert.throws(fn, (err: Error & { code?: string }) => {
          assert.ok(!(err instanceof lib.PsutilError), `not a verdict on the process: ${err.name}`);
          assert.equal(err.code, 'ENOENT');
          assert.match(err.message, /procfs root .*no-such-proc does not exist/);
          return true;
        });
        figures++;
      }
    } finally {
      lib.setProcfsPath('/proc');
    }
  });

  void it('reports its count', (t) => {
    assert.ok(figures > 0);
    t.diagnostic(`FIGURES restricted: ${figures} calls against hidden, empty or missing procfs, 0 wrong answers`);
  });
});
