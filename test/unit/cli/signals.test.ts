// The names the command prints for signals, on Linux: Node's for the standard ones and bash's kill -l for all (src/signal-names.ts, through src/cli/signals.ts).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { constants } from 'node:os';
import { signalName, signalNames } from '../../../src/cli/signals.js';
import { needs } from '../../helpers/requirements.js';
import { SignalSet } from '../../../src/index.js';

const NEEDS_BASH = needs({ commands: ['bash'] });

void test('standard signals carry the names Node knows them by', () => {
  const table = constants.signals as Record<string, number>;
  for (const [name, n] of Object.entries(table)) {
    // Node lists aliases too (SIGIOT = SIGABRT, SIGPOLL = SIGIO); the numbers must agree.
    assert.equal(table[signalName(n)], n, `${name} (${n})`);
  }
  assert.equal(signalName(2), 'SIGINT');
  assert.equal(signalName(16), 'SIGSTKFLT');
  assert.equal(signalName(31), 'SIGSYS');
});

void test('32 and 33 are nameless; real-time signals count from glibc SIGRTMIN = 34', () => {
  assert.equal(signalName(32), 'SIG32');
  assert.equal(signalName(33), 'SIG33');
  assert.equal(signalName(34), 'SIGRTMIN');
  assert.equal(signalName(37), 'SIGRTMIN+3');
  assert.equal(signalName(49), 'SIGRTMIN+15');
  assert.equal(signalName(50), 'SIGRTMAX-14');
  assert.equal(signalName(63), 'SIGRTMAX-1');
  assert.equal(signalName(64), 'SIGRTMAX');
  assert.equal(signalName(0), 'SIG0');
  assert.equal(signalName(65), 'SIG65');
});

void test("every name is the one bash's kill -l prints for that number", { skip: NEEDS_BASH }, () => {
  const out = spawnSync('bash', ['-c', 'kill -l'], { encoding: 'utf8' });
  assert.equal(out.status, 0);
  const pairs = [...out.stdout.matchAll(/(\d+)\) (SIG[A-Z0-9+-]+)/g)];
  assert.ok(pairs.length >= 62, `kill -l listed ${pairs.length} signals`);
  for (const [, n, name] of pairs) assert.equal(signalName(Number(n)), name);
});

void test('signalNames sorts by number', () => {
  assert.deepEqual(signalNames(new Set([37, 15, 2])), ['SIGINT', 'SIGTERM', 'SIGRTMIN+3']);
  assert.deepEqual(signalNames([]), []);
});

void test("the command's names are the library's: SignalSet#names() agrees", () => {
  const set = SignalSet.of(...Array.from({ length: 64 }, (_, i) => i + 1));
  assert.deepEqual(signalNames(set), set.names());
});
