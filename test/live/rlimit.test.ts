import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { AccessDenied, NoSuchProcess, constants, procGetrlimit, procRlimit } from '../../src/index.js';
import { KERNEL_LIMIT_NAMES, deadPid, limitsLine, spawnCommand, spawnShell } from '../helpers/children.js';
import { needs } from '../helpers/requirements.js';

const NEEDS_PRLIMIT = needs({ commands: ['prlimit'] });
// Only root may start a child as another user.
const NEEDS_OTHER_USER = needs({ root: 'for setpriv --reuid', commands: ['setpriv', 'prlimit'] });

function kernelLimits(pid: number, name: string): [number, number] {
  const [soft, hard] = limitsLine(pid, name);
  return [soft === 'unlimited' ? Infinity : Number(soft), hard === 'unlimited' ? Infinity : Number(hard)];
}

test('every resource of a child matches /proc/PID/limits, by name and by number', async (t) => {
  const child = await spawnShell('exec sleep 60');
  t.after(() => child.stop());
  for (const [name, line] of Object.entries(KERNEL_LIMIT_NAMES)) {
    const expected = kernelLimits(child.pid, line);
    assert.deepEqual(procGetrlimit(child.pid, name), expected, name);
    const number = (constants as unknown as Readonly<Record<string, number | undefined>>)[
      `RLIMIT_${name.toUpperCase()}`
    ];
    assert.equal(typeof number, 'number');
    assert.deepEqual(procGetrlimit(child.pid, number!), expected, `RLIMIT_${name}`);
    const prefixed: string = `RLIMIT_${name}`;
    assert.deepEqual(procRlimit(child.pid, prefixed), expected);
  }
});

test('sets soft and hard at once, returns the previous pair, and /proc agrees', { skip: NEEDS_PRLIMIT }, async (t) => {
  const child = await spawnShell('exec sleep 60');
  t.after(() => child.stop());
  const before = kernelLimits(child.pid, 'Max open files');
  assert.deepEqual(procRlimit(child.pid, 'nofile', [256, 512]), before);
  assert.deepEqual(kernelLimits(child.pid, 'Max open files'), [256, 512]);
  assert.deepEqual(procRlimit(child.pid, 'nofile', [128, 512]), [256, 512]);
  assert.deepEqual(procGetrlimit(child.pid, 'nofile'), [128, 512]);
  // prlimit(1) sees the same.
  const out = execFileSync(
    'prlimit',
    ['--pid', String(child.pid), '--nofile', '--raw', '--noheadings', '-o', 'SOFT,HARD'],
    {
      encoding: 'utf8',
    },
  );
  assert.deepEqual(out.trim().split(/\s+/).map(Number), [128, 512]);
});

test('[soft, Infinity] works when the hard limit is already unlimited', async (t) => {
  const child = await spawnShell('exec sleep 60');
  t.after(() => child.stop());
  assert.deepEqual(kernelLimits(child.pid, 'Max cpu time'), [Infinity, Infinity]);
  assert.deepEqual(procRlimit(child.pid, 'cpu', [1000, Infinity]), [Infinity, Infinity]);
  assert.deepEqual(kernelLimits(child.pid, 'Max cpu time'), [1000, Infinity]);
  assert.deepEqual(procRlimit(child.pid, 'cpu', [-1, -1]), [1000, Infinity]);
  assert.deepEqual(kernelLimits(child.pid, 'Max cpu time'), [Infinity, Infinity]);
});

test('raising a hard limit without CAP_SYS_RESOURCE is AccessDenied and changes nothing', async (t) => {
  const child = await spawnShell('exec sleep 60');
  t.after(() => child.stop());
  const before = kernelLimits(child.pid, 'Max open files');
  assert.ok(Number.isFinite(before[1]));
  assert.throws(
    () => procRlimit(child.pid, 'nofile', [before[0], before[1] + 1]),
    (err: unknown) => {
      return err instanceof AccessDenied && err.code === 'EPERM' && err.pid === child.pid;
    },
  );
  assert.deepEqual(kernelLimits(child.pid, 'Max open files'), before);
});

