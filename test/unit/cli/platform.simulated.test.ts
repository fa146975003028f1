// The built command (dist/cli/bin.js) in a child Node whose process.platform
// and os.type() claim another OS (helpers/simulate-platform.ts): what it
// prints where the library's `availability` differs from Linux's. Columns and
// report lines of functions the platform lacks are left out; whatever it
// cannot do at all is one line on stderr and exit status 1, never a row of
// '-'; and on macOS, FreeBSD and Windows (whose backends never look at
// /proc) nothing reads /proc: no-proc-preload.ts records every path under
// /proc the child's fs functions are asked for. Covers src/cli/platform.ts
// and the availability checks in list.ts, report.ts and set.ts.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { deadPid } from '../../helpers/children.js';
import { BIN } from '../../helpers/cli.js';
import { BUILD } from '../../helpers/paths.js';

const SIMULATE = join(BUILD, 'test', 'helpers', 'simulate-platform.js');
const NO_PROC = join(__dirname, 'no-proc-preload.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Paths under /proc the child asked fs about. */
  proc: string[];
}

function simulate(platform: string, args: readonly (string | number)[], mode = 'koffi-first'): Run {
  const out = spawnSync(process.execPath, ['--require', SIMULATE, '--require', NO_PROC, BIN, ...args.map(String)], {
    encoding: 'utf8',
    env: { ...process.env, PSUTIL_EXTRA_SIMULATE: `${platform}:${mode}`, NO_COLOR: '1' },
    timeout: 30_000,
  });
  assert.equal(out.signal, null, out.stderr);
  const marker = out.stderr.lastIndexOf('\nPROC ');
  const stderr = out.stderr.slice(0, marker);
  const proc = JSON.parse(out.stderr.slice(marker + '\nPROC '.length)) as string[];
  return { status: out.status, stdout: out.stdout, stderr, proc };
}

const LINUX_HOST = process.platform === 'linux';
const me = process.pid;

const CASES: readonly [platform: string, name: string, header: string][] = [
  // Each platform's list columns: those whose functions its `availability` has.
  ['darwin:Darwin', 'macOS', 'PID PGID SID GROUPS USER COMMAND'],
  ['freebsd:FreeBSD', 'FreeBSD', 'PID PGID SID UMASK FILES GROUPS USER COMMAND'],
  ['openbsd:OpenBSD', 'OpenBSD', 'PID PGID SID GROUPS USER COMMAND'],
];

describe('the command on other platforms, simulated', { skip: !LINUX_HOST && 'simulation runs on Linux hosts' }, () => {
  for (const [platform, name, header] of CASES) {
    it(`${name}: the platform's columns, its backend's failures on stderr, no /proc`, () => {
      // The backend cannot reach its C library here: the listing and each PID fail, in one line each.
      const list = simulate(platform, []);
      assert.equal(list.status, 1);
      assert.equal(list.stdout, '');
      assert.match(
        list.stderr,
        new RegExp(`^psutil-extra: cannot list the processes: ENOTSUP: .*${name} C library.*\\n$`),
      );
      const some = simulate(platform, ['--pid', me]);
      assert.equal(some.status, 1);
      assert.equal(some.stdout.trim().replace(/ +/g, ' '), header);
      assert.match(some.stderr, new RegExp(`^psutil-extra: pid ${me}: ENOTSUP: .*${name} C library.*\\n$`));
      const report = simulate(platform, [me]);
      assert.equal(report.status, 1);
      assert.equal(report.stdout, '');
      assert.match(report.stderr, new RegExp(`^psutil-extra: pid ${me}: ENOTSUP: .*${name} C library.*\\n$`));
      for (const run of [list, some, report]) assert.deepEqual(run.proc, []);
    });
  }

  it('-o naming a column the platform lacks: left out and said so, not an error', () => {
    for (const [platform, name] of [
      ['darwin:Darwin', 'macOS'],
      ['openbsd:OpenBSD', 'OpenBSD'],
    ] as const) {
      const named = simulate(platform, ['-o', 'pid,umask', '--pid', me]);
      assert.match(named.stderr, new RegExp(`^psutil-extra: column umask is not available on ${name}\\n`));
      assert.equal(named.stdout.trim(), 'PID');
      assert.deepEqual(named.proc, []);
    }
  });

  it('macOS: --set is not available; help and version work; Windows: --user is not available', () => {
    const set = simulate('darwin:Darwin', ['--set', 'nofile=10', me]);
    assert.deepEqual(
      [set.status, set.stdout, set.stderr],
      [1, '', `psutil-extra: pid ${me}: setting limits is not available on macOS\n`],
    );
    const user = simulate('win32:Windows_NT', ['--user', 'root', '--pid', me], 'plain');
    assert.deepEqual(
      [user.status, user.stderr],
      [1, 'psutil-extra: --user is not available on Windows (no user ids)\n'],
    );
    assert.equal(simulate('darwin:Darwin', ['--help']).status, 0);
    assert.match(simulate('darwin:Darwin', ['--version']).stdout, /^psutil-extra \d/);
  });

  it('Windows: nothing about a process is available; every command says so in one line, exit status 1', () => {
    const gone = deadPid();
    const expected: [readonly (string | number)[], string][] = [
      [
        [],
        'psutil-extra: listing every process is not available on Windows; name processes with --pid PID,... or as arguments\n',
      ],
      [[me], `psutil-extra: pid ${me}: reading a process is not available on Windows\n`],
      // A PID that does not exist is not shown as a row either.
      [['--json', gone], `psutil-extra: pid ${gone}: reading a process is not available on Windows\n`],
      [['-o', 'pid', '--pid', gone], 'psutil-extra: reading a process is not available on Windows\n'],
      [['--set', 'core=0', me], `psutil-extra: pid ${me}: setting limits is not available on Windows\n`],
    ];
    for (const [args, stderr] of expected) {
      const run = simulate('win32:Windows_NT', args, 'plain');
      assert.deepEqual(
        [run.status, run.stdout, run.stderr],
        [1, args[0] === '--json' ? '[]\n' : '', stderr],
        args.join(' '),
      );
      assert.deepEqual(run.proc, []);
    }
  });

  it('Linux through the same harness: the report as usual, read through the library', () => {
    const run = simulate('linux:Linux', [me], 'plain');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`^PID ${me} node\\n {2}user `));
    assert.match(run.stdout, /^NOFILE .* files +\d+$/m);
  });
});
