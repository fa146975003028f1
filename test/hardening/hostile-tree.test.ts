// A procfs tree given to setProcfsPath() that holds something other than the
// kernel's files. Every function is called on every kind of file a directory
// can hold in place of status, stat, limits or the PID directory itself, in
// an agent with a time limit: each call must finish at once with the true
// value (for files it does not read) or a documented error, never hang, read
// without bound or answer from what is not a regular file.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Child, spawnShell } from '../helpers/children.js';
import { PROCESS_CALLS, PROCESS_FUNCTIONS, type ProcessFunction } from '../helpers/public-functions.js';
import { needs } from '../helpers/requirements.js';
import { type Outcome, runAgent, scratchDir } from './support.js';

type Kind = 'fifo' | 'socket' | 'device' | 'directory' | 'symlink' | 'loop' | 'huge' | 'empty';
const KINDS: readonly Kind[] = ['fifo', 'socket', 'device', 'directory', 'symlink', 'loop', 'huge', 'empty'];
const FILES = ['status', 'stat', 'limits', 'cmdline'] as const;
type File = (typeof FILES)[number];

// What each per-process function reads in a tree that is not a procfs mount
// (no system call takes a PID there, so pgid and sid come from stat). Typed
// by the shared list: a new function needs its entry. 'every status' is a
// call that reads every process's status (the NPROC count): a hostile file
// anywhere in the tree is its answer, so it is only held to finishing with a
// value or a documented error.
const READS: Readonly<Record<ProcessFunction, readonly File[] | 'every status'>> = {
  procGetUmask: ['status'],
  procGetgroups: ['status'],
  procRlimit: ['limits'],
  procGetrlimit: ['limits'],
  procGetpgid: ['stat'],
  procGetsid: ['stat'],
  procGetSigmasks: ['status'],
  procGetName: ['status'],
  procGetUids: ['status'],
  procGetCmdline: ['cmdline'],
  procGetrlimitUsage: [],
  procGetAllRlimits: 'every status',
  procNumFds: [],
};

const QUERIES: readonly { fn: string; args: readonly unknown[]; reads: readonly File[] | 'every status' }[] = [
  ...PROCESS_FUNCTIONS.map((fn) => ({ fn, args: PROCESS_CALLS[fn], reads: READS[fn] })),
  { fn: 'procAsDict', args: [{ attrs: ['umask', 'groups', 'pgid'] }], reads: ['status', 'stat'] },
  { fn: 'Process.getUmask', args: [], reads: ['status'] },
  { fn: 'Process.getsid', args: [], reads: ['stat'] },
];

// Files whose empty or large forms are answers too: a kernel thread's
// cmdline is empty, and a command line may be megabytes long.
const VALID: Readonly<Partial<Record<File, readonly Kind[]>>> = { cmdline: ['empty', 'huge'] };

// Errors a hostile file may give: content refused (EBADMSG), a path that does
// not resolve (ELOOP, ENOTDIR), or, for an empty limits file, what the kernel
// means by one (a task being reaped: NoSuchProcess).
const DOCUMENTED = new Set(['EBADMSG', 'ELOOP', 'ENOTDIR']);

// mknod makes the device; setpriv gives the child whose files are copied groups of its own.
const NEEDS_ROOT = needs({ root: 'for mknod and setpriv', commands: ['setpriv'] });

