// Names chosen to attack a terminal, through the built command: processes
// that set their own name (prctl(PR_SET_NAME)) to escape sequences, control
// characters, C1 bytes, invalid UTF-8, backslashes, newlines and spaces; a
// zombie with such a name; user and group names with them (a private
// /etc/passwd and /etc/group bind-mounted in a mount namespace); and
// arguments echoed in error messages. No byte a terminal acts on may reach
// stdout or stderr in the list, the report or an error; --json gives every
// name back exactly. Covers src/cli/text.ts through list.ts, report-text.ts,
// json.ts and main.ts.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Child, spawnCommand, statusField, waitFor } from '../../helpers/children.js';
import { assertInert, plainText, runCliBytes, runOnTerminal } from '../../helpers/cli.js';
import { needs } from '../../helpers/requirements.js';

const NEEDS_PYTHON = needs({ commands: ['python3'] });
const PYTHON = '/usr/bin/python3';

// Sets its own comm to the bytes given in hex, then sleeps. The pause first
// lets the spawn helper see it as python3.
const SET_NAME = [
  'import ctypes, sys, time',
  'time.sleep(0.2)',
  'ctypes.CDLL(None).prctl(15, ctypes.c_char_p(bytes.fromhex(sys.argv[1])), 0, 0, 0)',
  'time.sleep(60)',
].join('\n');

// A child that sets its name and exits at once; the parent sleeps without
// reaping it, so it stays a zombie with that name.
const ZOMBIE = [
  'import ctypes, os, sys, time',
  'if os.fork() == 0:',
  '    ctypes.CDLL(None).prctl(15, ctypes.c_char_p(bytes.fromhex(sys.argv[1])), 0, 0, 0)',
  '    os._exit(0)',
  'time.sleep(60)',
].join('\n');

const NAMES: readonly [what: string, bytes: Buffer][] = [
  ['an OSC title and BEL', Buffer.from('\x1b]0;pwn\x07', 'latin1')],
  ['a CSI clear screen', Buffer.from('\x1b[2J\x1b[H', 'latin1')],
  ['CR and TAB', Buffer.from('a\rb\tc', 'latin1')],
  ['a raw C1 CSI byte (0x9B)', Buffer.from([0x78, 0x9b, 0x32, 0x4a])],
  ['C1 CSI as UTF-8 (U+009B)', Buffer.from('x\u009b2J', 'utf8')],
  ['invalid UTF-8', Buffer.from([0xff, 0xfe, 0x41])],
  ['DEL', Buffer.from('x\x7fy', 'latin1')],
  ['a lone backslash', Buffer.from('back\\slash', 'latin1')],
  ['a backslash and n', Buffer.from('tail\\n', 'latin1')],
  ['a newline', Buffer.from('new\nline', 'latin1')],
  ['leading and trailing spaces', Buffer.from('  lead  ', 'latin1')],
  ['UTF-8', Buffer.from('café', 'utf8')],
  ['a right-to-left override', Buffer.from('a\u202eb', 'utf8')],
];

/** The name as the library decodes it (UTF-8, invalid bytes as U+FFFD). */
function decoded(bytes: Buffer): string {
  return bytes.toString('utf8');
}

/** What the command shows for it: one '?' per control, C1, U+FFFD or bidirectional code point. */
function shown(bytes: Buffer): string {
  // eslint-disable-next-line no-control-regex
  return decoded(bytes).replace(/[\u0000-\u001f\u007f-\u009f\ufffd\u202a-\u202e]/gu, '?');
}

interface JsonReport {
  pid: number;
  name: string | null;
}

