// Names, user IDs and command lines as the process set them, against
// /proc/PID/comm, status and cmdline read here. Names are set with
// prctl(PR_SET_NAME) to hostile bytes: control characters, C1 bytes,
// invalid UTF-8, backslashes and newlines, which the kernel escapes only in part.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { NoSuchProcess, Process, procAsDict, procGetCmdline, procGetName, procGetUids } from '../../src/index.js';
import { deadPid, spawnCommand, statusField, waitFor } from '../helpers/children.js';
import { needs } from '../helpers/requirements.js';

const NEEDS_PYTHON = needs({ commands: ['python3'] });
const NEEDS_SETPRIV = needs({ root: 'to set other uids', commands: ['setpriv'] });

const PYTHON = '/usr/bin/python3';

// Sets its own comm to the bytes given in hex, then sleeps.
const SET_NAME = [
  'import ctypes, sys, time',
  'ctypes.CDLL(None).prctl(15, ctypes.c_char_p(bytes.fromhex(sys.argv[1])), 0, 0, 0)',
  'time.sleep(60)',
].join('\n');

async function named(bytes: Buffer): Promise<{ pid: number; stop(): Promise<void> }> {
  const child = await spawnCommand([PYTHON, '-c', SET_NAME, bytes.toString('hex')], 'python3');
  try {
    await waitFor(
      () => readFileSync(`/proc/${child.pid}/comm`).equals(Buffer.concat([bytes, Buffer.from('\n')])),
      'comm',
    );
  } catch (err) {
    await child.stop();
    throw err;
  }
  return child;
}

const NAMES: readonly [string, Buffer][] = [
  ['OSC title and BEL', Buffer.from('\x1b]0;pwn\x07', 'latin1')],
  ['CR and TAB', Buffer.from('a\rb\tc', 'latin1')],
  ['a C1 CSI byte', Buffer.from([0x78, 0x9b, 0x32, 0x4a])],
  ['UTF-8', Buffer.from('café', 'utf8')],
  ['a lone backslash', Buffer.from('back\\slash', 'latin1')],
  ['a backslash and n', Buffer.from('tail\\n', 'latin1')],
  ['a newline', Buffer.from('new\nline', 'latin1')],
  ['leading and trailing spaces', Buffer.from('  lead  ', 'latin1')],
  ['DEL', Buffer.from('x\x7fy', 'latin1')],
];

for (const [what, bytes] of NAMES) {
  test(`procGetName: ${what}, as the process wrote it`, { skip: NEEDS_PYTHON }, async (t) => {
    const child = await named(bytes);
    t.after(() => child.stop());
    const expected = bytes.toString('utf8');
    assert.equal(procGetName(child.pid), expected);
    assert.equal(procAsDict(child.pid, { attrs: ['name'] }).name, expected);
    const p = new Process(child.pid);
    try {
      assert.equal(p.name(), expected);
    } finally {
      p.close();
    }
  });
}

test('procGetUids: real, effective and saved, as status prints them', { skip: NEEDS_SETPRIV }, async (t) => {
  const child = await spawnCommand(
    ['setpriv', '--ruid=4001', '--euid=4002', '--regid=4001', '--clear-groups', 'sleep', '60'],
    'sleep',
  );
  t.after(() => child.stop());
  const [real, effective, saved] = statusField(child.pid, 'Uid')!.split('\t').map(Number);
  assert.deepEqual(procGetUids(child.pid), { real, effective, saved });
  assert.equal(real, 4001);
  assert.equal(effective, 4002);
});

test(
  'procGetCmdline: each argument, UTF-8 and empty ones included; empty for a kernel thread',
  { skip: NEEDS_PYTHON },
  async (t) => {
    const args = ['60', '', 'café', 'a b'];
    const child = await spawnCommand([PYTHON, '-c', 'import time; time.sleep(60)', ...args], 'python3');
    t.after(() => child.stop());
    assert.deepEqual(procGetCmdline(child.pid), [PYTHON, '-c', 'import time; time.sleep(60)', ...args]);
    const raw = readFileSync(`/proc/${child.pid}/cmdline`);
    assert.deepEqual(procGetCmdline(child.pid), raw.toString('utf8').split('\0').slice(0, -1));
    assert.deepEqual(procGetCmdline(2), [], 'kthreadd has no command line');
    assert.throws(() => procGetCmdline(deadPid()), NoSuchProcess);
    assert.throws(() => procGetName(deadPid()), NoSuchProcess);
  },
);
