// Every field the Linux parsers read, at the edge of what the kernel prints and
// one step past it: the edge parses, past it is EBADMSG. And the answer for a
// file depends on that file alone, never on what was parsed before it.
// Covers parse-status.ts, parse-stat.ts and parse-limits.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  parseGroups,
  parseNsPids,
  parseSignalLines,
  parseState,
  parseTgid,
  parseThreads,
  parseUmask,
} from '../../../../src/backends/linux/parse-status.js';
import { parseStat } from '../../../../src/backends/linux/parse-stat.js';
import { LIMIT_LINES, parseLimits } from '../../../../src/backends/linux/parse-limits.js';
import { LINUX_RLIM_INFINITY } from '../../../../src/backends/linux/constants.js';

const EBADMSG = { code: 'EBADMSG' };
const buf = (text: string): Buffer => Buffer.from(text, 'latin1');
const ZEROS = '0000000000000000';

// A status in the kernel's line order (task_state(), task_sig()).
function status(over: Partial<Record<string, string>> = {}): string {
  const lines: [string, string][] = [
    ['Name', 'sleep'],
    ['Umask', '0022'],
    ['State', 'S (sleeping)'],
    ['Tgid', '4242'],
    ['NSpid', '4242'],
    ['Groups', '4 24 '],
    ['Threads', '1'],
    ['SigQ', '0/96363'],
    ['SigPnd', ZEROS],
    ['ShdPnd', ZEROS],
    ['SigBlk', ZEROS],
    ['SigIgn', ZEROS],
    ['SigCgt', ZEROS],
  ];
  return lines.map(([k, v]) => `${k}:\t${over[k] ?? v}\n`).join('');
}

for (const kernelText of [false, true]) {
  const how = kernelText ? 'procfs text' : 'other text';

  test(`Umask: exactly "0" and three octal digits (${how})`, () => {
    assert.equal(parseUmask(buf(status({ Umask: '0000' })), kernelText), 0);
    assert.equal(parseUmask(buf(status({ Umask: '0777' })), kernelText), 0o777);
    for (const bad of ['777777', '1777', '0778', '022', '00022', '0x22', '-022', ' 022', '0022 '])
      assert.throws(() => parseUmask(buf(status({ Umask: bad })), kernelText), EBADMSG, bad);
  });

  test(`Groups: gids up to 2**32 - 1, one space after each (${how})`, () => {
    assert.deepEqual(parseGroups(buf(status({ Groups: '4294967295 ' })), kernelText), [4294967295]);
    assert.deepEqual(parseGroups(buf(status({ Groups: '0 ' })), kernelText), [0]);
    assert.deepEqual(parseGroups(buf(status({ Groups: '4 24' })), kernelText), [4, 24]);
    for (const bad of ['4294967296 ', '99999999999 ', '04 ', '4  24 ', '-1 ', '4,24 ', ' 4 ', '4\t24 '])
      assert.throws(() => parseGroups(buf(status({ Groups: bad })), kernelText), EBADMSG, bad);
  });

  test(`Groups: at most NGROUPS_MAX entries (${how})`, () => {
    const max = Array.from({ length: 65536 }, (_, i) => i).join(' ');
    assert.equal(parseGroups(buf(status({ Groups: `${max} ` })), kernelText)?.length, 65536);
    assert.throws(() => parseGroups(buf(status({ Groups: `${max} 65536 ` })), kernelText), EBADMSG);
  });

  test(`State, Tgid, Threads and NSpid: the kernel's letters and PID range (${how})`, () => {
    for (const c of 'RSDTtXxZPIKW') assert.equal(parseState(buf(status({ State: `${c} (x)` })), kernelText), c);
    for (const bad of ['Q (x)', 's (sleeping)', 'S', ''])
      assert.throws(() => parseState(buf(status({ State: bad })), kernelText), EBADMSG, bad);
    assert.equal(parseTgid(buf(status({ Tgid: '4194304' })), kernelText), 4194304);
    assert.throws(() => parseTgid(buf(status({ Tgid: '4194305' })), kernelText), EBADMSG);
    assert.throws(() => parseThreads(buf(status({ Threads: '1e3' })), kernelText), EBADMSG);
    assert.deepEqual(parseNsPids(buf(status({ NSpid: '4242\t7\t1' })), kernelText), [4242, 7, 1]);
    for (const bad of ['4242 7', '4242\t', '0x10', '4194305'])
      assert.throws(() => parseNsPids(buf(status({ NSpid: bad })), kernelText), EBADMSG, bad);
  });

  test(`signal masks: exactly 16 lowercase hex digits, signals 1 to 64 (${how})`, () => {
    const top = parseSignalLines(buf(status({ SigBlk: 'ffffffffffffffff' })), kernelText);
    assert.deepEqual(
      [...(top?.masks.blocked ?? [])].sort((a, b) => a - b),
      Array.from({ length: 64 }, (_, i) => i + 1),
    );
    assert.equal(top?.threads, 1);
    for (const bad of [`${ZEROS}0000`, '0000000000000000000000000000000000000001', ZEROS.slice(1), 'FFFFFFFFFFFFFFFF'])
      assert.throws(() => parseSignalLines(buf(status({ SigIgn: bad })), kernelText), EBADMSG, bad);
  });
}

