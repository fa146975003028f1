// Where the OpenBSD backend (src/backends/openbsd/index.ts) finds libc, and
// the KERN_PROC MIB it asks for (src/backends/openbsd/constants.ts).
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { openbsdHold, openbsdLibcPaths } from '../../../../src/backends/openbsd/index.js';
import {
  START_TOLERANCE_MICROS,
  argvMib,
  fileMib,
  kinfoListMib,
  kinfoMib,
} from '../../../../src/backends/openbsd/constants.js';
import { decodeKinfoProc } from '../../../../src/backends/openbsd/decode.js';
import { OPENBSD_KINFO_PREFIX } from '../../../../src/ffi/structs/openbsd.js';
import { image } from '../../../helpers/image.js';

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

// fill_kproc (sys/kern/kern_sysctl.c) writes p_ustart as nanoboottime() plus
// the start uptime at each query; a zombie gets p_uvalid 0 and no start time.
describe('OpenBSD process hold', () => {
  const record = (sec: bigint, usec: number, valid = 1n) =>
    decodeKinfoProc(
      image(OPENBSD_KINFO_PREFIX, [
        [108, 'i32', 4242], // p_pid
        [304, 'i8', valid === 1n ? 3 : 6], // p_stat: SSLEEP, or SDEAD for a zombie
        [400, 'i64', valid], // p_uvalid
        [408, 'u64', valid === 1n ? sec : 0n], // p_ustart_sec
        [416, 'u32', valid === 1n ? usec : 0], // p_ustart_usec
      ]),
    );

  it('the same process after the boot time moved by less than a second is still held', () => {
    let answer = record(1_700_000_000n, 900_000);
    const hold = openbsdHold(() => answer.startMicros);
    // The wall clock stepped back 0.3 s: the rebuilt start time moves with it.
    answer = record(1_700_000_000n, 600_000);
    assert.equal(hold.alive(), true);
    // Forward 0.9 s from the first reading, across a second boundary.
    answer = record(1_700_000_001n, 800_000);
    assert.equal(hold.alive(), true);
    assert.equal(START_TOLERANCE_MICROS, 1_000_000);
  });

  it('another process on the PID (a start time more than a second away) is not', () => {
    let answer = record(1_700_000_000n, 0);
    const hold = openbsdHold(() => answer.startMicros);
    answer = record(1_700_000_001n, 1);
    assert.equal(hold.alive(), false);
  });

  it('a held process that became a zombie (p_uvalid 0) is not taken for reuse', () => {
    let answer = record(1_700_000_000n, 0);
    const hold = openbsdHold(() => answer.startMicros);
    answer = record(0n, 0, 0n);
    assert.equal(answer.zombie, true);
    assert.equal(hold.alive(), true);
  });
});