test('soft above hard is a RangeError and nothing is written', async (t) => {
  const child = await spawnShell('exec sleep 60');
  t.after(() => child.stop());
  const before = kernelLimits(child.pid, 'Max open files');
  assert.throws(() => procRlimit(child.pid, 'nofile', [600, 500]), {
    name: 'RangeError',
    message: 'current limit exceeds maximum limit',
  });
  assert.deepEqual(kernelLimits(child.pid, 'Max open files'), before);
});

test(
  "another user's process: reads fall back to /proc/PID/limits, writes are AccessDenied",
  { skip: NEEDS_OTHER_USER },
  async (t) => {
    const child = await spawnCommand(
      ['setpriv', '--reuid', '65534', '--regid', '65534', '--clear-groups', 'sleep', '60'],
      'sleep',
    );
    t.after(() => child.stop());
    // prlimit(2) itself refuses to read here:
    assert.throws(() => execFileSync('prlimit', ['--pid', String(child.pid), '--nofile'], { stdio: 'pipe' }));
    const before = kernelLimits(child.pid, 'Max open files');
    assert.deepEqual(procGetrlimit(child.pid, 'nofile'), before);
    assert.deepEqual(procRlimit(child.pid, 'nofile'), before);
    assert.throws(
      () => procRlimit(child.pid, 'nofile', [10, 20]),
      (err: unknown) => err instanceof AccessDenied && !err.message.includes('CAP_SYS_RESOURCE'),
      'a lowered limit refused for another user says nothing of CAP_SYS_RESOURCE',
    );
    assert.deepEqual(kernelLimits(child.pid, 'Max open files'), before);
  },
);

// CAP_SYS_RESOURCE is bit 24 of the effective capability set (linux/capability.h).
function hasCapSysResource(): boolean {
  const line = readFileSync('/proc/self/status', 'latin1')
    .split('\n')
    .find((l) => l.startsWith('CapEff:'));
  return line !== undefined && (BigInt(`0x${line.slice(7).trim()}`) & (1n << 24n)) !== 0n;
}

test(
  'raising a hard limit without CAP_SYS_RESOURCE is AccessDenied saying so, and nothing changes',
  { skip: hasCapSysResource() ? 'this process has CAP_SYS_RESOURCE: raising a hard limit succeeds' : false },
  async (t) => {
    const child = await spawnShell('exec sleep 60');
    t.after(() => child.stop());
    // Below any hard limit: the child starts with room to raise it again.
    procRlimit(child.pid, 'nofile', [64, 128]);
    for (const hard of [129, Infinity, -1]) {
      assert.throws(
        () => procRlimit(child.pid, 'nofile', [64, hard]),
        (err: unknown) =>
          err instanceof AccessDenied &&
          err.code === 'EPERM' &&
          err.pid === child.pid &&
          /raising a hard limit needs CAP_SYS_RESOURCE: nofile hard limit (129|unlimited) asked, above the current 128$/.test(
            err.message,
          ) &&
          (err.cause as { code?: unknown } | undefined)?.code === 'EPERM',
        `hard ${hard}`,
      );
    }
    assert.throws(
      () => procRlimit(child.pid, 'nofile', [64n, 129n], { bigint: true }),
      /needs CAP_SYS_RESOURCE/,
      'bigint form',
    );
    assert.deepEqual(procGetrlimit(child.pid, 'nofile'), [64, 128]);
    assert.deepEqual(procRlimit(child.pid, 'nofile', [32, 128]), [64, 128], 'the same hard limit is allowed');
  },
);

