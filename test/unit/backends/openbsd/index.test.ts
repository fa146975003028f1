// Where the OpenBSD backend (src/backends/openbsd/index.ts) finds libc, and
// the KERN_PROC MIB it asks for (src/backends/openbsd/constants.ts).
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { openbsdLibcPaths } from '../../../../src/backends/openbsd/index.js';
import { argvMib, fileMib, kinfoListMib, kinfoMib } from '../../../../src/backends/openbsd/constants.js';

describe('OpenBSD libc and MIB', () => {
  it('picks the newest libc.so.MAJOR.MINOR in /usr/lib', () => {
    assert.deepEqual(openbsdLibcPaths(['libc.so.97.1', 'libm.so.10.1', 'libc.so.100.0', 'libc.so.100.3', 'libc.a']), [
      '/usr/lib/libc.so.100.3',
      '/usr/lib/libc.so.100.0',
      '/usr/lib/libc.so.97.1',
    ]);
    assert.deepEqual(openbsdLibcPaths(['libc.so.6']), []);
  });

  it('KERN_PROC takes six elements: ..., pid, elem_size, elem_count', () => {
    assert.deepEqual(kinfoMib(42), [1, 66, 1, 42, 576, 1]);
  });

  it('kern.proc.kthread lists every process; kern.proc_args and kern.file take the PID', () => {
    assert.deepEqual(kinfoListMib(300), [1, 66, 7, 0, 576, 300]);
    assert.deepEqual(argvMib(42), [1, 55, 42, 1]);
    assert.deepEqual(fileMib(42, 10), [1, 73, 2, 42, 384, 10]);
  });
});
