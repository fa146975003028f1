import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseGroups,
  parseSignalLines,
  parseSigmasks,
  parseSigset,
  parseThreads,
  parseState,
  parseTgid,
  parseUmask,
} from '../../../../src/backends/linux/parse-status.js';

// Captured from Linux 6.18 (fs/proc/array.c layout), trimmed to the lines that matter.
const STATUS = [
  'Name:\tsleep',
  'Umask:\t0077',
  'State:\tS (sleeping)',
  'Tgid:\t4242',
  'Pid:\t4242',
  'Uid:\t65534\t65534\t65534\t65534',
  'Groups:\t4 24 100 ',
  'SigQ:\t1/96365',
  'SigPnd:\t0000000000000000',
  'ShdPnd:\t8000000000000001',
  'SigBlk:\t0000000000010002',
  'SigIgn:\t0000000000000004',
  'SigCgt:\t0000000200004000',
  'CapInh:\t0000000000000000',
  '',
].join('\n');

const buf = (text: string): Buffer => Buffer.from(text, 'latin1');

test('Umask is read as octal', () => {
  assert.equal(parseUmask(buf(STATUS)), 0o077);
  assert.equal(parseUmask(buf(STATUS.replace('0077', '0022'))), 0o022);
});

test('a status without Umask (kernel < 4.7, or a zombie) gives undefined', () => {
  assert.equal(parseUmask(buf(STATUS.replace('Umask:\t0077\n', ''))), undefined);
});

test('a malformed Umask is an EBADMSG error, never a guess', () => {
  assert.throws(() => parseUmask(buf(STATUS.replace('0077', '00x7'))), { code: 'EBADMSG' });
  assert.throws(() => parseUmask(buf('Name:\tx\nUmask:\t0077')), { code: 'EBADMSG' });
});

test('Groups keep the kernel order, and an empty line is []', () => {
  assert.deepEqual(parseGroups(buf(STATUS)), [4, 24, 100]);
  assert.deepEqual(parseGroups(buf(STATUS.replace('Groups:\t4 24 100 ', 'Groups:\t '))), []);
  assert.deepEqual(parseGroups(buf(STATUS.replace('Groups:\t4 24 100 ', 'Groups:\t'))), []);
  assert.deepEqual(parseGroups(buf(STATUS.replace('4 24 100', '4294967294'))), [4294967294]);
});

test('a Groups line cut before its newline is an error, not a partial list', () => {
  assert.throws(() => parseGroups(buf('Name:\tx\nGroups:\t4 24 10')), { code: 'EBADMSG' });
});

test('signal sets: bit N-1 is signal N, all 64 bits exact', () => {
  const masks = parseSigmasks(buf(STATUS));
  if (masks === undefined) throw new Error('no masks');
  assert.deepEqual([...masks.pending], []);
  assert.deepEqual(
    [...masks.processPending].sort((a, b) => a - b),
    [1, 64],
  );
  assert.deepEqual(
    [...masks.blocked].sort((a, b) => a - b),
    [2, 17],
  );
  assert.deepEqual([...masks.ignored], [3]);
  assert.deepEqual(
    [...masks.caught].sort((a, b) => a - b),
    [15, 34],
  );
});

test('a 128-signal mask (32 hex digits, as on MIPS) decodes every signal', () => {
  const set = parseSigset(buf('Name:\tx\nSigBlk:\t80000000000000000000000000000001\n'), Buffer.from('\nSigBlk:\t'), 32);
  assert.deepEqual(
    [...(set ?? [])].sort((a, b) => a - b),
    [1, 128],
  );
});

test('State and Tgid', () => {
  assert.equal(parseState(buf(STATUS)), 'S');
  assert.equal(parseState(buf(STATUS.replace('S (sleeping)', 'Z (zombie)'))), 'Z');
  assert.equal(parseTgid(buf(STATUS)), 4242);
});

test('the live status of this process parses', async () => {
  const { readFileSync } = await import('node:fs');
  const own = readFileSync('/proc/self/status');
  assert.equal(parseUmask(own), process.umask());
  assert.equal(parseTgid(own), process.pid);
  assert.ok(parseSigmasks(own));
});

test('Threads: is found with the signal lines wherever the lines above them end', () => {
  const threads = STATUS.replace('SigQ:', 'Threads:\t7\nSigQ:');
  // A kernel thread has no Vm* lines: the lines above Threads: differ in length.
  const padded = threads.replace('Groups:', 'VmPeak:\t  123456 kB\nVmRSS:\t    4242 kB\nGroups:');
  for (const text of [threads, padded, threads, padded]) {
    const lines = parseSignalLines(buf(text));
    assert.ok(lines);
    assert.deepEqual(lines.masks, parseSigmasks(buf(text)));
    assert.equal(lines.threads, 7);
    assert.equal(lines.threads, parseThreads(buf(text)));
  }
  // Elsewhere than just above SigQ:, it is still found.
  const moved = STATUS.replace('Tgid:', 'Threads:\t2\nTgid:');
  assert.equal(parseSignalLines(buf(moved))?.threads, 2);
  assert.equal(parseSignalLines(buf(STATUS))?.threads, undefined, 'no Threads: line');
  assert.equal(parseSignalLines(buf('Name:\tx\n')), undefined, 'no signal lines');
});

test('in kernel text each key is found wherever it moved, near its last place, past it, or from the end', () => {
  const base = STATUS.replace('SigQ:', 'Threads:\t7\nSigQ:');
  const texts = [
    base,
    // A longer name moves every line by a few bytes; Vm* lines move the signal
    // lines by hundreds (a kernel thread has none); a longer tail keeps their
    // distance from the start but not from the end.
    base.replace('Name:\tsleep', 'Name:\tkworker/0:1H-kblockd'),
    base.replace('Groups:', `${'VmPeak:\t  123456 kB\n'.repeat(20)}Groups:`),
    base.replace('Name:\tsleep', `Name:\t${'n'.repeat(60)}`),
    base.replace('CapInh:', `${'Cpus_allowed_list:\t0-1\n'.repeat(30)}CapInh:`),
    base.replace('Groups:\t4 24 100 ', 'Groups:\t4 24 100 1000 1001 1002 1003 1004 1005 1006 1007 '),
    base,
  ];
  for (let round = 0; round < 2; round++) {
    for (const text of [...texts, ...texts.reverse()]) {
      const b = buf(text);
      assert.equal(parseUmask(b, true), parseUmask(b));
      assert.deepEqual(parseGroups(b, true), parseGroups(b));
      assert.deepEqual(parseSignalLines(b, true), parseSignalLines(b));
      assert.equal(parseSignalLines(b, true)?.threads, 7);
      assert.equal(parseState(b, true), 'S');
    }
  }
});

test('every process status on this machine, read in turn as kernel text, parses as a full search does', async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  let parsed = 0;
  for (let round = 0; round < 2; round++) {
    for (const name of readdirSync('/proc')) {
      if (!/^[1-9][0-9]*$/.test(name)) continue;
      let b: Buffer;
      try {
        b = readFileSync(`/proc/${name}/status`);
      } catch {
        continue; // exited meanwhile
      }
      assert.equal(parseUmask(b, true), parseUmask(b), name);
      assert.deepEqual(parseGroups(b, true), parseGroups(b), name);
      assert.deepEqual(parseSignalLines(b, true), parseSignalLines(b), name);
      parsed++;
    }
  }
  assert.ok(parsed > 10, `${parsed} status files parsed`);
});