test('bigint mode gives exact rlim_t values, RLIM_INFINITY included', async (t) => {
  const child = await spawnShell('exec sleep 60');
  t.after(() => child.stop());
  const big = 2n ** 53n + 1n;
  procRlimit(child.pid, 'fsize', [big, constants.RLIM_INFINITY_BIGINT], { bigint: true });
  assert.deepEqual(limitsLine(child.pid, 'Max file size'), [String(big), 'unlimited']);
  assert.deepEqual(procGetrlimit(child.pid, 'fsize', { bigint: true }), [big, constants.RLIM_INFINITY_BIGINT]);
  assert.deepEqual(procGetrlimit(child.pid, 'fsize'), [Number(big), Infinity]);
  const top = 2n ** 64n - 2n;
  procRlimit(child.pid, 'fsize', [top, top], { bigint: true });
  assert.deepEqual(procGetrlimit(child.pid, 'fsize', { bigint: true }), [top, top]);
});

test('a proc whose isRunning() is false is NoSuchProcess before anything is written', async (t) => {
  const child = await spawnShell('exec sleep 60');
  t.after(() => child.stop());
  const before = kernelLimits(child.pid, 'Max open files');
  assert.throws(() => procRlimit({ pid: child.pid, isRunning: () => false }, 'nofile', [10, 20]), NoSuchProcess);
  assert.deepEqual(kernelLimits(child.pid, 'Max open files'), before);
});

test('reaped PIDs are NoSuchProcess; bad resources and limits are typed errors', async () => {
  const dead = deadPid();
  assert.throws(() => procGetrlimit(dead, 'nofile'), NoSuchProcess);
  assert.throws(() => procRlimit(dead, 'nofile', [1, 2]), NoSuchProcess);
  const unknownName: string = 'bogus'; // a name read at run time
  assert.throws(() => procGetrlimit(process.pid, unknownName), {
    name: 'RangeError',
    message: 'invalid resource specified',
  });
  assert.throws(() => procGetrlimit(process.pid, 99), { name: 'RangeError' });
  assert.throws(() => procGetrlimit(process.pid, 1.5), { name: 'TypeError' });
  assert.throws(() => procRlimit(process.pid, 'nofile', [1.5, 2]), { name: 'RangeError' });
  assert.throws(() => procGetrlimit(process.pid, 'nofile', { bigint: 'yes' } as never), { name: 'TypeError' });
});

test('get → set round-trips every value the kernel can hold, in number form too', async (t) => {
  // A child whose hard limits are unlimited, so any finite soft limit may be set.
  const child = await spawnShell('exec sleep 60');
  t.after(() => child.stop());
  const top = (1n << 64n) - 2n; // the largest finite rlim_t
  for (const value of [top, top - 1023n, top - 2048n, (1n << 53n) + 1n, 0n]) {
    procRlimit(child.pid, 'fsize', [value, constants.RLIM_INFINITY_BIGINT], { bigint: true });
    const read = procGetrlimit(child.pid, 'fsize');
    assert.ok(read[0] < 2 ** 64, `${value} reads as ${read[0]}, a value a setter takes`);
    assert.deepEqual(procRlimit(child.pid, 'fsize', read), read, `number form of ${value} written back`);
    const back = procGetrlimit(child.pid, 'fsize', { bigint: true })[0];
    // Within the number form's precision (2048 at this magnitude), and still finite.
    assert.ok(back < constants.RLIM_INFINITY_BIGINT, `${value} stays finite`);
    assert.ok(back - value <= 2048n && value - back <= 2048n, `${value} round-trips to ${back}`);
    assert.deepEqual(procGetrlimit(child.pid, 'fsize'), read, 'and reads the same again');
  }
  assert.equal(limitsLine(child.pid, 'Max file size')[1], 'unlimited');
  // 2**64 itself is past the range: a RangeError, nothing written.
  assert.throws(() => procRlimit(child.pid, 'fsize', [2 ** 64, Infinity]), { code: 'ERR_OUT_OF_RANGE' });
});
