import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { NoSuchProcess, procGetSigmasks, type Sigmasks } from '../../src/index.js';
import { deadPid, procMask, waitFor } from '../helpers/children.js';
import { needs } from '../helpers/requirements.js';

const sorted = (set: ReadonlySet<number>): number[] => [...set].sort((a, b) => a - b);

// A python child that blocks SIGUSR1 and SIGRTMIN+6 (40), ignores SIGUSR2,
// catches SIGTERM and SIGRTMAX (64), and raises 40 at its own thread (thread-pending).
const SCRIPT = `
import os, signal, sys, threading, time
signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1, 40})
signal.signal(signal.SIGUSR2, signal.SIG_IGN)
signal.signal(signal.SIGTERM, lambda *a: None)
signal.signal(64, lambda *a: None)
signal.pthread_kill(threading.get_ident(), 40)
sys.stdout.write('ready\\n'); sys.stdout.flush()
time.sleep(60)
`;

const NEEDS_PYTHON = needs({ commands: ['python3'] });

test('pending, blocked, ignored, caught and process-pending, all 64 bits', { skip: NEEDS_PYTHON }, async (t) => {
  const child = spawn('python3', ['-c', SCRIPT], { stdio: ['ignore', 'pipe', 'inherit'] });
  t.after(() => {
    child.kill('SIGKILL');
  });
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  const pid = child.pid!;
  process.kill(pid, 'SIGUSR1'); // blocked, so it stays pending for the whole process
  await waitFor(() => procMask(pid, 'ShdPnd').includes(10), 'SIGUSR1 to be pending');

  const masks: Sigmasks = procGetSigmasks(pid);
  assert.deepEqual(sorted(masks.pending), [40]);
  assert.deepEqual(sorted(masks.processPending), [10]);
  assert.ok(masks.blocked.has(10) && masks.blocked.has(40));
  assert.ok(masks.ignored.has(12), 'SIGUSR2 ignored');
  assert.ok(masks.caught.has(15) && masks.caught.has(64), 'SIGTERM and SIGRTMAX caught');
  assert.ok(!masks.caught.has(12) && !masks.ignored.has(15));
  // And every bit equals the kernel's own line.
  assert.deepEqual(sorted(masks.pending), procMask(pid, 'SigPnd'));
  assert.deepEqual(sorted(masks.blocked), procMask(pid, 'SigBlk'));
  assert.deepEqual(sorted(masks.ignored), procMask(pid, 'SigIgn'));
  assert.deepEqual(sorted(masks.caught), procMask(pid, 'SigCgt'));
  assert.deepEqual(sorted(masks.processPending), procMask(pid, 'ShdPnd'));
});

test('a signal handler installed by Node shows as caught', async () => {
  const handler = (): void => {};
  process.on('SIGUSR2', handler);
  try {
    await waitFor(() => procMask(process.pid, 'SigCgt').includes(12), 'handler');
    assert.ok(procGetSigmasks(process.pid).caught.has(12));
  } finally {
    process.off('SIGUSR2', handler);
  }
});

test('a reaped PID is NoSuchProcess', () => {
  assert.throws(() => procGetSigmasks(deadPid()), NoSuchProcess);
});
