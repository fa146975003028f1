import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { SignalSet } from '../../../src/signal-set.js';
import { chooseStyle } from '../../../src/cli/color.js';
import type { ProcessFacts } from '../../../src/cli/collect.js';
import type { Names } from '../../../src/cli/names.js';
import { type View, renderReport } from '../../../src/cli/report-text.js';

const NAMES: Names = {
  user: (uid) => (uid === 1000 ? 'alice' : uid === 1001 ? 'evil\x1b[2Jname' : undefined),
  group: (gid) => (gid === 4 ? 'adm' : gid === 5 ? 'grp\u009b' : undefined),
  uidOf: () => undefined,
};

const PLAIN: View = { style: chooseStyle(false, {}), notAvailable: 'not available on Testix' };

const REPORT: ProcessFacts = {
  pid: 4242,
  zombie: false,
  name: 'server',
  uids: { real: 1000, effective: 0, saved: 0 },
  pgid: 4240,
  sid: 4000,
  umask: 0o27,
  groups: [4, 5000],
  sigmasks: {
    pending: SignalSet.EMPTY,
    blocked: SignalSet.of(2, 37),
    ignored: SignalSet.of(13, 32),
    caught: SignalSet.of(15, 64),
    processPending: SignalSet.of(2),
  },
  rlimits: [
    { resource: 'core', soft: 0n, hard: 'unlimited', usage: undefined },
    { resource: 'cpu', soft: 'unlimited', hard: 'unlimited', usage: 1.5 },
    { resource: 'nofile', soft: 100n, hard: 18446744073709551614n, usage: 95 },
    { resource: 'nproc', soft: 50n, hard: 60n, usage: null },
    { resource: 'newthing', soft: 1n, hard: 2n, usage: undefined },
  ],
};

void test("the report: facts, then prlimit's table with IN USE and the 90% marker", () => {
  assert.equal(
    renderReport(REPORT, NAMES, PLAIN),
    [
      'PID 4242 server',
      '  user             alice (uid 1000, euid 0)',
      '  pgid             4240',
      '  sid              4000',
      '  umask            0027',
      '  groups           4(adm) 5000',
      '  signals pending  (none)',
      '  signals blocked  SIGINT SIGRTMIN+3',
      '  signals ignored  SIGPIPE SIG32',
      '  signals caught   SIGTERM SIGRTMAX',
      '  process pending  SIGINT',
      '',
      'RESOURCE DESCRIPTION                   SOFT                 HARD UNITS     IN USE',
      'CORE     max core file size               0            unlimited bytes',
      'CPU      CPU time                 unlimited            unlimited seconds     1.50',
      'NOFILE   max number of open files       100 18446744073709551614 files         95 ! 95% of soft limit',
      'NPROC    max number of processes         50                   60 processes      -',
      'NEWTHING                                  1                    2',
      '',
    ].join('\n'),
  );
});

void test('a zombie: what the kernel keeps no more prints -, and the title says so', () => {
  const zombie: ProcessFacts = { ...REPORT, zombie: true, umask: null, rlimits: null };
  const lines = renderReport(zombie, NAMES, PLAIN).split('\n');
  assert.equal(lines[0], 'PID 4242 server (zombie)');
  assert.equal(lines[4], '  umask            -');
  assert.equal(lines[11], '  limits           -');
});

void test('facts this platform does not offer are said to be not available; no IN USE without figures', () => {
  const partial: ProcessFacts = {
    pid: 7,
    zombie: false,
    pgid: 1,
    sid: 1,
    groups: [],
    rlimits: [{ resource: 'nofile', soft: 10n, hard: 20n, usage: undefined }],
  };
  assert.equal(
    renderReport(partial, NAMES, PLAIN),
    [
      'PID 7',
      '  user             not available on Testix',
      '  pgid             1',
      '  sid              1',
      '  umask            not available on Testix',
      '  groups           (none)',
      '  signals pending  not available on Testix',
      '  signals blocked  not available on Testix',
      '  signals ignored  not available on Testix',
      '  signals caught   not available on Testix',
      '  process pending  not available on Testix',
      '',
      'RESOURCE DESCRIPTION              SOFT HARD UNITS',
      'NOFILE   max number of open files   10   20 files',
      '',
    ].join('\n'),
  );
  const noLimits = renderReport({ ...partial, rlimits: undefined }, NAMES, PLAIN).split('\n');
  assert.equal(noLimits.at(-2), '  limits           not available on Testix');
});

void test('names from the process and the files are made visible', () => {
  const hostile: ProcessFacts = {
    ...REPORT,
    name: '\x1b]0;pwn\x07\u009b',
    uids: { real: 1001, effective: 1001, saved: 1001 },
    groups: [5],
  };
  const text = renderReport(hostile, NAMES, PLAIN);
  assert.equal(text.split('\n')[0], 'PID 4242 ?]0;pwn??');
  assert.match(text, /^ {2}user {13}evil\?\[2Jname \(uid 1001\)$/m);
  assert.match(text, /^ {2}groups {11}5\(grp\?\)$/m);
  // eslint-disable-next-line no-control-regex
  assert.doesNotMatch(text, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
});

void test('on a terminal: lines fit its width, groups summarised, signals wrapped, descriptions dropped first', () => {
  const many: ProcessFacts = {
    ...REPORT,
    groups: Array.from({ length: 65_536 }, (_, i) => i + 1),
    sigmasks: { ...REPORT.sigmasks!, caught: SignalSet.of(...Array.from({ length: 31 }, (_, i) => i + 1)) },
  };
  const lines = renderReport(many, NAMES, { ...PLAIN, width: 60 }).split('\n');
  for (const line of lines) assert.ok(line.length <= 60, line);
  assert.match(lines[5]!, /^ {2}groups {11}\[65536\] 1 2 3 .*…$/);
  const caught = lines.findIndex((l) => l.startsWith('  signals caught'));
  assert.match(lines[caught + 1]!, /^ {19}SIG/);
  assert.ok(lines.some((l) => /^RESOURCE +SOFT +HARD UNITS +IN USE$/.test(l)));
  assert.ok(!lines.some((l) => l.includes('DESCRIPTION')));
  assert.ok(renderReport(many, NAMES, PLAIN).length > 300_000, 'in full when not on a terminal');
});

void test('on a terminal the title and header are bold and the near-limit cells red', () => {
  const BOLD = '\x1b[1m';
  const NORMAL = '\x1b[22m';
  const RED = '\x1b[1;31m';
  const RESET = '\x1b[0m';
  const lines = renderReport(REPORT, NAMES, { ...PLAIN, style: chooseStyle(true, {}) }).split('\n');
  assert.equal(lines[0], `${BOLD}PID 4242 server${NORMAL}`);
  assert.equal(
    lines[12],
    `${BOLD}RESOURCE DESCRIPTION                   SOFT                 HARD UNITS     IN USE${NORMAL}`,
  );
  assert.equal(
    lines[15],
    `NOFILE   max number of open files       100 18446744073709551614 files     ${RED}    95${RESET} ${RED}! 95% of soft limit${RESET}`,
  );
  assert.ok(!lines[14]?.includes('\x1b'), 'CPU is far from its limit');
});
