// Sleeping processes to measure against: one to read, or thousands for the
// snapshot's growth. All are in one new process group, killed together.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface Sleepers {
  /** The PID of one sleeping process (a child of the group's shell). */
  readonly pid: number;
  /** Kills the group and waits until none of it is left, zombies included. */
  stop(): Promise<void>;
}

/** Starts `count` sleep processes and waits until all of them have exec'd. */
export async function startSleepers(count: number): Promise<Sleepers> {
  const script = `i=0; while [ $i -lt ${count} ]; do sleep 1000000 & i=$((i+1)); done; echo $!; wait`;
  const shell = spawn('sh', ['-c', script], { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
  const group = shell.pid;
  if (group === undefined) throw new Error('could not start sh');
  const last = await new Promise<number>((resolve, reject) => {
    shell.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    shell.once('exit', () => reject(new Error('sh exited before starting its sleepers')));
  });
  shell.stdout.destroy();
  // The last one started; wait until every child of the shell is sleep itself.
  for (;;) {
    if (isSleep(last) && childrenOf(group).every(isSleep)) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    pid: last,
    async stop() {
      const exited = new Promise<void>((resolve) => {
        if (shell.exitCode !== null || shell.signalCode !== null) resolve();
        else shell.once('exit', () => resolve());
      });
      signalGroup(group, 'SIGKILL');
      await exited;
      // The sleepers are reaped by whoever inherits them; until then they
      // still count as processes on the machine.
      while (signalGroup(group, 0)) await new Promise((r) => setTimeout(r, 20));
    },
  };
}

// True while some process (a zombie too) is in the group.
function signalGroup(group: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-group, signal);
    return true;
  } catch {
    return false;
  }
}

function isSleep(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'latin1') === 'sleep\n';
  } catch {
    return false;
  }
}

function childrenOf(pid: number): number[] {
  try {
    const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'latin1').trim();
    return text === '' ? [] : text.split(' ').map(Number);
  } catch {
    return [];
  }
}