describe('hostile process names', { skip: NEEDS_PYTHON }, () => {
  const children: { child: Child; bytes: Buffer; what: string }[] = [];

  before(async () => {
    for (const [what, bytes] of NAMES) {
      const child = await spawnCommand([PYTHON, '-c', SET_NAME, bytes.toString('hex')], 'python3');
      children.push({ child, bytes, what });
    }
    for (const { child, bytes } of children) {
      const want = Buffer.concat([bytes, Buffer.from('\n')]);
      await waitFor(() => readFileSync(`/proc/${child.pid}/comm`).equals(want), `comm of ${child.pid}`);
    }
  });

  after(async () => {
    await Promise.all(children.map(({ child }) => child.stop()));
  });

  it('the list: each name visible with ? for what a terminal would act on, nothing else changed', () => {
    const pids = children.map(({ child }) => child.pid).join(',');
    const r = runCliBytes(['--pid', pids, '-o', 'pid,name,uid']);
    assert.equal(r.status, 0, r.stderr.toString());
    assertInert(r.stdout, 'list stdout');
    assert.equal(r.stderr.length, 0);
    const lines = r.stdout.toString('utf8').split('\n');
    assert.equal(lines.length, children.length + 2);
    for (const { child, bytes, what } of children) {
      const line = lines.find((l) => l.trimStart().startsWith(`${child.pid} `));
      assert.ok(line !== undefined, what);
      // The name, padded to the column, then the uid.
      const rest = line.slice(line.indexOf(`${child.pid} `) + `${child.pid} `.length);
      assert.ok(rest.startsWith(shown(bytes)), what);
      assert.equal(rest.replace(/ +[0-9]+$/, ''), shown(bytes).trimEnd(), what);
    }
  });

  it(
    'the whole list (every process) and the list on a terminal carry no such byte either',
    { skip: needs({ commands: ['script'] }) },
    () => {
      const r = runCliBytes([]);
      assert.equal(r.status, 0, r.stderr.toString());
      assertInert(r.stdout, 'list stdout');
      const tty = runOnTerminal(['-o', 'pid,name,user,command'], { columns: 100, rows: 40 });
      assert.equal(tty.status, 0);
      assertInert(tty.output, 'list on a terminal', { colour: true, cr: true });
      const text = plainText(tty.output);
      for (const { child, bytes } of children) assert.ok(text.includes(` ${shown(bytes)}`), `${child.pid}`);
    },
  );

  it(
    'the report: the title line shows the name visible; every line inert, on a terminal too',
    { skip: needs({ commands: ['script'] }) },
    () => {
      for (const { child, bytes, what } of children) {
        const r = runCliBytes([child.pid]);
        assert.equal(r.status, 0, r.stderr.toString());
        assertInert(r.stdout, `report of ${what}`);
        assert.equal(r.stdout.toString('utf8').split('\n')[0], `PID ${child.pid} ${shown(bytes)}`, what);
      }
      const pids = children.map(({ child }) => child.pid);
      const tty = runOnTerminal(pids, { columns: 80, rows: 24 });
      assert.equal(tty.status, 0);
      assertInert(tty.output, 'reports on a terminal', { colour: true, cr: true });
    },
  );

  it('--json gives each name back exactly: spaces, backslashes and newlines as JSON escapes them', () => {
    const pids = children.map(({ child }) => child.pid);
    for (const args of [
      ['--json', ...pids],
      ['--json', '--pid', pids.join(',')],
    ]) {
      const r = runCliBytes(args);
      assert.equal(r.status, 0, r.stderr.toString());
      // Valid JSON, and as inert as text: JSON escapes what it must, \u escapes do the rest.
      assertInert(r.stdout, 'JSON');
      const reports = JSON.parse(r.stdout.toString('utf8')) as JsonReport[];
      for (const { child, bytes, what } of children) {
        assert.equal(reports.find((x) => x.pid === child.pid)?.name, decoded(bytes), what);
      }
    }
    const backslash = children.find(({ what }) => what === 'a lone backslash')!;
    const out = runCliBytes(['--json', backslash.child.pid]).stdout.toString('utf8');
    assert.match(out, /"name": "back\\\\slash",/);
  });

  it('a zombie named with an escape sequence: [name] <defunct> in the list, (zombie) in the report', async (t) => {
    const parent = await spawnCommand([PYTHON, '-c', ZOMBIE, Buffer.from('\x1b]0;z\x07').toString('hex')], 'python3');
    t.after(() => parent.stop());
    const zombie = await waitFor(() => {
      const kids = readFileSync(`/proc/${parent.pid}/task/${parent.pid}/children`, 'latin1').trim();
      return kids !== '' && statusField(Number(kids), 'State')?.startsWith('Z') ? Number(kids) : undefined;
    }, 'a zombie child');
    const list = runCliBytes(['--pid', zombie, '-o', 'pid,command']);
    assert.equal(list.status, 0, list.stderr.toString());
    assertInert(list.stdout, 'zombie row');
    assert.match(list.stdout.toString(), new RegExp(`^ *${zombie} \\[\\?\\]0;z\\?\\] <defunct>$`, 'm'));
    const everyone = runCliBytes([]);
    assertInert(everyone.stdout, 'every process with a zombie');
    assert.match(everyone.stdout.toString(), new RegExp(`^ *${zombie} .* \\[\\?\\]0;z\\?\\] <defunct>$`, 'm'));
    const report = runCliBytes([zombie]);
    assert.equal(report.status, 0, report.stderr.toString());
    assertInert(report.stdout, 'zombie report');
    assert.equal(report.stdout.toString().split('\n')[0], `PID ${zombie} ?]0;z? (zombie)`);
    const json = JSON.parse(runCliBytes(['--json', zombie]).stdout.toString()) as JsonReport[];
    assert.equal(json[0]?.name, '\x1b]0;z\x07');
  });
});

