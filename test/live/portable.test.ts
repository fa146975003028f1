// Real-kernel checks that hold on every supported OS: they run here against
// Linux and, through .github/workflows/platforms.yml, against real macOS,
// FreeBSD, OpenBSD, NetBSD, DragonFly and illumos kernels. Children set their
// state with POSIX sh (umask, ulimit, trap) before exec, which keeps it; Node's
// detached spawn gives them their own session (setsid).
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { getegid } from 'node:process';
import {
  NoSuchProcess,
  Process,
  ZombieProcess,
  AccessDenied,
  availability,
  procGetSigmasks,
  procGetUmask,
  procGetgroups,
  procGetpgid,
  procGetrlimit,
  procGetsid,
  procRlimit,
} from '../../src/index.js';

interface ShChild {
  pid: number;
  lines: string[];
  stop(): Promise<void>;
}

// Starts `sh -c script` in a new session and waits for its first `lines` output lines.
async function sh(script: string, lines = 1): Promise<ShChild> {
  const proc: ChildProcess = spawn('sh', ['-c', script], { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((done) => proc.once('exit', () => done()));
  const out = await new Promise<string[]>((done, fail) => {
    let text = '';
    proc.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const got = text.split('\n').slice(0, -1);
      if (got.length >= lines) done(got);
    });
    proc.once('exit', () => fail(new Error(`sh exited early: ${script}`)));
  });
  return {
    pid: proc.pid!,
    lines: out,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      await exited;
    },
  };
}

const SETUP = 'umask 027; ulimit -Sn 100; trap "" PIPE; echo ready; exec sleep 1000';

function deadPid(): number {
  const pid = spawnSync('sh', ['-c', 'exit 0']).pid;
  if (pid === undefined || pid === 0) throw new Error('could not spawn sh');
  return pid;
}

describe('every platform, real kernel', () => {
  it('pgid and sid of a session leader are its own PID', { skip: !availability.procGetpgid }, async () => {
    const child = await sh(SETUP);
    try {
      assert.equal(procGetpgid(child.pid), child.pid);
      assert.equal(procGetsid(child.pid), child.pid);
    } finally {
      await child.stop();
    }
  });

  it('groups: what getgroups(2) reports, give or take the egid', { skip: !availability.procGetgroups }, () => {
    // Some kernels list the egid first (macOS, FreeBSD, DragonFly), others only
    // supplementary groups (Linux, OpenBSD, NetBSD, illumos); Node adds the egid.
    const withEgid = (gids: number[]) => [...new Set([...gids, getegid!()])].sort((a, b) => a - b);
    const ours = withEgid(procGetgroups(process.pid));
    const node = withEgid(process.getgroups!());
    // macOS getgroups(2) may add directory-service groups the kernel's 16 slots lack.
    if (process.platform === 'darwin')
      assert.ok(
        ours.every((g) => node.includes(g)),
        `${ours.join()} within ${node.join()}`,
      );
    else assert.deepEqual(ours, node);
  });

  it('an ignored signal set before exec is reported ignored', { skip: !availability.procGetSigmasks }, async () => {
    const child = await sh(SETUP);
    try {
      assert.ok(procGetSigmasks(child.pid).ignored.has(13), 'SIGPIPE (13) ignored');
    } finally {
      await child.stop();
    }
  });

  it('reads the soft RLIMIT_NOFILE a child set', { skip: !availability.procGetrlimit }, async () => {
    const child = await sh(SETUP);
    try {
      assert.equal(procGetrlimit(child.pid, 'RLIMIT_NOFILE')[0], 100);
    } finally {
      await child.stop();
    }
  });

  it("sets another process's limits and returns the previous ones", { skip: !availability.procRlimit }, async () => {
    const child = await sh(SETUP);
    try {
      const [, hard] = procGetrlimit(child.pid, 'RLIMIT_NOFILE', { bigint: true });
      assert.deepEqual(procRlimit(child.pid, 'RLIMIT_NOFILE', [50n, hard], { bigint: true }), [100n, hard]);
      assert.deepEqual(procGetrlimit(child.pid, 'RLIMIT_NOFILE', { bigint: true }), [50n, hard]);
    } finally {
      await child.stop();
    }
  });

  it("reads a child's umask", { skip: !availability.procGetUmask }, async () => {
    const child = await sh(SETUP);
    try {
      assert.equal(procGetUmask(child.pid), 0o027);
    } finally {
      await child.stop();
    }
  });

  it('a Process handle sees its process end', { skip: !availability.processIdentity }, async () => {
    const child = await sh(SETUP);
    const handle = new Process(child.pid);
    try {
      assert.equal(handle.isRunning(), true);
      await child.stop();
      assert.equal(handle.isRunning(), false);
      if (availability.procGetpgid) assert.throws(() => handle.getpgid(), NoSuchProcess);
    } finally {
      handle.close();
      await child.stop();
    }
  });

  it('a dead PID is NoSuchProcess for every available function', () => {
    const pid = deadPid();
    const calls: [keyof typeof availability, () => unknown][] = [
      ['procGetUmask', () => procGetUmask(pid)],
      ['procGetgroups', () => procGetgroups(pid)],
      ['procGetrlimit', () => procGetrlimit(pid, 'RLIMIT_NOFILE')],
      ['procGetpgid', () => procGetpgid(pid)],
      ['procGetsid', () => procGetsid(pid)],
      ['procGetSigmasks', () => procGetSigmasks(pid)],
      ['processIdentity', () => new Process(pid)],
    ];
    for (const [fn, call] of calls) {
      if (!availability[fn]) continue;
      assert.throws(call, (err: unknown) => err instanceof NoSuchProcess && !(err instanceof ZombieProcess), fn);
    }
  });

  it('a zombie still exists: values, ZombieProcess or AccessDenied, never NoSuchProcess', async () => {
    // The backgrounded sh becomes the child of `sleep`, which never reaps it.
    // It ends a second later, once its parent is `sleep`: a child that ended
    // while its parent was still the shell could be reaped by the shell (dash
    // does so before exec).
    const parent = await sh('sh -c "sleep 1" & echo $!; exec sleep 1000');
    const zombie = Number(parent.lines[0]);
    try {
      await new Promise((r) => setTimeout(r, 1500));
      // Where /proc/PID/stat exists (Linux), make sure the test's premise holds.
      if (existsSync(`/proc/${zombie}/stat`)) {
        assert.match(readFileSync(`/proc/${zombie}/stat`, 'latin1'), /\) Z /);
      }
      const calls: [keyof typeof availability, () => unknown][] = [
        ['procGetUmask', () => procGetUmask(zombie)],
        ['procGetgroups', () => procGetgroups(zombie)],
        ['procGetrlimit', () => procGetrlimit(zombie, 'RLIMIT_NOFILE')],
        ['procGetpgid', () => procGetpgid(zombie)],
        ['procGetsid', () => procGetsid(zombie)],
        ['procGetSigmasks', () => procGetSigmasks(zombie)],
      ];
      for (const [fn, call] of calls) {
        if (!availability[fn]) continue;
        try {
          call();
        } catch (err) {
          const ok = err instanceof ZombieProcess || err instanceof AccessDenied;
          assert.ok(ok, `${fn} on a zombie: ${String(err)}`);
        }
      }
      if (availability.processIdentity) {
        const handle = new Process(zombie);
        assert.equal(handle.isRunning(), true, 'an unreaped zombie has not been replaced');
        handle.close();
      }
    } finally {
      await parent.stop();
    }
  });
});
