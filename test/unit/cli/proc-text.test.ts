import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  countLocks,
  parseCpuTicks,
  parseIdNames,
  parseRealUidThreads,
  parseStatusFields,
} from '../../../src/cli/proc-text.js';

// Lines of a Linux 6.x /proc/PID/status (fs/proc/array.c, task_mmu.c).
const STATUS = [
  'Name:\tmy prog',
  'Umask:\t0022',
  'State:\tS (sleeping)',
  'Uid:\t1000\t0\t0\t0',
  'Gid:\t1000\t1000\t1000\t1000',
  'VmPeak:\t    5004 kB',
  'VmSize:\t    5004 kB',
  'VmLck:\t       4 kB',
  'VmRSS:\t    3940 kB',
  'VmData:\t     948 kB',
  'VmStk:\t     132 kB',
  'Threads:\t3',
  'SigQ:\t2/96365',
  'SigPnd:\t0000000000000000',
  '',
].join('\n');

void test('status: name, real and effective uid, threads, memory in bytes, queued signals', () => {
  assert.deepEqual(parseStatusFields(STATUS), {
    name: 'my prog',
    realUid: 1000,
    effectiveUid: 0,
    vmSize: 5004n * 1024n,
    vmLck: 4096n,
    vmRss: 3940n * 1024n,
    vmData: 948n * 1024n,
    vmStk: 132n * 1024n,
    threads: 3,
    sigQueued: 2n,
  });
});

void test('the NPROC scan reads real uid and threads only', () => {
  assert.deepEqual(parseRealUidThreads(Buffer.from(STATUS)), { realUid: 1000, threads: 3 });
  assert.equal(parseRealUidThreads(Buffer.from('Name:\tx\nThreads:\t1\n')), undefined);
  assert.equal(parseRealUidThreads(Buffer.from('Name:\tx\nUid:\t\t0\nThreads:\t1\n')), undefined);
  const self = readFileSync('/proc/self/status');
  const full = parseStatusFields(self.toString('latin1'));
  assert.deepEqual(parseRealUidThreads(self), { realUid: full.realUid, threads: full.threads });
});

void test('status of a kernel thread has no Vm lines, so no memory figures', () => {
  const fields = parseStatusFields('Name:\tkthreadd\nUid:\t0\t0\t0\t0\nThreads:\t1\nSigQ:\t0/96365\n');
  assert.equal(fields.vmSize, undefined);
  assert.equal(fields.vmRss, undefined);
  assert.equal(fields.sigQueued, 0n);
});

void test('our own status agrees with process facts', () => {
  const fields = parseStatusFields(readFileSync('/proc/self/status', 'latin1'));
  assert.equal(fields.realUid, process.getuid?.());
  assert.equal(fields.effectiveUid, process.geteuid?.());
  assert.ok((fields.threads ?? 0) >= 1);
  assert.ok((fields.vmRss ?? 0n) > 0n);
});

void test('stat: utime + stime, counted after the last parenthesis of comm', () => {
  // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
  const stat = '42 (a) b (c) S 1 42 42 0 -1 4194560 100 0 0 0 250 75 0 0 20 0 1 0 100 0 0\n';
  assert.equal(parseCpuTicks(stat), 325n);
  assert.equal(parseCpuTicks('garbage'), undefined);
  assert.equal(parseCpuTicks('1 (x) S 1 1'), undefined);
});

void test('stat of this process parses', () => {
  assert.equal(typeof parseCpuTicks(readFileSync('/proc/self/stat', 'latin1')), 'bigint');
});

void test('locks: held locks of one pid; waiters and OFD locks are not counted', () => {
  // /proc/locks as fs/locks.c prints it (lock_get_status).
  const locks = [
    '1: POSIX  ADVISORY  WRITE 1234 00:1f:123 0 EOF',
    '1: -> POSIX  ADVISORY  WRITE 999 00:1f:123 0 EOF',
    '2: FLOCK  ADVISORY  WRITE 1234 00:1f:124 0 EOF',
    '3: OFDLCK ADVISORY  READ  -1 00:1f:125 0 EOF',
    '4: FLOCK  ADVISORY  WRITE 12345 00:1f:126 0 EOF',
    '',
  ].join('\n');
  assert.equal(countLocks(locks, 1234), 2);
  assert.equal(countLocks(locks, 999), 0);
  assert.equal(countLocks(locks, 12345), 1);
  assert.equal(countLocks('', 1), 0);
});

void test('passwd and group: id to name, first entry wins, comments and junk skipped', () => {
  const names = parseIdNames(
    'root:x:0:0:root:/root:/bin/bash\n# comment\nbad line\ntoor:x:0:0::/:/bin/sh\nnobody:x:65534:65534::/:/bin/false\n',
  );
  assert.equal(names.get(0), 'root');
  assert.equal(names.get(65534), 'nobody');
  assert.equal(names.size, 2);
  assert.equal(parseIdNames('adm:x:4:syslog\n').get(4), 'adm');
});
