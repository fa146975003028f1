// Running out of descriptors is a moment, not a state: a failure while koffi
// loads does not disable system calls for the rest of the process's life,
// new Process at EMFILE says EMFILE, and handles made in any number of worker
// threads leave the application a quarter of its soft RLIMIT_NOFILE.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { type Child, spawnShell } from '../helpers/children.js';
import { needs } from '../helpers/requirements.js';
import { type Outcome, runAgent } from './support.js';

const LIMIT = ['prlimit', '--nofile=1024:1024'];

function errorCode(o: unknown): unknown {
  return (o as { error?: { code?: unknown } }).error?.code;
}

void describe('hardening: descriptor exhaustion', { skip: needs({ commands: ['prlimit'] }) }, () => {
  let child: Child;

  before(async () => {
    child = await spawnShell('umask 027; exec sleep 1000');
  });

  after(() => child.stop());

  void it('EMFILE while koffi loads is EMFILE for that call, and system calls work once descriptors are back', async () => {
    const { result } = await runAgent<Record<string, Outcome>>(LIMIT, 'descriptor-agent', {
      scenario: 'koffi-emfile',
      target: child.pid,
    });
    assert.equal(errorCode(result.duringPgid), 'EMFILE', JSON.stringify(result.duringPgid));
    assert.ok('ok' in result.afterPgid!, JSON.stringify(result.afterPgid));
    assert.ok('ok' in result.afterSet!, `setting limits works again: ${JSON.stringify(result.afterSet)}`);
  });

  void it('new Process at EMFILE throws EMFILE, and pins its process once a descriptor is free', async () => {
    const { result } = await runAgent<Record<string, Outcome>>(LIMIT, 'descriptor-agent', {
      scenario: 'process-emfile',
      target: child.pid,
    });
    assert.equal(errorCode(result.during), 'EMFILE', JSON.stringify(result.during));
    assert.deepEqual(result.after, { ok: { pinned: 1, umask: 0o027 } });
  });

  void it('handles in four worker threads leave the main thread a quarter of the soft limit', async (t) => {
    const { result } = await runAgent<{ made: number[]; held: number; mainCouldOpen: number }>(
      LIMIT,
      'descriptor-agent',
      { scenario: 'workers', target: child.pid },
    );
    // Every handle is made (past the budget, by start time); no descriptor
    // numbered 768 or more is a hold's.
    assert.deepEqual(result.made, [400, 400, 400, 400]);
    assert.ok(result.held <= 768, `${result.held} descriptors held`);
    assert.ok(result.mainCouldOpen >= 200, `the main thread could still open ${result.mainCouldOpen}`);
    t.diagnostic(
      `FIGURES descriptors: 4 workers x 400 handles under a limit of 1024: ${result.held} held descriptors, the main thread opened ${result.mainCouldOpen} more`,
    );
  });
});
