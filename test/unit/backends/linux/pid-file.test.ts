// readPidFile(): a PID's file read with its path written as bytes into koffi's
// memory and the buffers passed by address. It must read what the string
// route reads, name the whole path in its errors, and hand a lent view back
// before the buffers move into koffi's memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { linuxLibc } from '../../../../src/backends/linux/libc.js';
import { borrowLastRead, readPidFile, readProcFile } from '../../../../src/backends/linux/procfs.js';
import { koffiLoaded } from '../../../../src/ffi/koffi.js';

test('a view lent before koffi is loaded is handed back before the buffers move into its memory', () => {
  assert.equal(koffiLoaded(), false);
  const before = readPidFile('/proc', process.pid, 'status');
  const text = before.toString('latin1');
  let kept: string | undefined;
  borrowLastRead({
    beforeOverwrite() {
      kept = before.toString('latin1');
    },
  });
  linuxLibc();
  const after = readPidFile('/proc', process.pid, 'stat');
  assert.equal(kept, text, 'the keeper saw the node:fs read intact');
  assert.match(after.toString('latin1'), new RegExp(`^${process.pid} \\(`));
});

test('by address it reads what the string route reads, for any root and PID length', () => {
  linuxLibc();
  for (const root of ['/proc', '/proc/../proc', '/proc/./././.', '/proc']) {
    for (const pid of [1, process.pid]) {
      const limits = readPidFile(root, pid, 'limits').toString('latin1');
      assert.equal(limits, readFileSync(`/proc/${pid}/limits`, 'latin1'), `${root}/${pid}/limits`);
      const stat = readPidFile(root, pid, 'stat').toString('latin1');
      assert.equal(stat.slice(0, stat.indexOf(' ')), String(pid));
      const viaString = readProcFile(`${root}/${pid}/cmdline`, 'cmdline', true).toString('latin1');
      assert.equal(readPidFile(root, pid, 'cmdline').toString('latin1'), viaString);
    }
  }
});

test('its errors name the whole path, built only then', () => {
  linuxLibc();
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const gone = Number(child.stdout);
  assert.throws(() => readPidFile('/proc', gone, 'status'), { code: 'ENOENT', path: `/proc/${gone}/status` });
  assert.throws(() => readPidFile('/proc/../proc', gone, 'stat'), {
    code: 'ENOENT',
    path: `/proc/../proc/${gone}/stat`,
  });
  // A root too long for the slot goes the string way, and the kernel refuses it as it would any.
  const long = `/proc${'/.'.repeat(2040)}`;
  assert.throws(() => readPidFile(long, process.pid, 'status'), { code: 'ENAMETOOLONG' });
  // ... and the slot still reads the short root after it.
  assert.match(readPidFile('/proc', process.pid, 'status').toString('latin1'), /^Name:\t/);
});
