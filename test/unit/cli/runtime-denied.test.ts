// A runtime that refuses to read /proc at all (Deno without --allow-read:
// Deno.errors.NotCapable, which the library maps to AccessDenied), simulated
// in Node by runtime-denied-preload.ts: the command must say so and exit with
// status 1, never print a report or a row of '-' (src/cli/report.ts, list.ts).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BIN } from '../../helpers/cli.js';

const PRELOAD = join(__dirname, 'runtime-denied-preload.js');
const LINUX_HOST = process.platform === 'linux';

function denied(args: readonly (string | number)[]): { status: number | null; stdout: string; stderr: string } {
  const out = spawnSync(process.execPath, ['--require', PRELOAD, BIN, ...args.map(String)], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

void test(
  'no read access to /proc: each PID is access denied, exit status 1, nothing shown for it',
  { skip: !LINUX_HOST && 'Linux procfs' },
  () => {
    const me = process.pid;
    const cases: [readonly (string | number)[], string, string][] = [
      [[me], '', `psutil-extra: pid ${me}: access denied (EACCES)\n`],
      [['--json', me], '[]\n', `psutil-extra: pid ${me}: access denied (EACCES)\n`],
      [['--pid', me, '-o', 'pid,name'], 'PID NAME\n', `psutil-extra: pid ${me}: access denied (EACCES)\n`],
      [[], '', 'psutil-extra: cannot list the processes: access denied (EACCES)\n'],
    ];
    for (const [args, stdout, stderr] of cases) {
      const r = denied(args);
      assert.deepEqual([r.status, r.stdout, r.stderr], [1, stdout, stderr], args.join(' '));
    }
  },
);
