// A zombie to test against: `sh -c 'sleep 0.05 & exec sleep 30'` — the shell
// execs into a sleep that never reaps the backgrounded one, which becomes a zombie.
import { readFileSync } from 'node:fs';
import { type Child, spawnShell, waitFor } from './children.js';

export interface Zombie {
  readonly pid: number;
  readonly parent: Child;
  stop(): Promise<void>;
}

export async function spawnZombie(): Promise<Zombie> {
  const parent = await spawnShell('sleep 0.05 & exec sleep 30');
  try {
    const pid = await waitFor(() => zombieChildOf(parent.pid), `a zombie child of ${parent.pid}`);
    return { pid, parent, stop: () => parent.stop() };
  } catch (err) {
    await parent.stop();
    throw err;
  }
}

function zombieChildOf(ppid: number): number | undefined {
  const children = readFileSync(`/proc/${ppid}/task/${ppid}/children`, 'latin1').trim();
  for (const pid of children.split(' ').filter(Boolean).map(Number)) {
    try {
      if (readFileSync(`/proc/${pid}/stat`, 'latin1').match(/\) (\S)/)?.[1] === 'Z') return pid;
    } catch {
      // gone already
    }
  }
  return undefined;
}