void describe('hardening: hostile procfs trees', { skip: NEEDS_ROOT }, () => {
  let child: Child;
  let dir: string;
  const servers: ReturnType<typeof createServer>[] = [];
  const layout = new Map<number, { file: File | 'dir'; kind: Kind }>();
  // A PID directory with intact copies: what every call must answer when it reads no hostile file.
  const INTACT = 100;

  before(async () => {
    child = await spawnShell('umask 027; exec setpriv --groups 4,24 sleep 1000');
    dir = scratchDir('hostile');
  });

  after(async () => {
    await child.stop();
    for (const server of servers) server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function place(path: string, kind: Kind): void {
    switch (kind) {
      case 'fifo':
        execFileSync('mkfifo', [path]);
        break;
      case 'socket':
        // Made by the caller, which must keep a server listening.
        break;
      case 'device':
        // /dev/zero's numbers (Documentation/admin-guide/devices.txt: char 1:5).
        execFileSync('mknod', [path, 'c', '1', '5']);
        break;
      case 'directory':
        mkdirSync(path);
        break;
      case 'symlink':
        symlinkSync('/dev/zero', path);
        break;
      case 'loop':
        symlinkSync(`${path}`, path);
        break;
      case 'huge':
        // Twice the largest status any kernel prints.
        writeFileSync(path, Buffer.alloc(2 * 1024 * 1024, 0x41));
        break;
      case 'empty':
        writeFileSync(path, '');
        break;
    }
  }

  async function buildTree(): Promise<string> {
    const root = join(dir, 'proc');
    mkdirSync(root);
    const copy = (name: string): void => {
      mkdirSync(join(root, name));
      for (const file of FILES) writeFileSync(join(root, name, file), readFileSync(`/proc/${child.pid}/${file}`));
      // The fd directory as names only (the kernel's entries are symlinks to the open files).
      mkdirSync(join(root, name, 'fd'));
      for (const fd of ['0', '1', '2']) writeFileSync(join(root, name, 'fd', fd), '');
    };
    copy('self');
    copy(String(INTACT));
    let pid = INTACT;
    for (const file of FILES) {
      for (const kind of KINDS) {
        pid++;
        copy(String(pid));
        const path = join(root, String(pid), file);
        rmSync(path);
        if (kind === 'socket') {
          const server = createServer();
          await new Promise<void>((resolve) => server.listen(path, resolve));
          servers.push(server);
        } else {
          place(path, kind);
        }
        layout.set(pid, { file, kind });
      }
    }
    for (const kind of ['fifo', 'loop', 'device'] as const) {
      pid++;
      place(join(root, String(pid)), kind);
      layout.set(pid, { file: 'dir', kind });
    }
    return root;
  }

  void it('every call on every kind of file finishes with the true value or a documented error', async (t) => {
    const root = await buildTree();
    const queries: { fn: string; args: unknown[] }[] = QUERIES.map((q) => ({ fn: q.fn, args: [INTACT, ...q.args] }));
    for (const [pid] of layout) for (const q of QUERIES) queries.push({ fn: q.fn, args: [pid, ...q.args] });
    const started = Date.now();
    const { result } = await runAgent<{ outcomes: Outcome[] }>(
      [],
      'query-agent',
      { procfs: root, queries },
      {
        timeoutMs: 30_000,
      },
    );
    const elapsed = Date.now() - started;
    const expected = result.outcomes.slice(0, QUERIES.length);
    for (const [k, got] of expected.entries()) {
      if (QUERIES[k]!.reads === 'every status') continue;
      assert.ok('ok' in got, `${QUERIES[k]!.fn} on intact copies: ${JSON.stringify(got)}`);
    }
    // A value, or an error some file of the tree documents (an empty limits
    // file means a task being reaped: NoSuchProcess).
    const finished = (got: Outcome, what: string): void =>
      assert.ok('ok' in got || DOCUMENTED.has(String(got.error.code)) || got.error.name === 'NoSuchProcess', what);
    let refused = 0;
    let i = QUERIES.length;
    for (const [pid, { file, kind }] of layout) {
      QUERIES.forEach((q, k) => {
        const got = result.outcomes[i++]!;
        const what = `${q.fn} with ${file} as ${kind} (pid ${pid}): ${JSON.stringify(got)}`;
        if (q.reads === 'every status') {
          finished(got, what);
          return;
        }
        const touched = file === 'dir' || q.reads.includes(file);
        if (touched && file !== 'dir' && VALID[file]?.includes(kind)) {
          assert.ok('ok' in got, what);
          return;
        }
        if (!touched) {
          assert.deepEqual(got, expected[k], what);
          return;
        }
        assert.ok('error' in got, what);
        const code = String(got.error.code);
        if (file === 'limits' && kind === 'empty') assert.equal(got.error.name, 'NoSuchProcess', what);
        else if (kind === 'empty') assert.equal(code, 'EBADMSG', what);
        else assert.ok(DOCUMENTED.has(code), what);
        refused++;
      });
    }
    t.diagnostic(
      `FIGURES hostile-tree: ${layout.size} layouts x ${QUERIES.length} calls in ${elapsed} ms (one agent), ${refused} refused with a documented error, 0 hangs`,
    );
  });
});