test('a key found twice in text that is not from procfs is EBADMSG', () => {
  const twice = status() + 'Umask:\t0777\nGroups:\t1 \nSigBlk:\t' + ZEROS + '\n';
  assert.throws(() => parseUmask(buf(twice)), EBADMSG);
  assert.throws(() => parseGroups(buf(twice)), EBADMSG);
  assert.throws(() => parseSignalLines(buf(twice)), EBADMSG);
});

test('the answer for a status depends on that status alone, whatever was parsed before', () => {
  // Texts whose lines sit at different offsets; each is parsed after every other.
  const text = fc.record({
    pad: fc.nat({ max: 300 }),
    umask: fc.integer({ min: 0, max: 0o777 }),
    groups: fc.array(fc.nat({ max: 2 ** 32 - 1 }), { maxLength: 20 }),
    blk: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
  });
  fc.assert(
    fc.property(fc.array(text, { minLength: 2, maxLength: 6 }), (texts) => {
      const bufs = texts.map((t) =>
        buf(
          status({
            Name: 'x'.repeat(t.pad),
            Umask: `0${t.umask.toString(8).padStart(3, '0')}`,
            Groups: t.groups.map((g) => `${g} `).join(''),
            SigBlk: t.blk.toString(16).padStart(16, '0'),
          }),
        ),
      );
      const alone = bufs.map((b) => [parseUmask(b, true), parseGroups(b, true), parseSignalLines(b, true)]);
      for (let round = 0; round < 2; round++) {
        bufs.forEach((b, i) => {
          assert.deepEqual([parseUmask(b, true), parseGroups(b, true), parseSignalLines(b, true)], alone[i]);
          assert.equal(alone[i]![0], texts[i]!.umask);
        });
      }
    }),
    { numRuns: 200 },
  );
});

// ---- stat ----------------------------------------------------------------

function stat(fields: Partial<Record<number, string>> = {}): string {
  // Fields 4..52 after "PID (comm) S"; field 5 pgid, 6 sid, 9 flags, 20 threads, 22 start time.
  const rest = Array.from({ length: 49 }, (_, i) => fields[i + 4] ?? String(i + 4));
  return `4720 (cat) ${fields[3] ?? 'R'} ${rest.join(' ')}\n`;
}

