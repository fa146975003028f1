// The procfs seam: a view of the shared buffer kept past a read stays valid,
// because the keeper is told before the next read overwrites it; every read
// is bounded, gives its memory back, and never opens or blocks on what is not
// a regular file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { koffiLoaded } from '../../../../src/ffi/koffi.js';
import { linuxLibc } from '../../../../src/backends/linux/libc.js';
import {
  MAX_BYTES,
  borrowLastRead,
  listPidDir,
  procfsCounters,
  readProcFile,
} from '../../../../src/backends/linux/procfs.js';

test('a borrowed view is handed back before the next read overwrites it', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'procfs-seam-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'a'), 'first file\n');
  writeFileSync(join(dir, 'b'), 'SECOND FILE, LONGER\n');

  const view = readProcFile(join(dir, 'a'), 'status', false);
  let kept: string | undefined;
  let calls = 0;
  borrowLastRead({
    beforeOverwrite() {
      calls++;
      kept = view.toString('latin1');
    },
  });
  assert.equal(calls, 0, 'nothing happens until another read');
  const second = readProcFile(join(dir, 'b'), 'status', false);
  assert.equal(calls, 1);
  assert.equal(kept, 'first file\n', 'the keeper saw the first bytes intact');
  assert.equal(second.toString('latin1'), 'SECOND FILE, LONGER\n');
  assert.notEqual(view.toString('latin1'), 'first file\n', 'the old view now shows the new read');

  readProcFile(join(dir, 'a'), 'status', false);
  assert.equal(calls, 1, 'a keeper is told once');
});

test('each kind of file is read to its bound: one byte more is EBADMSG, and nothing past it is read', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'procfs-bound-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const kind of ['status', 'stat', 'limits'] as const) {
    const max = MAX_BYTES[kind];
    writeFileSync(join(dir, kind), Buffer.alloc(max, 0x41));
    assert.equal(readProcFile(join(dir, kind), kind, false).length, max, `${kind} at its bound`);
    writeFileSync(join(dir, kind), Buffer.alloc(max + 1, 0x41));
    assert.throws(() => readProcFile(join(dir, kind), kind, false), { code: 'EBADMSG' }, `${kind} past it`);
  }
  // A 64 MiB file costs what a file at the bound costs: it is never read to its end.
  writeFileSync(join(dir, 'big'), Buffer.alloc(0));
  truncateSync(join(dir, 'big'), 64 * 1024 * 1024);
  const started = process.hrtime.bigint();
  assert.throws(() => readProcFile(join(dir, 'big'), 'status', false), { code: 'EBADMSG' });
  assert.ok(process.hrtime.bigint() - started < 2_000_000_000n);
  assert.ok(procfsCounters.bufferBytes <= MAX_BYTES.status + 1);
});

test('after an unusually large read the buffer goes back to its usual size', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'procfs-shrink-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // A status with 65,536 groups is about 720 KB.
  const groups = Array.from({ length: 65536 }, (_, i) => 4294900000 + i).join(' ');
  writeFileSync(join(dir, 'big'), `Name:\tx\nGroups:\t${groups} \n`);
  writeFileSync(join(dir, 'small'), 'Name:\tx\nGroups:\t4 \n');
  readProcFile(join(dir, 'small'), 'status', false);
  const usual = procfsCounters.bufferBytes;
  assert.ok(usual <= 64 * 1024);
  const big = readProcFile(join(dir, 'big'), 'status', false);
  assert.ok(big.length > 700_000);
  assert.ok(procfsCounters.bufferBytes > big.length, 'the large read had a large buffer');
  readProcFile(join(dir, 'small'), 'status', false);
  assert.equal(procfsCounters.bufferBytes, usual, 'and the next read has the usual one again');
});

test('in a tree that is not procfs, only regular files are opened, and a FIFO never blocks', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'procfs-kinds-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  execFileSync('mkfifo', [join(dir, 'fifo')]);
  mkdirSync(join(dir, 'dir'));
  symlinkSync('/dev/zero', join(dir, 'zero'));
  writeFileSync(join(dir, 'file'), 'Name:\tx\n');
  symlinkSync(join(dir, 'file'), join(dir, 'link'));
  for (const name of ['fifo', 'dir', 'zero', 'link']) {
    assert.throws(
      () => readProcFile(join(dir, name), 'status', false),
      (err: { code?: string; detail?: string }) =>
        err.code === 'EBADMSG' && /not a regular file/.test(err.detail ?? ''),
      name,
    );
  }
  assert.equal(readProcFile(join(dir, 'file'), 'status', false).toString(), 'Name:\tx\n');
  // In a procfs tree the kernel makes the files; a FIFO there (impossible) still cannot block the open.
  assert.equal(readProcFile(join(dir, 'fifo'), 'status', true).length, 0);
});

test('the PID listing is getdents64 parsed in place once koffi is loaded, and names what node:fs names', () => {
  // This file never loads koffi before this test: listing must not load it.
  assert.equal(koffiLoaded(), false);
  assert.equal(listPidDir('/proc'), undefined, 'node:fs lists until a system call has loaded koffi');
  assert.equal(koffiLoaded(), false);
  linuxLibc();
  const byName = (): Set<number> =>
    new Set(
      readdirSync('/proc')
        .filter((n) => /^[1-9][0-9]*$/.test(n))
        .map(Number),
    );
  const before = byName();
  const listed = listPidDir('/proc');
  const after = byName();
  assert.ok(listed !== undefined);
  assert.ok(listed.includes(process.pid));
  for (let i = 1; i < listed.length; i++) assert.ok(listed[i - 1]! < listed[i]!, 'ascending, as the kernel walks PIDs');
  for (const pid of before) if (after.has(pid)) assert.ok(listed.includes(pid), `${pid} listed by both node:fs walks`);
  for (const pid of listed) {
    assert.ok(before.has(pid) || after.has(pid) || !existsSync(`/proc/${pid}`), `${pid} is a process`);
  }
  assert.throws(() => listPidDir('/proc/self/status'), { code: 'ENOTDIR' });
  assert.throws(() => listPidDir('/nonexistent-procfs-root'), { code: 'ENOENT' });
});
