import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { SignalSet } from '../../../src/signal-set.js';
import { chooseStyle } from '../../../src/cli/color.js';
import type { ProcessReport } from '../../../src/cli/collect.js';
import type { Names } from '../../../src/cli/names.js';
import { renderReport } from '../../../src/cli/report-text.js';

const NAMES: Names = {
  user: (uid) => (uid === 1000 ? 'alice' : undefined),
  group: (gid) => (gid === 4 ? 'adm' : undefined),
};

const REPORT: ProcessReport = {
  pid: 4242,
  name: 'server',
  uid: 1000,
  euid: 0,
  user: 'alice',
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
    { resource: 'core', soft: 0n, hard: 'unlimited', usage: null },
    { resource: 'cpu', soft: 'unlimited', hard: 'unlimited', usage: 1.5 },
    { resource: 'nofile', soft: 100n, hard: 18446744073709551614n, usage: 95n },
    { resource: 'nproc', soft: null, hard: null, usage: 3n },
    { resource: 'newthing', soft: 1n, hard: 2n, usage: null },
  ],
};

void test("the report: facts, then prlimit's table with IN USE and the 90% marker", () => {
  assert.equal(
    renderReport(REPORT, NAMES, chooseStyle(false, {})),
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
      'NPROC    max number of processes          -                    - processes      3',
      'NEWTHING                                  1                    2',
      '',
    ].join('\n'),
  );
});

void test('what cannot be read prints -', () => {
  const blank: ProcessReport = {
    ...REPORT,
    name: null,
    uid: null,
    pgid: null,
    sid: null,
    umask: null,
    groups: null,
    sigmasks: null,
    rlimits: [],
  };
  const lines = renderReport(blank, NAMES, chooseStyle(false, {})).split('\n');
  assert.equal(lines[0], 'PID 4242 -');
  for (const line of lines.slice(1, 11)) assert.match(line, / {2}-$/, line);
});

void test('on a terminal the title and header are bold and the near-limit cells red', () => {
  const BOLD = '\x1b[1m';
  const NORMAL = '\x1b[22m';
  const RED = '\x1b[1;31m';
  const RESET = '\x1b[0m';
  const lines = renderReport(REPORT, NAMES, chooseStyle(true, {})).split('\n');
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