test('stat: pgid and sid from -1 to PID_MAX_LIMIT, flags a u32, threads and start time non-negative', () => {
  assert.deepEqual(parseStat(buf(stat({ 5: '-1', 6: '-1', 20: '0' }))).pgid, -1);
  assert.equal(parseStat(buf(stat({ 5: '0' }))).pgid, 0);
  assert.equal(parseStat(buf(stat({ 6: '4194304' }))).sid, 4194304);
  assert.equal(parseStat(buf(stat({ 9: '4294967295' }))).flags, 4294967295);
  assert.equal(parseStat(buf(stat({ 22: '9007199254740991' }))).startTicks, 2 ** 53 - 1);
  const bad: [number, string][] = [
    [5, '-2'],
    [6, '-7'],
    [5, '4194305'],
    [5, '1e20'],
    [5, '100000000000000000000'],
    [6, '007'],
    [6, '-0'],
    [9, '4294967296'],
    [20, '-1'],
    [22, '9007199254740992'],
    [8, '123456789012345678901'],
    [12, '+5'],
  ];
  for (const [field, value] of bad)
    assert.throws(() => parseStat(buf(stat({ [field]: value }))), EBADMSG, `${field}=${value}`);
});

test('stat: one line, the kernel state letters, numbers separated by single spaces', () => {
  assert.throws(() => parseStat(buf(stat({ 3: 'Q' }))), EBADMSG);
  assert.throws(() => parseStat(buf(stat().replace(' 5 ', '  5 '))), EBADMSG);
  assert.throws(() => parseStat(buf(stat().trimEnd())), EBADMSG, 'no newline');
  assert.throws(() => parseStat(buf(stat() + stat())), EBADMSG, 'two lines');
  assert.throws(() => parseStat(buf(`x${stat()}`)), EBADMSG, 'no PID first');
  // A newline inside the command name is the process's own choice, before the last ")".
  assert.equal(parseStat(buf(stat().replace('(cat)', '(a\n)b)'))).pgid, 5);
});

// ---- limits ----------------------------------------------------------------

function limitsLine(resource: number, soft: string, hard: string): string {
  const { name, unit } = LIMIT_LINES[resource]!;
  return `${name.padEnd(25)} ${soft.padEnd(20)} ${hard.padEnd(20)} ${unit === '' ? '' : unit.padEnd(10)}\n`;
}
const HEADER = `${'Limit'.padEnd(25)} ${'Soft Limit'.padEnd(20)} ${'Hard Limit'.padEnd(20)} ${'Units'.padEnd(10)}\n`;
const INF = LINUX_RLIM_INFINITY;

test('limits: values up to RLIM_INFINITY - 1 as numbers, unlimited as the word', () => {
  for (const [r] of LIMIT_LINES.entries()) {
    const text = HEADER + limitsLine(r, '0', '18446744073709551614');
    assert.deepEqual(parseLimits(buf(text), r, INF), [0n, INF - 1n], LIMIT_LINES[r]!.name);
    assert.deepEqual(parseLimits(buf(HEADER + limitsLine(r, 'unlimited', 'unlimited')), r, INF), [INF, INF]);
  }
  const bad: [string, string][] = [
    ['18446744073709551615', '0'], // RLIM_INFINITY is printed as "unlimited"
    ['18446744073709551616', '0'], // past 2**64
    ['99999999999999999999', '0'],
    ['unlimitedjunk', '0'],
    ['0123', '0'],
    ['-1', '0'],
    ['1 2', '3'],
  ];
  for (const [soft, hard] of bad)
    assert.throws(() => parseLimits(buf(HEADER + limitsLine(7, soft, hard)), 7, INF), EBADMSG, soft);
});

test('limits: a short line never borrows the next line, and each line has its unit', () => {
  const short = `${'Max open files'.padEnd(25)} 1024\n${limitsLine(8, '65536', '65536')}`;
  assert.throws(() => parseLimits(buf(HEADER + short), 7, INF), EBADMSG);
  assert.throws(
    () => parseLimits(buf(HEADER + limitsLine(7, '1', '2').replace('files     \n', 'bytes     \n')), 7, INF),
    EBADMSG,
  );
  assert.throws(() => parseLimits(buf(HEADER + limitsLine(7, '1', '2').replace('\n', 'x\n')), 7, INF), EBADMSG);
  assert.throws(() => parseLimits(buf(HEADER + limitsLine(7, '1', '2') + limitsLine(7, '3', '4')), 7, INF), EBADMSG);
});
