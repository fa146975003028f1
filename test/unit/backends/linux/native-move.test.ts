// The first read after koffi is loaded moves the read buffers into koffi's
// memory. The move happens before the read picks its buffer: a read that
// began in the old buffer and returned a view of the new one gave callers
// bytes that were never read (a status without its Umask: line).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { linuxLibc } from '../../../../src/backends/linux/libc.js';
import { readProcFile } from '../../../../src/backends/linux/procfs.js';
import { koffiLoaded } from '../../../../src/ffi/koffi.js';

test('the first read by path after koffi is loaded returns the bytes it read', () => {
  assert.equal(
    readProcFile('/proc/self/limits', 'limits', true).toString('latin1'),
    readFileSync('/proc/self/limits', 'latin1'),
  );
  assert.equal(koffiLoaded(), false);
  linuxLibc();
  const status = readProcFile(`/proc/${process.pid}/status`, 'status', true).toString('latin1');
  assert.match(status, /^Name:\t/);
  assert.match(status, new RegExp(`\\nPid:\\t${process.pid}\\n`));
  assert.equal(
    readProcFile('/proc/self/limits', 'limits', true).toString('latin1'),
    readFileSync('/proc/self/limits', 'latin1'),
  );
});
