// psutil's every-PID sweep: every function on every process on the machine
// either answers or throws one of the documented errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import {
  AccessDenied,
  NoSuchProcess,
  procAsDict,
  procGetSigmasks,
  procGetUmask,
  procGetgroups,
  procGetpgid,
  procGetrlimit,
  procGetsid,
  Process,
} from '../../src/index.js';

const pids = (): number[] =>
  readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .map(Number);

function documented(err: unknown): boolean {
  if (err instanceof NoSuchProcess || err instanceof AccessDenied) return true;
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'ENOTSUP';
}

test('every function on every PID answers or throws a documented error', () => {
  const calls: Array<[string, (pid: number) => unknown, (value: unknown) => boolean]> = [
    ['umask', procGetUmask, (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 0o777],
    ['groups', procGetgroups, (v) => Array.isArray(v) && v.every((g) => Number.isInteger(g) && g >= 0)],
    ['pgid', procGetpgid, (v) => Number.isInteger(v) && (v as number) >= 0],
    ['sid', procGetsid, (v) => Number.isInteger(v) && (v as number) >= 0],
    ['sigmasks', procGetSigmasks, (v) => typeof v === 'object' && v !== null && 'caught' in v],
    ['nofile', (pid) => procGetrlimit(pid, 'nofile'), (v) => Array.isArray(v) && v[0] <= v[1]],
    ['asDict', (pid) => procAsDict(pid), (v) => typeof v === 'object' && v !== null],
    [
      'Process',
      (pid) => {
        using p = new Process(pid);
        return p.isRunning();
      },
      (v) => v === true,
    ],
  ];
  let answered = 0;
  let failed = 0;
  const list = pids();
  for (const pid of list) {
    for (const [name, fn, valid] of calls) {
      try {
        const value = fn(pid);
        assert.ok(valid(value), `${name}(${pid}) returned ${String(value)}`);
        answered++;
      } catch (err) {
        if (!documented(err)) throw err;
        failed++;
      }
    }
  }
  assert.ok(list.length > 3);
  assert.ok(answered > failed, `${answered} answers, ${failed} documented errors`);
});