describe('hostile arguments in error messages', () => {
  it('usage errors and failures quote what was typed, made visible', () => {
    const cases: [string[], RegExp][] = [
      [['--\x1b]0;pwn\x07'], /^psutil-extra: unknown option '--\?\]0;pwn\?'\n/],
      [['-o', 'pid,\u009b2J'], /^psutil-extra: unknown column '\?2J' in --columns;/],
      [['--user', 'x\x1b[2J\x7f'], /^psutil-extra: unknown user 'x\?\[2J\?' in --user\n/],
      [['--set', '\x1b[31m=1', '1'], /^psutil-extra: invalid --set '\?\[31m=1': bad resource name '\?\[31m'\n/],
      [['\rpid'], /^psutil-extra: invalid PID '\?pid': not a positive integer\n/],
      [['--watch', '\x07'], /^psutil-extra: invalid --watch '\?'/],
    ];
    for (const [args, message] of cases) {
      const r = runCliBytes(args);
      assert.equal(r.status, 2, JSON.stringify(args));
      assert.equal(r.stdout.length, 0);
      assertInert(r.stderr, `stderr of ${JSON.stringify(args)}`);
      assert.match(r.stderr.toString(), message);
    }
  });
});

// Only root may bind-mount files over /etc/passwd and /etc/group (in a mount
// namespace of the command's own) and start a process as that user.
const NEEDS_NAMESPACE = needs({ root: 'to mount over /etc/passwd', commands: ['unshare', 'mount', 'setpriv'] });

describe('hostile user and group names', { skip: NEEDS_NAMESPACE }, () => {
  let dir: string;
  let child: Child;
  const UID = 4321;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'psutil-extra-names-'));
    const passwd = readFileSync('/etc/passwd');
    const group = readFileSync('/etc/group');
    writeFileSync(
      join(dir, 'passwd'),
      Buffer.concat([passwd, Buffer.from(`\x1b]0;pwn\x07:x:${UID}:${UID}::/:/bin/false\n`, 'latin1')]),
    );
    // Invalid UTF-8 (0x9B alone) and a UTF-8 C1 in group names.
    writeFileSync(
      join(dir, 'group'),
      Buffer.concat([
        group,
        Buffer.from('grp', 'latin1'),
        Buffer.from([0x9b]),
        Buffer.from(`:x:${UID}:\nc1\u0085:x:${UID + 1}:\n`),
      ]),
    );
    child = await spawnCommand(
      ['setpriv', `--reuid=${UID}`, `--regid=${UID}`, `--groups=${UID},${UID + 1}`, 'sleep', '60'],
      'sleep',
    );
  });

  after(async () => {
    await child.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  function withNames(args: readonly (string | number)[]): ReturnType<typeof runCliBytes> {
    const script = 'mount --bind "$0" /etc/passwd && mount --bind "$1" /etc/group && shift && exec "$@"';
    return runCliBytes(args, {
      prefix: ['unshare', '-m', 'sh', '-c', script, join(dir, 'passwd'), join(dir, 'group')],
    });
  }

  it('the USER column, the report and --user NAME', () => {
    const list = withNames(['--pid', child.pid, '-o', 'pid,user']);
    assert.equal(list.status, 0, list.stderr.toString());
    assertInert(list.stdout, 'list');
    assert.match(list.stdout.toString(), new RegExp(`^ *${child.pid} \\?\\]0;pwn\\?$`, 'm'));
    const report = withNames([child.pid]);
    assert.equal(report.status, 0, report.stderr.toString());
    assertInert(report.stdout, 'report');
    const text = report.stdout.toString();
    assert.match(text, new RegExp(`^ {2}user {13}\\?\\]0;pwn\\? \\(uid ${UID}\\)$`, 'm'));
    assert.match(text, new RegExp(`^ {2}groups {11}${UID}\\(grp\\?\\) ${UID + 1}\\(c1\\?\\)$`, 'm'));
    // The name as the file spells it selects the user.
    const chosen = withNames(['--user', '\x1b]0;pwn\x07', '-o', 'pid', '--no-header']);
    assert.equal(chosen.status, 0, chosen.stderr.toString());
    assert.deepEqual(chosen.stdout.toString().trim().split(/\s+/).map(Number), [child.pid]);
    const json = JSON.parse(withNames(['--json', child.pid]).stdout.toString()) as { user: string }[];
    assert.equal(json[0]?.user, '\x1b]0;pwn\x07');
  });
});
